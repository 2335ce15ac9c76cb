// Data quality and webhooks, as the BKPSDM admin works them in a real browser: the data-quality
// page lists the defects the demo holds on purpose, a check filters the list, the record's link
// leads to the employee, and fixing the birth date there takes the defect off. A webhook to a
// local receiver (recording each request) gets an approved activity signed with the secret; an
// event the receiver missed while it was down is sent again with "Kirim ulang". A source system's
// count for an indicator waits for the penilai, who accepts it on the realisation page. An OPD's
// export toward BKN is checked first (who is held back, and why), then downloaded as a file.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';
import { screenshotsReady, shot, signInAt } from './session.mjs';

const TIMEOUT = { timeout: 180_000 };
const DESKTOP = { viewport: { width: 1366, height: 768 } };
const SECRET = 'rahasia-jembatan-tpp-2026';

let server;
let browser;
let receiver;
let down = false;
const received = [];

before(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body, down });
      res.writeHead(down ? 503 : 204);
      res.end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  server = await startServer({ KINERJA_WEBHOOKS_ALLOW_HTTP: '1', KINERJA_OUTBOX_POLL_MS: '200' });
  browser = await launchBrowser();
  await screenshotsReady();
}, { timeout: 180_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
  receiver?.close();
});

/** The latest Monday to Friday not after today, in WIB. */
function workingDay() {
  const d = new Date(Date.now() + 7 * 3600 * 1000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Dedi logs and submits an activity; his penilai approves it. */
async function approvedActivity(minutes) {
  const [dedi, kasi] = [await loginToken(server.base, 'dedi'), await loginToken(server.base, 'kasi.rujukan')];
  const year = workingDay().slice(0, 4);
  const me = await callApi(server.base, dedi, 'GET', '/me');
  const plans = await callApi(server.base, dedi, 'GET', `/skps?year=${year}&status=approved`);
  const skp = plans.items.find((s) => s.employee_id === me.employee.id);
  const full = await callApi(server.base, dedi, 'GET', `/skps/${skp.id}`);
  const a = await callApi(server.base, dedi, 'POST', '/activities', {
    date: workingDay(), minutes, description: 'Menyusun rekap data rujukan', rhk_id: full.rhk[0].id,
  });
  await callApi(server.base, dedi, 'POST', `/activities/${a.id}/submit`, {});
  await callApi(server.base, kasi, 'POST', `/activities/${a.id}/approve`, {});
  return a.id;
}

async function waitFor(check, what) {
  for (let i = 0; i < 150; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`waited for ${what}`);
}

function signed(r) {
  const expected = `sha256=${createHmac('sha256', SECRET).update(r.body).digest('hex')}`;
  assert.equal(r.headers['x-kinerja-signature'], expected, 'signed with the secret');
  return JSON.parse(r.body);
}

test('the admin finds a defect on the data-quality page, follows it to the employee and fixes it', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP);
  try {
    await signInAt(page, server.base, 'admin');
    // The BKPSDM's city view carries the index and leads to the fix list.
    await page.goto(`${server.base}/kota`);
    const note = page.getByTestId('city-data-quality');
    await note.getByText(/Indeks kualitas data kepegawaian: [\d,]+; \d+ data menghambat/).waitFor();
    await note.getByRole('link', { name: 'Lihat daftar perbaikan' }).click();
    await page.getByRole('heading', { name: 'Kualitas data kepegawaian', level: 1 }).waitFor();
    await page.getByTestId('dq-score').waitFor();
    // The dissolved dinas scores lowest, first in the table.
    assert.equal(await page.locator('table.dq-opds tbody tr').first().getAttribute('data-code'), 'DISPORA');
    await shot(page, 'data-quality.png');

    // Filter by the birth-date check: one row, Yusuf's, with its fix.
    await page.locator('button[data-check="nip_birth_date"]').click();
    const rows = page.locator('table.dq-issues tbody tr');
    await page.waitForFunction(() => {
      const all = [...document.querySelectorAll('table.dq-issues tbody tr')];
      return all.length === 1 && all[0].dataset.check === 'nip_birth_date';
    });
    await rows.first().getByText('tercatat 1992-05-25, NIP menyebut 1992-05-15').waitFor();
    await rows.first().getByText('Samakan tanggal lahir dengan SK').waitFor();

    // The record's link opens the employee; the birth date is corrected there.
    await rows.first().getByRole('link', { name: /Yusuf Maulana/ }).click();
    await page.getByRole('heading', { name: 'Yusuf Maulana, S.Psi.' }).waitFor();
    await page.getByRole('button', { name: 'Ubah data pegawai' }).click();
    await page.getByLabel('Tanggal lahir').fill('1992-05-15');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByTestId('employee-birth-date').getByText('15/05/1992').waitFor();

    // Back on the page, the check is clean.
    await page.goto(`${server.base}/kualitas-data`);
    await page.getByTestId('dq-score').waitFor();
    assert.equal(await page.locator('button[data-check="nip_birth_date"]').count(), 0);
    await page.locator('button[data-check="nip_sex"]').waitFor();
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('the admin checks an OPD before exporting it to BKN, sees who is held back and why, and downloads the file', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP);
  try {
    await signInAt(page, server.base, 'admin');
    await page.goto(`${server.base}/kualitas-data`);
    const panel = page.locator('#bkn-export');
    await panel.getByRole('heading', { name: 'Ekspor ke BKN e-Kinerja' }).waitFor();
    await panel.locator('#bkn-opd option', { hasText: 'Dinas Kesehatan' }).waitFor({ state: 'attached' });
    await panel.locator('#bkn-opd').selectOption({ label: 'Dinas Kesehatan' });
    await panel.getByRole('button', { name: 'Periksa sebelum ekspor' }).click();
    // The head of Dinkes has no supervisor recorded: her records wait, with the defect named.
    const held = panel.locator('ul.bkn-blocked li', { hasText: 'dr. Siti Rahmawati' }).first();
    await held.getByText('Pegawai tanpa atasan langsung').waitFor();
    await panel.getByText('Jembatan BKN belum dikonfigurasi').waitFor();
    await shot(page, 'bkn-preview.png');
    await panel.getByRole('button', { name: 'Ekspor sebagai berkas' }).click();
    const row = panel.locator('table.bkn-exports tbody tr', { hasText: 'Dinas Kesehatan' }).first();
    await row.getByText(/ditahan · \d+ diekspor/).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Unduh berkas JSON' }).click(),
    ]);
    const file = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
    assert.equal(file.mapping_version, 'ekinerja-2026.1');
    assert.ok(file.records.length > 0 && file.records.every((r) => r.data.nip !== '197203151998032004'), 'nothing held back is in the file');
    await shot(page, 'bkn-exported.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('an approved activity reaches the subscribed receiver signed, and a missed one is sent again', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP);
  try {
    await signInAt(page, server.base, 'admin');
    await page.goto(`${server.base}/pengiriman`);
    await page.getByRole('heading', { name: 'Webhook ke sistem lain' }).waitFor();
    const { port } = receiver.address();
    // Without an event the form says so beside the field, and nothing is sent.
    await page.getByLabel('Alamat (https://…)').fill(`http://127.0.0.1:${port}/kinerja`);
    await page.getByLabel('Rahasia tanda tangan').fill(SECRET);
    await page.getByRole('button', { name: 'Tambah langganan' }).click();
    await page.getByText('Pilih sedikitnya satu peristiwa').first().waitFor();
    await page.getByLabel('Aktivitas disetujui').check();
    await page.getByLabel('Keterangan').fill('Jembatan TPP');
    await page.getByRole('button', { name: 'Tambah langganan' }).click();
    await page.locator('.toast').getByText(`Langganan http://127.0.0.1:${port}/kinerja ditambahkan.`).waitFor();
    await page.locator('table.webhook-list tbody tr').first().getByText('Aktivitas disetujui').waitFor();

    const first = await approvedActivity(60);
    await waitFor(() => received.length >= 1, 'the first event');
    const event = signed(received[0]);
    assert.equal(event.event, 'activity.approved');
    assert.equal(event.entity_id, String(first));

    // Down: the delivery fails and the log shows why; back up, "Kirim ulang" sends it now.
    down = true;
    const second = await approvedActivity(45);
    await waitFor(() => received.length >= 2, 'the missed event');
    down = false;
    const row = page.locator('tbody tr[data-status]').first();
    for (let i = 0; i < 40; i++) {
      await page.reload();
      await row.waitFor();
      if ((await row.textContent()).includes('503')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await row.getByText(/503/).waitFor();
    await shot(page, 'webhook-missed.png');
    await row.getByRole('button', { name: 'Kirim ulang' }).click();
    await page.locator('.toast').getByText('Aktivitas disetujui dijadwalkan kirim ulang sekarang.').waitFor();
    await waitFor(() => received.length >= 3, 'the replay');
    const again = signed(received[2]);
    assert.equal(again.entity_id, String(second));
    assert.equal(again.id, JSON.parse(received[1].body).id, 'the same event id as the missed one');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('an employee on a phone checks a spreadsheet of activities, fixes the bad row and imports it', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    await signInAt(page, server.base, 'sri');
    await page.goto(`${server.base}/aktivitas`);
    await page.getByRole('heading', { name: 'Aktivitas Harian' }).waitFor();
    await page.getByText('Impor dari Excel atau CSV').click();
    const [y, m, d] = workingDay().split('-');
    const file = (rhk) => ({
      name: 'kegiatan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Tanggal,Menit,Uraian,RHK\n${d}/${m}/${y},120,Asuhan keperawatan rawat jalan,1\n${d}/${m}/${y},60,Dokumentasi asuhan,${rhk}\n`),
    });
    await page.setInputFiles('#activity-import-file', file('7'));
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.getByText('RHK nomor "7" tidak ada').waitFor();
    await page.setInputFiles('#activity-import-file', file('1'));
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.getByText('2 baris siap dicatat').waitFor();
    await shot(page, 'activity-import-phone.png');
    await page.getByRole('button', { name: 'Impor 2 kegiatan sebagai draf' }).click();
    await page.locator('.toast').getByText('2 kegiatan tercatat sebagai draf').waitFor();
    const sri = await loginToken(server.base, 'sri');
    const mine = await callApi(server.base, sri, 'GET', `/activities?status=draft&from=${workingDay()}&to=${workingDay()}`);
    assert.ok(mine.items.some((a) => a.description === 'Dokumentasi asuhan'), JSON.stringify(mine.items));
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('a source system posts a count for an indicator; the penilai accepts it and it shows in the realisation', TIMEOUT, async () => {
  // The puskesmas system, with a token the admin made for Dinkes and the feed route only.
  const admin = await loginToken(server.base, 'admin');
  const units = await callApi(server.base, admin, 'GET', '/units?per_page=100');
  const dinkes = units.items.find((u) => u.code === 'DINKES');
  const { token } = await callApi(server.base, admin, 'POST', '/api-tokens', {
    name: 'e-Puskesmas', access: 'write', unit_id: dinkes.id, routes: ['/api/v1/indicator-feeds'],
  });
  const dedi = await loginToken(server.base, 'dedi');
  const year = workingDay().slice(0, 4);
  const month = workingDay().slice(0, 7);
  const me = await callApi(server.base, dedi, 'GET', '/me');
  const plans = await callApi(server.base, dedi, 'GET', `/skps?year=${year}&status=approved`);
  const skp = plans.items.find((s) => s.employee_id === me.employee.id);
  const full = await callApi(server.base, dedi, 'GET', `/skps/${skp.id}`);
  const indicator = full.rhk.flatMap((r) => r.indicators).find((i) => i.aspect === 'kuantitas');
  await callApi(server.base, token, 'POST', '/indicator-feeds', {
    indicator_id: indicator.id, period: month, value: 37, source: 'e-Puskesmas', reference: 'RJK-BLN-01',
  });

  const { context, page, errors } = await openPage(browser, DESKTOP);
  try {
    await signInAt(page, server.base, 'kasi.rujukan');
    await page.goto(`${server.base}/realisasi/${skp.id}`);
    const feed = page.locator('li.feed', { hasText: 'e-Puskesmas' });
    await feed.getByText('Menunggu keputusan').waitFor();
    await feed.getByText('1 kiriman, jumlah 37').waitFor();
    const row = page.locator('table.realization tr', { hasText: indicator.text });
    const before = (await row.locator('td').nth(3).textContent()).trim();
    assert.ok(!before.includes('e-Puskesmas'), 'nothing counted while it waits');
    // Accepting asks first; "Batal" changes nothing.
    await feed.getByRole('button', { name: 'Terima' }).click();
    await feed.getByRole('alertdialog').getByRole('button', { name: 'Batal' }).click();
    await feed.getByRole('button', { name: 'Tolak' }).waitFor();
    // Refusing needs a reason: none given is refused on the device, named at the field.
    await feed.getByRole('button', { name: 'Tolak' }).click();
    await feed.getByRole('button', { name: 'Tolak data ini' }).click();
    await feed.locator('.field-error', { hasText: 'Tuliskan alasan penolakan.' }).waitFor();
    await feed.getByRole('button', { name: 'Batal' }).click();
    await feed.getByRole('button', { name: 'Terima' }).click();
    await shot(page, 'feed-accept.png');
    await feed.getByRole('alertdialog').getByRole('button', { name: 'Ya, terima' }).click();
    await page.locator('.toast').getByText('Data e-Puskesmas diterima').waitFor();
    await feed.getByText('Diterima', { exact: true }).waitFor();
    assert.equal(await feed.getByRole('button', { name: 'Terima' }).count(), 0, 'decided once');
    // The value counts, with where it came from.
    await row.getByText(`37 ${indicator.unit} dari e-Puskesmas (RJK-BLN-01, ${month})`).waitFor();
    await shot(page, 'feed-realization.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});
