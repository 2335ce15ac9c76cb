// The load benchmark (not a test: it prints figures). Loads the staff sign-in page, a citizen
// survey page and the citizen complaint form in headless Chromium at phone size, the network
// throttled through Chrome DevTools (`Network.emulateNetworkConditions`) as phones in a kabupaten
// see it, and prints for each the bytes transferred and the time until the page can be used (the
// sign-in form's fields, the survey's send button once its script runs, the complaint form's first field): on
// a first visit (empty cache) and on a repeat visit.
// Run by `cargo xtask load-bench`, against the real `kinerja` binary and the built SPA.

import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

const PROFILES = [
  // 1.6 Mbps down, 750 kbps up, 150 ms round trip.
  { name: '3G', latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 },
  // 4 Mbps down, 3 Mbps up, 100 ms round trip.
  { name: 'slow 4G', latency: 100, down: 4e6 / 8, up: 3e6 / 8 },
];

const PAGES = [
  { name: 'staff sign-in', path: '/masuk', usable: (page) => page.getByLabel('Nama pengguna') },
  // The server's page is drawn at once; it is usable once its script runs (it marks the form).
  { name: 'citizen survey', path: '/survei/PKM-SUKAJADI', usable: (page) => page.locator('form.survey[data-ready] button') },
  { name: 'citizen complaint', path: '/pengaduan', usable: (page) => page.locator('#complaint-unit') },
];

const PHONE = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Loads `path` once in `page` (throttled), returning bytes on the wire and ms until usable. */
async function load(page, cdp, base, spec) {
  let bytes = 0;
  const onFinished = (e) => (bytes += e.encodedDataLength);
  cdp.on('Network.loadingFinished', onFinished);
  const start = Date.now();
  await page.goto(`${base}${spec.path}`, { waitUntil: 'commit' });
  await spec.usable(page).waitFor({ state: 'visible', timeout: 120_000 });
  const ms = Date.now() - start;
  // Let late requests (fonts, the chart script) finish so their bytes count.
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => {});
  cdp.off('Network.loadingFinished', onFinished);
  return { bytes, ms };
}

const server = await startServer();
const browser = await launchBrowser();
const rows = [];
try {
  for (const profile of PROFILES) {
    for (const spec of PAGES) {
      const context = await browser.newContext({ ...PHONE, timezoneId: 'Asia/Jakarta' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: profile.latency,
        downloadThroughput: profile.down,
        uploadThroughput: profile.up,
      });
      const first = await load(page, cdp, server.base, spec);
      const repeat = await load(page, cdp, server.base, spec);
      rows.push({ profile: profile.name, page: spec.name, first, repeat });
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}

const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log('profile   page              first visit (bytes, usable)   repeat visit (bytes, usable)');
for (const r of rows) {
  console.log(
    `${r.profile.padEnd(9)} ${r.page.padEnd(17)} ${kb(r.first.bytes).padStart(9)}  ${s(r.first.ms).padStart(7)}            ${kb(r.repeat.bytes).padStart(9)}  ${s(r.repeat.ms).padStart(7)}`,
  );
}
