// SKP planning in a real browser against the real server and its demo city: a pelaksana drafts
// and submits next year's SKP under his supervisor's RHK, the supervisor approves it from SKP Tim,
// and the pelaksana sees the approval and its notification; the phone layout of SKP Saya; and the
// Peta Kinerja of a kepala dinas, with a new Perjanjian Kinerja goal flagged as not yet carried.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';

const PASSWORD = 'kinerja2026';
/** Demo accounts (see `kinerja seed demo`): the chain from the head of Dinas Kesehatan down to Dedi. */
const KADINKES = 'kadinkes';
const KABID = 'kabid.yankes';
const KASI = 'kasi.rujukan';
const DEDI = 'dedi';
const DEDI_NAME = 'Dedi Kurniawan';
/** Every demo employee already has an approved SKP for this year, so the flow uses the next one. */
const YEAR = new Date().getFullYear();
const NEXT = YEAR + 1;
const KASI_RHK = 'Terkelolanya data rujukan pasien antar fasilitas kesehatan';
const DEDI_RHK = 'Tersusunnya laporan bulanan data rujukan pasien';

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
const TIMEOUT = { timeout: 120_000 };

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
}, { timeout: 180_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page, name) => page.screenshot({ path: new URL(name, SCREENSHOTS).pathname, fullPage: true });

const api = (token, method, path, body) => callApi(server.base, token, method, path, body);
const apiLogin = (username) => loginToken(server.base, username);

/** An SKP for `year` with one RHK under `above` (`{ pk_goal_id }` or `{ parent_rhk_id }`); returns the RHK. */
async function planWithOneRhk(token, year, text, above) {
  const skp = await api(token, 'POST', '/skps', { year, approach: 'kuantitatif' });
  return api(token, 'POST', `/skps/${skp.id}/rhk`, {
    text,
    kind: 'utama',
    ...above,
    indicators: [{ aspect: 'kuantitas', text: 'Jumlah keluaran yang diselesaikan', target: 4, unit: 'dokumen' }],
  });
}

/**
 * Next year's chain above Dedi, through the API: a Perjanjian Kinerja goal of Dinas Kesehatan,
 * the kepala dinas's RHK carrying it, the kepala bidang's under hers, the kepala seksi's under his.
 */
async function planTheChainAboveDedi() {
  const kadinkes = await apiLogin(KADINKES);
  const me = await api(kadinkes, 'GET', '/me');
  const dinkes = me.employee.unit_id;
  const goal = await api(kadinkes, 'POST', `/units/${dinkes}/pk`, {
    year: NEXT,
    text: 'Meningkatnya mutu layanan rujukan kesehatan',
    indicators: [{ text: 'Fasilitas rujukan terakreditasi', target: 100, unit: '%' }],
  });
  const top = await planWithOneRhk(kadinkes, NEXT, 'Terwujudnya layanan rujukan yang bermutu', {
    pk_goal_id: goal.id,
  });
  const middle = await planWithOneRhk(await apiLogin(KABID), NEXT, 'Terlaksananya program pelayanan rujukan', {
    parent_rhk_id: top.id,
  });
  await planWithOneRhk(await apiLogin(KASI), NEXT, KASI_RHK, { parent_rhk_id: middle.id });
}

/** The chain is set up once, by whichever test needs it first. */
let chain;
const chainAboveDedi = () => (chain ??= planTheChainAboveDedi());

async function signIn(page, username) {
  await page.goto(`${server.base}/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

async function signOut(page) {
  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.waitForURL('**/masuk');
}

async function openFromNav(page, label, path) {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: label }).click();
  await page.waitForURL(`**${path}`);
  await page.getByRole('heading', { name: label, level: 1 }).waitFor();
}

/** Waits until the plan on screen shows `status` (the page reads the plan again after a change). */
const planStatus = (page, status) =>
  page.locator('.skp-summary .badge', { hasText: new RegExp(`^${status}$`) }).waitFor();

test('a pelaksana plans and submits his SKP, his penilai approves it, and he is told', TIMEOUT, async () => {
  await chainAboveDedi();
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    // Dedi drafts next year's plan under Kasi's RHK and submits it.
    await signIn(page, DEDI);
    await openFromNav(page, 'SKP Saya', '/skp');
    await page.getByLabel('Tahun').selectOption(String(NEXT));
    await page.getByRole('heading', { name: `Belum ada SKP tahun ${NEXT}` }).waitFor();
    await page.getByRole('button', { name: `Buat SKP ${NEXT}` }).click();
    await page.getByText('SKP dibuat. Tambahkan RHK Anda.').waitFor();
    await planStatus(page, 'Draf');

    await page.getByLabel('Rencana hasil kerja', { exact: true }).fill(DEDI_RHK);
    await page.getByLabel('RHK atasan yang diintervensi').selectOption({ label: KASI_RHK });
    await page.getByLabel('Aspek').selectOption('kuantitas');
    await page.getByLabel('Indikator', { exact: true }).fill('Laporan data rujukan yang disusun');
    await page.getByLabel('Target').fill('12');
    await page.getByLabel('Satuan').fill('laporan');
    await page.getByRole('button', { name: 'Tambah RHK' }).click();
    await page.locator('.toast').getByText(/^RHK “.+” ditambahkan\.$/).waitFor();
    const rhk = page.locator('.rhk-list .rhk');
    await rhk.getByText(DEDI_RHK).waitFor();
    assert.equal(await rhk.count(), 1);
    await rhk.getByText(KASI_RHK).waitFor();
    await rhk.getByText('12 laporan').waitFor();
    await shot(page, 'skp-draft.png');

    await page.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('Ajukan SKP ini ke pejabat penilai sekarang?').waitFor();
    await confirm.getByRole('button', { name: 'Ya, ajukan' }).click();
    await page.getByText('SKP diajukan ke pejabat penilai.').waitFor();
    await planStatus(page, 'Diajukan');
    assert.equal(await page.getByRole('button', { name: 'Tambah RHK' }).count(), 0, 'a submitted SKP is locked');
    await signOut(page);

    // Kasi finds it in her queue and approves it.
    await signIn(page, KASI);
    await openFromNav(page, 'SKP Tim', '/skp/tim');
    const queued = page.getByRole('row', { name: new RegExp(DEDI_NAME) });
    await queued.getByRole('link', { name: 'Periksa' }).click();
    await page.waitForURL(/\/skp\/\d+$/);
    await page.getByRole('heading', { name: `SKP ${DEDI_NAME}`, level: 1 }).waitFor();
    await page.getByText(DEDI_RHK).waitFor();
    await planStatus(page, 'Diajukan');
    await shot(page, 'skp-review.png');
    await page.getByRole('button', { name: 'Setujui' }).click();
    await page.getByText('SKP disetujui.').waitFor();
    await planStatus(page, 'Disetujui');
    assert.equal(await page.getByRole('button', { name: 'Setujui' }).count(), 0, 'nothing left to decide');
    await page.getByRole('link', { name: 'SKP Tim' }).click();
    await page.getByText('Tidak ada SKP yang menunggu persetujuan.').waitFor();
    await signOut(page);

    // Dedi sees the approval on the bell, follows the notification, and finds his plan approved.
    await signIn(page, DEDI);
    const bell = page.locator('.bell-menu summary');
    await page.waitForFunction(() =>
      document.querySelector('.bell-menu summary')?.getAttribute('aria-label')?.includes('1 belum dibaca'),
    );
    assert.equal(await page.locator('.bell-count').textContent(), '1');
    await bell.click();
    const note = page.locator('.bell-item', { hasText: `SKP ${NEXT} disetujui` });
    await note.waitFor();
    await shot(page, 'skp-notification.png');
    await note.click();
    await page.waitForURL(/\/skp\/\d+$/);
    await page.getByRole('heading', { name: `SKP ${DEDI_NAME}`, level: 1 }).waitFor();
    await planStatus(page, 'Disetujui');
    await page.locator('.bell-count').waitFor({ state: 'detached' });

    await openFromNav(page, 'SKP Saya', '/skp');
    await page.getByLabel('Tahun').selectOption(String(NEXT));
    await page.getByRole('button', { name: 'Buat revisi' }).waitFor();
    await planStatus(page, 'Disetujui');
    await page.getByRole('heading', { name: 'Riwayat revisi' }).waitFor();
    await shot(page, 'skp-approved.png');

    await page.goto(`${server.base}/notifikasi`);
    await page.getByRole('heading', { name: 'Notifikasi', level: 1 }).waitFor();
    await page.locator('.notification', { hasText: `SKP ${NEXT} disetujui` }).waitFor();
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('a penilai hands her RHK down to a subordinate from SKP Tim', TIMEOUT, async () => {
  await chainAboveDedi();
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await signIn(page, KASI);
    await openFromNav(page, 'SKP Tim', '/skp/tim');
    await page.getByLabel('Tahun').selectOption(String(NEXT));
    await page.getByRole('heading', { name: 'Turunkan RHK' }).waitFor();
    await page.getByLabel('RHK Anda').selectOption({ label: KASI_RHK });
    await page.getByLabel(/^Sri Wahyuni, S\.Kep\./).check();
    await page.getByRole('button', { name: 'Turunkan RHK' }).click();
    await page.getByText('RHK dibuat untuk 1 pegawai: Sri Wahyuni, S.Kep.', { exact: true }).waitFor();
    // Sri had no plan for the year: the server started one, in draft.
    const sri = page.getByRole('row', { name: /Sri Wahyuni/ });
    await sri.locator('.badge', { hasText: /^Draf$/ }).waitFor();
    await shot(page, 'skp-team.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('on a 375x667 phone SKP Saya fits the screen, in both languages', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, {
    viewport: { width: 375, height: 667 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    await signIn(page, 'sri');
    await page.getByRole('button', { name: 'Menu' }).click();
    await openFromNav(page, 'SKP Saya', '/skp');
    await planStatus(page, 'Disetujui');
    await page.locator('.rhk-list .rhk').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `nothing sticks out sideways (page is ${width}px wide)`);
    await shot(page, 'skp-phone.png');

    // The same page in English: every text has its translation (a missing one shows its key).
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'My SKP', level: 1 }).waitFor();
    await planStatus(page, 'Approved');
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /\b(skp|rhk|indicator|behavior|common|nav|notifications)\.[a-z_]+/);
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('a kepala dinas reads the Peta Kinerja and adds a goal that shows as not yet carried', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await signIn(page, KADINKES);
    await openFromNav(page, 'Peta Kinerja', '/peta-kinerja');
    await page.getByRole('heading', { name: 'Pemantauan SKP' }).waitFor();
    await page.locator('.tiles .tile').first().waitFor();
    await page.getByText('Meningkatnya derajat kesehatan masyarakat').first().waitFor();
    assert.ok((await page.locator('.perf-tree .tree-node').count()) > 0, 'the demo RHK hang under the goals');
    await shot(page, 'peta-kinerja.png');

    await page.getByLabel('Tahun').selectOption(String(NEXT));
    const goal = 'Meningkatnya cakupan imunisasi dasar lengkap';
    await page.getByLabel('Sasaran', { exact: true }).fill(goal);
    await page.getByLabel('Indikator', { exact: true }).fill('Cakupan imunisasi dasar lengkap');
    await page.getByLabel('Target').fill('95');
    await page.getByLabel('Satuan').fill('%');
    await page.getByRole('button', { name: 'Tambah sasaran' }).click();
    await page.getByText(`Sasaran ditambahkan: ${goal}`).waitFor();
    const added = page.locator('.tree-goal.tree-warn', { hasText: goal });
    await added.getByText('Belum ada RHK yang mengintervensi sasaran ini.').waitFor();
    await shot(page, 'peta-kinerja-next-year.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});
