// Oversight (#10) in a real browser against the real server and its demo city. A public dialogue
// forum from its announcement to a closed commitment: the operator of Puskesmas Sukajadi announces
// it from the SPA; an anonymous citizen on a phone opens the public page, sends an aspirasi and
// keeps the tracking code (the honeypot left alone); the operator records what was said in the
// room, marks the forum held with its minutes, makes a commitment answering the citizen's
// aspirasi and reports it done; the public page then shows the minutes, the aspirasi as
// "Menjadi komitmen" and the commitment "Selesai". The API agrees at every step. Then the team
// page, the session page and the dashboard's oversight panel load for their users.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';
import { openFromNav, screenshotsReady, shot, signInAt, signOut } from './session.mjs';

/** Demo accounts and units (see `kinerja seed demo`): kapkm.sukajadi operates PKM-SUKAJADI. */
const OPERATOR = 'kapkm.sukajadi';
const UNIT_NAME = 'UPT Puskesmas Sukajadi';
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const TIMEOUT = { timeout: 240_000 };

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

/** The day `days` from today, as `YYYY-MM-DD` in local time (what a date input takes). */
function dayFromNow(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Fails when anything sticks out sideways on a phone. */
async function fitsPhone(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.viewport.width, `${what}: nothing sticks out sideways (page is ${width}px wide)`);
}

test('a forum goes from its announcement to a closed commitment, and the public sees each step', TIMEOUT, async () => {
  const topic = 'Forum Konsultasi Publik Layanan Puskesmas Sukajadi';
  const place = 'Aula Puskesmas Sukajadi';
  const forumDay = dayFromNow(14);
  const aspirasi = 'Mohon jam layanan poli umum diperpanjang sampai sore agar pekerja bisa berobat.';
  const contact = '0812-1111-2222';
  const roomText = 'Ruang tunggu perlu kursi tambahan dan kipas angin karena sering penuh.';
  const minutes = 'Forum dihadiri 40 warga dan kader.\nDibahas jam layanan poli umum dan ruang tunggu.';
  const promise = 'Jam layanan poli umum diperpanjang sampai pukul 16.00 mulai bulan depan.';
  const doneNote = 'Jadwal baru berlaku dan diumumkan di papan informasi serta media sosial puskesmas.';
  const operator = await loginToken(server.base, OPERATOR);

  // The operator announces the forum from the SPA.
  const staff = await openPage(browser, DESKTOP);
  const { page } = staff;
  await signInAt(page, server.base, OPERATOR);
  await openFromNav(page, 'Forum Dialog Publik', '/forum', 'Forum Dialog Publik');
  const unit = page.getByLabel('Unit', { exact: true });
  await unit.locator('option', { hasText: UNIT_NAME }).waitFor({ state: 'attached' });
  await unit.selectOption({ label: UNIT_NAME });
  await page.getByLabel('Topik', { exact: true }).fill(topic);
  await page.getByLabel('Tanggal', { exact: true }).fill(forumDay);
  await page.getByLabel('Tempat', { exact: true }).fill(place);
  await page.getByLabel('Keterangan (opsional)').fill('Warga diundang menyampaikan keluhan dan harapan tentang layanan.');
  await page.getByRole('button', { name: 'Umumkan forum' }).click();
  await page.locator('.toast .toast-text', { hasText: `Forum "${topic}" diumumkan.` }).waitFor();
  const row = page.getByRole('row', { name: new RegExp(topic) });
  await row.locator('[data-status="announced"]', { hasText: 'Diumumkan' }).waitFor();
  await shot(page, 'forums-staff.png');
  const listed = (await api(operator, 'GET', '/forums')).items.find((f) => f.topic === topic);
  assert.ok(listed, 'the API lists the new forum');
  assert.equal(listed.status, 'announced');
  assert.equal(listed.unit_name, UNIT_NAME);
  assert.equal(listed.date, forumDay);
  assert.equal(listed.place, place);
  const forumId = listed.id;

  // A citizen on a phone, without an account, finds it and sends an aspirasi.
  const citizen = await openPage(browser, PHONE);
  let code;
  try {
    const c = citizen.page;
    await c.goto(`${server.base}/layanan`);
    await c.getByRole('navigation', { name: 'Layanan untuk masyarakat' }).getByRole('link', { name: 'Forum dialog' }).click();
    await c.waitForURL('**/forum-publik');
    await c.getByRole('heading', { name: 'Forum Dialog Publik', level: 1 }).waitFor();
    const card = c.locator(`li.public-forum[data-forum="${forumId}"]`);
    await card.getByText('Akan dilaksanakan', { exact: true }).waitFor();
    await card.getByText('Menerima aspirasi').waitFor();
    await card.getByRole('link', { name: topic }).click();
    await c.waitForURL(`**/forum-publik/${forumId}`);
    await c.getByRole('heading', { name: topic, level: 1 }).waitFor();
    await c.getByText(place).waitFor();
    assert.equal(await c.locator('#main-nav').count(), 0, 'no staff navigation');
    // The honeypot is for bots only: hidden from screen readers, out of the Tab order, left empty.
    assert.equal(await c.locator('.hp').getAttribute('aria-hidden'), 'true');
    assert.equal(await c.locator('#website').getAttribute('tabindex'), '-1');
    // Too short is refused on the device.
    await c.getByLabel('Aspirasi Anda').fill('Kurang');
    await c.getByRole('button', { name: 'Kirim aspirasi' }).click();
    await c.getByText('Aspirasi 10–4000 karakter.').waitFor();
    await c.getByLabel('Aspirasi Anda').fill(aspirasi);
    await c.getByLabel('Kontak Anda (opsional)').fill(contact);
    assert.equal(await c.locator('#website').inputValue(), '', 'the honeypot stays empty');
    await fitsPhone(c, 'the forum page');
    await shot(c, 'forum-public-form.png');
    await c.getByRole('button', { name: 'Kirim aspirasi' }).click();
    await c.getByRole('heading', { name: 'Aspirasi terkirim' }).waitFor();
    code = (await c.locator('#aspirasi-code').textContent()).trim();
    assert.match(code, /^ASP-[A-Z0-9]+$/);
    await c.locator(`li.aspirasi[data-code="${code}"] [data-status="received"]`, { hasText: 'Diterima' }).waitFor();
    await fitsPhone(c, 'the receipt');
    await shot(c, 'forum-public-sent.png');
    // The code tracks it on /lacak like a complaint's.
    await c.getByRole('link', { name: 'Lacak aspirasi' }).click();
    await c.waitForURL(`**/lacak/${code}`);
    await c.locator('.track-status', { hasText: /^Diterima$/ }).waitFor();
    assert.deepEqual(citizen.errors(), [], 'no uncaught errors for the citizen');
  } finally {
    await citizen.context.close();
  }
  const tracked = await api(null, 'GET', `/public/forum-inputs/${code}`);
  assert.equal(tracked.status, 'received');
  assert.equal(tracked.text, aspirasi);
  assert.equal(tracked.forum_id, forumId);
  assert.equal('contact' in tracked, false, 'the public never sees the contact');

  // The operator runs the forum: the citizen's aspirasi with the contact, a room input, the
  // minutes, a commitment answering the aspirasi, and its completion.
  await page.getByRole('row', { name: new RegExp(topic) }).getByRole('link', { name: topic }).click();
  await page.waitForURL(`**/forum/${forumId}`);
  await page.getByRole('heading', { name: topic, level: 1 }).waitFor();
  const online = page.locator(`li.aspirasi[data-code="${code}"]`);
  await online.getByText(aspirasi).waitFor();
  await online.getByText(contact).waitFor();
  await online.getByText('Dikirim daring').waitFor();

  await page.getByLabel('Isi aspirasi').fill(roomText);
  await page.getByLabel('Nama penyampai (opsional)').fill('Ibu Rina, RW 04');
  await page.getByRole('button', { name: 'Catat aspirasi' }).click();
  await page.locator('.toast .toast-text', { hasText: /^Aspirasi ASP-[A-Z0-9]+ dicatat\.$/ }).waitFor();
  const room = page.locator('li.aspirasi', { hasText: roomText });
  await room.getByText('Disampaikan di forum').waitFor();
  await room.getByText('Ibu Rina, RW 04').waitFor();

  // Minutes that are too short are refused on the device, then the forum is recorded held.
  await page.getByLabel('Notulen').fill('Singkat');
  await page.getByRole('button', { name: 'Tandai terlaksana dan simpan notulen' }).click();
  await page.getByText('Notulen paling sedikit 10 karakter.').waitFor();
  await page.getByLabel('Notulen').fill(minutes);
  await page.getByRole('button', { name: 'Tandai terlaksana dan simpan notulen' }).click();
  await page.locator('.toast .toast-text', { hasText: 'Forum ditandai terlaksana; notulen tersimpan.' }).waitFor();
  await page.locator('.forum-facts [data-status="held"]', { hasText: 'Terlaksana' }).waitFor();
  await page.locator('.forum-minutes .minutes', { hasText: 'Forum dihadiri 40 warga' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Batalkan forum' }).count(), 0, 'a held forum is not cancelled');

  // A commitment answering the citizen's aspirasi.
  await page.getByLabel('Uraian komitmen').fill(promise);
  await page.getByLabel('Penanggung jawab').fill('Kepala Puskesmas Sukajadi');
  await page.getByLabel('Tenggat').fill(dayFromNow(30));
  await page.getByLabel(new RegExp(code)).check();
  await page.getByRole('button', { name: 'Tambah komitmen' }).click();
  await page.locator('.toast .toast-text', { hasText: 'Komitmen ditambahkan.' }).waitFor();
  const commitment = page.locator('li.commitment', { hasText: promise });
  await commitment.locator('[data-status="open"]', { hasText: 'Berjalan' }).waitFor();
  await commitment.getByText(code).waitFor();
  await online.locator('[data-status="committed"]', { hasText: 'Menjadi komitmen' }).waitFor();

  // Done needs a note; then it is done.
  await commitment.getByRole('button', { name: 'Tandai selesai' }).click();
  await commitment.getByText('Tulis apa yang sudah dilakukan.').waitFor();
  await commitment.getByLabel('Catatan penyelesaian').fill(doneNote);
  await commitment.getByRole('button', { name: 'Tandai selesai' }).click();
  await page.locator('.toast .toast-text', { hasText: 'Komitmen ditandai selesai.' }).waitFor();
  await commitment.locator('[data-status="done"]', { hasText: 'Selesai' }).waitFor();
  await commitment.getByText(doneNote).waitFor();
  assert.equal(await commitment.getByRole('button', { name: 'Tandai selesai' }).count(), 0, 'nothing left to do');
  await shot(page, 'forum-detail.png');
  assert.deepEqual(staff.errors(), [], 'no uncaught errors for the operator');
  await staff.context.close();

  const forum = await api(operator, 'GET', `/forums/${forumId}`);
  assert.equal(forum.status, 'held');
  assert.equal(forum.minutes, minutes);
  assert.equal(forum.inputs.length, 2, 'the online aspirasi and the room input');
  const sent = forum.inputs.find((i) => i.tracking_code === code);
  assert.equal(sent.source, 'online');
  assert.equal(sent.status, 'committed');
  assert.equal(sent.contact, contact);
  const said = forum.inputs.find((i) => i.tracking_code !== code);
  assert.equal(said.source, 'room');
  assert.equal(said.text, roomText);
  assert.equal(said.speaker, 'Ibu Rina, RW 04');
  assert.equal(forum.commitments.length, 1);
  const [kept] = forum.commitments;
  assert.equal(kept.description, promise);
  assert.equal(kept.status, 'done');
  assert.equal(kept.done_note, doneNote);
  assert.deepEqual(kept.input_ids, [sent.id]);

  // The public page afterwards: the minutes, the aspirasi became a commitment, and it is done.
  const later = await openPage(browser, PHONE);
  try {
    const c = later.page;
    await c.goto(`${server.base}/forum-publik/${forumId}`);
    await c.getByRole('heading', { name: topic, level: 1 }).waitFor();
    await c.locator('#forum-status', { hasText: 'Sudah dilaksanakan' }).waitFor();
    await c.locator('.forum-minutes .minutes', { hasText: 'Dibahas jam layanan poli umum' }).waitFor();
    await c.locator(`li.aspirasi[data-code="${code}"] [data-status="committed"]`, { hasText: 'Menjadi komitmen' }).waitFor();
    const done = c.locator('li.commitment', { hasText: promise });
    await done.locator('[data-status="done"]', { hasText: 'Selesai' }).waitFor();
    await done.getByText(doneNote).waitFor();
    assert.equal(await c.getByText(contact).count(), 0, 'no contact on the public page');
    assert.equal(await c.locator('#aspirasi-text').count(), 0, 'a held forum takes no more aspirasi');
    await fitsPhone(c, 'the held forum');
    await shot(c, 'forum-public-held.png');
    await c.goto(`${server.base}/lacak/${code}`);
    await c.locator('.track-status', { hasText: /^Menjadi komitmen$/ }).waitFor();
    assert.deepEqual(later.errors(), [], 'no uncaught errors on the public pages');
  } finally {
    await later.context.close();
  }
  const shown = await api(null, 'GET', `/public/forums/${forumId}`);
  assert.equal(shown.minutes, minutes);
  assert.equal(shown.accepts_input, false);
  assert.equal(shown.inputs.find((i) => i.tracking_code === code).status_label, 'Menjadi komitmen');
  assert.equal(shown.commitments[0].status_label, 'Selesai');
});

test('the team page, the session page and the oversight panel load for their users', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP);
  const visits = [
    // A member of the demo team covering Dinas Kesehatan reviews ratings.
    ['camat.sukasari', 'Tim Penilai', '/tim-penilai', 'Tim Penilai Kinerja', 'Telaah penilaian', 'team-member.png'],
    ['admin', 'Tim Penilai', '/tim-penilai', 'Tim Penilai Kinerja', 'Bentuk tim penilai', 'team-admin.png'],
    ['kasi.rujukan', 'Tim Penilai', '/tim-penilai', 'Tim Penilai Kinerja', 'Catatan Tim Penilai', 'team-notes.png'],
    ['kadinkes', 'Evaluasi Kinerja', '/evaluasi', 'Evaluasi Kinerja', 'Catat sesi evaluasi', 'sessions-head.png'],
    ['dedi', 'Evaluasi Kinerja', '/evaluasi', 'Evaluasi Kinerja', 'Tindak lanjut saya', 'sessions-employee.png'],
    ['kadinkes', 'Dasbor', '/dasbor', 'Dasbor Unit', 'Pengawasan: evaluasi, forum dan tim penilai', 'dashboard-oversight.png'],
  ];
  for (const [user, label, path, heading, section, picture] of visits) {
    await signInAt(page, server.base, user);
    await openFromNav(page, label, path, heading);
    await page.getByRole('heading', { name: section, level: 2 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
    const banners = await page.locator('.error-banner').allTextContents();
    assert.deepEqual(banners, [], `${user} on ${path}: no error shown`);
    if (user === 'camat.sukasari') {
      // A member reads the flags the team raised but answers none: only the penilai does.
      await page.locator('li.review').first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'Kirim jawaban' }).count(), 0, 'no answer form for a member');
    }
    await shot(page, picture);
    await signOut(page);
  }
  assert.deepEqual(errors(), [], 'no uncaught errors in the app');
  await context.close();
});
