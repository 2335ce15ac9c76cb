// Oversight (#10) in a real browser against the real server and its demo city, the flows the
// forum test leaves out. The Tim Penilai: Camat Sukasari, a member of the team overseeing the
// Dinas Kesehatan, opens Sri's rating of the quarter before (rated by Kasi Rujukan), weighs its
// evidence and writes a note with a recommendation and a flag (refused first without a reason);
// Kasi Rujukan, her penilai, answers the flag; Sri reads the note and the answer without a form.
// Evaluasi Kinerja: the head of the Dinas Kesehatan records an annual session with a follow-up
// owned by Dedi, and Dedi reports it done. The API agrees at every step.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';
import { openFromNav, screenshotsReady, shot, signInAt, signOut } from './session.mjs';

/** Demo accounts and names (see `kinerja seed demo`). */
const MEMBER = 'camat.sukasari';
const PENILAI = 'kasi.rujukan';
const PENILAI_NAME = 'Rina Marlina, S.K.M.';
const SRI = 'sri';
const SRI_NAME = 'Sri Wahyuni, S.Kep.';
const HEAD = 'kadinkes';
const DEDI = 'dedi';
const DEDI_NAME = 'Dedi Kurniawan';
const UNIT_NAME = 'Dinas Kesehatan';
const DESKTOP = { viewport: { width: 1280, height: 900 } };
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
const signIn = (page, user) => signInAt(page, server.base, user);

/** The day `days` from today, as `YYYY-MM-DD` in local time (what a date input takes). */
function dayFromNow(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The quarter before today's (the demo is rated quarterly and only that quarter is rated). */
function quarterBefore() {
  const d = new Date();
  const q = Math.ceil((d.getMonth() + 1) / 3);
  return q === 1 ? `${d.getFullYear() - 1}-Q4` : `${d.getFullYear()}-Q${q - 1}`;
}

/** `2026-Q3` as the pages write it: `Triwulan 3 2026`. */
const quarterWords = (period) => {
  const [year, q] = period.split('-Q');
  return `Triwulan ${q} ${year}`;
};

/** No error banner on the page. */
async function noBanners(page, where) {
  assert.deepEqual(await page.locator('.error-banner').allTextContents(), [], `${where}: no error shown`);
}

test('the team flags a rating, the penilai answers and the employee reads it', TIMEOUT, async () => {
  const note = 'Capaian di atas ekspektasi, tetapi bukti dukung RHK kedua hanya dua dokumen untuk satu triwulan.';
  const reason = 'Mohon tinjau ulang predikat Sangat Baik: bukti realisasi RHK kedua belum lengkap.';
  const answer = 'Sudah saya tinjau ulang bersama bukti dukung tambahan; predikat tetap Sangat Baik.';
  const period = quarterBefore();
  const member = await loginToken(server.base, MEMBER);
  const [team] = (await api(member, 'GET', '/evaluation-teams')).items;
  const rated = (await api(member, 'GET', `/evaluation-teams/${team.id}/assessments?period=${period}`)).items;
  const sri = rated.find((a) => a.employee_name === SRI_NAME);
  assert.ok(sri, 'the demo has Sri rated in the quarter before');
  assert.equal(sri.penilai_name, PENILAI_NAME);
  const before = (await api(member, 'GET', `/assessments/${sri.assessment_id}/reviews`)).items;
  const evidence = await api(member, 'GET', `/employees/${sri.employee_id}/rating-evidence?period=${period}`);

  const { context, page, errors } = await openPage(browser, DESKTOP);
  try {
    // The member opens the team page on the last quarter that has ended, the one rated.
    await signIn(page, MEMBER);
    await openFromNav(page, 'Tim Penilai', '/tim-penilai', 'Tim Penilai Kinerja');
    const review = page.locator('section.team-review');
    await review.getByRole('heading', { name: 'Telaah penilaian', level: 2 }).waitFor();
    const row = review.locator(`tr[data-assessment="${sri.assessment_id}"]`);
    await row.getByText(PENILAI_NAME).waitFor();
    await row.getByText(quarterWords(period)).waitFor();
    await row.getByRole('button', { name: `Telaah penilaian ${SRI_NAME}` }).click();

    // Sri's rating with the team's earlier note and the evidence the penilai weighed.
    const panel = page.locator('section.review-panel');
    await panel.getByRole('heading', { name: `Telaah: ${SRI_NAME} · ${quarterWords(period)}`, level: 2 }).waitFor();
    await panel.getByText(`Dinilai oleh ${PENILAI_NAME}`).waitFor();
    assert.equal(before.length, 1, 'the demo has one note on Sri');
    await panel.locator('li.review', { hasText: before[0].note }).getByText('Promosi').waitFor();
    const proof = page.locator('section.rating-evidence');
    await proof.getByRole('heading', { name: `Bahan pertimbangan · ${quarterWords(period)}`, level: 2 }).waitFor();
    const firstRhk = evidence.realization?.rhk?.[0];
    assert.ok(firstRhk, 'the demo has Sri\'s realisation for the quarter');
    await proof.locator('.evidence-realization .rhk-text', { hasText: firstRhk.text }).first().waitFor();
    const approved = proof.locator('.activity-tally .tile-approved .tile-count');
    assert.equal((await approved.textContent()).trim(), String(evidence.activities.approved));

    // A flag without a reason, or with too short a one, is refused on the device.
    await panel.getByLabel('Catatan telaah').fill(note);
    await panel.getByLabel('Rekomendasi').selectOption({ label: 'Pengembangan kompetensi' });
    await panel.getByLabel('Minta penilai meninjau ulang penilaian ini').check();
    const reasonField = panel.getByLabel('Alasan tinjau ulang');
    await reasonField.waitFor();
    await panel.getByRole('button', { name: 'Simpan telaah' }).click();
    await panel.getByText('Alasan paling sedikit 10 karakter.').waitFor();
    await reasonField.fill('Kurang');
    await panel.getByRole('button', { name: 'Simpan telaah' }).click();
    await panel.getByText('Alasan paling sedikit 10 karakter.').waitFor();
    assert.equal(
      (await api(member, 'GET', `/assessments/${sri.assessment_id}/reviews`)).items.length,
      1,
      'nothing stored for a flag without a reason',
    );
    await shot(page, 'team-review-refused.png');

    // With the reason it is stored, listed with its open flag, and counted in the table.
    await reasonField.fill(reason);
    await panel.getByRole('button', { name: 'Simpan telaah' }).click();
    const written = panel.locator('li.review', { hasText: note });
    await written.locator('[data-flag="open"]', { hasText: 'Menunggu jawaban penilai' }).waitFor();
    await written.getByText('Pengembangan kompetensi').waitFor();
    await written.getByText(reason).waitFor();
    await row.getByText('1 tanda terbuka').waitFor();
    assert.equal(await panel.getByLabel('Catatan telaah').inputValue(), '', 'the form is emptied');
    assert.equal(await panel.getByLabel('Rekomendasi').inputValue(), '', 'the recommendation cleared');
    assert.equal(await panel.getByLabel('Alasan tinjau ulang').count(), 0, 'and the flag unticked');
    assert.equal(await panel.getByLabel('Minta penilai meninjau ulang penilaian ini').isChecked(), false);
    await noBanners(page, 'the member');
    await shot(page, 'team-review-flagged.png');
    await signOut(page);
    assert.deepEqual(errors(), [], 'no uncaught errors for the member');
  } finally {
    await context.close();
  }

  const stored = (await api(member, 'GET', `/assessments/${sri.assessment_id}/reviews`)).items;
  assert.equal(stored.length, 2);
  const flagged = stored[1];
  assert.equal(flagged.note, note);
  assert.equal(flagged.recommendation, 'development');
  assert.equal(flagged.flag, true);
  assert.equal(flagged.reason, reason);
  assert.equal(flagged.flag_status, 'open');
  assert.equal(flagged.response, null);

  // The penilai finds the open flag among the team's notes and answers it.
  const second = await openPage(browser, DESKTOP);
  try {
    const p = second.page;
    await signIn(p, PENILAI);
    await openFromNav(p, 'Tim Penilai', '/tim-penilai', 'Tim Penilai Kinerja');
    const notes = p.locator('section.review-notes');
    await notes.getByRole('heading', { name: 'Catatan Tim Penilai', level: 2 }).waitFor();
    assert.equal(await p.locator('section.team-review').count(), 0, 'the penilai is not on the team');
    await notes.getByLabel('Hanya tanda tinjau ulang yang belum dijawab').check();
    const item = notes.locator(`li.review[data-review="${flagged.id}"]`);
    await item.locator('[data-flag="open"]').waitFor();
    await item.getByText(reason).waitFor();
    // Only the flags of those she rates carry a form, and Sri's earlier note is no flag.
    // The unfiltered list stays on screen while the filtered one loads: wait for it to settle.
    await p.waitForFunction(() => document.querySelectorAll('section.review-notes li.review').length === 1, null, {
      timeout: 10_000,
    }).catch(() => {});
    assert.equal(await notes.locator('li.review').count(), 1, 'one open flag for her');
    await item.getByLabel('Jawaban Anda sebagai penilai').fill(answer);
    await shot(p, 'team-notes-answer.png');
    await item.getByRole('button', { name: 'Kirim jawaban' }).click();
    // Answered, it leaves the open flags; all notes show it with the answer.
    await item.waitFor({ state: 'detached' });
    await notes.getByText('Belum ada catatan tim penilai.').waitFor();
    await notes.getByLabel('Hanya tanda tinjau ulang yang belum dijawab').uncheck();
    await item.locator('[data-flag="answered"]', { hasText: 'Sudah dijawab' }).waitFor();
    await item.locator('.public-response', { hasText: answer }).waitFor();
    assert.equal(await notes.getByRole('button', { name: 'Kirim jawaban' }).count(), 0, 'nothing left to answer');
    await noBanners(p, 'the penilai');
    await shot(p, 'team-notes-answered.png');
    await signOut(p);

    const answered = (await api(member, 'GET', `/assessments/${sri.assessment_id}/reviews`)).items[1];
    assert.equal(answered.flag_status, 'answered');
    assert.equal(answered.response, answer);
    assert.ok(answered.responded_at, 'the answer has its time');

    // Sri reads the note, the reason and the answer, and answers nothing.
    await signIn(p, SRI);
    await openFromNav(p, 'Tim Penilai', '/tim-penilai', 'Tim Penilai Kinerja');
    const hers = p.locator(`section.review-notes li.review[data-review="${flagged.id}"]`);
    await hers.getByText(note).waitFor();
    await hers.getByText(reason).waitFor();
    await hers.locator('.public-response', { hasText: answer }).waitFor();
    await hers.locator('[data-flag="answered"]').waitFor();
    await p.locator(`section.review-notes li.review[data-review="${before[0].id}"]`).waitFor();
    assert.equal(await p.locator('section.team-review').count(), 0, 'Sri reviews nothing');
    assert.equal(await p.locator('form.reply-form').count(), 0, 'no answer form for Sri');
    assert.equal(await p.getByRole('button', { name: 'Kirim jawaban' }).count(), 0);
    await noBanners(p, 'Sri');
    await shot(p, 'team-notes-employee.png');
    assert.deepEqual(second.errors(), [], 'no uncaught errors for the penilai and Sri');
  } finally {
    await second.context.close();
  }
});

test('the head records a session and Dedi reports his follow-up done', TIMEOUT, async () => {
  const title = 'Evaluasi Kinerja Tahunan Seksi Pelayanan Kesehatan Rujukan';
  const heldOn = dayFromNow(-2);
  const due = dayFromNow(21);
  const attendees = ['dr. Siti Rahmawati, M.Kes. (Kepala Dinas)', 'Rina Marlina, S.K.M. (Kepala Seksi Rujukan)'];
  const decisions = '1. Capaian seksi rujukan 95%.\n2. Dedi menyusun ulang bukti dukung RHK rujukan balik.';
  const task = 'Menyusun ulang bukti dukung RHK rujukan balik';
  const doneNote = 'Bukti dukung disusun ulang dan diunggah ke SKP; diperiksa Kasi Rujukan.';
  const head = await loginToken(server.base, HEAD);

  const { context, page, errors } = await openPage(browser, DESKTOP);
  let session;
  try {
    await signIn(page, HEAD);
    await openFromNav(page, 'Evaluasi Kinerja', '/evaluasi', 'Evaluasi Kinerja');
    const form = page.locator('section.session-form');
    await form.getByRole('heading', { name: 'Catat sesi evaluasi', level: 2 }).waitFor();
    const unit = form.getByLabel('Unit', { exact: true });
    await unit.locator('option', { hasText: UNIT_NAME }).first().waitFor({ state: 'attached' });
    await unit.selectOption({ label: UNIT_NAME });
    await form.getByLabel('Jenis evaluasi').selectOption({ label: 'Evaluasi tahunan' });
    await form.getByLabel('Tanggal', { exact: true }).fill(heldOn);
    await form.getByLabel('Judul', { exact: true }).fill(title);
    await form.getByLabel('Peserta', { exact: true }).fill(attendees.join('\n'));
    const dedi = form.getByRole('checkbox', { name: new RegExp(`^${DEDI_NAME}`) });
    await dedi.check();
    await form.getByLabel('Keputusan', { exact: true }).fill(decisions);
    await form.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
    await form.getByLabel('Tindak lanjut 1', { exact: true }).fill(task);
    await form.getByLabel('Penanggung jawab', { exact: true }).selectOption({ label: DEDI_NAME });
    await form.getByLabel('Tenggat', { exact: true }).fill(due);
    await shot(page, 'session-form.png');
    await form.getByRole('button', { name: 'Simpan sesi' }).click();
    await page.locator('.toast .toast-text', { hasText: `Sesi "${title}" tercatat.` }).waitFor();
    assert.equal(await form.getByLabel('Judul', { exact: true }).inputValue(), '', 'the form is emptied');

    // The list shows it, in the session's year.
    const year = heldOn.slice(0, 4);
    if (year !== String(new Date().getFullYear())) {
      await page.getByLabel('Tahun').selectOption(year);
    }
    const recorded = page.locator('article.session', { hasText: title });
    await recorded.getByText('Evaluasi tahunan').waitFor();
    await recorded.getByText(attendees[1]).waitFor();
    await recorded.getByText(DEDI_NAME).first().waitFor();
    const listed = recorded.locator('li.follow-up', { hasText: task });
    await listed.locator('[data-status="open"]', { hasText: 'Berjalan' }).waitFor();
    await listed.getByText(DEDI_NAME).waitFor();
    await noBanners(page, 'the head');
    await shot(page, 'session-recorded.png');
    await signOut(page);
    assert.deepEqual(errors(), [], 'no uncaught errors for the head');

    const sessions = (await api(head, 'GET', `/evaluation-sessions?year=${heldOn.slice(0, 4)}`)).items;
    session = sessions.find((s) => s.title === title);
    assert.ok(session, 'the API lists the session');
    assert.equal(session.unit_name, UNIT_NAME);
    assert.equal(session.kind, 'annual');
    assert.equal(session.held_on, heldOn);
    assert.deepEqual(session.attendees, attendees);
    assert.deepEqual(session.employees.map((e) => e.name), [DEDI_NAME]);
    assert.equal(session.decisions, decisions);
    assert.equal(session.created_by, HEAD);
    assert.equal(session.follow_ups.length, 1);
    const [followUp] = session.follow_ups;
    assert.equal(followUp.description, task);
    assert.equal(followUp.owner_name, DEDI_NAME);
    assert.equal(followUp.due_on, due);
    assert.equal(followUp.status, 'open');

    // Dedi sees his follow-up, is asked for a note, and reports it done.
    await signIn(page, DEDI);
    await openFromNav(page, 'Evaluasi Kinerja', '/evaluasi', 'Evaluasi Kinerja');
    const mine = page.locator('section.my-follow-ups');
    await mine.getByRole('heading', { name: 'Tindak lanjut saya', level: 2 }).waitFor();
    const item = mine.locator(`li.follow-up[data-follow-up="${followUp.id}"]`);
    await item.getByText(task).waitFor();
    await item.locator('[data-status="open"]', { hasText: 'Berjalan' }).waitFor();
    assert.equal(await page.locator('section.session-form').count(), 0, 'Dedi records no sessions');
    await item.getByRole('button', { name: 'Tandai selesai' }).click();
    await item.getByText('Tulis apa yang sudah dilakukan.').waitFor();
    await item.getByLabel('Catatan penyelesaian').fill(doneNote);
    await item.getByRole('button', { name: 'Tandai selesai' }).click();
    await item.locator('[data-status="done"]', { hasText: 'Selesai' }).waitFor();
    await item.locator('.public-response', { hasText: doneNote }).waitFor();
    assert.equal(await item.getByRole('button', { name: 'Tandai selesai' }).count(), 0, 'nothing left to do');
    await noBanners(page, 'Dedi');
    await shot(page, 'session-follow-up-done.png');
    assert.deepEqual(errors(), [], 'no uncaught errors for Dedi');
  } finally {
    await context.close();
  }

  const done = (await api(head, 'GET', `/evaluation-sessions?year=${heldOn.slice(0, 4)}`)).items
    .find((s) => s.id === session.id)
    .follow_ups[0];
  assert.equal(done.status, 'done');
  assert.equal(done.done_note, doneNote);
  assert.ok(done.done_at, 'done has its time');
  assert.equal(done.overdue, false);
});
