// Working without a signal, on a phone, in a real browser against the real server: the staff app
// is installable (manifest, icons, service worker; Chromium's own installability check) and offers
// "Pasang Kinerja di ponsel"; with the network cut, the app still opens from the service worker, a
// pelaksana logs three activities (one with a large phone photo) into the queue on the device, and
// when the network returns they are sent in order; the one the server refuses (over the day's cap)
// is fixed on its card and sent again. An entry whose answer was lost on the way is queued under
// the key it was first sent with and answered again. The server then holds each exactly once, the
// photo made small before upload.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPersistentPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';
import { screenshotsReady, shot, signInAt } from './session.mjs';

const DEDI = 'dedi';
const PHONE = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const TIMEOUT = { timeout: 180_000 };

let server;
let profile;

before(async () => {
  server = await startServer();
  // A profile on disk: Chromium does not install apps from an incognito context.
  profile = await mkdtemp(join(tmpdir(), 'kinerja-profile-'));
  await screenshotsReady();
}, { timeout: 180_000 });

after(async () => {
  await server?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** Waits until the service worker controls the page, so that the app's reads are kept. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
}

/** A photo as a phone takes it: 3000×2000 of noise, a few MB of JPEG (made in the page's canvas). */
async function phonePhoto(page) {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 3000;
    canvas.height = 2000;
    const context = canvas.getContext('2d');
    const image = context.createImageData(3000, 2000);
    for (let i = 0; i < image.data.length; i += 4) {
      const v = (i * 2654435761) >>> 24;
      image.data[i] = v;
      image.data[i + 1] = (v * 7) & 255;
      image.data[i + 2] = (v * 13) & 255;
      image.data[i + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.95));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

/** Fills the quick entry form with one activity and saves it for submission. */
async function logActivity(page, { minutes, description }) {
  await page.getByRole('group', { name: 'RHK yang dikerjakan' }).locator('label.rhk-card').first().click();
  await page.getByLabel('Lama (menit)').fill(String(minutes));
  await page.getByLabel('Uraian kegiatan').fill(description);
}

test('the staff app installs, opens offline, and queues the daily log until the signal returns', TIMEOUT, async () => {
  const { context, page, errors } = await openPersistentPage(profile, PHONE);
  const cdp = await context.newCDPSession(page);
  try {
    await signInAt(page, server.base, DEDI);
    await controlled(page);
    // Chromium's own check: nothing keeps the app from being installed.
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'the app is installable');
    const manifest = await (await page.request.get(`${server.base}/manifest.webmanifest`)).json();
    assert.equal(manifest.display, 'standalone');
    assert.deepEqual(manifest.icons.map((i) => i.sizes), ['192x192', '512x512', '512x512']);
    // The app offers itself for installing, once the browser says it can be.
    const banner = page.getByRole('region', { name: 'Pasang Kinerja di ponsel' });
    await banner.waitFor({ timeout: 30_000 });
    await banner.getByRole('button', { name: 'Pasang' }).waitFor();
    await shot(page, 'install-prompt-phone.png');

    // The daily page read once online (through the service worker, which keeps a copy).
    await page.goto(`${server.base}/aktivitas`);
    await page.getByRole('heading', { name: 'Aktivitas Harian', level: 1 }).waitFor();
    await page.getByText('Belum ada kegiatan pada hari ini.').waitFor();
    await page.getByRole('group', { name: 'RHK yang dikerjakan' }).locator('label.rhk-card').first().waitFor();
    const photo = await phonePhoto(page);
    assert.ok(photo.length > 1_000_000, `the phone photo is large (${photo.length} bytes)`);

    // An answer lost on the way: the server makes the activity, the phone never hears of it. The
    // entry goes into the queue under the key it was first sent with, and is sent again at once:
    // the server answers the activity it already made.
    let firstKey = null;
    await page.route('**/api/v1/activities', async (route) => {
      if (route.request().method() !== 'POST' || firstKey !== null) return route.fallback();
      firstKey = route.request().headers()['idempotency-key'] ?? '';
      await route.fetch();
      return route.abort('connectionreset');
    });
    await logActivity(page, { minutes: 20, description: 'Apel pagi dan pembagian tugas (jawaban hilang)' });
    await page.getByRole('button', { name: 'Simpan & ajukan' }).click();
    await page.getByText('1 kegiatan dari antrean terkirim ke server.').waitFor({ timeout: 60_000 });
    assert.match(firstKey, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'sent under a key');
    await page.locator('.activity-card', { hasText: 'Apel pagi' }).waitFor();
    await page.unroute('**/api/v1/activities');

    // No signal: the app still opens, from the service worker and its copy of the reads.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Aktivitas Harian', level: 1 }).waitFor();
    // Chromium's emulation forgets navigator.onLine across a reload (the network stays cut): set
    // it again, as a phone would report it.
    await context.setOffline(false);
    await context.setOffline(true);
    assert.equal(await page.evaluate(() => navigator.onLine), false);

    await logActivity(page, { minutes: 30, description: 'Pendataan warga di RT 03 (tanpa sinyal)' });
    await page.getByRole('button', { name: 'Simpan & ajukan' }).click();
    await page.getByText('1 kegiatan disimpan di perangkat ini dan akan dikirim otomatis saat tersambung.').waitFor();
    const queue = page.locator('.offline-queue');
    await queue.getByRole('heading', { name: 'Menunggu dikirim (1)' }).waitFor();

    await logActivity(page, { minutes: 45, description: 'Kunjungan lapangan posyandu dengan foto (tanpa sinyal)' });
    await page.getByLabel('Unggah berkas').setInputFiles({ name: 'foto-posyandu.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('.attached', { hasText: 'di perangkat, dikirim saat tersambung' }).waitFor();
    await page.getByRole('button', { name: 'Simpan & ajukan' }).click();
    await queue.getByRole('heading', { name: 'Menunggu dikirim (2)' }).waitFor();

    // Over the day's cap with the two above: the device cannot know, the server will say.
    await logActivity(page, { minutes: 700, description: 'Jaga posko bencana sepanjang hari (tanpa sinyal)' });
    await page.getByRole('button', { name: 'Simpan & ajukan' }).click();
    await queue.getByRole('heading', { name: 'Menunggu dikirim (3)' }).waitFor();
    assert.equal(await queue.getByText('Menunggu sinyal').count(), 3);
    await queue.getByText('1 bukti').waitFor();
    await shot(page, 'offline-queue-phone.png');

    // The signal returns: the queue goes out in order; the third is refused with the server's words.
    await context.setOffline(false);
    await page.getByText('2 kegiatan dari antrean terkirim ke server.').waitFor({ timeout: 60_000 });
    const refused = queue.locator('.queue-item', { hasText: 'Jaga posko bencana' });
    await refused.getByText('Ditolak server').waitFor();
    await refused.locator('.field-error', { hasText: '720' }).waitFor();
    await queue.getByRole('heading', { name: 'Menunggu dikirim (1)' }).waitFor();
    await shot(page, 'offline-queue-refused-phone.png');
    // Fixed on its card and sent again.
    await refused.getByRole('button', { name: 'Perbaiki' }).click();
    await refused.getByLabel('Lama (menit)').fill('120');
    await refused.getByRole('button', { name: 'Kirim ulang' }).click();
    await page.getByText('1 kegiatan dari antrean terkirim ke server.').waitFor({ timeout: 60_000 });
    await queue.waitFor({ state: 'detached' });

    // The server holds each once, submitted, the photo with its entry and made small.
    const token = await loginToken(server.base, DEDI);
    const me = await callApi(server.base, token, 'GET', '/me');
    const day = await page.getByLabel('Tanggal', { exact: true }).inputValue();
    const list = await callApi(
      server.base, token, 'GET', `/activities?employee_id=${me.employee.id}&from=${day}&to=${day}&per_page=100`,
    );
    const of = (text) => list.items.filter((a) => a.description.includes(text));
    for (const text of ['Apel pagi', 'Pendataan warga', 'Kunjungan lapangan posyandu', 'Jaga posko bencana']) {
      assert.equal(of(text).length, 1, `${text} is on the server exactly once`);
      assert.equal(of(text)[0].status, 'submitted');
    }
    assert.equal(of('Jaga posko bencana')[0].minutes, 120);
    const [withPhoto] = of('Kunjungan lapangan posyandu');
    assert.equal(withPhoto.evidence_ids.length, 1);
    const evidence = await callApi(server.base, token, 'GET', `/evidence/${withPhoto.evidence_ids[0]}/info`);
    assert.equal(evidence.content_type, 'image/jpeg');
    assert.ok(evidence.size < photo.length / 2, `the photo was made small: ${evidence.size} of ${photo.length} bytes`);
    assert.ok(evidence.size < 1_000_000, `the photo is under 1 MB: ${evidence.size}`);
    // And the day's list shows them, read again from the server.
    await page.locator('.activity-card', { hasText: 'Pendataan warga' }).waitFor();
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});
