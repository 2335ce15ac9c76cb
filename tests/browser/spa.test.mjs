// The SPA in a real browser against the real server and its demo city: sign-in, the header,
// the profile, a refused password, and the phone-sized layout.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';

/** The demo head of Dinas Kesehatan (see `kinerja seed demo`). */
const KADINKES = { username: 'kadinkes', password: 'kinerja2026', name: 'dr. Siti Rahmawati, M.Kes.' };
const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
const TIMEOUT = { timeout: 90_000 };

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

const path = (page) => new URL(page.url()).pathname;

async function signIn(page, password = KADINKES.password) {
  await page.getByLabel('Nama pengguna').fill(KADINKES.username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** The NIP the server holds for the demo user, read through the API itself. */
async function kadinkesNip() {
  const login = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: KADINKES.username, password: KADINKES.password }),
  });
  assert.equal(login.status, 200, 'the demo user can sign in through the API');
  const { access_token } = await login.json();
  const me = await fetch(`${server.base}/api/v1/me`, {
    headers: { Authorization: `Bearer ${access_token}` },
  });
  const body = await me.json();
  assert.ok(body.employee?.nip, 'the demo user has an employee record with a NIP');
  return body.employee.nip;
}

test('signing in from / shows the name in the header and the NIP on the profile', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(`${server.base}/`);
    await page.waitForURL('**/masuk');
    await signIn(page);
    await page.waitForURL((url) => url.pathname === '/');

    await page.locator('header').getByText(KADINKES.name).waitFor();
    await page.getByRole('heading', { name: `Selamat datang, ${KADINKES.name}` }).waitFor();
    await page.screenshot({ path: new URL('home.png', SCREENSHOTS).pathname, fullPage: true });

    const nip = await kadinkesNip();
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Profil' }).click();
    await page.waitForURL('**/profil');
    await page.getByRole('heading', { name: 'Profil', level: 1 }).waitFor();
    await page.getByText(nip, { exact: true }).waitFor();
    await page.getByText(KADINKES.name, { exact: true }).first().waitFor();
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('a wrong password shows the server message and stays on the sign-in page', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser);
  try {
    await page.goto(`${server.base}/masuk`);
    await signIn(page, 'bukan-kata-sandinya-1');
    await page.getByRole('alert').getByText('Nama pengguna atau kata sandi salah').waitFor();
    assert.equal(path(page), '/masuk');
    assert.ok(await page.getByRole('button', { name: 'Masuk' }).isEnabled(), 'the form can be sent again');
    assert.equal(await page.evaluate(() => localStorage.getItem('kinerja.tokens')), null);
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('on a 375x667 phone the navigation folds into a menu button and sign-in works', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, {
    viewport: { width: 375, height: 667 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    await page.goto(`${server.base}/`);
    await page.waitForURL('**/masuk');
    await signIn(page);
    await page.getByRole('heading', { name: `Selamat datang, ${KADINKES.name}` }).waitFor();

    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.locator('#main-nav');
    assert.ok(await menu.isVisible(), 'the menu button shows');
    assert.ok(!(await nav.isVisible()), 'the navigation is folded away');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `nothing sticks out sideways (page is ${width}px wide)`);
    await page.screenshot({ path: new URL('home-phone.png', SCREENSHOTS).pathname, fullPage: true });

    await menu.click();
    await nav.waitFor({ state: 'visible' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await nav.getByRole('link', { name: 'Pegawai' }).click();
    await page.waitForURL('**/pegawai');
    await page.getByRole('heading', { name: 'Pegawai', level: 1 }).waitFor();
    await nav.waitFor({ state: 'hidden' });
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});
