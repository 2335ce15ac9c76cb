// Citizen feedback in a real browser against the real server and its demo city: an anonymous
// citizen on a phone answers the satisfaction survey of PKM-SUKAJADI, files a complaint about it
// and tracks it; the unit's operator takes it through verification, disposition, response and
// closing, each step from the UI; the citizen then reads "Selesai" and the response. The unit's
// IKM with its bars, publication, and a counter kiosk that starts over for the next citizen.
// Each run has its own server, well under the per-address limits (20 surveys, 10 complaints an hour).

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { shot as shotFromTop } from './session.mjs';

const PASSWORD = 'kinerja2026';
/** Demo accounts and units (see `kinerja seed demo`): kapkm.sukajadi operates PKM-SUKAJADI. */
const OPERATOR = 'kapkm.sukajadi';
const UNIT_CODE = 'PKM-SUKAJADI';
const UNIT_NAME = 'UPT Puskesmas Sukajadi';
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
const TIMEOUT = { timeout: 180_000 };

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

/** A full-page screenshot from the top. */
async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: new URL(name, SCREENSHOTS).pathname, fullPage: true });
}

/** Fails when anything sticks out sideways on a phone. */
async function fitsPhone(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.viewport.width, `${what}: nothing sticks out sideways (page is ${width}px wide)`);
}

async function signIn(page, username) {
  await page.goto(`${server.base}/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

async function openFromNav(page, label, path, heading) {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: label, exact: true }).click();
  await page.waitForURL(`**${path}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** Answers the nine unsur of the survey on screen, picking the `n`th answer (1–4) of each. */
async function answerAll(page, picks) {
  for (let i = 1; i <= 9; i++) {
    await page.locator(`#unsur-${i} label.choice`).nth(picks[i - 1] - 1).click();
  }
}

/** The status the tracking page shows for `code`. */
async function trackedStatus(page, code, expected) {
  await page.goto(`${server.base}/lacak/${code}`);
  await page.getByRole('heading', { name: 'Lacak pengaduan', level: 1 }).waitFor();
  await page.locator('.track-status', { hasText: new RegExp(`^${expected}$`) }).waitFor();
}

test('a citizen surveys and complains on a phone; the operator handles it step by step; the citizen reads the answer', TIMEOUT, async () => {
  const text = 'Antrean di loket pendaftaran puskesmas sangat lama, lebih dari dua jam pada Senin pagi.';
  const response = 'Mulai pekan depan loket pendaftaran dibuka pukul 07.00 dengan dua petugas tambahan.';
  const citizen = await openPage(browser, PHONE);
  let code;
  let officer;
  try {
    const { page } = citizen;
    // The survey at its short address, without signing in.
    await page.goto(`${server.base}/survei/${UNIT_CODE}`);
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat', level: 1 }).waitFor();
    await page.getByText(UNIT_NAME).waitFor();
    assert.equal(new URL(page.url()).pathname, `/survei/${UNIT_CODE}`, 'no sign-in asked for');
    assert.equal(await page.locator('#main-nav').count(), 0, 'no staff navigation');
    assert.equal(await page.locator('fieldset.unsur').count(), 9, 'nine unsur');
    await page.locator('#unsur-1 legend', { hasText: 'Persyaratan' }).waitFor();
    // The honeypot is there for bots only: hidden from screen readers, out of the Tab order, empty.
    assert.equal(await page.locator('.hp').getAttribute('aria-hidden'), 'true');
    assert.equal(await page.locator('#website').getAttribute('tabindex'), '-1');
    // Sending with questions open marks them instead.
    await page.getByRole('button', { name: 'Kirim survei' }).click();
    await page.getByText('Masih ada 9 pertanyaan yang belum dijawab').waitFor();
    await answerAll(page, [4, 3, 4, 4, 3, 4, 4, 3, 4]);
    assert.equal(await page.locator('.unsur-missing').count(), 0, 'nothing left open');
    await page.getByLabel('Usia').selectOption({ label: '25–34 tahun' });
    await page.getByLabel('Saran atau komentar (opsional)').fill('Petugas ramah, ruang tunggu agak sempit.');
    await fitsPhone(page, 'the survey');
    await shot(page, 'survey-phone.png');
    await page.getByRole('button', { name: 'Kirim survei' }).click();
    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    await shot(page, 'survey-thanks.png');

    // A complaint about the same unit, from the thank-you: the unit comes along, already chosen.
    // The tracking code comes back big, with a copy button.
    await page.getByRole('status').getByRole('link', { name: 'Sampaikan pengaduan' }).click();
    await page.waitForURL(`**/pengaduan?unit=${UNIT_CODE}`);
    await page.getByRole('heading', { name: 'Sampaikan pengaduan', level: 1 }).waitFor();
    const unit = page.getByLabel('Unit layanan yang dituju');
    await unit.locator('option', { hasText: UNIT_NAME }).waitFor({ state: 'attached' });
    await page.waitForFunction(
      (name) => document.querySelector('#complaint-unit')?.selectedOptions[0]?.textContent === name,
      UNIT_NAME,
    );
    assert.ok(await page.getByRole('radio', { name: /^Pengaduan/ }).isChecked(), 'a complaint by default');
    // Sent without a unit: nothing goes, and the unit field gets the focus, on screen.
    await unit.selectOption({ index: 0 });
    await page.getByLabel('Uraian').fill('Antrean terlalu lama dan tidak ada nomor antrean.');
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'complaint-unit');
    assert.ok(await unit.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }), 'the field in error is in view');
    await unit.selectOption({ label: UNIT_NAME });
    // The officer by what the citizen saw, or a name offered from the unit's staff: no NIP asked.
    assert.equal(await page.getByLabel(/NIP/).count(), 0, 'no NIP asked of a citizen');
    const offered = page.locator('#complaint-officers option').first();
    await offered.waitFor({ state: 'attached' });
    officer = await offered.getAttribute('value');
    assert.match(officer, / — /, 'a name and a position');
    await page.getByLabel('Petugas yang dimaksud (opsional)').fill(officer);
    await page.getByLabel('Uraian').fill(text);
    await page.getByText(`${text.length} karakter`).waitFor();
    await page.getByLabel('Kontak Anda (opsional)').fill('0812-3456-7890');
    await page.getByText('Kontak Anda hanya dilihat petugas').waitFor();
    await fitsPhone(page, 'the complaint form');
    await shot(page, 'complaint-phone.png');
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await page.getByRole('heading', { name: 'Pengaduan terkirim' }).waitFor();
    code = (await page.locator('#tracking-code').textContent()).trim();
    // Twelve characters without look-alikes (no I/1, O/0, B/8, Z/2, S/5).
    assert.match(code, /^ADU-[ACDEFGHJKLMNPQRTUVWXY34679]{12}$/);
    await page.getByRole('button', { name: 'Salin kode' }).waitFor();
    await fitsPhone(page, 'the receipt');
    await shot(page, 'complaint-receipt.png');

    // Typed back as people do: without "ADU-", in small letters, in groups of four.
    await page.goto(`${server.base}/lacak`);
    const typed = code.slice(4).toLowerCase().replace(/(.{4})(?=.)/g, '$1 ');
    await page.getByLabel('Kode pelacakan').fill(typed);
    await page.getByRole('button', { name: 'Lacak', exact: true }).click();
    await page.waitForURL(`**/lacak/${code}`);
    await page.locator('.track-status', { hasText: /^Diterima$/ }).waitFor();
    await trackedStatus(page, code, 'Diterima');
    await page.locator('.step-current', { hasText: 'Diterima' }).waitFor();
    await shot(page, 'track-received.png');
    assert.deepEqual(citizen.errors(), []);
  } finally {
    await citizen.context.close();
  }

  // The operator of the unit takes it through the workflow, each step from the UI.
  const staff = await openPage(browser, DESKTOP);
  try {
    const { page } = staff;
    await signIn(page, OPERATOR);
    await openFromNav(page, 'Pengaduan', '/pengaduan-masuk', 'Pengaduan');
    const row = page.getByRole('row', { name: new RegExp(code) });
    await row.getByText('Diterima', { exact: true }).waitFor();
    await row.locator('.badge', { hasText: /Tenggat|Segera/ }).waitFor();
    await shot(page, 'complaint-queue.png');
    await row.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: 'Detail pengaduan', level: 1 }).waitFor();
    await page.getByText(text).waitFor();
    await page.getByText('0812-3456-7890').waitFor();
    // The officer as the citizen named them, and linked to that employee.
    await page.getByText(officer, { exact: true }).waitFor();
    await page.locator('dd.nip').waitFor();

    const step = async (action, confirm, status, fill) => {
      await page.getByRole('button', { name: action, exact: true }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      if (fill) await fill(dialog);
      await dialog.getByRole('button', { name: confirm }).click();
      await page.getByRole('status').getByText(`Status pengaduan kini: ${status}.`).waitFor();
      await page.locator('.panel-head .badge', { hasText: new RegExp(`^${status}$`) }).waitFor();
    };
    // The workflow offers only what `can_go` allows: verify, reject, or refer what is not the
    // unit's authority.
    const offered = await page.locator('.actions button').allTextContents();
    assert.deepEqual(offered.map((t) => t.trim()), ['Verifikasi', 'Tolak', 'Rujuk (bukan kewenangan)']);
    await step('Verifikasi', 'Ya, verifikasi', 'Diverifikasi', async (dialog) => {
      // The class sets the follow-up deadline: none chosen is refused on the device.
      await dialog.getByRole('button', { name: 'Ya, verifikasi' }).click();
      await dialog.getByText('Pilih klasifikasi pengaduan').waitFor();
      await dialog.getByLabel('Klasifikasi pengaduan').selectOption('ringan');
    });
    await page.locator('.facts').getByText('Ringan (2 hari kerja)').waitFor();
    await step('Disposisikan', 'Ya, disposisikan', 'Didisposisikan ke unit', async (dialog) => {
      const target = dialog.getByLabel('Unit tujuan disposisi');
      assert.equal((await target.locator('option:checked').textContent()).trim(), UNIT_NAME, 'its own unit by default');
    });
    await step('Tanggapi', 'Kirim tanggapan', 'Ditanggapi', async (dialog) => {
      // A response is required: sending none is refused on the device.
      await dialog.getByRole('button', { name: 'Kirim tanggapan' }).click();
      await dialog.getByText('Tulis tanggapan untuk pelapor').waitFor();
      await dialog.getByLabel('Tanggapan untuk pelapor').fill(response);
    });
    await step('Tutup pengaduan', 'Ya, tutup', 'Selesai');
    assert.equal(await page.locator('.actions button').count(), 0, 'nothing follows a closed complaint');
    // The history reloads on its own after the step: wait for the last step to arrive.
    await page.waitForFunction(() => document.querySelectorAll('ol.history > li').length >= 5);
    assert.equal(await page.locator('ol.history > li').count(), 5, 'filed and four steps');
    await page.locator('.panel-head .badge', { hasText: 'Selesai ditangani' }).waitFor();
    await shot(page, 'complaint-detail.png');
    assert.deepEqual(staff.errors(), []);
  } finally {
    await staff.context.close();
  }

  // Back to the citizen, still without an account.
  const later = await openPage(browser, PHONE);
  try {
    const { page } = later;
    await trackedStatus(page, code, 'Selesai');
    await page.locator('.public-response', { hasText: response }).waitFor();
    // The timeline is the main way, every step done; no ending it did not take.
    const steps = await page.locator('ol.timeline .step-label').allTextContents();
    assert.deepEqual(steps.map((s) => s.trim()), ['Diterima', 'Diverifikasi', 'Didisposisikan ke unit', 'Ditanggapi', 'Selesai']);
    await fitsPhone(page, 'the tracking page');
    await shot(page, 'track-closed.png');
    assert.deepEqual(later.errors(), []);
  } finally {
    await later.context.close();
  }
});

test('the operator reads the IKM with a bar per unsur, publishes it, and sets up a kiosk that starts over', TIMEOUT, async () => {
  const year = String(new Date().getFullYear());
  const staff = await openPage(browser, DESKTOP);
  let kioskLink;
  try {
    const { page } = staff;
    await signIn(page, OPERATOR);
    await openFromNav(page, 'IKM', '/ikm', 'Indeks Kepuasan Masyarakat');
    const unit = page.getByLabel('Unit layanan', { exact: true });
    assert.equal((await unit.locator('option:checked').textContent()).trim(), UNIT_NAME, 'my unit by default');
    const respondents = await page.locator('.ikm-respondents').textContent();
    const count = Number(respondents.match(/^(\d+) responden$/)?.[1]);
    assert.ok(count >= 1, `respondents counted (${respondents})`);
    const bars = page.locator('.nrr-bars [role="progressbar"]');
    assert.equal(await bars.count(), 9, 'a bar per unsur');
    assert.equal(await bars.first().getAttribute('aria-label'), 'Nilai rata-rata Persyaratan');
    const nrr = Number(await bars.first().getAttribute('aria-valuenow'));
    assert.ok(nrr >= 1 && nrr <= 4, `NRR on the 1–4 scale (${nrr})`);
    await page.locator('.grade .grade-letter').waitFor();
    await page.locator('.ikm-value').waitFor();

    // The minimum sample: no population yet, so sufficiency is unknown; recording the year's
    // service users gives the Krejcie–Morgan sample, which these respondents reach.
    await page.locator('.ikm-sample').getByText('Kecukupan belum diketahui').waitFor();
    await page.getByLabel('Jumlah penerima layanan pada periode ini').fill(String(count));
    await page.getByRole('button', { name: 'Simpan populasi' }).click();
    await page.locator('.ikm-sample').getByText('Sampel mencukupi').waitFor();
    assert.match(await page.locator('.nrr-grade').first().textContent(), /interval [1-4] · mutu [A-D]/, 'interval value and grade per unsur');

    // Publishing asks first, then the result is public.
    await page.getByRole('button', { name: 'Publikasikan hasil' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(`Publikasikan IKM ${year}?`).waitFor();
    await confirm.getByRole('button', { name: 'Ya, publikasikan' }).click();
    await page.getByText(`IKM ${year} dipublikasikan.`).waitFor();
    await page.locator('.badge', { hasText: /^Dipublikasikan$/ }).waitFor();
    const units = await (await fetch(`${server.base}/api/v1/public/units?per_page=200`)).json();
    const unitId = units.items.find((u) => u.code === UNIT_CODE).id;
    const published = await fetch(`${server.base}/api/v1/public/units/${unitId}/ikm?period=${year}`);
    assert.equal(published.status, 200, 'the published result is public');
    await shot(page, 'ikm.png');

    // A counter kiosk: its token and link are shown once.
    await page.getByLabel('Nama kios').fill('Loket 1');
    await page.getByRole('button', { name: 'Daftarkan kios' }).click();
    await page.getByText('Kios Loket 1 terdaftar.').waitFor();
    const secrets = page.locator('.kiosk-created .secret');
    assert.match((await secrets.nth(0).textContent()).trim(), /^kiosk_/);
    kioskLink = (await secrets.nth(1).textContent()).trim();
    assert.ok(kioskLink.startsWith(`${server.base}/survei/${UNIT_CODE}?kiosk=kiosk_`), kioskLink);
    await page.getByRole('button', { name: 'Salin token' }).waitFor();

    // The registered kiosks are listed; a lost tablet is revoked after a confirmation.
    await page.getByLabel('Nama kios').fill('Tablet hilang');
    await page.getByRole('button', { name: 'Daftarkan kios' }).click();
    await page.getByText('Kios Tablet hilang terdaftar.').waitFor();
    const list = page.locator('table.kiosks');
    const lost = list.locator('tbody tr', { hasText: 'Tablet hilang' });
    await lost.getByText('Aktif').waitFor();
    await list.locator('tbody tr', { hasText: 'Loket 1' }).getByText('Aktif').waitFor();
    await lost.getByRole('button', { name: 'Cabut kios Tablet hilang' }).click();
    const ask = page.getByRole('alertdialog');
    await ask.getByText('Cabut kios Tablet hilang?', { exact: false }).waitFor();
    await ask.getByRole('button', { name: 'Cabut' }).click();
    await lost.getByText(/^Dicabut /).waitFor();
    assert.equal(await page.locator('.kiosk-created').count(), 0, 'the revoked kiosk\'s token is no longer shown');
    assert.equal(await lost.getByRole('button').count(), 0, 'a revoked kiosk has nothing left to do');
    await list.locator('tbody tr', { hasText: 'Loket 1' }).getByText('Aktif').waitFor();
    await shot(page, 'kiosks.png');
    assert.deepEqual(staff.errors(), []);
  } finally {
    await staff.context.close();
  }

  // The tablet at the counter opens the link once; the token leaves the address but stays.
  const kiosk = await openPage(browser, PHONE);
  try {
    const { page } = kiosk;
    await page.goto(kioskLink);
    await page.getByText('Mode kios layanan').waitFor();
    await page.waitForURL((url) => url.pathname === `/survei/${UNIT_CODE}` && url.search === '');
    await answerAll(page, [3, 3, 3, 4, 3, 3, 4, 3, 3]);
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/public/surveys') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Kirim survei' }).click();
    assert.match((await sent).headers()['x-kiosk-token'] ?? '', /^kiosk_/, 'the kiosk sends its token');
    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    await shot(page, 'survey-kiosk-thanks.png');
    // A few seconds later the form is ready for the next citizen, empty.
    await page.getByRole('button', { name: 'Kirim survei' }).waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('input[type=radio]:checked').count(), 0, 'the next citizen starts empty');
    assert.equal(await page.locator('.choice-on').count(), 0, 'and sees nothing chosen');
    await page.reload();
    await page.getByText('Mode kios layanan').waitFor();

    // A refusal is said in words beside the button, and nothing is lost: here the kiosk's token
    // was revoked (403), and the answers stay for another try.
    await page.route('**/api/v1/public/surveys', (route) => route.fulfill({
      status: 403,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: '/problems/forbidden', title: 'Dilarang', status: 403, detail: 'token kios tidak berlaku', code: 'forbidden' }),
    }));
    await page.locator('form.survey[data-ready]').waitFor();
    await answerAll(page, [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    await page.getByRole('button', { name: 'Kirim survei' }).click();
    await page.locator('#survey-error').getByText('token kios tidak berlaku').waitFor();
    assert.equal(await page.locator('input[type=radio]:checked').count(), 9, 'the answers stay');
    await page.unroute('**/api/v1/public/surveys');

    // Ending kiosk mode asks first; then the device is a plain phone again, after a reload too.
    await page.getByRole('button', { name: 'Akhiri mode kios' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Batal' }).click();
    await page.getByText('Mode kios layanan').waitFor();
    await page.getByRole('button', { name: 'Akhiri mode kios' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, akhiri' }).click();
    await page.getByText('Mode kios layanan').waitFor({ state: 'hidden' });
    await page.reload();
    await page.locator('form.survey[data-ready]').waitFor();
    assert.ok(!(await page.getByText('Mode kios layanan').isVisible()), 'no kiosk after a reload');
    assert.deepEqual(kiosk.errors(), []);
  } finally {
    await kiosk.context.close();
  }
});

test('the sign-in page leads citizens to the public pages, which also speak English and print a poster', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, PHONE);
  try {
    // The address anyone types: citizens see their way in first, before the staff form, on the
    // first screen of a phone, with buttons a thumb can hit.
    await page.goto(`${server.base}/`);
    await page.waitForURL('**/masuk');
    const footer = page.getByRole('navigation', { name: 'Untuk masyarakat' });
    const staffForm = await page.getByLabel('Nama pengguna').boundingBox();
    for (const name of ['Isi survei', 'Sampaikan pengaduan', 'Lacak pengaduan']) {
      const box = await footer.getByRole('link', { name }).boundingBox();
      assert.ok(box.y + box.height <= PHONE.viewport.height, `${name} is on the first screen (${box.y})`);
      assert.ok(box.y < staffForm.y, `${name} comes before the staff form`);
      assert.ok(box.height >= 44, `${name} is ${box.height}px high`);
    }
    await shot(page, 'sign-in-citizens-phone.png');
    // A forgotten password: where to ask, as the Pemda set it (the demo city's help desk).
    await page.getByText('Lupa kata sandi?').click();
    await page.getByText('Hubungi: Layanan kepegawaian BKPSDM').waitFor();
    await shot(page, 'sign-in-forgot-phone.png');
    await footer.getByRole('link', { name: 'Isi survei' }).click();
    await page.waitForURL('**/layanan');
    await page.getByRole('heading', { name: 'Unit layanan', level: 1 }).waitFor();
    await page.getByLabel('Cari unit').fill('sukajadi');
    const card = page.locator('.service-unit', { hasText: UNIT_NAME });
    await card.getByRole('link', { name: 'Isi survei' }).click();
    await page.waitForURL(`**/survei/${UNIT_CODE}`);
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();

    await page.locator('.lang-toggle').click();
    await page.getByRole('heading', { name: 'Public Satisfaction Survey' }).waitFor();
    await page.locator('#unsur-1 legend', { hasText: 'Requirements' }).waitFor();
    await page.locator('#unsur-4 label.choice', { hasText: 'Free' }).waitFor();
    assert.equal(new URL(page.url()).search, '', 'the choice leaves the address clean');
    await page.locator('.lang-toggle').click();
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
    // English chosen in the app (not on this page, no cookie yet): the page follows it.
    await page.evaluate(() => localStorage.setItem('kinerja.lang', 'en'));
    await context.clearCookies();
    await page.goto(`${server.base}/survei/${UNIT_CODE}`);
    await page.getByRole('heading', { name: 'Public Satisfaction Survey' }).waitFor();
    await page.locator('form.survey[data-ready]').waitFor();
    await page.locator('.lang-toggle').click();
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();

    await page.goto(`${server.base}/survei/${UNIT_CODE}/poster`);
    await page.getByRole('heading', { name: UNIT_NAME }).waitFor();
    const qr = page.getByRole('img', { name: /^Kode QR menuju / });
    await qr.waitFor();
    assert.ok((await qr.evaluate((img) => img.naturalWidth)) > 0, 'the QR code draws');
    await page.locator('.poster-url', { hasText: `/survei/${UNIT_CODE}` }).waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.ok(!(await page.getByRole('button', { name: 'Cetak poster' }).isVisible()), 'print hides the tools');
    await shot(page, 'survey-poster-print.png');
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${server.base}/lacak`);
    await page.getByLabel('Kode pelacakan').fill('ADU-TIDAKADA2345');
    await page.getByRole('button', { name: 'Lacak', exact: true }).click();
    await page.waitForURL('**/lacak/ADU-TIDAKADA2345');
    await page.getByText('Kode ADU-TIDAKADA2345 tidak ditemukan.').waitFor();
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('each citizen page, opened by its address on a phone, is light: the survey a page of the server, the others the citizen bundle', TIMEOUT, async () => {
  const forums = await (await fetch(`${server.base}/api/v1/public/forums?page=1&per_page=1`)).json();
  const forumId = forums.items?.[0]?.id;
  assert.ok(forumId, 'the demo city has a public forum');
  const pages = [
    ['/survei/' + UNIT_CODE, 'Survei Kepuasan Masyarakat', 'citizen-survey-phone.png'],
    ['/pengaduan', 'Sampaikan pengaduan', 'citizen-complaint-phone.png'],
    ['/lacak', 'Lacak pengaduan', 'citizen-track-phone.png'],
    ['/forum-publik', 'Forum Dialog Publik', 'citizen-forums-phone.png'],
    [`/forum-publik/${forumId}`, forums.items[0].topic, 'citizen-forum-phone.png'],
  ];
  for (const [path, heading, picture] of pages) {
    const { context, page, errors } = await openPage(browser, { ...PHONE, viewport: { width: 375, height: 740 } });
    try {
      const wasm = [];
      page.on('request', (request) => {
        if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname);
      });
      await page.goto(`${server.base}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      if (path.startsWith('/survei/')) {
        // HTML from the server and a small script: no WebAssembly at all.
        await page.locator('form.survey[data-ready]').waitFor();
        assert.deepEqual(wasm, [], `${path}: no wasm`);
      } else {
        assert.equal(wasm.length, 1, `${path}: one wasm file (${wasm})`);
        assert.ok(wasm[0].startsWith('/kinerja_public_bg.'), `${path}: the citizen bundle, not ${wasm[0]}`);
      }
      // The staff sign-in is another bundle's: a plain link, loaded afresh.
      const signIn = page.getByRole('link', { name: 'Masuk ke Kinerja' });
      assert.equal(await signIn.getAttribute('href'), '/masuk');
      await shotFromTop(page, picture);
      assert.deepEqual(errors(), [], path);
    } finally {
      await context.close();
    }
  }
  // From a citizen page to the staff sign-in: the staff app takes over.
  const { context, page, errors } = await openPage(browser, PHONE);
  try {
    await page.goto(`${server.base}/lacak`);
    await page.getByRole('heading', { name: 'Lacak pengaduan', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Masuk ke Kinerja' }).click();
    await page.waitForURL('**/masuk');
    await page.getByLabel('Nama pengguna').waitFor();
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});
