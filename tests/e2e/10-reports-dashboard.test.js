'use strict';
// The tab's Reports page in headless chromium (Debian's, via playwright-core) against the local host, every
// non-loopback request aborted. The host's tables are first filled with a small generated trust (tools/ScaleData, a
// smoke of the generator). A person with Reports.Read sees every panel: each chart drawn on its canvas and the same
// figures in its table, the numbers the API gives; the filters narrow it; a CSV download works; axe-core finds no
// serious or critical problem (light and dark). A person without the role has no Reports page. Screenshots for
// docs/user-guide.md go to artifacts/e2e/screenshots/tab-reports-*.png.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const env = require('./lib/env');
const { request } = require('./lib/http');
const tab = require('./lib/tab');
const { axe, shots } = tab;

// The demo people of appsettings.Development.json (Tab:LocalPeople): Patti has Reports.Read, Alex has no role.
const READER = '00000000-0000-0000-0000-000000000a02';
const STAFF = '00000000-0000-0000-0000-000000000a03';
const GENERATOR = path.resolve(__dirname, '../../tools/ScaleData/bin/Release/net10.0/ScaleData.dll');
const TODAY = new Date().toISOString().slice(0, 10);

let browser;
const blocked = [];
const open = (who, options) => tab.open(browser, blocked, who, { acceptDownloads: true, ...options });

async function openReports(page) {
  await page.locator('body').evaluate(b => { delete b.dataset.dashboard; });
  await page.getByRole('button', { name: 'Reports' }).click();
  await page.locator('body[data-dashboard=ready]').waitFor({ timeout: 30000 });
}

// Pixels drawn on a canvas that are not transparent: a chart that drew nothing has none.
const inked = canvas => canvas.evaluate(c => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
});

const dashboard = async query => (await request('GET', `${env.hostUrl}/api/tab/dashboard?${query}`, undefined, { 'x-functions-key': env.adminKey })).json;

test.before(async () => {
  assert.ok(fs.existsSync(GENERATOR), `${GENERATOR} is missing (run-e2e.sh builds tools/ScaleData)`);
  const out = execFileSync('dotnet', [GENERATOR, '--prefix', env.tablePrefix, '--connection', env.storage, '--people', '300',
    '--requests', '1200', '--audit', '2400', '--triage', '150', '--today', TODAY], { encoding: 'utf8', timeout: 180000 });
  assert.match(out, /requests: 1200 /, out);
  browser = await tab.launch();
});
test.after(async () => { await browser?.close(); });

test('reports: every panel draws its charts and the same figures as tables, as the API says', async () => {
  const page = await open(READER);
  await openReports(page);
  const panels = await page.locator('section.panel').evaluateAll(s => s.map(x => x.dataset.panel));
  assert.deepEqual(panels, ['requests', 'tools', 'triage', 'training', 'incidents']);

  const from = await page.locator('input[name=from]').inputValue();
  const to = await page.locator('input[name=to]').inputValue();
  const api = await dashboard(`from=${from}&to=${to}`);
  for (const panel of api.panels) {
    const section = page.locator(`section.panel[data-panel=${panel.id}]`);
    const shown = await section.locator('.figures dd').allTextContents();
    assert.equal(shown.length, panel.figures.length, panel.id);
    for (const chart of panel.charts) {
      const figure = section.locator(`figure[data-chart=${chart.id}]`);
      assert.ok(await inked(figure.locator('canvas')) > 500, `${chart.id}: nothing drawn on the canvas`);
      assert.match(await figure.locator('canvas').getAttribute('aria-label'), /table below has the same figures/);
      await figure.locator('summary').click();
      const rows = figure.locator('tbody tr');
      assert.equal(await rows.count(), chart.labels.length, `${chart.id}: one table row per label`);
      const first = await rows.first().locator('td').allTextContents();
      assert.equal(Number(first[0].replace(/,/g, '')), chart.series[0].values[0], `${chart.id}: the table holds the chart's numbers`);
    }
  }
  const requests = api.panels.find(p => p.id === 'requests');
  assert.ok(requests.figures[0].value > 100, `the generated requests of the last year are counted (${requests.figures[0].value})`);
  const tools = await page.locator('figure[data-chart=most-asked-tools] tbody th').allTextContents();
  assert.ok(tools.length > 0 && tools.length <= 10, tools.join(', '));
  // The shadow-AI chart lists only tools the register does not know or never assessed.
  const statuses = await page.locator('figure[data-chart=never-assessed-tools] tbody td:last-child').allTextContents();
  assert.ok(statuses.length > 0 && statuses.every(s => ['not in the register', 'not assessed'].includes(s)), statuses.join(', '));
  await axe(page, 'reports page (tables open)');
  await page.locator('details[open]').evaluateAll(ds => ds.forEach(d => { d.open = false; }));
  await page.screenshot({ path: path.join(shots(), 'tab-reports-dashboard.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
});

test('reports: the academy and date filters narrow the figures; bad dates are named', async () => {
  const page = await open(READER);
  await openReports(page);
  const all = Number((await page.locator('section.panel[data-panel=requests] .figures dd').first().textContent()).replace(/,/g, ''));
  await page.locator('select[name=academy]').selectOption('oakfield');
  await page.locator('body').evaluate(b => { delete b.dataset.dashboard; });
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('body[data-dashboard=ready]').waitFor();
  const oakfield = Number((await page.locator('section.panel[data-panel=requests] .figures dd').first().textContent()).replace(/,/g, ''));
  assert.ok(oakfield > 0 && oakfield < all, `oakfield ${oakfield} of ${all}`);
  const from = await page.locator('input[name=from]').inputValue();
  const api = await dashboard(`from=${from}&to=${TODAY}&academy=oakfield`);
  assert.equal(oakfield, api.panels[0].figures[0].value);
  await page.locator('input[name=to]').fill('2000-01-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('input[name=to][aria-invalid=true]').waitFor();
  assert.match(await page.locator('.field[data-field=to] .error').textContent(), /To must be on or after from/);
});

test('reports: the requests CSV downloads with its byte order mark', async () => {
  const page = await open(READER);
  await openReports(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-report=requests]').click()]);
  assert.match(download.suggestedFilename(), /^requests-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'reference,submitted,tool,academy,routeTier,state,decidedOn,daysToDecide,decisions');
  assert.ok(lines.length > 100, `${lines.length} lines`);
});

test('reports: dark theme is axe clean; staff without the role have no Reports page', async () => {
  const dark = await open(READER, { theme: 'dark' });
  await openReports(dark);
  await axe(dark, 'reports page, dark');
  await dark.screenshot({ path: path.join(shots(), 'tab-reports-dashboard-dark.png') });
  const staff = await open(STAFF);
  assert.equal(await staff.getByRole('button', { name: 'Reports' }).count(), 0);
  const refused = await request('GET', `${env.hostUrl}/api/tab/dashboard`, undefined, { 'X-AiPolicyBot-Local-User': STAFF });
  assert.equal(refused.status, 403);
  assert.deepEqual(blocked, [], 'no request left loopback');
});
