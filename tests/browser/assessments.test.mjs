// Ratings (penilaian kinerja) in a real browser against the real server and its demo city. The
// demo has the previous quarter rated (Dedi's rating objected and waiting for Kabid's decision,
// an organisation predikat for DINKES whose distribution deviates) and nothing yet for the
// quarter running today: Kasi rates Dedi for it from the evidence view, watching the predikat
// follow the ratings, saves and finalises; Dedi accepts it; Kabid upholds the objection of the
// quarter before; Kadinkes reads the calibration of that quarter; and the pages fit a phone.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';
import { openFromNav, screenshotsReady, shot, signInAt, signOut } from './session.mjs';

/** Demo accounts (see `kinerja seed demo`): Kasi (Rina Marlina) rates Dedi and Sri; Kabid is her supervisor. */
const KASI = 'kasi.rujukan';
const KABID = 'kabid.yankes';
const KADINKES = 'kadinkes';
const DEDI = 'dedi';
const DEDI_NAME = 'Dedi Kurniawan';

const TIMEOUT = { timeout: 120_000 };

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await screenshotsReady();
}, { timeout: 180_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
});

const api = (token, method, path, body) => callApi(server.base, token, method, path, body);
const apiLogin = (username) => loginToken(server.base, username);
const signIn = (page, username) => signInAt(page, server.base, username);

/** The quarter the browser's clock is in, and the one before it: `{ now: '2026-Q4', before: '2026-Q3' }`. */
const quarters = (page) =>
  page.evaluate(() => {
    const d = new Date();
    const year = d.getFullYear();
    const q = Math.ceil((d.getMonth() + 1) / 3);
    return { now: `${year}-Q${q}`, before: q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}` };
  });

/** `2026-Q3` as the pages write it: `Triwulan 3 2026`. */
const quarterWords = (period) => {
  const [year, q] = period.split('-Q');
  return `Triwulan ${q} ${year}`;
};

/** Picks the choice labelled `text` in `group` (a rating or an outcome) and checks it took. */
async function pick(group, text) {
  await group.locator('label.choice', { hasText: text }).click();
  assert.ok(await group.getByRole('radio', { name: text }).isChecked(), `${text} is chosen`);
}

/** The badge of an assessment's status on the page. */
const statusBadge = (scope, text) => scope.locator('.badge', { hasText: new RegExp(`^${text}$`) });

/** The employee record of a demo user. */
async function employeeOf(username) {
  const me = await api(await apiLogin(username), 'GET', '/me');
  return me.employee;
}

test('Kasi rates Dedi from the evidence with the predikat following the ratings, finalises, and Dedi accepts', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    const dedi = await employeeOf(DEDI);
    const kasi = await apiLogin(KASI);
    await signIn(page, KASI);
    const { now } = await quarters(page);
    const evidence = await api(kasi, 'GET', `/employees/${dedi.id}/rating-evidence?period=${now}`);
    assert.equal(evidence.assessment, null, 'the running quarter is not rated yet');

    await openFromNav(page, 'Penilaian', '/penilaian', 'Penilaian Kinerja');
    await page.getByRole('heading', { name: 'Tim Saya' }).waitFor();
    // The list opens on the last quarter that has ended; the running one is a click away.
    const { before: ended } = await quarters(page);
    await page.getByRole('heading', { name: quarterWords(ended), level: 3 }).waitFor();
    await page.getByRole('button', { name: quarterWords(now) }).click();
    await page.getByRole('heading', { name: quarterWords(now), level: 3 }).waitFor();
    const row = page.locator('table.team-assessments tbody tr', { hasText: DEDI_NAME });
    await statusBadge(row, 'Belum dinilai').waitFor();
    await shot(page, 'assessments-team.png');
    await row.getByRole('link', { name: `Nilai ${DEDI_NAME}` }).click();
    await page.waitForURL(`**/penilaian/nilai/${dedi.id}/${now}`);
    await page.getByRole('heading', { name: `Penilaian ${DEDI_NAME}`, level: 1 }).waitFor();

    // The evidence view shows the server's numbers.
    const view = page.locator('.rating-evidence');
    await view.getByRole('heading', { name: `Bahan pertimbangan · ${quarterWords(now)}` }).waitFor();
    const tally = view.locator('.activity-tally');
    await tally.locator('.tile').first().waitFor();
    for (const [status, label] of [['approved', 'Disetujui'], ['submitted', 'Diajukan'], ['rejected', 'Ditolak'], ['draft', 'Draf']]) {
      const tile = tally.locator(`.tile-${status}`);
      assert.equal((await tile.locator('.tile-label').textContent()).trim(), label);
      assert.equal(Number(await tile.locator('.tile-count').textContent()), evidence.activities[status], `${status} activities`);
    }
    assert.ok(evidence.activities.approved > 0, 'the demo history has approved work in the quarter');
    await view.getByText(`pada ${evidence.activities.days} hari.`, { exact: false }).waitFor();
    assert.ok(evidence.realization && evidence.realization.rhk.length > 0, 'the demo SKP has RHK');
    const rhk = view.locator('.evidence-realization > li.rhk');
    assert.equal(await rhk.count(), evidence.realization.rhk.length, 'one block per RHK');
    const firstRhk = evidence.realization.rhk[0];
    await rhk.first().getByText(firstRhk.text, { exact: true }).waitFor();
    await rhk.first().getByText(`${firstRhk.activities} kegiatan disetujui`, { exact: false }).waitFor();
    const measured = evidence.realization.rhk.flatMap((r) => r.indicators).find((i) => i.percent !== null);
    if (measured) {
      const shown = `${String(measured.percent).replace('.', ',')} %`;
      await view.locator('.percent-cell', { hasText: shown }).first().waitFor();
      await view.getByRole('progressbar', { name: `Capaian ${measured.text}` }).first().waitFor();
    }
    await view.getByRole('heading', { name: `Umpan balik (${evidence.feedback.length})` }).waitFor();
    await view.getByRole('heading', { name: `Pengaduan yang menyebut pegawai (${evidence.complaints.length})` }).waitFor();
    await view.getByRole('heading', { name: 'IKM unit' }).waitFor();

    // The predikat follows the ratings as they are chosen.
    const result = page.getByRole('group', { name: 'Rating hasil kerja' });
    const behaviour = page.getByRole('group', { name: 'Rating perilaku kerja' });
    const preview = page.locator('.predikat-preview');
    await preview.getByText('pilih kedua rating').waitFor();
    await pick(result, 'Di atas ekspektasi');
    await pick(behaviour, 'Di atas ekspektasi');
    await preview.getByText('Sangat Baik', { exact: true }).waitFor();
    await pick(behaviour, 'Di bawah ekspektasi');
    await preview.getByText('Kurang/Misconduct', { exact: true }).waitFor();
    await pick(result, 'Sesuai ekspektasi');
    await pick(behaviour, 'Sesuai ekspektasi');
    await preview.getByText('Baik', { exact: true }).waitFor();
    await page.getByLabel('Kolaboratif').fill('Rekap rujukan dikerjakan bersama tim puskesmas.');
    await page.getByLabel('Catatan umum (opsional)').fill('Target triwulan tercapai; pertahankan ketepatan waktu.');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await page.getByText(`Draf penilaian ${DEDI_NAME} tersimpan.`).waitFor();
    const [draft] = (await api(kasi, 'GET', `/assessments?employee_id=${dedi.id}&period=${now}`)).items;
    assert.equal(draft.status, 'draft');
    assert.equal(draft.predikat, 'baik', 'the server computed the predikat the page showed');
    assert.equal(draft.behavior_notes.kolaboratif, 'Rekap rujukan dikerjakan bersama tim puskesmas.');
    await shot(page, 'assessment-form.png');

    // Saving again updates the same draft; finalising asks first and says what follows.
    await page.getByRole('button', { name: 'Finalkan' }).click();
    const confirm = page.getByRole('alertdialog');
    const settings = await api(kasi, 'GET', '/settings');
    await confirm.getByText(`${DEDI_NAME} akan diberi tahu dan punya waktu ${settings.objection_days} hari`, { exact: false }).waitFor();
    // The running quarter has not ended: the penilai is told before finalising it.
    const warning = page.locator('.finalize-warnings');
    await warning.getByText(`${quarterWords(now)} belum berakhir`, { exact: false }).waitFor();
    assert.ok(await warning.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight + 1), 'the warning is on screen');
    await confirm.getByRole('button', { name: 'Ya, finalkan' }).click();
    await page.waitForURL(`**/penilaian/${draft.id}`);
    await page.getByRole('heading', { name: `Penilaian ${DEDI_NAME}`, level: 1 }).waitFor();
    const summary = page.locator('.assessment-summary');
    await statusBadge(summary, 'Difinalkan').waitFor();
    await summary.locator('.predikat-line').getByText('Baik', { exact: true }).waitFor();
    await summary.getByText('Target triwulan tercapai; pertahankan ketepatan waktu.').waitFor();
    // The evidence stays a click away from the finalised rating.
    await page.getByRole('button', { name: 'Lihat bahan pertimbangan periode ini' }).click();
    await page.locator('.rating-evidence').getByRole('heading', { name: `Bahan pertimbangan · ${quarterWords(now)}` }).waitFor();
    const [finalized] = (await api(kasi, 'GET', `/assessments?employee_id=${dedi.id}&period=${now}`)).items;
    assert.equal(finalized.id, draft.id, 'the draft was finalised, not a second one made');
    assert.equal(finalized.status, 'finalized');
    assert.ok(finalized.objection_deadline, 'finalising sets the objection deadline');
    await signOut(page);

    // Dedi finds it among his own and accepts it.
    await signIn(page, DEDI);
    await openFromNav(page, 'Penilaian', '/penilaian', 'Penilaian Kinerja');
    assert.equal(await page.getByRole('heading', { name: 'Tim Saya' }).count(), 0, 'Dedi rates nobody');
    const mine = page.locator('table.assessments tbody tr', { hasText: quarterWords(now) });
    await statusBadge(mine, 'Difinalkan').waitFor();
    await mine.getByRole('link', { name: 'Lihat penilaian' }).click();
    await page.waitForURL(`**/penilaian/${draft.id}`);
    await page.getByRole('heading', { name: 'Tanggapan Anda' }).waitFor();
    await page.getByRole('button', { name: 'Ajukan keberatan' }).waitFor();
    await page.getByRole('button', { name: 'Terima', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, terima' }).click();
    await page.getByText('Penilaian diterima.').waitFor();
    await statusBadge(page.locator('.assessment-summary'), 'Diterima').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Ajukan keberatan' }).count(), 0, 'no objection after accepting');
    assert.equal((await api(await apiLogin(DEDI), 'GET', `/assessments/${draft.id}`)).status, 'acknowledged');
    await shot(page, 'assessment-acknowledged.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('Kabid finds Dedi\'s objection of the quarter before in his queue and upholds the rating', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    const kabid = await apiLogin(KABID);
    const queue = await api(kabid, 'GET', '/assessments?to_decide=true');
    const objected = queue.items.find((a) => a.employee_name === DEDI_NAME);
    assert.ok(objected, 'the demo has Dedi\'s objection waiting for Kabid');
    await signIn(page, KABID);
    const { before: previous } = await quarters(page);
    assert.equal(objected.period, previous, 'the objection is of the quarter before');

    await openFromNav(page, 'Keberatan', '/penilaian/keberatan');
    await page.getByRole('heading', { name: `Menunggu keputusan (${queue.total})` }).waitFor();
    const row = page.locator('table.objections tbody tr', { hasText: DEDI_NAME });
    await row.getByText(quarterWords(previous)).waitFor();
    await row.getByText(objected.objection_reason.slice(0, 30), { exact: false }).waitFor();
    await shot(page, 'objections.png');
    await row.getByRole('link', { name: `Putuskan ${DEDI_NAME}` }).click();
    await page.waitForURL(`**/penilaian/${objected.id}`);
    await statusBadge(page.locator('.assessment-summary'), 'Keberatan diajukan').waitFor();
    await page.locator('.objection').getByText(objected.objection_reason).waitFor();
    // The page names the decider and the deadline, here long past (the demo's objection waited),
    // so the BKPSDM may now decide it too.
    await page.locator('.objection-decider').getByText('Atasan pejabat penilai, atau BKPSDM atas nama PPK').waitFor();
    await page.locator('.objection').getByText('Lewat batas').waitFor();
    // The decision is taken with the same evidence the penilai had.
    await page.locator('.rating-evidence .activity-tally .tile').first().waitFor();

    const form = page.locator('.decision-form');
    await form.getByRole('button', { name: 'Kirim keputusan' }).click();
    await form.getByText('Pilih keputusan').waitFor();
    // Changing shows the new predikat as the ratings change; upholding keeps the old one.
    await pick(form, 'Ubah penilaian');
    await pick(form.getByRole('group', { name: 'Rating hasil kerja' }), 'Di atas ekspektasi');
    await pick(form.getByRole('group', { name: 'Rating perilaku kerja' }), 'Di atas ekspektasi');
    await form.locator('.predikat-preview').getByText('Sangat Baik', { exact: true }).waitFor();
    await pick(form, 'Pertahankan penilaian');
    await form.locator('.predikat-preview').waitFor({ state: 'detached' });
    const reason = 'Capaian triwulan sesuai bukti realisasi; rating dipertahankan.';
    await form.getByLabel('Alasan keputusan').fill(reason);
    await form.getByRole('button', { name: 'Kirim keputusan' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(`Pertahankan penilaian ${DEDI_NAME}?`, { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Ya, putuskan' }).click();
    await page.getByText('Keputusan tercatat.').waitFor();
    await statusBadge(page.locator('.assessment-summary'), 'Diputuskan').waitFor();
    await page.locator('.decision').getByText('Keputusan atas keberatan: penilaian dipertahankan').waitFor();
    await page.locator('.decision').getByText(reason).waitFor();
    const decided = await api(kabid, 'GET', `/assessments/${objected.id}`);
    assert.equal(decided.status, 'decided');
    assert.equal(decided.decision_outcome, 'upheld');
    assert.equal(decided.predikat, objected.predikat, 'upholding keeps the predikat');
    await shot(page, 'objection-decided.png');

    await openFromNav(page, 'Keberatan', '/penilaian/keberatan');
    await page.getByRole('heading', { name: `Menunggu keputusan (${queue.total - 1})` }).waitFor();
    assert.equal(await page.locator('table.objections tbody tr', { hasText: DEDI_NAME }).count(), 0);
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('an objection to a rating by the head of dinas: the head answers in writing, the BKPSDM decides for the PPK', TIMEOUT, async () => {
  const year = String(new Date().getFullYear());
  const head = await apiLogin(KADINKES);
  const kabidToken = await apiLogin(KABID);
  const kabid = (await api(kabidToken, 'GET', '/me')).employee;
  const rating = await api(head, 'POST', '/assessments', {
    employee_id: kabid.id, period: year, result_rating: 'sesuai', behavior_rating: 'sesuai',
  });
  assert.equal(rating.decider, 'ppk', 'the head of dinas has no atasan in the system');
  await api(head, 'POST', `/assessments/${rating.id}/finalize`);
  const reason = 'Capaian rujukan terintegrasi 112 persen dari target tahunan.';
  await api(kabidToken, 'POST', `/assessments/${rating.id}/object`, { reason });

  const answering = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    const { page } = answering;
    await signIn(page, KADINKES);
    await page.goto(`${server.base}/penilaian/${rating.id}`);
    await page.locator('.objection-decider').getByText('BKPSDM atas nama PPK', { exact: false }).waitFor();
    const form = page.locator('.objection-answer');
    await form.getByRole('button', { name: 'Lanjutkan' }).click();
    await form.getByText('tanggapan 10-4000 karakter', { exact: false }).waitFor();
    const answer = 'Capaian di atas target, tetapi laporan tahunan terlambat dua minggu.';
    await form.getByLabel('Tanggapan tertulis').fill(answer);
    await form.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, kirim tanggapan' }).click();
    await page.getByText('Tanggapan terkirim kepada pemutus keberatan.').waitFor();
    await page.locator('.objection-response').getByText(answer).waitFor();
    assert.equal(await page.locator('.decision-form').count(), 0, 'the head of dinas does not decide');
    assert.deepEqual(answering.errors(), []);
  } finally {
    await answering.context.close();
  }

  const deciding = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    const { page } = deciding;
    await signIn(page, 'admin');
    await openFromNav(page, 'Keberatan', '/penilaian/keberatan');
    const row = page.locator('table.objections tbody tr', { hasText: kabid.name });
    await row.getByRole('link', { name: `Putuskan ${kabid.name}` }).click();
    await page.waitForURL(`**/penilaian/${rating.id}`);
    const form = page.locator('.decision-form');
    await pick(form, 'Pertahankan penilaian');
    await form.getByLabel('Alasan keputusan').fill('Keterlambatan laporan tercatat; rating tahunan dipertahankan.');
    await form.getByRole('button', { name: 'Kirim keputusan' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, putuskan' }).click();
    await page.getByText('Keputusan tercatat.').waitFor();
    await statusBadge(page.locator('.assessment-summary'), 'Diputuskan').waitFor();
    await shot(page, 'objection-decided-by-bkpsdm.png');
    const decided = await api(kabidToken, 'GET', `/assessments/${rating.id}`);
    assert.equal(decided.status, 'decided');
    assert.deepEqual(deciding.errors(), []);
  } finally {
    await deciding.context.close();
  }
});

test('Kadinkes reads the calibration of the quarter before: bars with limits, warnings, the grid, the report', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    const kadinkes = await apiLogin(KADINKES);
    const me = await api(kadinkes, 'GET', '/me');
    await signIn(page, KADINKES);
    const { before: previous } = await quarters(page);
    const distribution = await api(kadinkes, 'GET', `/units/${me.unit_id}/distribution?period=${previous}`);
    const report = await api(kadinkes, 'GET', `/reports/assessments?unit_id=${me.unit_id}&period=${previous}`);
    assert.ok(distribution.deviations.length > 0, 'the demo distribution deviates');

    await openFromNav(page, 'Kalibrasi', '/kalibrasi');
    // It opens on the last quarter that has ended.
    await page.getByRole('heading', { name: `Distribusi predikat Dinas Kesehatan · ${quarterWords(previous)}` }).waitFor();
    const panel = page.locator('.calibration');
    await panel.getByRole('heading', { name: `Distribusi predikat Dinas Kesehatan · ${quarterWords(previous)}` }).waitFor();
    await panel.getByText(`${distribution.total} pegawai dinilai (penilaian final`, { exact: false }).waitFor();
    await panel.locator('.org-predikat .badge').waitFor();

    // Warnings, one per deviation, that block nothing.
    const warnings = panel.locator('.deviations');
    await warnings.getByText('Peringatan:').waitFor();
    assert.deepEqual(
      (await warnings.locator('li').allTextContents()).map((t) => t.trim()),
      distribution.deviations,
    );

    // A bar per predikat with its count and share, and the expected limits beside it.
    const bars = panel.locator('.dist-row');
    assert.equal(await bars.count(), 5);
    const order = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];
    for (const [i, p] of order.entries()) {
      const value = (await bars.nth(i).locator('.dist-value').textContent()).trim();
      assert.match(value, new RegExp(`^${distribution.counts[p] ?? 0} · `), `${p} count`);
      const width = await bars.nth(i).locator('.dist-fill').evaluate((el) => el.style.width);
      assert.equal(parseFloat(width), Math.round((distribution.shares[p] ?? 0) * 1000) / 10, `${p} bar width`);
    }
    const limited = distribution.expected.filter((r) => r.predikat.length === 1 && r.percent !== null);
    assert.ok(distribution.expected.length > 0, 'an organisation predikat brings its expected pattern');
    assert.equal(await panel.locator('.dist-limit').count(), limited.length, 'a mark per one-predikat limit');
    for (const rule of distribution.expected) await panel.locator('.dist-rule', { hasText: rule.text }).first().waitFor();

    // The 3×3 grid, labelled, with the server's counts.
    const grid = panel.locator('table.rating-grid');
    assert.deepEqual(
      (await grid.locator('thead th').allTextContents()).slice(1),
      ['Di bawah ekspektasi', 'Sesuai ekspektasi', 'Di atas ekspektasi'],
    );
    assert.deepEqual(
      await grid.locator('tbody th').allTextContents(),
      ['Di atas ekspektasi', 'Sesuai ekspektasi', 'Di bawah ekspektasi'],
    );
    const counts = await grid.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('.grid-count')].map((c) => Number(c.textContent))),
    );
    assert.deepEqual(counts, distribution.grid);
    await shot(page, 'calibration.png');

    // The assessments of the subtree, each name leading to its assessment, and their CSV.
    const table = page.locator('table.report');
    await page.getByRole('heading', { name: `Penilaian pegawai (${report.items.length})` }).waitFor();
    assert.equal(await table.locator('tbody tr').count(), report.items.length);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh CSV' }).click();
    assert.equal((await download).suggestedFilename(), `penilaian-${previous}.csv`);
    await table.getByRole('link', { name: DEDI_NAME }).click();
    await page.waitForURL(/\/penilaian\/\d+$/);
    await page.getByRole('heading', { name: `Penilaian ${DEDI_NAME}`, level: 1 }).waitFor();
    await page.locator('.assessment-summary').getByRole('heading', { name: quarterWords(previous) }).waitFor();
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('on a 375x667 phone the calibration and the rating form fit the screen', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, {
    viewport: { width: 375, height: 667 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    await signIn(page, KADINKES);
    const { before: previous } = await quarters(page);
    await page.getByRole('button', { name: 'Menu' }).click();
    await openFromNav(page, 'Kalibrasi', '/kalibrasi');
    // It opens on the last quarter that has ended.
    await page.getByRole('heading', { name: `Distribusi predikat Dinas Kesehatan · ${quarterWords(previous)}` }).waitFor();
    await page.locator('.calibration .deviations li').first().waitFor();
    await page.locator('table.rating-grid tbody tr').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `nothing sticks out sideways (page is ${width}px wide)`);
    await shot(page, 'calibration-phone.png');
    await signOut(page);

    const sri = await employeeOf('sri');
    await signIn(page, KASI);
    const { now } = await quarters(page);
    await page.goto(`${server.base}/penilaian/nilai/${sri.id}/${now}`);
    await page.locator('.rating-evidence .activity-tally .tile').first().waitFor();
    await pick(page.getByRole('group', { name: 'Rating hasil kerja' }), 'Di atas ekspektasi');
    await pick(page.getByRole('group', { name: 'Rating perilaku kerja' }), 'Sesuai ekspektasi');
    await page.locator('.predikat-preview').getByText('Baik', { exact: true }).waitFor();
    const formWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(formWidth <= 375, `the form fits too (page is ${formWidth}px wide)`);
    await shot(page, 'assessment-form-phone.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});
