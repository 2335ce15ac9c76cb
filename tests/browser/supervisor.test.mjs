// A supervisor on a phone: how much waits is counted on the home card, in the menu and on the
// bell; the verification queue has a bar fixed at the bottom ("Pilih semua · Setujui N"), touch
// targets of 44 px, rows that stay in place once decided, and "Batalkan" after an approval.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';
import { screenshotsReady, shot, signInAt } from './session.mjs';

const TIMEOUT = { timeout: 180_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const KASI = 'kasi.rujukan';

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

/** The element's box, asserting it is entirely on screen. */
async function onScreen(locator, what) {
  const box = await locator.boundingBox();
  const height = locator.page().viewportSize().height;
  assert.ok(box && box.y >= 0 && box.y + box.height <= height, `${what} is on screen: ${JSON.stringify(box)}`);
  return box;
}

/** Where the element's top is on the page (not on the screen: scrolling does not change it). */
const pageY = (locator) => locator.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);

async function heading(page) {
  const text = await page.getByRole('heading', { name: /^Menunggu verifikasi \(\d+\)$/ }).textContent();
  return Number(text.match(/\((\d+)\)/)[1]);
}

test('a supervisor on a phone sees what waits, approves with a thumb, and takes an approval back', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, PHONE);
  try {
    const token = await loginToken(server.base, KASI);
    const waiting = await callApi(server.base, token, 'GET', '/me/waiting');
    const n = waiting.activities;
    assert.ok(n >= 3, `the demo city leaves work waiting for ${KASI}: ${JSON.stringify(waiting)}`);
    const total = waiting.activities + waiting.skps + waiting.objections;

    await signInAt(page, server.base, KASI);
    // Home: the card with the waiting work comes first and says how many.
    const first = page.locator('ul.cards > li').first();
    await first.getByText('Verifikasi').waitFor();
    await first.getByText(`${n} menunggu`).waitFor();
    // The bell counts it too, and its panel leads to the queue.
    const bell = page.locator('.bell-menu summary');
    assert.match(await bell.getAttribute('aria-label'), new RegExp(`${total} menunggu`));
    await bell.click();
    await page.locator('.bell-waiting').getByRole('link', { name: `${n} aktivitas menunggu verifikasi Anda` }).waitFor();
    await bell.click();
    // So does the menu.
    await page.locator('.menu-button').click();
    const link = page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: /Verifikasi/ });
    await link.locator('.count-badge').getByText(String(n), { exact: true }).waitFor();
    await link.click();
    await page.waitForURL('**/aktivitas/verifikasi');
    assert.equal(await heading(page), n);

    // The bar sits at the bottom of the screen, whatever the scroll.
    const bar = page.getByRole('region', { name: 'Tindakan untuk kegiatan terpilih' });
    const approveChosen = bar.getByRole('button', { name: /^Setujui \d+$/ });
    assert.equal(await approveChosen.isDisabled(), true, 'nothing chosen yet');
    const barBox = await onScreen(bar, 'the bar');
    assert.ok(barBox.y + barBox.height >= 844 - 2, 'at the very bottom');
    const selectAll = bar.locator('label.check-target');
    const allBox = await selectAll.boundingBox();
    assert.ok(allBox.width >= 44 && allBox.height >= 44, `"Pilih semua" is a 44 px target: ${JSON.stringify(allBox)}`);
    const rowTarget = page.locator('tbody label.check-target').first();
    const rowBox = await rowTarget.boundingBox();
    assert.ok(rowBox.width >= 44 && rowBox.height >= 44, `a row's checkbox is a 44 px target: ${JSON.stringify(rowBox)}`);
    const approveButton = page.locator('tbody tr').first().getByRole('button', { name: 'Setujui', exact: true });
    assert.ok((await approveButton.boundingBox()).height >= 44, 'the approve button is 44 px high');

    // Ticking a row far down: the bar still shows the count in reach.
    const rows = page.locator('tbody .row-check');
    const last = rows.last();
    await last.scrollIntoViewIfNeeded();
    await last.check();
    await bar.getByRole('button', { name: 'Setujui 1', exact: true }).waitFor();
    await onScreen(bar, 'the bar after scrolling');
    await shot(page, 'supervisor-bar.png');
    await page.screenshot({ path: new URL('./screenshots/supervisor-bar-viewport.png', import.meta.url).pathname });
    await last.uncheck();

    // One approval: the row stays where it was, marked; "Batalkan" is offered above the bar.
    const firstRow = page.locator('tbody tr').first();
    const description = (await firstRow.locator('.activity-description').textContent()).trim();
    const secondRow = page.locator('tbody tr').nth(1);
    const yBefore = await pageY(secondRow);
    await firstRow.scrollIntoViewIfNeeded();
    await firstRow.getByRole('button', { name: 'Setujui', exact: true }).click();
    const toast = page.locator('.toast');
    await toast.getByText('disetujui.').waitFor();
    await page.locator('tr.row-approved', { hasText: description }).waitFor();
    assert.equal(await heading(page), n - 1);
    assert.ok(Math.abs((await pageY(secondRow)) - yBefore) < 2, 'the next row did not move up');
    const toastBox = await onScreen(toast, 'the toast');
    assert.ok(toastBox.y + toastBox.height <= (await bar.boundingBox()).y, 'the toast is above the bar');
    const undo = toast.getByRole('button', { name: 'Batalkan' });
    assert.ok((await undo.boundingBox()).height >= 44);
    await undo.click();
    await toast.getByText('Persetujuan dibatalkan: 1 kegiatan kembali menunggu verifikasi.').waitFor();
    await page.waitForFunction((count) => document.querySelector('.panel-head h2')?.textContent === `Menunggu verifikasi (${count})`, n);
    const after = await callApi(server.base, token, 'GET', '/me/waiting');
    assert.equal(after.activities, n, 'the server has it waiting again');
    await firstRow.getByRole('button', { name: 'Setujui', exact: true }).waitFor();
    assert.equal((await firstRow.locator('.activity-description').textContent()).trim(), description, 'back in its place');
    assert.ok(Math.abs((await pageY(secondRow)) - yBefore) < 2, 'the rows are where they were');

    // Everything on the page at once from the bar, then taken back at once.
    await selectAll.click();
    const shown = await rows.count();
    await bar.getByRole('button', { name: `Setujui ${shown}`, exact: true }).click();
    await bar.getByRole('alertdialog').getByRole('button', { name: 'Ya, setujui' }).click();
    await toast.getByText(`${shown} kegiatan disetujui.`).waitFor();
    await toast.getByRole('button', { name: 'Batalkan' }).click();
    await toast.getByText(`Persetujuan dibatalkan: ${shown} kegiatan kembali menunggu verifikasi.`).waitFor();
    assert.equal((await callApi(server.base, token, 'GET', '/me/waiting')).activities, n);
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});
