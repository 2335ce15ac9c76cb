// Competencies and development (#9) in a real browser against the real server and its demo city.
// Kasi Rujukan, the penilai of Sri, opens Kompetensi, picks Sri, reads her gaps, records a level,
// creates a development plan (its focus filled from the largest gaps) and plans a training; Sri
// opens her own page and marks the training done with a certificate number; the API agrees at
// each step; and Kadinkes reads the unit's gap heat map and each employee's JP against their target.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';
import { openFromNav, screenshotsReady, shot, signInAt, signOut } from './session.mjs';

const SRI = { nip: '199207242019032006', name: 'Sri Wahyuni, S.Kep.' };
const TIMEOUT = { timeout: 180_000 };

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

const api = (token, method, path, body) => callApi(server.base, token, method, path, body);

test('the penilai makes a development plan, the employee completes its training', TIMEOUT, async () => {
  const kasi = await loginToken(server.base, 'kasi.rujukan');
  const { items } = await api(kasi, 'GET', `/employees?q=${SRI.nip}`);
  const sriId = items[0].id;
  // Start from no open plan (the demo gives some people one).
  for (const plan of (await api(kasi, 'GET', `/employees/${sriId}/development-plans`)).items) {
    if (plan.status === 'active' || plan.status === 'draft') {
      await api(kasi, 'PATCH', `/development-plans/${plan.id}`, { status: 'cancelled' });
    }
  }
  const profile = await api(kasi, 'GET', `/employees/${sriId}/competencies`);
  assert.ok(profile.lines.length > 0, 'the demo gives her position a standard');

  const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await signInAt(page, server.base, 'kasi.rujukan');
  await openFromNav(page, 'Kompetensi', '/kompetensi', 'Kompetensi dan Pengembangan');
  await page.getByLabel('Pegawai').fill('Sri');
  await page.getByRole('button', { name: new RegExp(SRI.name.slice(0, 12)) }).click();
  await page.getByRole('heading', { name: new RegExp(SRI.name.slice(0, 12)) }).waitFor();
  // Every line of the API's profile is a row with its gap.
  for (const line of profile.lines) {
    const gap = (await page.locator(`tr[data-code="${line.code}"] td[data-gap]`).textContent()).trim();
    assert.equal(gap, line.gap === null ? '—' : String(line.gap), `gap of ${line.code}`);
  }

  // A level recorded by the penilai.
  const first = profile.lines[0];
  await page.getByLabel('Kompetensi', { exact: true }).selectOption(String(first.competency_id));
  await page.getByLabel('Level', { exact: true }).selectOption('5');
  await page.getByRole('button', { name: 'Simpan level' }).click();
  await page.waitForFunction(
    (code) => document.querySelector(`tr[data-code="${code}"] td:nth-child(3)`)?.textContent.trim() === '5',
    first.code,
  );
  const after1 = await api(kasi, 'GET', `/employees/${sriId}/competencies`);
  const line = after1.lines.find((l) => l.competency_id === first.competency_id);
  assert.equal(line.assessed.level, 5);
  assert.equal(line.assessed.source, 'supervisor');

  // The plan: its focus is prefilled from the largest gaps.
  const focus = await page.getByLabel('Kompetensi yang dikembangkan').inputValue();
  assert.equal(focus, after1.suggested_focus.join(', '));
  await page.getByLabel('Tujuan').fill('Meningkatkan pelayanan publik dan komunikasi dengan pasien rujukan');
  await page.getByRole('button', { name: 'Buat rencana' }).click();
  const planBox = page.locator('article.plan').first();
  await planBox.getByText('Meningkatkan pelayanan publik').waitFor();
  const plans = (await api(kasi, 'GET', `/employees/${sriId}/development-plans`)).items;
  const plan = plans.find((p) => p.status === 'active');
  assert.ok(plan, 'an active plan');
  assert.deepEqual(plan.focus, after1.suggested_focus);

  // A training in it.
  await planBox.getByLabel('Nama pelatihan').fill('Pelatihan Pelayanan Prima Rumah Sakit');
  await planBox.getByLabel('Jam pelajaran').fill('12');
  await planBox.getByRole('button', { name: 'Tambah pelatihan' }).click();
  await planBox.getByText('Pelatihan Pelayanan Prima Rumah Sakit').waitFor();
  await shot(page, 'competency-plan.png');
  await signOut(page);

  // Sri completes it with her certificate number; her JP count.
  const before = (await api(kasi, 'GET', `/employees/${sriId}/competencies`)).training_jp;
  await signInAt(page, server.base, 'sri');
  await openFromNav(page, 'Kompetensi', '/kompetensi', 'Kompetensi dan Pengembangan');
  const training = page.locator('li[data-training]').filter({ hasText: 'Pelatihan Pelayanan Prima Rumah Sakit' });
  await training.getByLabel('Bukti penyelesaian (nomor sertifikat)').fill('SERT-0420/BPSDM/2026');
  await training.getByRole('button', { name: 'Tandai selesai' }).click();
  await training.getByText('SERT-0420/BPSDM/2026').waitFor();
  const done = (await api(kasi, 'GET', `/employees/${sriId}/development-plans`)).items;
  const t = done.find((p) => p.id === plan.id).trainings[0];
  assert.equal(t.status, 'completed');
  const afterHours = (await api(kasi, 'GET', `/employees/${sriId}/competencies`)).training_jp;
  assert.equal(afterHours, before + 12);
  await shot(page, 'competency-mine.png');
  await signOut(page);

  // Kadinkes reads the heat map of her dinas.
  await signInAt(page, server.base, 'kadinkes');
  await openFromNav(page, 'Peta Kompetensi', '/peta-kompetensi', 'Peta Kesenjangan Kompetensi');
  await page.locator('table.heatmap td.heat').first().waitFor();
  const kadinkes = await loginToken(server.base, 'kadinkes');
  const me = await api(kadinkes, 'GET', '/me');
  const year = new Date().getFullYear();
  const map = await api(kadinkes, 'GET', `/units/${me.unit_id}/competency-gaps?year=${year}`);
  const cells = await page.locator('table.heatmap td[data-unit]').count();
  assert.equal(cells, map.cells.length, 'a shaded cell for every cell of the API');
  const withTarget = map.training.filter((r) => r.jp_target !== null).length;
  await page.getByRole('heading', { name: new RegExp(`dari ${withTarget} pegawai bertarget`) }).waitFor();
  await shot(page, 'competency-gaps.png');
  assert.deepEqual(errors(), [], 'no uncaught errors in the app');
  await context.close();
});
