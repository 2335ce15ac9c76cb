// The working calendar on the daily log, in a real browser: a puskesmas on a 6-day pattern sees
// its Saturday as a working day with its hours and overtime; an office sees its Saturday marked as
// no working day, holding the overtime only; a day of cuti is marked in the week.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';
import { screenshotsReady, shot, signInAt } from './session.mjs';

const TIMEOUT = { timeout: 120_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SRI_NIP = '199207242019032006';

let server;
let browser;

/** The latest day of the week `weekday` (0 Sunday … 6 Saturday) not after today, in WIB. */
function latest(weekday) {
  const d = new Date(Date.now() + 7 * 3600 * 1000);
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const SATURDAY = latest(6);
const WEDNESDAY = latest(3);

before(async () => {
  server = await startServer({}, { calendar: true });
  browser = await launchBrowser();
  await screenshotsReady();
  const admin = await loginToken(server.base, 'admin');
  await callApi(server.base, admin, 'PATCH', '/settings', { unit_work_patterns: { 'PKM-SUKAJADI': 'enam_hari' } });
  const csv = `nip,date,status,late_minutes\n${SRI_NIP},${WEDNESDAY},cuti,0\n`;
  const imported = await fetch(`${server.base}/api/v1/attendance/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'text/csv' },
    body: csv,
  });
  assert.ok(imported.ok, `attendance import: ${imported.status} ${await imported.text()}`);
}, { timeout: 180_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the daily log of `username` on `date`. */
async function dayOf(page, username, date) {
  await signInAt(page, server.base, username);
  await page.goto(`${server.base}/aktivitas`);
  await page.getByRole('heading', { name: 'Aktivitas Harian' }).waitFor();
  await page.getByLabel('Tanggal', { exact: true }).fill(date);
  await page.locator(`tr[data-date="${date}"].row-current`).waitFor();
}

test('a 6-day puskesmas logs its Saturday in full; an office\'s Saturday holds the overtime only', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, PHONE);
  try {
    await dayOf(page, 'kapkm.sukajadi', SATURDAY);
    // 6.25 hours of the pattern and 4.5 of overtime.
    await page.getByText('0 dari 645 menit').waitFor();
    assert.equal(await page.locator(`tr[data-date="${SATURDAY}"] .day-kind`).count(), 0, 'a working day');
    await shot(page, 'calendar-six-day-saturday-phone.png');
  } finally {
    await context.close();
  }
  const office = await openPage(browser, PHONE);
  try {
    await dayOf(office.page, 'dedi', SATURDAY);
    await office.page.getByText('0 dari 270 menit').waitFor();
    await office.page.locator(`tr[data-date="${SATURDAY}"] .day-kind`, { hasText: 'Bukan hari kerja' }).waitFor();
    assert.deepEqual(office.errors(), []);
  } finally {
    await office.context.close();
  }
  assert.deepEqual(errors(), []);
});

test('a day of cuti is marked in the week', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, PHONE);
  try {
    await dayOf(page, 'sri', WEDNESDAY);
    await page.locator(`tr[data-date="${WEDNESDAY}"] .day-kind`, { hasText: 'Cuti' }).waitFor();
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('the admin imports the year\'s holidays from CSV and the week marks them', TIMEOUT, async () => {
  const TUESDAY = latest(2);
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await signInAt(page, server.base, 'admin');
    await page.goto(`${server.base}/pengaturan`);
    const section = page.locator('.holidays-import');
    await section.getByRole('heading', { name: 'Impor hari libur dan cuti bersama' }).waitFor();
    // A file with a mistake is refused line by line, and nothing changes.
    const bad = `date,name,kind\n${TUESDAY},Hari Besar,libur_daerah\n`;
    await section.getByLabel('Berkas CSV hari libur').setInputFiles({ name: 'libur.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await section.getByRole('button', { name: 'Unggah' }).click();
    await section.locator('.import-rows').getByText('libur_daerah').waitFor();
    const good = `date,name,kind\n${TUESDAY},Hari Besar,libur_nasional\n`;
    await section.getByLabel('Berkas CSV hari libur').setInputFiles({ name: 'libur.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await section.getByRole('button', { name: 'Unggah' }).click();
    await section.getByText(/1 libur nasional, 0 cuti bersama/).waitFor();
    // The settings form shows it among the holidays, once they are read again.
    await page.waitForFunction((d) => document.querySelector('#settings-holidays')?.value.includes(d), TUESDAY);
    await shot(page, 'calendar-holidays-imported.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
  const office = await openPage(browser, PHONE);
  try {
    await dayOf(office.page, 'dedi', TUESDAY);
    await office.page.locator(`tr[data-date="${TUESDAY}"] .day-kind[data-kind="holiday"]`).waitFor();
    assert.deepEqual(office.errors(), []);
  } finally {
    await office.context.close();
  }
});

test('the BKPSDM records leave on the employee\'s page; the week excuses it; annulled after a confirmation', TIMEOUT, async () => {
  const THURSDAY = latest(4);
  const admin = await loginToken(server.base, 'admin');
  const people = await callApi(server.base, admin, 'GET', `/employees?q=${SRI_NIP}`);
  const sri = people.items.find((e) => e.nip === SRI_NIP);
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await signInAt(page, server.base, 'admin');
    await page.goto(`${server.base}/pegawai/${sri.id}`);
    const section = page.locator('.employee-leave');
    await section.getByRole('heading', { name: 'Cuti dan izin' }).waitFor();
    // The end before the start is caught on the device.
    await section.getByLabel('Jenis').selectOption('cuti_tahunan');
    await section.getByLabel('Mulai').fill(THURSDAY);
    await section.getByLabel('Sampai').fill('2000-01-01');
    await section.getByRole('button', { name: 'Catat' }).click();
    await section.getByText('Tanggal akhir sebelum tanggal mulai').first().waitFor();
    await section.getByLabel('Sampai').fill(THURSDAY);
    await section.getByLabel('Nomor surat (jika ada)').fill('851/12-BKPSDM');
    await section.getByRole('button', { name: 'Catat' }).click();
    await section.locator('li.leave', { hasText: 'Surat 851/12-BKPSDM' }).waitFor();
    await shot(page, 'calendar-leave-recorded.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
  const phone = await openPage(browser, PHONE);
  try {
    await dayOf(phone.page, 'sri', THURSDAY);
    await phone.page.locator(`tr[data-date="${THURSDAY}"] .day-kind`, { hasText: 'Cuti' }).waitFor();
    assert.deepEqual(phone.errors(), []);
  } finally {
    await phone.context.close();
  }
  // Annulled after a confirmation: kept on the list, the day is a working day again.
  const again = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await signInAt(again.page, server.base, 'admin');
    await again.page.goto(`${server.base}/pegawai/${sri.id}`);
    const item = again.page.locator('li.leave', { hasText: 'Surat 851/12-BKPSDM' });
    await item.getByRole('button', { name: 'Batalkan' }).click();
    await item.getByRole('button', { name: 'Ya, batalkan' }).click();
    await item.locator('.badge-revoked').waitFor();
    const token = await loginToken(server.base, 'sri');
    const cal = await callApi(server.base, token, 'GET', `/me/calendar?from=${THURSDAY}&to=${THURSDAY}`);
    assert.equal(cal.days[0].kind, 'working');
    assert.deepEqual(again.errors(), []);
  } finally {
    await again.context.close();
  }
});
