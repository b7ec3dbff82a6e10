'use strict';
// The Reports page's load time in headless chromium: from clicking "Reports" in the tab to every panel drawn (charts
// and tables; the page marks body[data-dashboard=ready]). Each run is a fresh browser context (nothing cached), signed
// in with the Development demo sign-in; every non-loopback request is aborted.
//   node tests/bench/dashboard-page.js HOST_URL READER_ID [runs=5]
// Prints one line per run and then "median N ms".
const { chromium } = require('playwright-core');

const [hostUrl, reader, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 5);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

(async () => {
  if (!hostUrl || !reader || !['127.0.0.1', 'localhost'].includes(new URL(hostUrl).hostname)) {
    console.error('usage: node tests/bench/dashboard-page.js http://127.0.0.1:PORT READER_ID [runs]');
    process.exit(2);
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const times = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await ctx.route('**/*', r => (['127.0.0.1', 'localhost'].includes(new URL(r.request().url()).hostname) ? r.continue() : r.abort()));
      const page = await ctx.newPage();
      await page.goto(`${hostUrl}/api/tab/app/?as=${encodeURIComponent(reader)}`, { waitUntil: 'domcontentloaded' });
      await page.locator('.entries .entry').first().waitFor({ timeout: 60000 });
      const started = Date.now();
      await page.getByRole('button', { name: 'Reports' }).click();
      await page.locator('body[data-dashboard=ready]').waitFor({ timeout: 60000 });
      const ms = Date.now() - started;
      const requests = await page.locator('section.panel[data-panel=requests] .figures dd').first().textContent();
      times.push(ms);
      console.log(`run ${i + 1}: ${ms} ms (requests in the last twelve months: ${requests})`);
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  console.log(`median ${times[Math.floor(times.length / 2)]} ms`);
})().catch(e => { console.error(e.message); process.exit(1); });
