'use strict';
// The "AI tools register" tab in headless chromium (Debian's, via playwright-core) against the local host, signed in
// with the Development-only demo sign-in, every non-loopback request aborted. Staff browse, search and filter; an
// administrator edits, sees a lost race (412) without overwriting anything, and previews an import; axe-core finds
// no serious or critical problem in light, dark and high-contrast themes; the page works at 320 px. Screenshots for
// docs/user-guide.md go to artifacts/e2e/screenshots/tab-*.png.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const env = require('./lib/env');
const { request } = require('./lib/http');
const tab = require('./lib/tab');
const { axe, shots } = tab;

// The demo people of appsettings.Development.json (Tab:LocalPeople).
const ADMIN = '00000000-0000-0000-0000-000000000a01';
const STAFF = '00000000-0000-0000-0000-000000000a03';
const ID = `e2e-tab-${Date.now().toString(36)}`;

let browser;
const blocked = [];
const open = (who, options) => tab.open(browser, blocked, who, options);

const names = page => page.locator('.entries .entry h3').allTextContents();
const adminApi = (method, p, body, headers = {}) => request(method, `${env.hostUrl}${p}`, body, { 'x-functions-key': env.adminKey, ...headers });

test.before(async () => {
  browser = await tab.launch();
  // A tool of this journey's own, so edits never disturb what other journeys read.
  const created = await adminApi('PUT', `/api/register/${ID}`, {
    name: 'Tab Journey Tool', vendor: 'E2E Ltd', status: 'underReview', aliases: ['TJT'],
    scope: { users: 'staff', academies: 'all', useCategories: ['adminComms'] }, reviewBy: '2027-03-31',
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
});
test.after(async () => { await browser?.close(); });

test('staff: browse, fuzzy search and filters, in plain English, no admin controls', async () => {
  const page = await open(STAFF);
  const all = await names(page);
  assert.ok(all.includes('ChatGPT') && all.includes('Grammarly'), all.join(', '));
  assert.equal(await page.getByRole('button', { name: 'Add a tool' }).count(), 0, 'staff see no admin toolbar');
  const chat = page.locator('.entry', { has: page.getByRole('heading', { name: 'ChatGPT', exact: true }) });
  assert.match(await chat.textContent(), /No personal or commercially sensitive data may be entered\./);
  assert.match(await chat.textContent(), /Policy\s*section/);
  assert.match(await chat.textContent(), /Review by\s*31 July 2027/);
  await page.screenshot({ path: path.join(shots(), 'tab-staff.png') });

  await page.getByLabel('Search tools').fill('chat gtp');
  await page.waitForFunction(() => document.querySelector('.entries .entry h3')?.textContent === 'ChatGPT');
  assert.equal((await names(page))[0], 'ChatGPT', 'the bot\'s fuzzy search puts ChatGPT first for "chat gtp"');
  await page.getByLabel('Search tools').fill('');
  await page.waitForFunction(n => document.querySelectorAll('.entries .entry').length === n, all.length);

  await page.getByLabel('Status').selectOption('usable');
  const usable = await names(page);
  assert.ok(usable.includes('ChatGPT') && !usable.includes('Grammarly') && !usable.includes('Midjourney'), usable.join(', '));
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Used by').selectOption('learners');
  await page.getByLabel('Learners in').selectOption('Y7');
  const learners = await names(page);
  assert.ok(learners.includes('Canva Magic Studio') && !learners.includes('ChatGPT'), learners.join(', '));
  await page.getByLabel('Learners in').selectOption('Y5');
  assert.ok(!(await names(page)).includes('Canva Magic Studio'), 'Canva is for Y7 and up');
  await page.getByLabel('Used by').selectOption('');
  await page.getByLabel('Learners in').selectOption('');
  await page.getByLabel('Personal data allowed').check();
  const data = await names(page);
  assert.ok(data.includes('Microsoft 365 Copilot Chat') && !data.includes('ChatGPT'), data.join(', '));
  assert.match(await page.getByRole('status').first().textContent(), /of \d+ tools shown/);
  await axe(page, 'the staff view');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('themes: dark and high contrast follow the host, with no serious axe finding', async () => {
  const dark = await open(STAFF, { theme: 'dark' });
  assert.equal(await dark.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const bg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, 'rgb(245, 245, 245)', 'the dark theme changes the page background');
  await axe(dark, 'the dark theme');
  await dark.screenshot({ path: path.join(shots(), 'tab-staff-dark.png') });
  await dark.context().close();

  const contrast = await open(STAFF, { theme: 'contrast', forcedColors: true });
  assert.equal(await contrast.evaluate(() => document.documentElement.dataset.theme), 'contrast');
  await axe(contrast, 'the high-contrast theme');
  await contrast.screenshot({ path: path.join(shots(), 'tab-high-contrast.png') });
  await contrast.context().close();
});

test('320 px wide: nothing scrolls sideways and every control is reachable by keyboard', async () => {
  const page = await open(STAFF, { width: 320, height: 800 });
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(widths[0] <= widths[1], `page is ${widths[0]} px wide in a ${widths[1]} px window`);
  // Keyboard: from the top, Tab reaches the skip link, the policy link, then the search box.
  const focused = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    focused.push(await page.evaluate(() => document.activeElement.className || document.activeElement.getAttribute('name') || document.activeElement.textContent));
  }
  assert.deepEqual(focused, ['skip', 'Read the AI policy', 'q']);
  await page.screenshot({ path: path.join(shots(), 'tab-staff-320.png'), fullPage: false });
  await axe(page, 'the 320 px view');
  await page.context().close();
});

test('admin: edit review date, aliases and scope; the change is saved and in the history', async () => {
  const page = await open(ADMIN);
  const card = page.locator('.entry', { has: page.getByRole('heading', { name: 'Tab Journey Tool', exact: true }) });
  await card.getByRole('button', { name: 'Edit Tab Journey Tool' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Tab Journey Tool' });
  await dialog.waitFor();
  await dialog.getByLabel('Review by').fill('2027-06-30');
  await dialog.getByLabel('Other names').fill('TJT, Journey Tool');
  await dialog.getByLabel('Status').selectOption('approvedNoPersonalData');
  await dialog.getByRole('checkbox', { name: 'Lesson planning and resources' }).check();
  await dialog.getByLabel('Training link').fill('https://learning.example.org/tjt');
  await page.screenshot({ path: path.join(shots(), 'tab-admin-edit.png') });
  await axe(page, 'the editor');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => /30 June 2027/.test(document.body.textContent));
  assert.match(await card.textContent(), /Journey Tool/);
  assert.match(await card.textContent(), /Lesson planning and resources/);

  const stored = (await adminApi('GET', '/api/register')).json.find(e => e.id === ID);
  assert.equal(stored.reviewBy, '2027-06-30');
  assert.deepEqual(stored.aliases, ['TJT', 'Journey Tool']);
  assert.deepEqual(stored.scope.useCategories, ['lessonPlanning', 'adminComms']);

  await card.getByRole('button', { name: 'History of Tab Journey Tool' }).click();
  const history = page.getByRole('dialog', { name: 'History of Tab Journey Tool' });
  await history.waitFor();
  assert.match(await history.textContent(), /you\s*Edited/);
  assert.match(await history.textContent(), /reviewBy/);
  await history.getByRole('button', { name: 'Close' }).click();
  await page.context().close();
});

test('admin: an edit that lost a race shows the other change (412) and overwrites nothing', async () => {
  const page = await open(ADMIN);
  const card = page.locator('.entry', { has: page.getByRole('heading', { name: 'Tab Journey Tool', exact: true }) });
  await card.getByRole('button', { name: 'Edit Tab Journey Tool' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Tab Journey Tool' });
  await dialog.waitFor();
  // Someone else saves first.
  const current = (await adminApi('GET', '/api/register')).json.find(e => e.id === ID);
  const theirs = await adminApi('PUT', `/api/register/${ID}`, { ...current, version: undefined, status: 'declined', decisionReason: 'their decision' },
    { 'If-Match': current.version });
  assert.equal(theirs.status, 200, JSON.stringify(theirs.json));

  await dialog.getByLabel('Reason for the decision').fill('my reason');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const alert = dialog.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Someone else changed this tool/);
  assert.match(await alert.textContent(), /Nothing was saved/);
  assert.match(await alert.textContent(), /their decision/);
  assert.match(await alert.textContent(), /Automation \(admin key\)/);
  await page.screenshot({ path: path.join(shots(), 'tab-conflict.png') });
  await axe(page, 'the conflict');
  const stored = (await adminApi('GET', '/api/register')).json.find(e => e.id === ID);
  assert.equal(stored.status, 'declined');
  assert.equal(stored.decisionReason, 'their decision');

  await dialog.getByRole('button', { name: 'Start again from their version' }).click();
  const again = page.getByRole('dialog', { name: 'Edit Tab Journey Tool' });
  await again.waitFor();
  assert.equal(await again.getByLabel('Status').inputValue(), 'declined');
  await again.getByRole('button', { name: 'Cancel' }).click();
  await page.context().close();
});

test('admin: import shows a preview; a file with a bad row changes nothing; a good one is applied', async () => {
  const page = await open(ADMIN);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-import-'));
  const bad = path.join(dir, 'register-bad.csv');
  fs.writeFileSync(bad, `id,name,status,users\n${ID}-new,Imported Tool,approved,staff\n${ID}-x,Broken,perhaps,staff\n`);
  const good = path.join(dir, 'register.csv');
  fs.writeFileSync(good, `id,name,status,users,reviewBy\n${ID}-new,Imported Tool,approved,staff,2027-12-31\n${ID},Tab Journey Tool,retired,staff,\n`);
  const before = (await adminApi('GET', '/api/register?format=csv')).text;

  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import the register' });
  await dialog.getByLabel('File').setInputFiles(bad);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByText(/problem\(s\) in the file/).waitFor();
  assert.match(await dialog.textContent(), /3\s*status/);
  assert.equal(await dialog.getByRole('button', { name: 'Import these changes' }).getAttribute('disabled'), '');
  assert.equal((await adminApi('GET', '/api/register?format=csv')).text, before, 'a preview changes nothing');

  await dialog.getByLabel('File').setInputFiles(good);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByText(/Will create 1, update 1/).waitFor();
  assert.match(await dialog.textContent(), /Imported Tool.*created/s);
  await page.screenshot({ path: path.join(shots(), 'tab-import-preview.png') });
  await axe(page, 'the import preview');
  await dialog.getByRole('button', { name: 'Import these changes' }).click();
  await dialog.getByText(/Created 1, updated 1/).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('heading', { name: 'Imported Tool', exact: true }).waitFor();
  const all = (await adminApi("GET", "/api/register")).json;
  assert.equal(all.find(e => e.id === ID).status, 'retired');
  assert.equal(all.find(e => e.id === `${ID}-new`).reviewBy, '2027-12-31');
  fs.rmSync(dir, { recursive: true, force: true });
  await page.context().close();
});

test('nothing left the machine: no request to anything but loopback', () => {
  assert.deepEqual(blocked, []);
});
