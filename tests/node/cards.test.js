// The card tools: validate-cards.js (official adaptivecards SDK) and render-card.js (chromium screenshot).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const VALIDATE = path.join(ROOT, 'tools/cards/validate-cards.js');
const SAMPLES = path.join(ROOT, 'tools/cards/samples');
const { decodePng } = require(path.join(ROOT, 'tools/manifest/png.js'));

const run = (args, input) => spawnSync(process.execPath, [VALIDATE, ...args], { input, encoding: 'utf8' });
const lines = out => out.trim().split('\n').map(l => JSON.parse(l));

test('the committed sample cards are valid, one result line per card', () => {
  const files = fs.readdirSync(SAMPLES).filter(f => f.endsWith('.json')).map(f => path.join(SAMPLES, f));
  assert.ok(files.length >= 5);
  const r = run(files);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const results = lines(r.stdout);
  assert.equal(results.length, files.length);
  for (const res of results) assert.deepEqual(res.errors, [], res.name);
});

test('a batch on stdin reports each card, and a broken one fails the run', () => {
  const batch = [
    { name: 'good', card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hello' }] } },
    { name: 'broken', card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', weight: 'heavy' }],
      actions: [{ type: 'Action.Execute', title: 'Go' }, { type: 'Action.Execute', title: 'Go', verb: 'go', id: 'a' }, { type: 'Action.Submit', id: 'a', title: 's' }] } },
    { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 'n', isRequired: true }] },
  ];
  const r = run([], JSON.stringify(batch));
  assert.equal(r.status, 1);
  const [good, broken, bare] = lines(r.stdout);
  assert.equal(good.name, 'good');
  assert.deepEqual(good.errors, []);
  const codes = broken.errors.map(e => e.code);
  assert.ok(codes.includes('InvalidPropertyValue'), codes.join());
  assert.ok(codes.includes('ExecuteWithoutVerb'), codes.join());
  assert.ok(codes.includes('DuplicateId'), codes.join());
  assert.equal(bare.name, 'card 2');
  assert.deepEqual(bare.errors, []);
  assert.deepEqual(bare.warnings.map(w => w.code).sort(), ['RequiredInputsShouldHaveErrorMessage', 'RequiredInputsShouldHaveLabel']);
});

test('cards above the target version are errors', () => {
  const card = { type: 'AdaptiveCard', version: '1.6', body: [] };
  const r = run(['--target', '1.5'], JSON.stringify([card]));
  assert.equal(r.status, 1);
  assert.equal(lines(r.stdout)[0].errors[0].code, 'VersionAboveTarget');
});

test('render-card.js draws a sample card to PNG offline', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aipolicybot-render-'));
  try {
    const out = path.join(dir, 'card.png');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'tools/cards/render-card.js'), path.join(SAMPLES, 'approval-with-refresh.json'), out],
      { encoding: 'utf8', timeout: 60000 });
    assert.equal(r.status, 0, r.stderr);
    const png = decodePng(fs.readFileSync(out));
    assert.ok(png.width >= 500 && png.height >= 100, `${png.width}×${png.height}`);
    const colours = new Set();
    for (let i = 0; i < png.width * png.height; i += 7) colours.add(png.rgba.readUInt32BE(i * 4));
    assert.ok(colours.size > 20, 'the screenshot shows text and buttons, not a blank box');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The narrowest Teams renderer (320 px, Teams host config): every button of the approval cards shows its whole title,
// top level and inside every form under it (docs/cards.md). The samples are the builder's output
// (ApprovalCardSampleTests keeps them equal), so this checks the cards Teams gets.
test('approval cards show every button whole at 320 px in the Teams host config', { timeout: 120000 }, async () => {
  const { renderCard } = require(path.join(ROOT, 'tools/cards/render-card.js'));
  const shots = path.join(ROOT, 'artifacts', 'cards-320');
  fs.mkdirSync(shots, { recursive: true });
  for (const name of ['approval-card-two-roles', 'approval-card-one-role', 'approval-card-requester']) {
    const card = JSON.parse(fs.readFileSync(path.join(SAMPLES, `${name}.json`), 'utf8'));
    const { topLevel, all } = await renderCard(card, path.join(shots, `${name}.png`), { width: 320, measure: true, openShowCards: true });
    assert.ok(topLevel.length >= 1 && topLevel.length <= 3, `${name}: ${topLevel.length} top-level buttons`);
    const cut = all.filter(b => b.cut);
    assert.deepEqual(cut.map(b => b.title), [], `${name}: buttons cut at 320 px: ${JSON.stringify(cut)}`);
    if (name !== 'approval-card-requester') {
      assert.deepEqual(topLevel.map(b => b.title), ['Approve', 'Reject', 'More'], name);
      for (const inner of ['Approve with conditions', 'Ask the requester a question', 'Record a check'])
        assert.ok(all.some(b => b.title === inner), `${name}: "${inner}" drawn under More: ${all.map(b => b.title)}`);
    }
  }
});

test('the 320 px check catches a cut button', { timeout: 60000 }, async () => {
  const { renderCard } = require(path.join(ROOT, 'tools/cards/render-card.js'));
  const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x' }], actions: [
    { type: 'Action.Execute', verb: 'a', title: 'Approve (as CIO, CDO and DPO)' }, { type: 'Action.Execute', verb: 'b', title: 'Approve with conditions' },
    { type: 'Action.Execute', verb: 'c', title: 'Reject the request' }] };
  const { all } = await renderCard(card, null, { width: 320, measure: true });
  assert.ok(all.some(b => b.cut), JSON.stringify(all));
});
