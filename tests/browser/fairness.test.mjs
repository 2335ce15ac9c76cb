// Fairer ratings (#24) in a real browser against the real server and its demo city.
// 1. The head of Dinkes opens a 360° pulse about a kepala bidang from the SPA; a peer answers it on
//    the Survei 360° page without a name; with three peers answered and the round closed, the
//    rating evidence shows the averages per BerAKHLAK value and a lone service user's group stays
//    hidden.
// 2. On Kalibrasi the radar flags the head who rated all five of hers above expectations, with the
//    figures; a calibration session agrees a change that lands on the draft and is then locked.
// 3. The BKPSDM's 9-box places the demo city and names successors for a kepala bidang post.
// 4. A forum commitment becomes an official's RHK from the forum page; its progress and a
//    milestone show on the public forum page on a phone.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';
import { openFromNav, screenshotsReady, shot, signInAt } from './session.mjs';

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const TIMEOUT = { timeout: 240_000 };
const PASSWORD = 'kinerja2026';
const HENDRA = '198003102005011004';
const AGUS = '197506082000031003';
const MARIA = '198512052011012010';
const ANDI = '198406222010011006';
const BAMBANG = '197811202003121002';

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

/** Today in the Pemda's time (WIB), as `YYYY-MM-DD`. */
function today() {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** This quarter and the one before, as the demo Pemda assesses. */
function quarters() {
  const [y, m] = today().split('-').map(Number);
  const q = Math.floor((m - 1) / 3) + 1;
  return { now: `${y}-Q${q}`, last: q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}` };
}

/** The employee id of a NIP, as the admin reads it. */
async function employeeId(admin, nip) {
  const page = await api(admin, 'GET', `/employees?q=${nip}`);
  return page.items[0].id;
}

/** Gives a demo employee an account and returns its token. */
async function account(admin, username, nip) {
  const employee_id = await employeeId(admin, nip);
  await api(admin, 'POST', '/users', { username, password: PASSWORD, roles: [], employee_id });
  return loginToken(server.base, username);
}

/** Answers the caller's invitation about `subject` with `score` everywhere. */
async function answerAbout(token, subject, score) {
  const list = await api(token, 'GET', '/pulse/invitations');
  const inv = list.items.find((i) => i.subject_name === subject);
  assert.ok(inv, `an invitation about ${subject}`);
  await api(token, 'POST', `/pulse/invitations/${inv.id}/answer`, { scores: inv.questions.map(() => score) });
}

test('a 360° pulse is answered without a name and shows only as averages from three answers', TIMEOUT, async () => {
  const admin = await loginToken(server.base, 'admin');
  const kadinkes = await loginToken(server.base, 'kadinkes');
  await account(admin, 'agus', AGUS);
  const maria = await account(admin, 'maria', MARIA);
  const andi = await loginToken(server.base, 'kapkm.sukajadi');
  const hendra = await employeeId(admin, HENDRA);

  // The head of dinas opens a round about Hendra from the SPA, asking service users too.
  const staff = await openPage(browser, DESKTOP);
  await signInAt(staff.page, server.base, 'kadinkes');
  await openFromNav(staff.page, 'Survei 360°', '/survei-360', 'Survei 360° perilaku kerja');
  await staff.page.locator('#pulse-target option', { hasText: 'Hendra Gunawan' }).waitFor({ state: 'attached' });
  await staff.page.locator('#pulse-target').selectOption({ label: 'Hendra Gunawan, S.K.M. (Kepala Bidang Pencegahan dan Pengendalian Penyakit)' });
  await staff.page.locator('#pulse-closes').fill(today());
  await staff.page.locator('#pulse-service-users').check();
  await staff.page.getByRole('button', { name: 'Buka survei' }).click();
  await staff.page.locator('.toast .toast-text', { hasText: 'Survei dibuka; 5 undangan terkirim.' }).waitFor();
  const row = staff.page.locator('.pulse-rounds tr', { hasText: 'Hendra Gunawan' });
  await row.waitFor();
  const link = await row.locator('a').getAttribute('href');
  assert.match(link, /^\/nilai-petugas\/PLS-/);

  // A peer answers on their phone: seven questions, 1 to 5, and no name anywhere.
  const peer = await openPage(browser, PHONE);
  await signInAt(peer.page, server.base, 'agus');
  await peer.page.goto(`${server.base}/survei-360`);
  const form = peer.page.locator('.pulse-form', { hasText: 'Hendra Gunawan' });
  await form.waitFor();
  await peer.page.getByText('hanya rata-rata per nilai yang ditampilkan').waitFor();
  const send = form.getByRole('button', { name: 'Kirim jawaban' });
  assert.equal(await send.isDisabled(), true, 'nothing is sent before every question has a score');
  const questions = form.locator('.pulse-questions > li');
  assert.equal(await questions.count(), 7);
  for (let i = 0; i < 7; i += 1) await questions.nth(i).locator('input[value="5"]').check();
  await shot(peer.page, 'pulse-answer-phone.png');
  await send.click();
  await peer.page.locator('.toast .toast-text', { hasText: 'Terima kasih, jawaban Anda tersimpan tanpa nama.' }).waitFor();
  await peer.page.locator('#pulse-none').waitFor();

  // Two more peers answer; one service user answers on the public form.
  await answerAbout(maria, 'Hendra Gunawan, S.K.M.', 4);
  await answerAbout(andi, 'Hendra Gunawan, S.K.M.', 3);
  const citizen = await openPage(browser, PHONE);
  await citizen.page.goto(`${server.base}${link}`);
  await citizen.page.getByRole('heading', { name: 'Nilai petugas kami', level: 1 }).waitFor();
  await citizen.page.locator('#ppulse-person').selectOption({ label: 'Hendra Gunawan, S.K.M. — Kepala Bidang Pencegahan dan Pengendalian Penyakit' });
  const publicQuestions = citizen.page.locator('.pulse-questions > li');
  for (let i = 0; i < 7; i += 1) await publicQuestions.nth(i).locator('input[value="4"]').check();
  await citizen.page.getByRole('button', { name: 'Kirim penilaian' }).click();
  await citizen.page.locator('#pulse-thanks').waitFor();

  // The head closes the round after confirming; the counts say 3 of 5 answered.
  await staff.page.reload();
  const closing = staff.page.locator('.pulse-rounds tr', { hasText: 'Hendra Gunawan' });
  assert.equal((await closing.locator('.pulse-count').textContent()).trim(), '3 / 5');
  await closing.getByRole('button', { name: 'Tutup survei' }).click();
  await staff.page.getByText('Tutup survei ini? Jawaban tidak diterima lagi').waitFor();
  await staff.page.locator('.confirm').getByRole('button', { name: 'Tutup survei' }).click();
  await staff.page.locator('.pulse-rounds tr', { hasText: 'Ditutup' }).waitFor();

  // The rating evidence: peers' averages (5 + 4 + 3) / 3 per value; the lone service user hidden.
  await staff.page.goto(`${server.base}/penilaian/nilai/${hendra}/${quarters().now}`);
  const pulse = staff.page.locator('.evidence-pulse');
  await pulse.waitFor();
  const peers = pulse.locator('.pulse-group[data-group="peer"]');
  await peers.getByText('3 penjawab').waitFor();
  assert.equal(await peers.locator('.pulse-means li').count(), 7);
  await peers.getByText('Akuntabel: 4,0').waitFor();
  const users = pulse.locator('.pulse-group[data-group="service_user"]');
  await users.getByText('1 penjawab').waitFor();
  await users.getByText('Tidak ditampilkan: kurang dari 5 penjawab.').waitFor();
  assert.equal(await users.locator('.pulse-means').count(), 0);
  await shot(staff.page, 'pulse-evidence.png');
  const summary = await api(kadinkes, 'GET', `/employees/${hendra}/pulse?period=${quarters().now}`);
  assert.equal(summary.groups.find((g) => g.group === 'peer').shown, true);
  await staff.context.close();
  await peer.context.close();
  await citizen.context.close();
});

test('the radar flags a lenient head, and a calibration session changes a draft and is locked', TIMEOUT, async () => {
  const admin = await loginToken(server.base, 'admin');
  const kadinkes = await loginToken(server.base, 'kadinkes');
  // The current quarter: the demo's ratings of the last one are final already.
  const period = quarters().now;
  const dinkes = (await api(admin, 'GET', '/units?per_page=100')).items.find((u) => u.code === 'DINKES').id;
  for (const nip of [AGUS, BAMBANG, HENDRA, ANDI, MARIA]) {
    const employee_id = await employeeId(admin, nip);
    await api(kadinkes, 'POST', '/assessments', { employee_id, period, result_rating: 'di_atas', behavior_rating: 'di_atas' });
  }
  await api(kadinkes, 'POST', '/evaluation-sessions', {
    unit_id: dinkes, kind: 'calibration', held_on: today(), title: 'Kalibrasi penilaian triwulan',
    attendees: ['dr. Siti Rahmawati, M.Kes. (Kepala Dinas)', 'Tim Penilai Kinerja'], decisions: 'Penilaian dibahas bersama tim.',
  });

  const { page, context } = await openPage(browser, DESKTOP);
  await signInAt(page, server.base, 'kadinkes');
  await page.goto(`${server.base}/kalibrasi`);
  await page.locator('#calibration-period-quarter').selectOption(period.slice(-1));
  const radar = page.locator('#rater-bias');
  const head = radar.locator('tr', { hasText: 'dr. Siti Rahmawati' });
  await head.waitFor();
  await head.locator('[data-flag="leniency"]').getByText(/^5 dari 5 dinilai Di Atas Ekspektasi \(100 %\)/).waitFor();
  await head.locator('[data-flag="halo"]').waitFor();
  await shot(page, 'rater-bias.png');

  // Lower one draft in the calibration session, with the reason; then lock the minutes.
  const session = page.locator('#calibration-session');
  await session.locator('#calsession-assessment option', { hasText: 'dr. Maria Ulfa' }).waitFor({ state: 'attached' });
  await session.locator('#calsession-assessment').selectOption({ label: 'dr. Maria Ulfa — Sangat Baik' });
  await session.locator('#calsession-result').selectOption('sesuai');
  await session.locator('#calsession-behavior').selectOption('sesuai');
  await session.locator('#calsession-reason').fill('Capaian indikator di bawah rata-rata unit');
  await session.getByRole('button', { name: 'Catat dan terapkan' }).click();
  await session.getByText('Terapkan perubahan ini pada penilaian draf?').waitFor();
  await session.locator('.confirm').getByRole('button', { name: 'Catat dan terapkan' }).click();
  await session.locator('.calibration-changes li', { hasText: 'dr. Maria Ulfa' }).getByText('Sangat Baik → Baik').waitFor();
  // The page reads the ratings again: the report and the radar count the change.
  await page.locator('table.report tr', { hasText: 'dr. Maria Ulfa' }).getByText('Baik', { exact: true }).waitFor();
  await head.getByText(/^5 dinilai: 4 di atas/).waitFor();
  await session.getByRole('button', { name: 'Kunci notulen' }).click();
  await session.getByText('Kunci notulen sesi ini?').waitFor();
  await session.locator('.confirm').getByRole('button', { name: 'Kunci notulen' }).click();
  await session.locator('#calsession-locked').waitFor();
  assert.equal(await session.locator('#calsession-change').count(), 0, 'nothing is added after the lock');
  const maria = await employeeId(admin, MARIA);
  const rated = await api(kadinkes, 'GET', `/assessments?employee_id=${maria}&period=${period}`);
  assert.equal(rated.items[0].predikat, 'baik');
  await shot(page, 'calibration-session.png');
  await context.close();
});

test('the BKPSDM reads the 9-box of the demo city with a succession list', TIMEOUT, async () => {
  const { page, context } = await openPage(browser, DESKTOP);
  await signInAt(page, server.base, 'admin');
  await openFromNav(page, 'Talenta (9 kotak)', '/talenta', 'Talenta: matriks 9 kotak');
  await page.locator('#talent-summary').waitFor();
  const pool = page.locator('.nine-box td[data-box="8"]');
  await pool.getByText('Sri Wahyuni, S.Kep.').waitFor();
  const placed = await page.locator('.nine-box .box-count').allTextContents();
  assert.ok(placed.map(Number).reduce((a, b) => a + b, 0) >= 20, `the city is placed: ${placed}`);
  const post = page.locator('.succession-post', { has: page.getByRole('heading', { name: 'Kepala Bidang Pelayanan Kesehatan', exact: true }) });
  assert.ok((await post.locator('.candidates > li').count()) > 0, 'the kepala bidang post has candidates');
  await post.getByText(/Kesenjangan/).first().waitFor();
  await shot(page, 'talent-nine-box.png');
  await context.close();
});

test('a forum commitment becomes an official’s RHK and its progress shows on the public page', TIMEOUT, async () => {
  const operator = await loginToken(server.base, 'kapkm.sukajadi');
  const admin = await loginToken(server.base, 'admin');
  const pkm = (await api(admin, 'GET', '/units?per_page=100')).items.find((u) => u.code === 'PKM-SUKAJADI').id;
  const forum = await api(operator, 'POST', '/forums', { unit_id: pkm, topic: 'Forum Konsultasi Layanan Lansia', date: today(), place: 'Aula Puskesmas' });
  await api(operator, 'PUT', `/forums/${forum.id}`, { status: 'held', minutes: 'Warga meminta loket khusus lansia.' });
  const promise = 'Membuka loket pendaftaran khusus lansia setiap pagi';
  await api(operator, 'POST', `/forums/${forum.id}/commitments`, { description: promise, owner: 'Kepala UPT Puskesmas Sukajadi', due_on: today(), input_ids: [] });

  // The head of dinas makes it the Puskesmas head's RHK, then the progress and a milestone.
  const { page, context } = await openPage(browser, DESKTOP);
  await signInAt(page, server.base, 'kadinkes');
  await page.goto(`${server.base}/forum/${forum.id}`);
  const item = page.locator('.commitment', { hasText: promise });
  await item.waitFor();
  const target = item.locator('.target-form');
  await target.locator('select').first().locator('option', { hasText: 'dr. Andi Pratama' }).waitFor({ state: 'attached' });
  await target.locator('select').first().selectOption({ label: 'dr. Andi Pratama (Kepala UPT Puskesmas Sukajadi)' });
  await target.locator('select').nth(1).locator('option').first().waitFor({ state: 'attached' });
  await target.getByRole('button', { name: 'Jadikan RHK' }).click();
  await target.getByText('Jadikan komitmen ini RHK dr. Andi Pratama?').waitFor();
  await target.locator('.confirm').getByRole('button', { name: 'Jadikan RHK' }).click();
  await item.locator('.commitment-official', { hasText: 'dr. Andi Pratama' }).waitFor();
  await page.locator('.toast .toast-text', { hasText: 'Komitmen menjadi RHK pejabat; pejabat diberi tahu.' }).waitFor();
  await item.locator('input[type="number"]').fill('40');
  await item.locator('.progress-form input[type="text"]').fill('Loket dibuka dua hari seminggu');
  await item.getByRole('button', { name: 'Simpan kemajuan' }).click();
  await item.locator('.commitment-progress', { hasText: '40 %' }).waitFor();
  await item.locator('.milestone-form input[type="text"]').fill('Meja dan papan loket disiapkan');
  await item.getByRole('button', { name: 'Tambah tahapan' }).click();
  const step = item.locator('.milestone-list li', { hasText: 'Meja dan papan loket disiapkan' });
  await step.waitFor();
  // Ticked, it is saved and the forum read again: the box is checked once the server says so.
  await step.locator('input[type="checkbox"]').click();
  await page.waitForFunction(() => document.querySelector('.milestone-list input[type="checkbox"]')?.checked === true);
  await shot(page, 'commitment-target.png');
  await context.close();

  // The official has a revision of his plan holding it as an RHK tambahan.
  const andi = await loginToken(server.base, 'kapkm.sukajadi');
  const [c] = (await api(andi, 'GET', `/forums/${forum.id}`)).commitments;
  assert.ok(c.rhk_id, 'it became an RHK');

  // A citizen on a phone sees who carries it, how far it is, and the milestone done.
  const phone = await openPage(browser, PHONE);
  await phone.page.goto(`${server.base}/forum-publik/${forum.id}`);
  const shown = phone.page.locator('.public-commitments .commitment', { hasText: promise });
  await shown.waitFor();
  await shown.getByText('dr. Andi Pratama (Kepala UPT Puskesmas Sukajadi)').waitFor();
  await shown.locator('.commitment-progress', { hasText: '40 %' }).waitFor();
  await shown.locator('.public-milestones li[data-done="true"]', { hasText: 'Meja dan papan loket disiapkan' }).waitFor();
  const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.viewport.width, `nothing sticks out sideways (${width}px)`);
  await shot(phone.page, 'commitment-public-phone.png');
  await phone.context.close();
});

test('the admin sets the pulse questions and thresholds on the settings page', TIMEOUT, async () => {
  const { page, context } = await openPage(browser, DESKTOP);
  await signInAt(page, server.base, 'admin');
  await page.goto(`${server.base}/pengaturan`);
  const questions = page.getByLabel('Survei 360°: pertanyaan');
  await questions.waitFor();
  assert.match(await questions.inputValue(), /"core_value": "berorientasi_pelayanan"/);
  await page.getByLabel('Survei 360°: penjawab paling sedikit').fill('4');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.locator('.toast').getByText('Pengaturan Pemda tersimpan.').waitFor();
  const admin = await loginToken(server.base, 'admin');
  assert.equal((await api(admin, 'GET', '/settings')).pulse_min_respondents, 4);
  await context.close();
});
