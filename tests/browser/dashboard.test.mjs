// Dashboards, TPP and API tokens (#7) in a real browser against the real server and its demo city.
// Kadinkes reads her unit's dashboard (tiles equal to the API's figures, Chart.js charts drawn with
// the API's data points), drills into a child unit and back, downloads the children's CSV and the
// attention list (a newcomer without SKP or activities is on it), and prints; the admin sorts the
// city view, follows an OPD to its attention list and someone's ratings, creates an API token that
// another system uses from here and revokes it; TPP shows Kadinkes's unit, the admin records and
// annuls a disciplinary sanction that cuts it, and imports
// attendance; and every page fits a phone and a tablet.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from './server.mjs';
import { callApi, loginToken } from './api.mjs';
import { openFromNav, screenshotsReady, shot, signInAt } from './session.mjs';

const KADINKES = 'kadinkes';
const ADMIN = 'admin';
/** Demo units (see `kinerja seed demo`). */
const YANKES = 'Bidang Pelayanan Kesehatan';
const DINKES = 'Dinas Kesehatan';
const DUKCAPIL = 'Dinas Kependudukan dan Pencatatan Sipil';
/** Rated "Butuh Perbaikan" last quarter in the demo, so on Dukcapil's attention list. */
const AHMAD = 'Ahmad Fauzi';
/** A newcomer the first test adds to Bidang Pelayanan Kesehatan: no SKP, no activities. The comma tests CSV quoting. */
const NEWCOMER = { nip: '199801012024011001', name: 'Fajar Ramadhan, S.Kom.', position_title: 'Pranata Komputer' };
// A name a spreadsheet would take for a formula: the SPA's CSV writes it as text, with a leading '.
const FORMULA = { nip: '199802022024012002', name: '=1+1 Uji Rumus', position_title: 'Pranata Komputer' };
const asCsvCell = (text) => (/^[=+\-@]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text);
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
// The server sends each attention reason as a code with values; the Indonesian UI words it so.
const PREDIKAT = { sangat_baik: 'Sangat Baik', baik: 'Baik', butuh_perbaikan: 'Butuh Perbaikan', kurang: 'Kurang/Misconduct', sangat_kurang: 'Sangat Kurang' };
const reasonText = (r) => {
  switch (r.code) {
    case 'no_approved_skp': return `belum ada SKP ${r.year} yang disetujui`;
    case 'idle': return `tidak ada aktivitas dalam ${r.working_days} hari kerja`;
    case 'low_predikat': return `predikat ${PREDIKAT[r.predikat]} (${r.period})`;
    case 'pending_objection': return `keberatan atas penilaian ${r.period} belum diputuskan`;
    case 'overdue_complaints': return `disebut dalam ${r.count} pengaduan yang melewati batas tanggapan`;
    case 'overdue_follow_ups': return `${r.count} tindak lanjut evaluasi melewati tenggat`;
    default: throw new Error(`unknown attention reason ${JSON.stringify(r)}`);
  }
};
const CHARTS = ['chart-predikat', 'chart-skp', 'chart-ikm', 'chart-series', 'chart-complaints'];

const TIMEOUT = { timeout: 180_000 };
/** Charts appear at once (no animation) when the person asks for less motion. */
const DESKTOP = { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' };

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
const apiLogin = (username) => loginToken(server.base, username);
const signIn = (page, username) => signInAt(page, server.base, username);

/** This month and the one before by the browser's clock: `{ now: '2026-11', before: '2026-10' }`. */
const months = (page) =>
  page.evaluate(() => {
    const d = new Date();
    const spell = (y, m) => `${y}-${String(m).padStart(2, '0')}`;
    const [y, m] = [d.getFullYear(), d.getMonth() + 1];
    return { now: spell(y, m), before: m === 1 ? spell(y - 1, 12) : spell(y, m - 1) };
  });

/** `2026-10` as the pages write it: `Oktober 2026`. */
const monthWords = (month) => `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;
/** A count as the pages write it (`1.072`). */
const count = (n) => n.toLocaleString('id-ID');
/** A percentage as the pages write it, one decimal at most: `92,9 %`. */
const percent = (value) => `${String(Math.round(value * 10) / 10).replace('.', ',')} %`;

/** The text of a tile's figure. */
const tile = async (page, name) => (await page.locator(`.kpi-${name} .kpi-value`).textContent()).trim();

/** Waits until every named canvas holds a Chart.js chart; returns each chart's data, by name. */
async function chartData(page, names) {
  await page.waitForFunction(
    (names) => names.every((n) => {
      const canvas = document.querySelector(`canvas[data-chart="${n}"]`);
      return canvas && window.Chart && window.Chart.getChart(canvas);
    }),
    names,
  );
  return page.evaluate((names) => Object.fromEntries(names.map((n) => {
    const chart = window.Chart.getChart(document.querySelector(`canvas[data-chart="${n}"]`));
    return [n, { type: chart.config.type, labels: chart.data.labels, data: chart.data.datasets.map((d) => d.data) }];
  })), names);
}

/** RFC 4180 rows of a CSV text (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(raw) {
  // A CSV for Excel in Indonesian starts with a BOM and parts its cells with ';'.
  const bom = raw.startsWith('\uFEFF');
  const text = bom ? raw.slice(1) : raw;
  const sep = bom ? ';' : ',';
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Clicks `button` and returns the download's suggested name and its rows. */
async function downloadCsv(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), rows: parseCsv(text), bom: text.startsWith('\uFEFF') };
}

/** The width of the page's content; more than the viewport means something sticks out sideways. */
const pageWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

test('Kadinkes reads her dashboard, drills into a unit and back, downloads its tables and prints it', TIMEOUT, async () => {
  const admin = await apiLogin(ADMIN);
  const kabid = await api(await apiLogin('kabid.yankes'), 'GET', '/me');
  const newcomer = await api(admin, 'POST', '/employees', {
    ...NEWCOMER,
    unit_id: kabid.employee.unit_id,
    position_kind: 'pelaksana',
    supervisor_id: kabid.employee.id,
  });
  await api(admin, 'POST', '/employees', {
    ...FORMULA,
    unit_id: kabid.employee.unit_id,
    position_kind: 'pelaksana',
    supervisor_id: kabid.employee.id,
  });
  const { context, page, errors } = await openPage(browser, DESKTOP);
  try {
    const kadinkes = await apiLogin(KADINKES);
    const me = await api(kadinkes, 'GET', '/me');
    await signIn(page, KADINKES);
    // The dashboards open on the last complete month.
    const { before: now } = await months(page);
    const dash = await api(kadinkes, 'GET', `/dashboard/units/${me.unit_id}?period=${now}`);

    // Heads find the dashboard on the home page too.
    await page.getByRole('link', { name: 'Buka dasbor unit Anda' }).waitFor();
    await openFromNav(page, 'Dasbor', '/dasbor', 'Dasbor Unit');
    await page.locator('.dashboard-subject').getByText(DINKES, { exact: true }).waitFor();
    await page.locator('.dashboard-subject').getByText(monthWords(now), { exact: false }).waitFor();

    // The tiles say what the API says.
    assert.equal(await tile(page, 'headcount'), count(dash.headcount), 'headcount');
    assert.equal(await tile(page, 'skp'), percent(dash.skp.completion * 100), 'SKP completion');
    assert.equal(await tile(page, 'attention'), count(dash.attention_count), 'attention count');
    assert.equal(await tile(page, 'approved'), count(dash.activities.approved), 'approved activities');
    assert.equal(await tile(page, 'complaints'), count(dash.complaints.open), 'open complaints');
    await page.locator('.kpi-approved .kpi-note').getByText(`${count(dash.activities.pending)} menunggu verifikasi`).waitFor();
    await page.locator('.kpi-complaints .kpi-note').getByText(`${count(dash.complaints.overdue)} lewat tenggat`).waitFor();
    assert.ok(dash.attention.some((a) => a.employee_id === newcomer.id), 'the newcomer needs attention');

    // "Sorotan": for each indicator the weakest child unit, named, with the reason in words.
    const sorotan = page.getByTestId('sorotan');
    await sorotan.getByRole('heading', { name: 'Sorotan' }).waitFor();
    const staffed = dash.children.filter((c) => c.headcount > 0);
    const lowestSkp = staffed.reduce((a, b) => (b.skp.completion < a.skp.completion ? b : a));
    const others = staffed.filter((c) => c.unit_id !== lowestSkp.unit_id);
    const average = others.reduce((sum, c) => sum + c.skp.completion, 0) / others.length;
    if (lowestSkp.skp.completion < average) {
      await sorotan.locator('li[data-indicator="skp"]').getByText(`Kelengkapan SKP terendah: ${lowestSkp.unit_name}, ${percent(lowestSkp.skp.completion * 100)}`, { exact: false }).waitFor();
    }
    assert.ok((await sorotan.locator('li').count()) >= 1, 'something is highlighted');
    await sorotan.scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('./screenshots/dashboard-sorotan.png', import.meta.url).pathname, fullPage: false });

    // The charts are drawn by Chart.js with the API's data points.
    const charts = await chartData(page, CHARTS);
    const order = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];
    assert.deepEqual(charts['chart-predikat'].data[0], order.map((p) => dash.predikat[p] ?? 0), 'predikat bars');
    assert.equal(charts['chart-predikat'].labels.length, 5);
    assert.equal(charts['chart-skp'].type, 'doughnut');
    assert.deepEqual(charts['chart-skp'].data[0], [dash.skp.approved, dash.skp.submitted, dash.skp.returned, dash.skp.draft, dash.skp.none]);
    assert.deepEqual(charts['chart-series'].data[0], dash.series.map((p) => p.activities_approved), 'approved per month');
    assert.equal(charts['chart-series'].data[1].length, dash.series.length, 'hours per month');
    assert.deepEqual(charts['chart-ikm'].data[0], [...dash.ikm_trend.map((f) => f.ikm), dash.ikm.ikm], 'IKM trend and now');
    assert.deepEqual(charts['chart-complaints'].data[0], dash.series.map((p) => p.complaints_filed), 'complaints per month');
    for (const deviation of dash.distribution.deviations) await page.locator('.chart-notes').getByText(deviation).waitFor();
    await shot(page, 'dashboard.png');

    // The child units, with their CSV from the API.
    const children = page.locator('section.children');
    await children.getByRole('heading', { name: `Unit di bawahnya (${dash.children.length})` }).waitFor();
    assert.equal(await children.locator('table.children tbody tr').count(), dash.children.length);
    const childCsv = await downloadCsv(page, children.getByRole('button', { name: 'Unduh CSV' }));
    assert.equal(childCsv.name, `dasbor-${now}.csv`);
    const [header, ...lines] = childCsv.rows;
    assert.ok(childCsv.bom, 'a CSV for Excel in Indonesian');
    assert.deepEqual(header.slice(0, 2), ['Unit', 'Jumlah pegawai']);
    assert.deepEqual(
      lines.map((r) => [r[0], Number(r[1])]).sort(),
      dash.children.map((c) => [c.unit_name, c.headcount]).sort(),
      'one CSV row per child unit, with its headcount',
    );

    // The attention list, with its criteria printed, its reasons and its CSV written on the device.
    const attention = page.locator('section.attention');
    await attention.getByRole('heading', { name: `Perlu perhatian (${dash.attention_count})` }).waitFor();
    await attention.getByText('Masuk daftar ini bila:', { exact: false }).waitFor();
    const row = attention.locator('tbody tr', { hasText: NEWCOMER.name });
    const reasons = dash.attention.find((a) => a.employee_id === newcomer.id).reasons.map(reasonText);
    assert.deepEqual((await row.locator('.reasons li').allTextContents()).map((t) => t.trim()), reasons);
    await row.getByText(YANKES).waitFor();
    const attentionCsv = await downloadCsv(page, attention.getByRole('button', { name: 'Unduh CSV' }));
    assert.equal(attentionCsv.name, `perlu-perhatian-DINKES-${now}.csv`);
    assert.deepEqual(attentionCsv.rows[0], ['Pegawai', 'Unit', 'Alasan']);
    assert.deepEqual(
      attentionCsv.rows.slice(1).map((r) => [r[0], r[2]]),
      dash.attention.map((a) => [asCsvCell(a.name), a.reasons.map(reasonText).join('; ')]),
      'one CSV row per person, the comma in a name quoted',
    );
    assert.ok(
      attentionCsv.rows.some((r) => r[0] === `'${FORMULA.name}`),
      'a name that looks like a formula is written as text',
    );

    // Printing: the button asks the browser, and the print layout drops the menus but keeps the charts.
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
    await page.getByRole('button', { name: 'Cetak' }).click();
    assert.equal(await page.evaluate(() => window.printed), 1, 'Cetak opens the print dialog');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('#main-nav').isHidden(), 'no navigation on paper');
    assert.ok(await page.getByRole('button', { name: 'Cetak' }).isHidden(), 'no buttons on paper');
    assert.ok(await page.locator('canvas[data-chart="chart-predikat"]').isVisible(), 'the charts are printed');
    await page.emulateMedia({ media: 'screen' });

    // On a 1366 px screen the unit names stay in view while the figures scroll sideways.
    await page.setViewportSize({ width: 1366, height: 768 });
    const firstName = children.locator('table.figures tbody th').first();
    assert.equal(await firstName.evaluate((el) => getComputedStyle(el).position), 'sticky');
    const wrap = children.locator('.table-wrap');
    await wrap.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    const [nameBox, wrapBox] = [await firstName.boundingBox(), await wrap.boundingBox()];
    assert.ok(Math.abs(nameBox.x - wrapBox.x) < 2, `the name column is pinned: ${nameBox.x} vs ${wrapBox.x}`);
    await wrap.evaluate((el) => { el.scrollLeft = 0; });

    // Drill down into a child unit by its name, and back up by the breadcrumb.
    const yankes = dash.children.find((c) => c.unit_name === YANKES);
    await children.getByRole('link', { name: YANKES }).click();
    await page.waitForURL(`**/dasbor/${yankes.unit_id}?period=${now}`);
    await page.locator('.dashboard-subject').getByText(YANKES, { exact: true }).waitFor();
    await page.locator('.kpi-headcount .kpi-value').getByText(count(yankes.headcount), { exact: true }).waitFor();
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the drill-down opens at the top of the page');
    const child = await api(kadinkes, 'GET', `/dashboard/units/${yankes.unit_id}?period=${now}`);
    assert.equal(await tile(page, 'headcount'), count(child.headcount), 'the child unit\'s own headcount');
    assert.equal(await tile(page, 'attention'), count(child.attention_count));
    await chartData(page, CHARTS);
    await shot(page, 'dashboard-child.png');
    const crumbs = page.getByRole('navigation', { name: 'Letak unit' });
    await crumbs.getByText(YANKES).waitFor();
    await crumbs.getByRole('link', { name: DINKES }).click();
    await page.waitForURL(`**/dasbor/${me.unit_id}?period=${now}`);
    await page.locator('.kpi-headcount .kpi-value').getByText(count(dash.headcount), { exact: true }).waitFor();

    // A name on the attention list leads to that person's ratings.
    await page.locator('section.attention').getByRole('link', { name: NEWCOMER.name }).click();
    await page.waitForURL(`**/penilaian?employee=${newcomer.id}`);
    await page.getByRole('heading', { name: `Riwayat penilaian ${NEWCOMER.name}`, level: 1 }).waitFor();
    await page.getByText('Pegawai ini belum pernah dinilai.').waitFor();
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('the admin sorts the city view, opens an OPD and someone on its attention list', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP);
  try {
    const admin = await apiLogin(ADMIN);
    await signIn(page, ADMIN);
    // The dashboards open on the last complete month.
    const { before: now } = await months(page);
    const city = await api(admin, 'GET', `/dashboard/city?period=${now}`);
    await openFromNav(page, 'Tampilan Kota', '/kota');
    await page.locator('.dashboard-subject').getByText(city.unit_name, { exact: true }).waitFor();
    assert.equal(await tile(page, 'headcount'), count(city.headcount));
    assert.equal(await tile(page, 'skp'), percent(city.skp.completion * 100));

    // One bar pair per OPD; one table row per OPD, A to Z at first.
    const chart = await chartData(page, ['chart-units']);
    // Long names are drawn on several lines.
    assert.deepEqual(chart['chart-units'].labels.map((lines) => lines.join(' ')), city.children.map((c) => c.unit_name));
    assert.deepEqual(chart['chart-units'].data[1], city.children.map((c) => c.ikm.ikm));
    const table = page.locator('table.units');
    const names = () => table.locator('tbody th[data-column="unit"]').allTextContents().then((t) => t.map((s) => s.trim()));
    const byName = (a, b) => (a.unit_name < b.unit_name ? -1 : a.unit_name > b.unit_name ? 1 : 0);
    assert.deepEqual(await names(), [...city.children].sort(byName).map((c) => c.unit_name));

    // Sorting by headcount: largest first, then smallest first (ties by name).
    const head = (label) => table.locator('thead').getByRole('button', { name: label, exact: true });
    await head('Pegawai').click();
    const largest = [...city.children].sort((a, b) => b.headcount - a.headcount || byName(a, b)).map((c) => c.unit_name);
    assert.deepEqual(await names(), largest, 'sorted by headcount, largest first');
    assert.equal(await table.locator('th[aria-sort="descending"]').textContent().then((t) => t.replace(/[▲▼↕]/g, '').trim()), 'Pegawai');
    await head('Pegawai').click();
    const smallest = [...city.children].sort((a, b) => a.headcount - b.headcount || byName(a, b)).map((c) => c.unit_name);
    assert.deepEqual(await names(), smallest, 'sorted by headcount, smallest first');
    // By IKM: the best first, units without respondents last.
    await head('IKM').click();
    const rated = city.children.filter((c) => c.ikm.ikm !== null).sort((a, b) => b.ikm.ikm - a.ikm.ikm).map((c) => c.unit_name);
    assert.deepEqual((await names()).slice(0, rated.length), rated, 'best IKM first, none last');
    await shot(page, 'city.png');

    const csv = await downloadCsv(page, page.locator('section.opd').getByRole('button', { name: 'Unduh CSV' }));
    assert.equal(csv.name, `dasbor-${now}.csv`);
    assert.deepEqual(csv.rows.slice(1).map((r) => r[0]).sort(), city.children.map((c) => c.unit_name).sort());

    // An OPD leads to its dashboard; Ahmad, rated "Butuh Perbaikan", is on its attention list.
    const dukcapil = city.children.find((c) => c.unit_name === DUKCAPIL);
    await table.getByRole('link', { name: DUKCAPIL }).click();
    await page.waitForURL(`**/dasbor/${dukcapil.unit_id}?period=${now}`);
    await page.getByRole('heading', { name: 'Dasbor Unit', level: 1 }).waitFor();
    await page.locator('.kpi-headcount .kpi-value').getByText(count(dukcapil.headcount), { exact: true }).waitFor();
    const dash = await api(admin, 'GET', `/dashboard/units/${dukcapil.unit_id}?period=${now}`);
    const ahmad = dash.attention.find((a) => a.name === AHMAD);
    assert.ok(ahmad, 'the demo puts Ahmad on Dukcapil\'s attention list');
    const row = page.locator('section.attention tbody tr', { hasText: AHMAD });
    for (const reason of ahmad.reasons.map(reasonText)) await row.getByText(reason).waitFor();
    await row.getByRole('link', { name: AHMAD }).click();
    await page.waitForURL(`**/penilaian?employee=${ahmad.employee_id}`);
    await page.getByRole('heading', { name: `Riwayat penilaian ${AHMAD}`, level: 1 }).waitFor();
    const ratings = await api(admin, 'GET', `/assessments?employee_id=${ahmad.employee_id}`);
    assert.ok(ratings.items.length > 0);
    // The heading shows before the list arrives: wait for the rows, then count them.
    await page.locator('table.assessments tbody tr').nth(ratings.items.length - 1).waitFor();
    assert.equal(await page.locator('table.assessments tbody tr').count(), ratings.items.length);
    await page.locator('table.assessments .badge', { hasText: 'Butuh Perbaikan' }).first().waitFor();
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('the admin creates an API token, sees it once, another system uses it, and revoking stops it', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP);
  try {
    await signIn(page, ADMIN);
    const { before: previous } = await months(page);
    await openFromNav(page, 'Token API', '/token-api');
    const form = page.locator('.token-form');
    await form.getByLabel('Nama', { exact: true }).fill('Aplikasi penggajian');
    await form.getByLabel('Akses').selectOption('read');
    await form.getByLabel('Rute yang boleh dipanggil').fill('/api/v1/reports\n');
    await form.getByRole('button', { name: 'Buat token' }).click();

    // The secret, once, with the warning and the copy button.
    const secretBox = page.locator('.token-secret');
    await secretBox.getByText('Token "Aplikasi penggajian" dibuat.').waitFor();
    await secretBox.getByText('token ini tidak akan ditampilkan lagi', { exact: false }).waitFor();
    await secretBox.getByRole('button', { name: 'Salin token' }).waitFor();
    const secret = (await secretBox.locator('[data-token-secret]').textContent()).trim();
    assert.match(secret, /^knj_/);
    const list = page.locator('table.api-token-list');
    const tokenRow = list.locator('tbody tr', { hasText: 'Aplikasi penggajian' });
    await tokenRow.getByText(`${secret.slice(0, 12)}…`).waitFor();
    await tokenRow.getByText('/api/v1/reports').waitFor();
    await tokenRow.getByText('belum pernah').waitFor();
    await shot(page, 'api-token-created.png');
    await secretBox.getByRole('button', { name: 'Sudah saya simpan' }).click();
    await secretBox.waitFor({ state: 'detached' });

    // Another system calls the API with it: the report it may read, not what it may not.
    const call = (path) => fetch(`${server.base}/api/v1${path}`, { headers: { Authorization: `Bearer ${secret}`, Accept: 'application/json' } });
    const report = await call(`/reports/tpp?month=${previous}`);
    assert.equal(report.status, 200);
    assert.ok((await report.json()).items.length > 0, 'the city-wide token reads every employee\'s TPP');
    assert.equal((await call('/employees')).status, 403, 'routes outside the token are refused');

    // Shown again nowhere; the list tells when it was last used.
    await page.reload();
    await page.getByRole('heading', { name: 'Token API', level: 1 }).waitFor();
    await tokenRow.waitFor();
    assert.equal(await page.getByText(secret).count(), 0, 'the secret is not shown again');
    assert.equal(await tokenRow.getByText('belum pernah').count(), 0, 'its use was recorded');

    // Revoking asks first; then the same call is refused.
    await tokenRow.getByRole('button', { name: 'Cabut Aplikasi penggajian' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('Cabut token "Aplikasi penggajian"?', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Ya, cabut' }).click();
    await page.getByText('Token "Aplikasi penggajian" dicabut.').waitFor();
    await tokenRow.locator('.badge-revoked').waitFor();
    assert.equal((await call(`/reports/tpp?month=${previous}`)).status, 401, 'a revoked token is refused');
    await shot(page, 'api-token-revoked.png');
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('TPP shows Kadinkes\'s unit for last month, and the admin imports attendance', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP);
  try {
    const kadinkes = await apiLogin(KADINKES);
    const me = await api(kadinkes, 'GET', '/me');
    await signIn(page, KADINKES);
    const { before: previous } = await months(page);
    const report = await api(kadinkes, 'GET', `/reports/tpp?unit_id=${me.unit_id}&month=${previous}`);
    assert.ok(report.items.length > 0);
    await openFromNav(page, 'TPP', '/tpp');
    await page.locator('.fixed-value').getByText(DINKES).waitFor();
    await page.getByRole('heading', { name: `Pegawai (${report.items.length}) · ${monthWords(previous)}` }).waitFor();
    const rows = page.locator('table.tpp-report tbody tr');
    assert.equal(await rows.count(), report.items.length);
    for (const [i, item] of report.items.entries()) {
      await rows.nth(i).getByText(item.name, { exact: true }).waitFor();
      await rows.nth(i).locator('.tpp-total').getByText(percent(item.tpp_percent)).waitFor();
    }
    const csv = await downloadCsv(page, page.getByRole('button', { name: 'Unduh CSV' }));
    assert.equal(csv.name, `tpp-${previous}.csv`);
    assert.equal(csv.rows.length - 1, report.items.length, 'a CSV row per employee');
    assert.equal(await page.getByRole('heading', { name: 'Impor presensi' }).count(), 0, 'only admins import');
    await shot(page, 'tpp.png');
    await context.close();

    // The admin: a file with mistakes is refused line by line; a clean one is imported.
    const admin = await openPage(browser, DESKTOP);
    try {
      const dedi = (await api(await apiLogin('dedi'), 'GET', '/me')).employee;
      await signIn(admin.page, ADMIN);
      await openFromNav(admin.page, 'TPP', '/tpp');
      const section = admin.page.locator('.attendance-import');
      const day = `${previous}-10`;
      const bad = `nip,date,status,late_minutes\n000000000000000000,${day},hadir,0\n${dedi.nip},2099-01-01,hadir,0\n${dedi.nip},${day},libur,0\n`;
      const refused = await fetch(`${server.base}/api/v1/attendance/import`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await apiLogin(ADMIN)}`, 'Content-Type': 'text/csv' },
        body: bad,
      }).then((r) => r.json());
      await section.getByLabel('Berkas CSV presensi').setInputFiles({ name: 'presensi.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await section.getByRole('button', { name: 'Unggah' }).click();
      const problems = section.locator('.import-rows');
      await problems.getByText(refused.detail).waitFor();
      assert.deepEqual(
        await problems.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim()))),
        refused.rows.map((r) => [String(r.line), r.field, r.message]),
        'every bad cell with its line',
      );
      await shot(admin.page, 'attendance-refused.png');

      const good = `nip,date,status,late_minutes\n${dedi.nip},${day},hadir,45\n`;
      await section.getByLabel('Berkas CSV presensi').setInputFiles({ name: 'presensi.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await section.getByRole('button', { name: 'Unggah' }).click();
      const done = await section.getByText(/^Presensi diimpor: \d+ catatan baru, \d+ diperbarui\.$/).textContent();
      const [created, updated] = done.match(/\d+/g).map(Number);
      assert.equal(created + updated, 1, 'the one line was written');
      await admin.page.getByLabel('Unit', { exact: true }).selectOption({ label: DINKES });
      const after = await api(await apiLogin(ADMIN), 'GET', `/reports/tpp?unit_id=${me.unit_id}&month=${previous}`);
      const dediRow = after.items.find((r) => r.nip === dedi.nip);
      const row = admin.page.locator('table.tpp-report tbody tr', { hasText: dedi.nip });
      await row.locator('td[data-label="Terlambat"]').getByText(`${dediRow.late_days} hari`, { exact: false }).waitFor();
      await row.locator('.tpp-total').getByText(percent(dediRow.tpp_percent)).waitFor();

      // A medium disciplinary sanction recorded from its decree cuts Dedi's TPP of the month by
      // 25 % (PP 94/2021); annulled after a confirmation, it stays listed and cuts nothing.
      const sanctions = admin.page.locator('.sanctions');
      await sanctions.getByText('Tidak ada hukuman disiplin yang berlaku bulan ini.').waitFor();
      await sanctions.getByLabel('Pegawai', { exact: true }).fill('Dedi');
      await sanctions.getByRole('button', { name: new RegExp(dedi.nip) }).click();
      await sanctions.getByLabel('Tingkat hukuman').selectOption('sedang');
      await sanctions.getByLabel('Nomor SK').fill('800/77/BKPSDM/2026');
      await sanctions.getByLabel('Berlaku mulai').fill(`${previous}-01`);
      await sanctions.getByLabel('Berlaku sampai').fill(`${previous}-28`);
      await sanctions.getByLabel('Pelanggaran').fill('Tidak masuk kerja tanpa alasan yang sah');
      await sanctions.getByRole('button', { name: 'Catat hukuman' }).click();
      await admin.page.locator('.toast').getByText(`Hukuman disiplin ${dedi.name} tercatat.`).waitFor();
      const cut = (await api(await apiLogin(ADMIN), 'GET', `/reports/tpp?unit_id=${me.unit_id}&month=${previous}`)).items.find((r) => r.nip === dedi.nip);
      assert.equal(cut.sanction, 'sedang');
      assert.ok(Math.abs(cut.tpp_percent - dediRow.tpp_percent * 0.75) < 0.01, `${cut.tpp_percent} is 75 % of ${dediRow.tpp_percent}`);
      await row.locator('.tpp-sanction').getByText(`Sedang · −${percent(cut.sanction_deduction)}`).waitFor();
      await row.locator('.tpp-total').getByText(percent(cut.tpp_percent)).waitFor();
      const item = sanctions.locator('li[data-sanction]', { hasText: dedi.name });
      await item.getByText('SK 800/77/BKPSDM/2026', { exact: false }).waitFor();
      await shot(admin.page, 'tpp-sanction.png');
      await item.getByRole('button', { name: `Batalkan ${dedi.name}` }).click();
      await item.getByRole('button', { name: 'Ya, batalkan' }).click();
      await item.getByText(/^Dibatalkan /).waitFor();
      await row.locator('.tpp-total').getByText(percent(dediRow.tpp_percent)).waitFor();
      assert.deepEqual(admin.errors(), []);
    } finally {
      await admin.context.close();
    }
    assert.deepEqual(errors(), []);
  } finally {
    await context.close();
  }
});

test('the dashboards, TPP and API tokens fit a 375px phone and a 768px tablet', TIMEOUT, async () => {
  const screens = [
    { width: 375, height: 667, isMobile: true, hasTouch: true, name: 'phone' },
    { width: 768, height: 1024, isMobile: true, hasTouch: true, name: 'tablet' },
  ];
  for (const { name, ...screen } of screens) {
    const { width, height, ...device } = screen;
    for (const [user, paths] of [[KADINKES, ['/dasbor', '/tpp']], [ADMIN, ['/kota', '/token-api']]]) {
      const { context, page, errors } = await openPage(browser, { viewport: { width, height }, ...device, reducedMotion: 'reduce' });
      try {
        await signIn(page, user);
        for (const path of paths) {
          await page.goto(`${server.base}${path}`);
          await page.locator('h1').first().waitFor();
          if (path === '/dasbor') await chartData(page, CHARTS);
          if (path === '/kota') await chartData(page, ['chart-units']);
          if (path === '/tpp') await page.locator('table.tpp-report tbody tr').first().waitFor();
          if (path === '/token-api') await page.locator('.token-form').waitFor();
          assert.ok(await pageWidth(page) <= width, `${path} fits ${width}px (page is ${await pageWidth(page)}px wide)`);
          await shot(page, `${path.slice(1)}-${name}.png`);
        }
        assert.deepEqual(errors(), []);
      } finally {
        await context.close();
      }
    }
  }
});
