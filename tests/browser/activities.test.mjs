// Daily activities in a real browser against the real server and its demo city (every demo
// employee has an approved SKP for this year and a work history ending yesterday): a pelaksana
// logs today's work with a PNG as evidence and submits it, his penilai approves it from
// Verifikasi and approves two more in one go, and he sees it approved; "Ulangi kemarin", a
// rejection corrected and submitted again, and a deletion; realisation and feedback; the phone
// layout of the daily page in both languages.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';
import { openFromNav, screenshotsReady, shot, signInAt, signOut } from './session.mjs';

/** Demo accounts (see `kinerja seed demo`): Dedi and Sri work under Kasi (Rina Marlina). */
const KASI = 'kasi.rujukan';
const DEDI = 'dedi';
const DEDI_NAME = 'Dedi Kurniawan';
const SRI = 'sri';
/** A 1x1 PNG, small enough for any limit. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

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

/** The day the browser calls today, as the date input holds it (YYYY-MM-DD). */
const browserToday = (page) =>
  page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });

/** The card of the day's activity described by `text`. */
const card = (page, text) => page.locator('.activity-card', { hasText: text });

/** Waits until the card of `text` shows `status`. */
const cardStatus = (page, text, status) =>
  card(page, text).locator('.badge', { hasText: new RegExp(`^${status}$`) }).waitFor();

/** How many activities the Verifikasi heading says are waiting. */
async function waiting(page) {
  const heading = await page.getByRole('heading', { name: /^Menunggu verifikasi \(\d+\)$/ }).textContent();
  return Number(heading.match(/\((\d+)\)/)[1]);
}

test('a pelaksana logs and submits today\'s work with evidence, his penilai approves it, and he sees it', TIMEOUT, async () => {
  const description = 'Menyusun rekap rujukan pasien harian untuk laporan seksi';
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await signIn(page, DEDI);
    await openFromNav(page, 'Aktivitas', '/aktivitas', 'Aktivitas Harian');
    const today = await browserToday(page);
    assert.equal(await page.getByLabel('Tanggal', { exact: true }).inputValue(), today, 'the day is today');
    // The history ends yesterday, so today starts empty.
    await page.getByText('Belum ada kegiatan pada hari ini.').waitFor();
    await page.getByText('0 dari 720 menit').waitFor();

    // A few RHK are cards to tap, each numbered.
    const rhkCard = page.getByRole('group', { name: 'RHK yang dikerjakan' }).locator('label.rhk-card').first();
    await rhkCard.click();
    const rhkText = (await rhkCard.getAttribute('title')).trim();
    await page.getByLabel('Lama (menit)').fill('60');
    await page.getByLabel('Uraian kegiatan').fill(description);
    await page.getByLabel('Jumlah keluaran', { exact: true }).fill('2');
    await page.getByLabel('Unggah berkas').setInputFiles({ name: 'bukti-rujukan.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.attached', { hasText: 'bukti-rujukan.png' }).waitFor();
    await page.getByRole('button', { name: 'Simpan & ajukan' }).click();
    await page.getByText('1 kegiatan disimpan dan diajukan ke atasan.').waitFor();

    await cardStatus(page, description, 'Diajukan');
    const logged = card(page, description);
    await logged.getByText(rhkText).waitFor();
    await logged.getByText('1 jam').waitFor();
    await logged.getByRole('button', { name: 'Bukti 1' }).waitFor();
    assert.equal(await logged.getByRole('button', { name: 'Hapus' }).count(), 0, 'a submitted activity is locked');
    await page.getByText('60 dari 720 menit (1 jam)').waitFor();
    assert.equal(await page.getByRole('progressbar').first().getAttribute('aria-valuenow'), '60');
    // The form is empty again, ready for the next one.
    assert.equal(await page.getByLabel('Uraian kegiatan').inputValue(), '');
    await page.locator('table.week tr.row-current', { hasText: 'Diajukan' }).waitFor();
    await shot(page, 'activities-submitted.png');
    await signOut(page);

    // Kasi finds it in her queue, opens its evidence, approves it, then two more at once.
    await signIn(page, KASI);
    await openFromNav(page, 'Verifikasi', '/aktivitas/verifikasi');
    const row = page.getByRole('row', { name: new RegExp(description) });
    await row.getByText(DEDI_NAME).waitFor();
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Bukti 1' }).click();
    assert.equal((await download).suggestedFilename(), 'bukti-rujukan.png');
    await shot(page, 'verification.png');
    const before = await waiting(page);
    await row.getByRole('button', { name: 'Setujui', exact: true }).click();
    await page.locator('.toast').getByText(`Kegiatan ${DEDI_NAME} disetujui.`).waitFor();
    // The row stays where it was, marked, so the next one does not slide under the thumb.
    await page.locator('tr.row-approved', { hasText: description }).waitFor();
    await page.getByRole('heading', { name: `Menunggu verifikasi (${before - 1})`, exact: true }).waitFor();

    const checks = page.locator('tbody .row-check');
    await checks.nth(0).check();
    await checks.nth(1).check();
    const bar = page.getByRole('region', { name: 'Tindakan untuk kegiatan terpilih' });
    await bar.getByRole('button', { name: 'Setujui 2', exact: true }).click();
    const confirm = bar.getByRole('alertdialog');
    await confirm.getByText('Setujui 2 kegiatan yang dipilih?').waitFor();
    await confirm.getByRole('button', { name: 'Ya, setujui' }).click();
    await page.getByText('2 kegiatan disetujui.').waitFor();
    await page.getByRole('heading', { name: `Menunggu verifikasi (${before - 3})`, exact: true }).waitFor();
    await signOut(page);

    // Dedi sees it approved.
    await signIn(page, DEDI);
    await openFromNav(page, 'Aktivitas', '/aktivitas', 'Aktivitas Harian');
    await cardStatus(page, description, 'Disetujui');
    await shot(page, 'activities-approved.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('a bulk approval with an activity no longer waiting approves nothing and names it', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await signIn(page, KASI);
    await openFromNav(page, 'Verifikasi', '/aktivitas/verifikasi');
    const before = await waiting(page);
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh CSV' }).click();
    assert.match((await csv).suggestedFilename(), /\.csv$/);
    // Meanwhile the first ticked activity is approved elsewhere (by the same penilai, through the API).
    const first = page.locator('tbody tr').filter({ has: page.locator('.row-check') }).first();
    const firstDescription = (await first.locator('.activity-description').textContent()).trim();
    await page.locator('tbody .row-check').nth(0).check();
    await page.locator('tbody .row-check').nth(1).check();
    const kasi = await apiLogin(KASI);
    const queue = await api(kasi, 'GET', '/activities?queue=true&per_page=1');
    await api(kasi, 'POST', `/activities/${queue.items[0].id}/approve`);
    await page.getByRole('button', { name: 'Setujui 2', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, setujui' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Tidak ada yang disetujui' });
    await refusal.getByText(`aktivitas ${queue.items[0].id}`).waitFor();
    await page.locator('tr.row-refused', { hasText: firstDescription }).waitFor();
    // Only the one approved through the API left the queue: the bulk approval changed nothing.
    const after = await api(kasi, 'GET', '/activities?queue=true&per_page=1');
    assert.equal(after.total, before - 1, 'nothing was approved');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('"Ulangi kemarin" copies the last working day; a rejected one is corrected and resubmitted; a draft is deleted', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await signIn(page, SRI);
    await openFromNav(page, 'Aktivitas', '/aktivitas', 'Aktivitas Harian');
    await page.getByRole('button', { name: 'Ulangi kemarin' }).click();
    await page.getByText(/^2 kegiatan dari .+ disalin\. Periksa lalu simpan\.$/).waitFor();
    await page.getByRole('group', { name: 'Kegiatan 1' }).waitFor();
    await page.getByRole('group', { name: 'Kegiatan 2' }).waitFor();
    const descriptions = page.locator('.activity-form textarea');
    const copied = [await descriptions.nth(0).inputValue(), await descriptions.nth(1).inputValue()];
    assert.ok(copied.every((text) => text.length > 3), 'the descriptions were copied');
    await page.getByRole('button', { name: 'Simpan semua sebagai draf' }).click();
    await page.getByText('2 kegiatan disimpan sebagai draf.').waitFor();
    for (const text of copied) await cardStatus(page, text, 'Draf');
    await page.getByRole('button', { name: 'Ajukan semua (2)' }).waitFor();

    // The second is deleted after a confirmation.
    await card(page, copied[1]).getByRole('button', { name: 'Hapus' }).click();
    await page.getByRole('alertdialog').getByText('Hapus kegiatan ini? Tindakan ini tidak dapat dibatalkan.').waitFor();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, hapus' }).click();
    await page.getByText('Kegiatan dihapus.').waitFor();
    await card(page, copied[1]).waitFor({ state: 'detached' });

    // The first is submitted after a confirmation, rejected by Kasi, corrected and submitted again.
    await card(page, copied[0]).getByRole('button', { name: 'Ajukan', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, ajukan' }).click();
    await page.getByText('Kegiatan diajukan ke atasan.').waitFor();
    await cardStatus(page, copied[0], 'Diajukan');
    const sri = await apiLogin(SRI);
    const me = await api(sri, 'GET', '/me');
    const mine = await api(sri, 'GET', `/activities?employee_id=${me.employee.id}&status=submitted&from=${await browserToday(page)}`);
    const submitted = mine.items.find((a) => a.description === copied[0]);
    await api(await apiLogin(KASI), 'POST', `/activities/${submitted.id}/reject`, { note: 'Sebutkan jumlah berkas yang direkap' });
    await page.reload();
    await cardStatus(page, copied[0], 'Ditolak');
    await card(page, copied[0]).getByText('Sebutkan jumlah berkas yang direkap').waitFor();
    await card(page, copied[0]).getByRole('button', { name: 'Ubah' }).click();
    await page.getByRole('heading', { name: /^Ubah kegiatan/ }).waitFor();
    const corrected = `${copied[0]} (12 berkas)`;
    await page.getByLabel('Uraian kegiatan').fill(corrected);
    await page.getByRole('button', { name: 'Simpan & ajukan' }).click();
    await page.getByText('Kegiatan diperbarui dan diajukan lagi.').waitFor();
    await cardStatus(page, corrected, 'Diajukan');
    await shot(page, 'activities-repeat.png');

    // Her co-worker's approved work shows in the team feed.
    await openFromNav(page, 'Kegiatan Tim', '/aktivitas/tim');
    await page.getByRole('row', { name: new RegExp(DEDI_NAME) }).first().waitFor();
    await shot(page, 'team-activities.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('the realisation of the month, a narrative, and feedback answered in its thread', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await signIn(page, DEDI);
    await openFromNav(page, 'Realisasi', '/realisasi');
    await page.locator('table.realization tbody tr').first().waitFor();
    await page.getByText(/\d+ kegiatan disetujui/).first().waitFor();
    await page.getByRole('button', { name: 'Tulis narasi' }).first().click();
    await page.getByLabel(/^Narasi untuk /).fill('Rekap rujukan disusun tiap hari kerja.');
    await page.getByRole('button', { name: 'Simpan narasi' }).click();
    await page.locator('.toast').getByText(/^Narasi realisasi .+ tersimpan\.$/).waitFor();
    await page.getByText('Rekap rujukan disusun tiap hari kerja.').waitFor();
    await page.getByLabel('Periode').selectOption('year');
    await page.getByRole('heading', { name: `Realisasi Tahun ${new Date().getFullYear()}` }).waitFor();
    await shot(page, 'realization.png');
    await signOut(page);

    await signIn(page, KASI);
    await openFromNav(page, 'Umpan Balik', '/umpan-balik');
    await page.getByRole('link', { name: DEDI_NAME }).click();
    await page.waitForURL(/\/umpan-balik\/\d+$/);
    await page.getByText(`Untuk ${DEDI_NAME}`, { exact: false }).waitFor();
    await page.getByLabel('Umpan balik', { exact: true }).fill('Rekap harian sangat membantu seksi; pertahankan.');
    await page.getByLabel('Nilai dasar BerAKHLAK (opsional)').selectOption('kolaboratif');
    await page.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await page.getByText('Umpan balik terkirim.').waitFor();
    await page.locator('.thread-item', { hasText: 'Rekap harian sangat membantu seksi' }).getByText('Kolaboratif').waitFor();
    await page.getByRole('button', { name: 'Catat dialog' }).click();
    await page.getByLabel('Catatan dialog').fill('Bimbingan penyusunan rekap rujukan triwulan.');
    await page.getByLabel('Tindak lanjut 1').fill('Menyusun format rekap triwulan');
    await page.getByRole('button', { name: 'Simpan dialog' }).click();
    await page.getByText('Dialog kinerja tercatat.').waitFor();
    const dialog = page.locator('.dialog', { hasText: 'Bimbingan penyusunan rekap rujukan triwulan.' });
    await dialog.getByText('Menyusun format rekap triwulan').waitFor();
    await signOut(page);

    // Dedi follows the notification to his thread and replies.
    await signIn(page, DEDI);
    await page.locator('.bell-menu summary').click();
    await page.locator('.bell-item', { hasText: 'Umpan balik dari atasan' }).first().click();
    await page.waitForURL(/\/umpan-balik\/\d+$/);
    const item = page.locator('.thread-item', { hasText: 'Rekap harian sangat membantu seksi' });
    await item.getByRole('button', { name: 'Balas' }).click();
    await item.getByLabel('Balasan').fill('Terima kasih, Bu.');
    await item.getByRole('button', { name: 'Kirim balasan' }).click();
    await page.getByText('Balasan terkirim.').waitFor();
    await item.locator('.replies').getByText('Terima kasih, Bu.').waitFor();
    await page.getByRole('heading', { name: 'Dialog kinerja' }).waitFor();
    await shot(page, 'feedback.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('on a 375x667 phone the daily page fits the screen, in both languages', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, {
    viewport: { width: 375, height: 667 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    // Something logged today through the API, so that the day's list has a card to lay out.
    const dedi = await apiLogin(DEDI);
    const me = await api(dedi, 'GET', '/me');
    const year = new Date().getFullYear();
    const plans = await api(dedi, 'GET', `/skps?employee_id=${me.employee.id}&year=${year}&status=approved`);
    const plan = await api(dedi, 'GET', `/skps/${plans.items[0].id}`);
    await signIn(page, DEDI);
    await api(dedi, 'POST', '/activities', {
      date: await browserToday(page),
      start: '13:00',
      end: '14:30',
      description: 'Memeriksa kelengkapan berkas rujukan dari puskesmas',
      rhk_id: plan.rhk[0].id,
      output_qty: 3,
      submit: false,
    });
    await page.getByRole('button', { name: 'Menu' }).click();
    await openFromNav(page, 'Aktivitas', '/aktivitas', 'Aktivitas Harian');
    await page.getByRole('button', { name: 'Simpan & ajukan' }).waitFor();
    await cardStatus(page, 'Memeriksa kelengkapan berkas rujukan dari puskesmas', 'Draf');
    await card(page, 'Memeriksa kelengkapan berkas rujukan').getByText('13:00–14:30').waitFor();
    await page.locator('table.week tbody tr').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `nothing sticks out sideways (page is ${width}px wide)`);
    await shot(page, 'activities-phone.png');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Daily activities', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Save & submit' }).waitFor();
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /\b(activity|activity_status|evidence|weekday|common|nav)\.[a-z_]+/);
    const englishWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(englishWidth <= 375, `nothing sticks out sideways in English (page is ${englishWidth}px wide)`);
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('"Ulangi kemarin" on a phone copies what can be saved, counts it against what is left of the day, and marks what will not fit', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const ahmad = await apiLogin('ahmad');
    const me = await api(ahmad, 'GET', '/me');
    const year = new Date().getFullYear();
    const plans = await api(ahmad, 'GET', `/skps?year=${year}&status=approved`);
    const plan = await api(ahmad, 'GET', `/skps/${plans.items[0].id}`);
    const rhk = plan.rhk[0].id;
    await signIn(page, 'ahmad');
    await page.getByRole('button', { name: 'Menu' }).click();
    await openFromNav(page, 'Aktivitas', '/aktivitas', 'Aktivitas Harian');
    const repeat = page.getByRole('button', { name: 'Ulangi kemarin' });
    // The previous working day, as the button names it: "... sebelumnya (Kamis, 03/12/2026) ke formulir".
    const title = await repeat.getAttribute('title');
    const [, weekday, dd, mm, yyyy] = title.match(/\((\w+), (\d\d)\/(\d\d)\/(\d{4})\)/);
    assert.ok(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat'].includes(weekday), `an Indonesian weekday: ${title}`);
    const previous = `${yyyy}-${mm}-${dd}`;
    const today = await browserToday(page);
    // What that day holds (at least two activities), in the order the form copies them.
    const listed = async () =>
      (await api(ahmad, 'GET', `/activities?employee_id=${me.employee.id}&from=${previous}&to=${previous}&per_page=50`)).items
        .filter((a) => a.status !== 'rejected' && a.minutes > 0);
    let earlier = await listed();
    for (let i = earlier.length; i < 2; i += 1) {
      await api(ahmad, 'POST', '/activities', { date: previous, minutes: 60, description: `Arsip berkas ${i}`, rhk_id: rhk });
    }
    earlier = (await listed()).sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.id - b.id);
    const copied = earlier.reduce((sum, a) => sum + a.minutes, 0);
    // Today already holds all but the first copy's minutes: the first fits, the second does not.
    const logged = 720 - earlier[0].minutes;
    await api(ahmad, 'POST', '/activities', { date: today, minutes: logged, description: 'Pelayanan loket akta kelahiran', rhk_id: rhk });
    await page.reload();
    await page.getByText('Pelayanan loket akta kelahiran').first().waitFor();

    await repeat.click();
    await page.getByText(new RegExp(`^${earlier.length} kegiatan dari (Senin|Selasa|Rabu|Kamis|Jumat), \\d\\d/\\d\\d/\\d{4} disalin\\. Periksa lalu simpan\\.$`)).waitFor();
    const total = page.getByTestId('form-total');
    await total.getByText(`Di formulir: ${duration(copied)} dari sisa ${duration(earlier[0].minutes)} hari ini`).waitFor();
    const first = page.getByRole('group', { name: 'Kegiatan 1' });
    const second = page.getByRole('group', { name: 'Kegiatan 2' });
    assert.equal(await first.locator('.entry-overflow').count(), 0, 'the first fits');
    await second.locator('.entry-overflow').getByText('Tidak muat', { exact: false }).waitFor();
    await shot(page, 'repeat-yesterday-phone.png');

    // Saving anyway: nothing is sent, the first wrong field gets the focus, and the message tells
    // saved minutes from those still in the form, with the date as people write it.
    const before = (await api(ahmad, 'GET', `/activities?employee_id=${me.employee.id}&from=${today}&to=${today}`)).total;
    await page.getByRole('button', { name: 'Simpan semua sebagai draf' }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    const message = await second.locator('.field-error').first().textContent();
    assert.match(message, new RegExp(`sudah tercatat ${logged} menit, dan kegiatan di atasnya pada formulir ini ${earlier[0].minutes} menit`));
    assert.match(message, /pada (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d\d\/\d\d\/\d{4}/);
    assert.doesNotMatch(message, /\d{4}-\d\d-\d\d/, 'no ISO date');
    const after = (await api(ahmad, 'GET', `/activities?employee_id=${me.employee.id}&from=${today}&to=${today}`)).total;
    assert.equal(after, before, 'nothing was sent');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

/** Minutes as the pages write them: `45 menit`, `2 jam`, `6 jam 30 menit`. */
function duration(total) {
  const [h, m] = [Math.floor(total / 60), total % 60];
  if (h === 0) return `${m} menit`;
  return m === 0 ? `${h} jam` : `${h} jam ${m} menit`;
}

test('RHK that begin alike are told apart on the cards', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    await signIn(page, DEDI);
    await page.getByRole('button', { name: 'Menu' }).click();
    await openFromNav(page, 'Aktivitas', '/aktivitas', 'Aktivitas Harian');
    const cards = page.getByRole('group', { name: 'RHK yang dikerjakan' }).locator('label.rhk-card');
    await cards.first().waitFor();
    const shown = await cards.locator('.rhk-words strong').allTextContents();
    const full = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('title')));
    assert.ok(shown.length >= 2, 'Dedi has several RHK');
    assert.equal(new Set(shown).size, shown.length, `each card reads differently: ${JSON.stringify(shown)}`);
    // Where two begin with the same words, the card starts at the words that differ.
    for (const [i, text] of full.entries()) {
      const sharesLongStart = full.some((other, j) => j !== i && other.split(' ').slice(0, 4).join(' ') === text.split(' ').slice(0, 4).join(' '));
      if (sharesLongStart) assert.ok(shown[i].startsWith('…'), `"${shown[i]}" starts where it differs`);
    }
    const numbers = await cards.locator('.rhk-number').allTextContents();
    assert.deepEqual(numbers, shown.map((_, i) => String(i + 1)));
    const box = await cards.first().boundingBox();
    assert.ok(box.height >= 44, 'a card is a thumb-sized target');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});
