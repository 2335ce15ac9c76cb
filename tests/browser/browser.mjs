// Headless Chromium from the system (Playwright's own browser download is not available here).

import { chromium } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the Chromium at CHROMIUM_PATH, else /usr/bin/chromium. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
}

/**
 * A fresh context (own storage, so signed out) and a page that records uncaught errors;
 * `errors()` lists them so a test can check the app did not crash. The browser keeps the demo
 * Pemda's clock (WIB, UTC+7), as its employees' phones do: otherwise, between 17:00 and 24:00
 * UTC, the browser's "today" is the server's yesterday.
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ timezoneId: 'Asia/Jakarta', ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors: () => errors };
}

/**
 * A browser with a profile on disk in `dir` (not incognito, so Chromium lets a web app be
 * installed) and its first page, recording uncaught errors like `openPage`.
 */
export async function openPersistentPage(dir, contextOptions = {}) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    timezoneId: 'Asia/Jakarta',
    ...contextOptions,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors: () => errors };
}
