// Messages outside the app, as the BKPSDM admin checks them: a test message to a WhatsApp number
// reaches the Pemda's gateway (a local HTTP server standing in for it, recording what it gets),
// the delivery log shows it sent with the number masked; an address that no channel can reach is
// refused beside the field, with the summary beside the button.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { screenshotsReady, shot, signInAt } from './session.mjs';

const TIMEOUT = { timeout: 180_000 };
const DESKTOP = { viewport: { width: 1366, height: 768 } };

let server;
let browser;
let gateway;
const received = [];

before(async () => {
  gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ authorization: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"queued"}');
    });
  });
  await new Promise((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const { port } = gateway.address();
  server = await startServer({
    KINERJA_WHATSAPP_URL: `http://127.0.0.1:${port}/send`,
    KINERJA_WHATSAPP_TOKEN: 'token-gateway-uji',
    KINERJA_OUTBOX_POLL_MS: '200',
  });
  browser = await launchBrowser();
  await screenshotsReady();
}, { timeout: 180_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
  gateway?.close();
});

test('the admin sends a test message through the WhatsApp gateway and reads the delivery log', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP);
  try {
    await signInAt(page, server.base, 'admin');
    await page.goto(`${server.base}/pengiriman`);
    await page.getByRole('heading', { name: 'Pengiriman pesan', level: 1 }).waitFor();

    // An address no channel reaches: refused beside the field, and the summary by the button.
    await page.getByLabel('Kirim pesan uji ke').fill('Jl. Merdeka 5');
    await page.getByRole('button', { name: 'Kirim pesan uji' }).click();
    await page.locator('#delivery-to-error').getByText('tulis alamat e-mail atau nomor ponsel (WhatsApp)').waitFor();
    await page.getByTestId('submit-summary').waitFor();

    // A number as people type it: queued, said in a toast with the number masked, sent by the
    // worker to the gateway in international form with the bearer token.
    await page.getByLabel('Kirim pesan uji ke').fill('0812 3456 7890');
    await page.getByRole('button', { name: 'Kirim pesan uji' }).click();
    await page.locator('.toast').getByText('Pesan uji untuk 62812*****890 masuk antrean pengiriman.').waitFor();
    for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(received.length, 1, 'the gateway got the message');
    assert.equal(received[0].authorization, 'Bearer token-gateway-uji');
    assert.equal(received[0].body.to, '6281234567890');
    assert.match(received[0].body.text, /pesan uji dari Kinerja/);

    // The log, read again, shows it sent (the worker marks it just after the gateway answered).
    const row = page.locator('tbody tr').first();
    for (let i = 0; i < 20; i++) {
      await page.reload();
      await row.getByText('62812*****890').waitFor();
      if ((await row.getAttribute('data-status')) === 'sent') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await row.getByText('Terkirim').waitFor();
    assert.equal(await page.getByText('6281234567890').count(), 0, 'the full number is not shown');
    await shot(page, 'deliveries.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('an employee on a phone verifies a WhatsApp number with the code it received and chooses what is sent there', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    await signInAt(page, server.base, 'dedi');
    await page.goto(`${server.base}/profil`);
    const panel = page.getByTestId('profile-messages');
    await panel.getByRole('heading', { name: 'Pesan di luar aplikasi' }).waitFor();
    // The profile names the employee's supervisor, whose own record they may not read.
    await page.getByText('Rina Marlina, S.K.M.').first().waitFor();
    assert.equal(await page.getByText('Data tidak ditemukan').count(), 0);
    const before = received.length;
    await panel.getByLabel('Alamat e-mail atau nomor WhatsApp baru').fill('0813-2222-3333');
    await panel.getByRole('button', { name: 'Kirim kode' }).click();
    await page.locator('.toast').getByText('Kode verifikasi dikirim.', { exact: false }).waitFor();
    await panel.getByText('menunggu kode', { exact: false }).waitFor();
    for (let i = 0; i < 100 && received.length === before; i++) await new Promise((r) => setTimeout(r, 100));
    const sent = received[received.length - 1];
    assert.equal(sent.body.to, '6281322223333');
    const code = sent.body.text.match(/Kode verifikasi Anda: (\d{6})/)[1];
    // A wrong code is refused beside the field; the right one verifies.
    await panel.getByLabel('Kode verifikasi (6 angka)').fill(code === '000000' ? '111111' : '000000');
    await panel.getByRole('button', { name: 'Verifikasi' }).click();
    await page.locator('#messages-code-error').getByText('kode salah', { exact: false }).waitFor();
    await panel.getByLabel('Kode verifikasi (6 angka)').fill(code);
    await panel.getByRole('button', { name: 'Verifikasi' }).click();
    await page.locator('.toast').getByText('Alamat terverifikasi.', { exact: false }).waitFor();
    await panel.getByText('terverifikasi', { exact: false }).waitFor();
    // Feedback stays off WhatsApp (the one channel this server sends on); one digest a day;
    // quiet hours at night.
    const feedback = panel.getByRole('group', { name: 'Umpan balik dan pengembangan' });
    assert.equal(await feedback.getByRole('checkbox').count(), 1, 'a box per configured channel');
    await feedback.getByLabel('WhatsApp').uncheck();
    await panel.getByLabel('Satu ringkasan sehari', { exact: false }).check();
    await panel.getByLabel('Jam tenang mulai').fill('21:00');
    await panel.getByLabel('Jam tenang sampai').fill('06:00');
    await panel.getByRole('button', { name: 'Simpan pilihan' }).click();
    await page.locator('.toast').getByText('Pilihan pesan disimpan.').waitFor();
    await page.reload();
    await panel.getByRole('group', { name: 'Aktivitas harian' }).getByLabel('WhatsApp').waitFor();
    assert.equal(await panel.getByRole('group', { name: 'Aktivitas harian' }).getByLabel('WhatsApp').isChecked(), true);
    assert.equal(await panel.getByRole('group', { name: 'Umpan balik dan pengembangan' }).getByLabel('WhatsApp').isChecked(), false);
    assert.equal(await panel.getByLabel('Satu ringkasan sehari', { exact: false }).isChecked(), true);
    assert.equal(await panel.getByLabel('Jam tenang mulai').inputValue(), '21:00');
    await shot(page, 'profile-messages-phone.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('the admin sets the reminders and the WhatsApp frame on the settings page; a time that is not one, or a frame without the message, is refused beside its field', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP);
  try {
    await signInAt(page, server.base, 'admin');
    await page.goto(`${server.base}/pengaturan`);
    const time = page.getByLabel('Pengingat aktivitas harian (jam)');
    await time.waitFor();
    assert.equal(await time.inputValue(), '15:00', 'the default');
    await time.fill('25:00');
    await page.getByLabel('Pengingat verifikasi (hari kerja menunggu)').fill('2');
    const frame = page.getByLabel('Bingkai pesan WhatsApp');
    assert.equal(await frame.inputValue(), '*{pemda}*\n{pesan}', 'the default frame');
    await frame.fill('Salam dari {pemda}');
    const save = page.getByRole('button', { name: 'Simpan', exact: true });
    await save.click();
    await page.locator('#settings-reminders\\.daily_log_at-error').getByText('JJ:MM', { exact: false }).waitFor();
    await page.getByTestId('submit-summary').waitFor();
    await time.fill('16:30');
    await save.click();
    await page.locator('#settings-whatsapp_template-error').getByText('{pesan}', { exact: false }).waitFor();
    await frame.fill('{pemda}:\n{pesan}');
    await save.click();
    await page.locator('.toast').getByText('Pengaturan Pemda tersimpan.').waitFor();
    await page.reload();
    await page.getByLabel('Pengingat aktivitas harian (jam)').waitFor();
    assert.equal(await page.getByLabel('Pengingat aktivitas harian (jam)').inputValue(), '16:30');
    assert.equal(await page.getByLabel('Pengingat verifikasi (hari kerja menunggu)').inputValue(), '2');
    assert.equal(await page.getByLabel('Bingkai pesan WhatsApp').inputValue(), '{pemda}:\n{pesan}');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('a forgotten password on a phone: the link comes by WhatsApp, sets a new password, and the new one signs in', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    // Dedi verified his WhatsApp number in the test above.
    await page.goto(`${server.base}/masuk`);
    await page.locator('details.login-forgot summary').click();
    const forgot = page.getByTestId('forgot-form');
    const before = received.length;
    await forgot.getByLabel('Akun Anda').fill('dedi');
    await forgot.getByRole('button', { name: 'Kirim tautan' }).click();
    await forgot.getByText('tautan sudah dikirim ke sana', { exact: false }).waitFor();
    for (let i = 0; i < 100 && received.length === before; i++) await new Promise((r) => setTimeout(r, 100));
    const text = received[received.length - 1].body.text;
    const link = text.match(/(https?:\/\/\S+\/atur-ulang\/[0-9a-f]+)/)[1];
    const path = new URL(link).pathname;

    await page.goto(`${server.base}${path}`);
    await page.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('SandiBaruDedi2026');
    await page.getByLabel('Ulangi kata sandi baru').fill('SandiBaruDedi2025');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.locator('#reset-again-error').getByText('Kedua kata sandi tidak sama').waitFor();
    await page.getByLabel('Ulangi kata sandi baru').fill('SandiBaruDedi2026');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByRole('status').getByText('Kata sandi baru tersimpan.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Masuk dengan kata sandi baru' }).click();
    await page.waitForURL('**/masuk');
    await page.getByLabel('Nama pengguna').fill('dedi');
    await page.getByLabel('Kata sandi', { exact: true }).fill('SandiBaruDedi2026');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    // The link works once.
    await context.clearCookies();
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});
