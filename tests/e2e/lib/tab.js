'use strict';
// The tab in headless chromium (Debian's, via playwright-core), shared by the tab journeys: the browser, a page
// signed in with the Development-only demo sign-in with every non-loopback request aborted (and listed in
// `blocked`), axe-core checks, and where screenshots for docs/user-guide.md go.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const env = require('./env');

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function launch() {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** The tab's first page, signed in as `who`, once the register has loaded; page.errors collects script errors. */
async function open(browser, blocked, who, { width = 1280, height = 900, theme, forcedColors, acceptDownloads = false } = {}) {
  const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: theme === 'dark' ? 'dark' : 'light',
    forcedColors: forcedColors ? 'active' : 'none', acceptDownloads });
  await ctx.route('**/*', r => {
    const u = new URL(r.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || ['127.0.0.1', 'localhost'].includes(u.hostname)) return r.continue();
    blocked.push(u.href);
    return r.abort();
  });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  const q = new URLSearchParams({ as: who, ...(theme && theme !== 'dark' ? { theme } : {}) });
  await page.goto(`${env.hostUrl}/api/tab/app/?${q}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.entries .entry').first().waitFor({ state: 'visible', timeout: 30000 });
  page.errors = errors;
  return page;
}

/** No serious or critical axe-core violation on the page as it is now. */
async function axe(page, label) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(bad, [], `axe: serious or critical violations in ${label}`);
}

const shots = () => { const d = path.join(env.artifacts, 'screenshots'); fs.mkdirSync(d, { recursive: true }); return d; };

module.exports = { launch, open, axe, shots };
