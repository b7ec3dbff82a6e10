#!/usr/bin/env node
// Renders an Adaptive Card to PNG (for docs and eyeballing) with the official adaptivecards bundle inside Debian's
// chromium, a Teams-like host config and every non-loopback request aborted (images from the internet show as
// broken; that is on purpose).
//   node tools/cards/render-card.js card.json out.png [--width 500]
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function isLoopbackOrInline(url) {
  const u = new URL(url);
  return u.protocol === 'data:' || u.protocol === 'about:' || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

// The SDK shows raw text unless the host supplies Markdown; this small processor covers what AiPolicyBot cards use
// (CommonMark backslash escapes, **bold**, _italic_, line breaks) and HTML-escapes everything else.
function markdownProcessorSource() {
  return `function(text, result) {
    const esc = s => s.replace(/&/g,'&amp;').replace(/</g,'&lt;').replace(/>/g,'&gt;');
    const held = [];
    let t = text.replace(/\\\\([!-\\/:-@\\[-\`{-~])/g, (m, c) => { held.push(esc(c)); return '\\u0000' + (held.length - 1) + '\\u0000'; });
    t = esc(t).replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>').replace(/(^|\\W)_(.+?)_(?=\\W|$)/g, '$1<em>$2</em>')
              .replace(/\\n/g, '<br>');
    t = t.replace(/\\u0000(\\d+)\\u0000/g, (m, i) => held[Number(i)]);
    result.outputHtml = '<p>' + t + '</p>';
    result.didProcess = true;
  }`;
}

// Each button of the card as drawn (top level and inside show cards, which are opened first): its title, whether the
// renderer had to cut its text (ellipsis: the text is wider than the box) and its width. For the 320 px check (docs/cards.md).
const MEASURE_BUTTONS = `(() => {
  const out = [];
  for (const b of document.querySelectorAll('#card .ac-pushButton')) {
    const text = b.querySelector('div') || b;
    const r = b.getBoundingClientRect();
    out.push({ title: b.getAttribute('aria-label') || b.textContent.trim(), cut: text.scrollWidth > text.clientWidth + 1 || b.scrollWidth > b.clientWidth + 1,
      width: Math.round(r.width), visible: r.width > 0 && r.height > 0 });
  }
  return out;
})()`;

async function renderCard(card, outPng, { width = 500, measure = false, openShowCards = false } = {}) {
  const { chromium } = require(path.join(ROOT, 'node_modules/playwright-core'));
  const acJs = fs.readFileSync(path.join(ROOT, 'node_modules/adaptivecards/dist/adaptivecards.min.js'), 'utf8');
  const acCss = fs.readFileSync(path.join(ROOT, 'node_modules/adaptivecards/dist/adaptivecards.css'), 'utf8');
  const hostConfig = JSON.parse(fs.readFileSync(path.join(__dirname, 'teams-host-config.json'), 'utf8'));
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${acCss}
    body { margin: 0; padding: 16px; background: #F5F5F5; font-family: ${hostConfig.fontFamily}; }
    #card { width: ${width}px; background: #fff; border: 1px solid #E1DFDD; border-radius: 6px; overflow: hidden; }
    .ac-pushButton { border: 1px solid #D1D1D1; background: #fff; border-radius: 4px; padding: 5px 12px; font-weight: 600; color: #242424; }
    .ac-pushButton.style-positive { background: #5B5FC7; color: #fff; border-color: #5B5FC7; }
    .ac-pushButton.style-destructive { color: #C4314B; }
    .ac-input { font-family: inherit; } .ac-textBlock p { margin: 0; }
  </style><script>${acJs.replace(/<\/script/gi, '<\\/script')}</script></head><body><div id="card"></div></body></html>`;

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const ctx = await browser.newContext({ viewport: { width: width + 64, height: 800 }, deviceScaleFactor: 2, locale: 'en-GB' });
    await ctx.route('**/*', r => (isLoopbackOrInline(r.request().url()) ? r.continue() : r.abort()));
    const page = await ctx.newPage();
    const pageErrors = [];
    page.on('pageerror', e => pageErrors.push(e.message));
    await page.setContent(html, { waitUntil: 'load' });
    const result = await page.evaluate(([cardJson, hc, md]) => {
      const AC = window.AdaptiveCards;
      AC.AdaptiveCard.onProcessMarkdown = eval('(' + md + ')');
      const ac = new AC.AdaptiveCard();
      ac.hostConfig = new AC.HostConfig(hc);
      ac.parse(cardJson);
      const el = ac.render();
      if (!el) return { error: 'the card did not render' };
      document.getElementById('card').appendChild(el);
      return { ok: true };
    }, [card, hostConfig, markdownProcessorSource()]);
    if (result.error || pageErrors.length) throw new Error(result.error || pageErrors.join('; '));
    const topLevel = measure ? (await page.evaluate(MEASURE_BUTTONS)).filter(b => b.visible) : null;
    const all = new Map((topLevel || []).map(b => [b.title, b]));
    if (openShowCards) {
      // Open each "show card" button in turn (opening one may close its siblings), outer ones first, and measure what
      // each opened form draws, so the buttons under "More" are checked too.
      const opened = new Set();
      for (let round = 0; round < 20; round++) {
        const closed = await page.$$('#card .ac-pushButton[aria-expanded="false"]');
        let next = null;
        for (const b of closed) {
          const key = (await b.getAttribute('aria-label')) || (await b.textContent());
          if (!opened.has(key) && await b.isVisible()) { next = b; opened.add(key); break; }
        }
        if (!next) break;
        await next.click();
        for (const b of await page.evaluate(MEASURE_BUTTONS)) if (b.visible && !all.has(b.title)) all.set(b.title, b);
      }
    }
    if (outPng) await page.locator('#card').screenshot({ path: outPng });
    return measure ? { topLevel, all: [...all.values()] } : undefined;
  } finally {
    await browser.close();
  }
}

async function main(argv) {
  const files = [];
  let width = 500;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--width') width = Number(argv[++i]);
    else files.push(argv[i]);
  }
  if (files.length !== 2 || !(width >= 200 && width <= 2000)) {
    console.error('usage: render-card.js card.json out.png [--width 500]');
    return 2;
  }
  const [cardFile, outPng] = files;
  const card = JSON.parse(fs.readFileSync(cardFile, 'utf8'));
  fs.mkdirSync(path.dirname(path.resolve(outPng)), { recursive: true });
  const started = Date.now();
  await renderCard(card, outPng, { width });
  console.log(`${outPng} (${Date.now() - started} ms)`);
  return 0;
}

module.exports = { renderCard };
// measure: renderCard(card, null, { width: 320, measure: true, openShowCards: true }) → { topLevel, all } buttons.
if (require.main === module) main(process.argv.slice(2)).then(c => { process.exitCode = c; }, e => { console.error(e.message); process.exitCode = 1; });
