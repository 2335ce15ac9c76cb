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
