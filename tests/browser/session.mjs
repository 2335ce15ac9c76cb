// What the browser tests do again and again in a page: sign in and out through the real form,
// open a screen from the navigation, and take a screenshot to look at afterwards.

import { mkdir } from 'node:fs/promises';

const PASSWORD = 'kinerja2026';
/** Screenshots land here (git ignores it); run the tests to regenerate them. */
export const SCREENSHOTS = new URL('./screenshots/', import.meta.url);

/** Makes sure the screenshot folder exists. */
export const screenshotsReady = () => mkdir(SCREENSHOTS, { recursive: true });

/** A full-page screenshot from the top (the sticky header would land mid-page otherwise). */
export async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: new URL(name, SCREENSHOTS).pathname, fullPage: true });
}

/** Signs a demo user in at `base` through the sign-in form and waits for the home page. */
export async function signInAt(page, base, username) {
  await page.goto(`${base}/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Signs out from the user menu. */
export async function signOut(page) {
  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.waitForURL('**/masuk');
}

/** A link's name: its label, and the count of what waits there when there is any ("Verifikasi 3 menunggu"). */
const navName = (label) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\d+ menunggu)?$`);

/** Opens a screen from the main navigation and waits for its heading. */
export async function openFromNav(page, label, path, heading = label) {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: navName(label) }).click();
  await page.waitForURL(`**${path}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}
