'use strict';
// Journey through the Playground's web UI, as a person would use it: headless chromium (Debian's, via
// playwright-core), every non-loopback request aborted. Type the question in the compose box, see the answer card,
// click one of its buttons, and keep screenshots under artifacts/e2e/screenshots/.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const env = require('./lib/env');

const CHROMIUM = '/usr/bin/chromium';
const QUESTION = 'can I use chat gtp for lesson plans on volcanoes?';
// docs/e2e.md: no sandbox (root in CI), no GPU, no QUIC, no background networking, updates or sync.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

test('web UI: typing "can I use chat gtp for lesson plans on volcanoes?" shows the ChatGPT answer card', async t => {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`);
  const shots = path.join(env.artifacts, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const blocked = [];
  let page;
  try {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await ctx.route('**/*', r => {
      const u = new URL(r.request().url());
      if (u.protocol === 'data:' || u.protocol === 'blob:' || ['127.0.0.1', 'localhost'].includes(u.hostname)) return r.continue();
      blocked.push(u.hostname);
      return r.abort();
    });
    page = await ctx.newPage();
    await page.goto(env.playgroundUrl, { waitUntil: 'domcontentloaded' });

    // The UI opens the personal chat (installationUpdate to the bot, in its log panel) before we type.
    await page.getByText(/installationUpdate/).first().waitFor({ state: 'visible', timeout: 30000 });
    const compose = page.locator('[contenteditable="true"]').first();
    await compose.waitFor({ state: 'visible', timeout: 30000 });
    await compose.click();
    await compose.pressSequentially(QUESTION);
    assert.equal((await compose.textContent()).trim(), QUESTION, 'the question is in the compose box');
    await page.keyboard.press('Enter');

    // This question's own card ("You asked: …volcanoes?"), not an earlier journey's answer in the same chat.
    const asked = page.getByText(`You asked: ${QUESTION}`).last();
    await asked.waitFor({ state: 'visible', timeout: 30000 });
    const answer = page.locator('.ac-adaptiveCard').filter({ hasText: `You asked: ${QUESTION}` }).last();
    const verdict = answer.getByText('Yes, you can use it for this');
    await verdict.waitFor({ state: 'visible', timeout: 10000 });
    assert.ok(await answer.getByText('Approved without personal data').isVisible(), 'the status is on the card');
    assert.ok(await answer.getByText(/^ChatGPT$/).isVisible(), 'the card is about ChatGPT');
    await verdict.scrollIntoViewIfNeeded();
    assert.ok(await page.getByText('Approved without personal data').last().isVisible(), 'the status is on the card');
    await page.screenshot({ path: path.join(shots, 'ui-chatgpt-answer.png') });

    // Click "Approved tools" on the answer card (Action.Execute → adaptiveCard/action): the card becomes the list.
    await answer.getByRole('button', { name: 'Approved tools' }).click();
    await page.getByText('Approved AI tools').last().waitFor({ state: 'visible', timeout: 30000 });
    assert.ok(await page.getByText('Microsoft 365 Copilot Chat').last().isVisible(), 'the list shows an approved tool');
    await page.screenshot({ path: path.join(shots, 'ui-approved-tools.png') });
    t.diagnostic(`blocked non-loopback requests: ${[...new Set(blocked)].join(', ') || 'none'}`);
  } catch (e) {
    // What the person would have seen when it went wrong.
    if (page) await page.screenshot({ path: path.join(shots, 'ui-failure.png') }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
});
