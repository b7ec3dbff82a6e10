#!/usr/bin/env node
'use strict';
// Renders the cards the end-to-end journeys saw (artifacts/e2e/cards/*.json: real cards from the real card builders,
// as the bot sent them) into docs/images/*.png for docs/user-guide.md, with the official adaptivecards renderer in
// headless chromium (tools/cards/render-card.js: loopback only). Also copies the Playground UI screenshots.
//   node tools/docs/render-guide-images.js [cardsDir] [screenshotsDir] [outDir]
const fs = require('node:fs');
const path = require('node:path');
const { renderCard } = require('../cards/render-card');

const ROOT = path.resolve(__dirname, '..', '..');
const [cardsDir = path.join(ROOT, 'artifacts/e2e/cards'), shotsDir = path.join(ROOT, 'artifacts/e2e/screenshots'),
  outDir = path.join(ROOT, 'docs/images')] = process.argv.slice(2);

// The images the user guide shows, in guide order: card name (= journey artifact) → what it is.
const CARDS = {
  'welcome': 'the welcome card',
  'answer-approved': '"can I use chat gtp for lesson plans?"',
  'answer-not-allowed': '"can I use chatgpt to write reports with pupil names?"',
  'wizard-page-1': 'request wizard, page 1',
  'wizard-page-3': 'request wizard, the data page',
  'request-outcome': 'request sent: who decides and why',
  'approval-card': 'an approver\'s card',
  'approval-card-approved': 'the card after the last approval',
  'approval-card-rejected': 'the card after a rejection',
  'answer-training-needed': 'approved once the training is done',
  'training-recorded': 'training recorded',
  'my-requests': 'my requests',
  'message-extension-result': 'message-extension search result',
  'dpo-breach-alert': 'the DPO\'s urgent alert',
  'everyday-help': '"wat can u do"',
  'everyday-unknown-lower-case': '"is perplexity ok for researching my year 9 history topic?"',
  'everyday-filtered-list': '"which tools r approved for marking?"',
  'everyday-status-chaser': '"any news on my request? been waiting ages"',
};
const SCREENSHOTS = ['ui-chatgpt-answer.png', 'ui-approved-tools.png',
  // The register tab (tests/e2e/08-register-tab.test.js).
  'tab-staff.png', 'tab-staff-320.png', 'tab-staff-dark.png', 'tab-high-contrast.png', 'tab-admin-edit.png', 'tab-conflict.png',
  'tab-import-preview.png',
  // The reports page (tests/e2e/10-reports-dashboard.test.js).
  'tab-reports-dashboard.png', 'tab-reports-dashboard-dark.png'];

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const missing = Object.keys(CARDS).filter(n => !fs.existsSync(path.join(cardsDir, `${n}.json`)));
  if (missing.length) throw new Error(`missing card JSON (run the end-to-end journeys first): ${missing.join(', ')}`);
  for (const [name, what] of Object.entries(CARDS)) {
    const started = Date.now();
    const card = JSON.parse(fs.readFileSync(path.join(cardsDir, `${name}.json`), 'utf8'));
    await renderCard(card, path.join(outDir, `${name}.png`), { width: name.startsWith('approval-card') ? 640 : 520 });
    console.log(`docs/images/${name}.png  ${what} (${Date.now() - started} ms)`);
  }
  for (const shot of SCREENSHOTS) {
    const from = path.join(shotsDir, shot);
    if (!fs.existsSync(from)) throw new Error(`missing screenshot ${from} (the web UI and register tab journeys save them)`);
    fs.copyFileSync(from, path.join(outDir, shot));
    console.log(`docs/images/${shot}  ${shot.startsWith('tab-') ? 'the tab' : 'Playground web UI'}`);
  }
}

main().catch(e => { console.error(e.message); process.exitCode = 1; });
