// Accounts through the UI only, as the BKPSDM admin does it: "+ Tambah pegawai" at the top of the
// list, errors that follow the typing, a NIP typed in groups, a warning for a similar name; then
// the new employee's page with its sign-in account (temporary password shown once), and the new
// employee signing in on a phone; deactivating ends that; a new temporary password brings them back.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { screenshotsReady, shot, signInAt } from './session.mjs';

const TIMEOUT = { timeout: 180_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1366, height: 768 } };

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

/** Whether the element is inside the visible part of the window. */
async function inView(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

/** Signs in with a typed name and password; answers whether the home page opened. */
async function trySignIn(page, username, password) {
  await page.goto(`${server.base}/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  const home = page.waitForURL((url) => url.pathname === '/', { timeout: 10_000 }).then(() => true);
  const refused = page.locator('.error-banner').waitFor({ timeout: 10_000 }).then(() => false);
  return Promise.race([home, refused]);
}

test('the admin adds an employee, gives them an account, and takes it away again', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP);
  const phone = await openPage(browser, PHONE);
  try {
    await signInAt(page, server.base, 'admin');
    await page.goto(`${server.base}/pegawai`);
    await page.getByRole('heading', { name: 'Pegawai', level: 1 }).waitFor();

    // The button sits at the top; the form opens there, not under the list.
    const add = page.getByRole('button', { name: '+ Tambah pegawai' });
    assert.ok(await inView(add), 'the add button is on the first screen');
    await add.click();
    const form = page.locator('#employee-add');
    await form.waitFor();
    assert.ok((await form.boundingBox()).y < 300, 'the form opens at the top');

    // Saving it empty: nothing is sent, the first wrong field gets the focus.
    await form.getByRole('button', { name: 'Simpan pegawai' }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'employee-nip');
    // A NIP typed in groups is right; its error goes as it is typed.
    await page.locator('#employee-nip').fill('19930415 201903 2 011');
    await page.waitForFunction(() => document.querySelector('#employee-nip').getAttribute('aria-invalid') !== 'true');
    assert.equal(await page.locator('#employee-title').getAttribute('aria-invalid'), 'true', 'the others stay marked');

    // A name like one already recorded: the form says so, with a link to that person.
    await page.locator('#employee-name').fill('Siti Rahmawati');
    const similar = page.getByTestId('similar-names');
    await similar.waitFor();
    await similar.getByRole('link', { name: 'dr. Siti Rahmawati, M.Kes.' }).waitFor();
    await page.locator('#employee-name').fill('Wayan Sudarsana');
    await similar.waitFor({ state: 'detached' });

    await page.locator('#employee-unit').selectOption({ label: 'Dinas Kesehatan' });
    await page.locator('#employee-title').fill('Pengelola Data Kepegawaian');
    await form.getByRole('button', { name: 'Simpan pegawai' }).click();

    // Saved: the new employee's page, the toast in view, the NIP without its spaces.
    await page.waitForURL(/\/pegawai\/\d+$/);
    const toast = page.locator('.toast');
    await toast.getByText('Pegawai Wayan Sudarsana ditambahkan.').waitFor();
    assert.ok(await inView(toast), 'the toast is on screen');
    await page.getByRole('heading', { name: 'Wayan Sudarsana', level: 1 }).waitFor();
    assert.equal(await page.getByTestId('employee-nip').textContent(), '199304152019032011');

    // The account: asked first, then the temporary password shown once.
    const panel = page.getByTestId('account-panel');
    await panel.getByText('belum punya akun masuk').waitFor();
    await panel.getByRole('button', { name: 'Buat akun masuk' }).click();
    assert.equal(await toast.count(), 1, 'the "added" toast is still there before the next action');
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Buat akun masuk' }).click();
    const secret = (await page.getByTestId('temporary-password-value').textContent()).trim();
    // The next action took the old "added" toast away.
    assert.equal(await toast.count(), 0, 'no stale notice after the next action');
    assert.match(secret, /^[A-Z]{5}-\d{5}$/);
    assert.equal(await page.getByTestId('account-username').textContent(), '199304152019032011');
    await page.getByTestId('account-state').getByText('Aktif').waitFor();
    await shot(page, 'employee-page.png');

    // The employee signs in on a phone, and is told to change the password first.
    assert.equal(await trySignIn(phone.page, '199304152019032011', secret), true, 'the temporary password works');
    await phone.page.getByText('Anda harus mengganti kata sandi').waitFor();

    // Deactivated: asked first; the account cannot sign in any more.
    await panel.getByRole('button', { name: 'Nonaktifkan akun' }).click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Nonaktifkan akun' }).click();
    await toast.getByText('Akun Wayan Sudarsana dinonaktifkan.').waitFor();
    await page.getByTestId('account-state').getByText('Nonaktif').waitFor();
    assert.equal(await trySignIn(phone.page, '199304152019032011', secret), false, 'a deactivated account is refused');

    // Back again, with a new temporary password: the old one stops working.
    await panel.getByRole('button', { name: 'Aktifkan lagi' }).click();
    await toast.getByText('Akun Wayan Sudarsana aktif lagi.').waitFor();
    await panel.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Atur ulang kata sandi' }).click();
    await page.waitForFunction(
      (old) => {
        const shown = document.querySelector('[data-testid="temporary-password-value"]')?.textContent?.trim();
        return shown && shown !== old;
      },
      secret,
    );
    const second = (await page.getByTestId('temporary-password-value').textContent()).trim();
    assert.equal(await trySignIn(phone.page, '199304152019032011', secret), false, 'the old password is gone');
    assert.equal(await trySignIn(phone.page, '199304152019032011', second), true, 'the new one works');

    // The record is edited on the same page; the saved change is said and shown.
    await page.getByRole('button', { name: 'Ubah data pegawai' }).click();
    await page.locator('#edit-title').fill('Analis Kepegawaian');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await toast.getByText('Data Wayan Sudarsana disimpan.').waitFor();
    await page.getByText('Analis Kepegawaian', { exact: true }).waitFor();

    // The list opens a person's page from their name.
    await page.goto(`${server.base}/pegawai`);
    await page.getByLabel('Cari pegawai').fill('Wayan Sudarsana');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByRole('link', { name: 'Wayan Sudarsana' }).click();
    await page.getByRole('heading', { name: 'Wayan Sudarsana', level: 1 }).waitFor();

    assert.deepEqual(errors(), []);
    assert.deepEqual(phone.errors(), []);
  } finally {
    await phone.context.close();
    await context.close();
  }
});

test('the employee form checks a field once it is left, and says beside the button why nothing was saved', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, PHONE);
  try {
    await signInAt(page, server.base, 'admin');
    await page.goto(`${server.base}/pegawai`);
    await page.getByRole('button', { name: '+ Tambah pegawai' }).click();
    const form = page.locator('#employee-add');
    await form.waitFor();

    // Before any submit: a field typed wrong and left shows its error; untouched fields do not.
    await page.locator('#employee-nip').fill('1993');
    await page.locator('#employee-name').focus();
    await page.waitForFunction(() => document.querySelector('#employee-nip').getAttribute('aria-invalid') === 'true');
    assert.equal(await page.locator('#employee-name').getAttribute('aria-invalid'), null, 'a field not yet filled is not marked');
    assert.equal(await page.locator('#employee-title').getAttribute('aria-invalid'), null);
    // From then on it is checked as it is typed: the error goes at the 18th digit.
    await page.locator('#employee-nip').press('End');
    await page.locator('#employee-nip').pressSequentially('04152019032011');
    await page.waitForFunction(() => document.querySelector('#employee-nip').getAttribute('aria-invalid') !== 'true');
    assert.equal(await page.getByTestId('submit-summary').count(), 0, 'no summary while nothing is wrong');

    // A refused submit: the summary sits beside the button with the count, and brings the first
    // wrong field back into view.
    const save = form.getByRole('button', { name: 'Simpan pegawai' });
    await save.click();
    const summary = page.getByTestId('submit-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), /Belum tersimpan: \d+ isian perlu diperbaiki/);
    // The refused submit first brings the first wrong field into view; then the eye goes back to the button.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    await page.waitForTimeout(300);
    await save.scrollIntoViewIfNeeded();
    assert.ok(await inView(summary), 'the summary is on screen with the button');
    await summary.getByRole('button', { name: 'Tunjukkan' }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    assert.ok(await inView(page.locator(':focus')), 'the first wrong field is in view');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('someone who is not an admin sees an employee page without the account or the edit button', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, PHONE);
  try {
    await signInAt(page, server.base, 'kadinkes');
    await page.goto(`${server.base}/pegawai`);
    await page.getByRole('heading', { name: 'Pegawai', level: 1 }).waitFor();
    assert.equal(await page.getByRole('button', { name: '+ Tambah pegawai' }).count(), 0);
    await page.getByLabel('Cari pegawai').fill('Rahmawati');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByRole('link', { name: 'dr. Siti Rahmawati, M.Kes.' }).first().click();
    await page.getByRole('heading', { name: 'dr. Siti Rahmawati, M.Kes.', level: 1 }).waitFor();
    assert.equal(await page.getByTestId('account-panel').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Ubah data pegawai' }).count(), 0);
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});
