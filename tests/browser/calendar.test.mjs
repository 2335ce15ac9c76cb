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
