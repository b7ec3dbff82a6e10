// Teams app manifest and package checks. Offline: schemas come from @microsoft/app-manifest.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const { buildPackage } = require(path.join(ROOT, 'tools/manifest/package-app.js'));
const { validateManifestText } = require(path.join(ROOT, 'tools/manifest/validate-manifest.js'));
const { decodePng } = require(path.join(ROOT, 'tools/manifest/png.js'));
const { readZip } = require(path.join(ROOT, 'tools/manifest/zip.js'));
const { colorIcon, outlineIcon } = require(path.join(ROOT, 'tools/manifest/make-icons.js'));

const LOCAL_CONFIG = path.join(ROOT, 'manifest/env.local.json');
const IDS = { TEAMS_APP_ID: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b', BOT_ID: '11111111-2222-4333-8444-555555555555',
  BOT_DOMAIN: 'aipolicybot.example.org' };
const made = [];
const tmp = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'aipolicybot-manifest-')); made.push(d); return d; };
test.after(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });

test('the generated manifest validates offline and has every placeholder filled from configuration', async () => {
  const out = tmp();
  const { manifestPath } = await buildPackage({ outDir: out, env: IDS });
  const text = fs.readFileSync(manifestPath, 'utf8');
  assert.deepEqual(await validateManifestText(text, { baseDir: out }), []);
  assert.doesNotMatch(text, /\$\{\{/);

  const m = JSON.parse(text);
  assert.equal(m.manifestVersion, '1.22');
  assert.equal(m.$schema, 'https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
  assert.equal(m.id, IDS.TEAMS_APP_ID);
  assert.equal(m.bots[0].botId, IDS.BOT_ID);
  assert.equal(m.composeExtensions[0].botId, IDS.BOT_ID);
  assert.equal(m.webApplicationInfo.id, IDS.BOT_ID);
  assert.equal(m.webApplicationInfo.resource, `api://${IDS.BOT_DOMAIN}/${IDS.BOT_ID}`);
  const tab = m.staticTabs.find(t => t.entityId === 'aiToolsRegister');
  assert.equal(tab.name, 'AI tools register');
  assert.equal(tab.contentUrl, `https://${IDS.BOT_DOMAIN}/api/tab/app/`);
  assert.deepEqual(tab.scopes, ['personal']);
  assert.ok(m.staticTabs.some(t => t.entityId === 'conversations'), 'the bot chat stays beside the tab');
  assert.ok(m.validDomains.includes(IDS.BOT_DOMAIN));
  assert.equal(m.developer.privacyUrl, `https://${IDS.BOT_DOMAIN}/privacy`);
  assert.deepEqual(m.bots[0].scopes.sort(), ['groupChat', 'personal', 'team']);
  const personal = m.bots[0].commandLists.find(l => l.scopes.includes('personal')).commands.map(c => c.title);
  assert.deepEqual(personal, ['can I use …', 'request approval', 'my requests', 'approved tools', 'pending approvals', 'help']);

  const cmd = Object.fromEntries(m.composeExtensions[0].commands.map(c => [c.id, c]));
  assert.deepEqual(Object.keys(cmd).sort(), ['checkMessage', 'requestApproval', 'requestFromMessage', 'searchTools']);
  assert.equal(cmd.searchTools.type, 'query');
  assert.equal(cmd.searchTools.initialRun, true);
  assert.equal(cmd.searchTools.parameters[0].name, 'searchQuery');
  assert.deepEqual(cmd.searchTools.context, ['compose', 'commandBox']);
  assert.equal(cmd.requestApproval.type, 'action');
  assert.equal(cmd.requestApproval.fetchTask, true);
  for (const id of ['checkMessage', 'requestFromMessage']) {
    assert.deepEqual(cmd[id].context, ['message']);
    assert.equal(cmd[id].fetchTask, true);
  }
});

test('the register tab signs in with its own app registration when one is given', async () => {
  const out = tmp();
  const tabClient = '99999999-8888-4777-8666-555555555555';
  await buildPackage({ outDir: out, env: { ...IDS, TAB_CLIENT_ID: tabClient } });
  const text = fs.readFileSync(path.join(out, 'manifest.json'), 'utf8');
  assert.deepEqual(await validateManifestText(text, { baseDir: out }), []);
  const m = JSON.parse(text);
  assert.deepEqual(m.webApplicationInfo, { id: tabClient, resource: `api://${IDS.BOT_DOMAIN}/${tabClient}` });
  assert.equal(m.bots[0].botId, IDS.BOT_ID);
});

test('the local development defaults package cleanly', async () => {
  const { config } = await buildPackage({ configFile: LOCAL_CONFIG, outDir: tmp(), env: {} });
  assert.equal(config.APP_VERSION, '1.0.0');
  assert.match(config.BOT_ID, /^[0-9a-f-]{36}$/);
});

test('environment variables win over the config file', async () => {
  const out = tmp();
  await buildPackage({ configFile: LOCAL_CONFIG, outDir: out, env: { BOT_ID: IDS.BOT_ID, APP_VERSION: '2.3.4' } });
  const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  assert.equal(m.bots[0].botId, IDS.BOT_ID);
  assert.equal(m.version, '2.3.4');
});

test('a broken manifest is rejected with the reasons', async () => {
  const out = tmp();
  const { manifestPath } = await buildPackage({ outDir: out, env: IDS });
  const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  delete m.description;
  m.id = 'not-a-guid';
  m.name.short = 'A name that is far too long for Teams to show';
  m.accentColor = 'blue';
  m.bots[0].scopes.push('everyone');
  m.composeExtensions[0].botId = '99999999-2222-4333-8444-555555555555';
  m.composeExtensions[0].commands[3].title = 'Request approval from this message'; // 34 > 32 characters
  m.validDomains.push('${{UNFILLED}}');
  const problems = (await validateManifestText(JSON.stringify(m), { baseDir: out })).join('\n');

  assert.match(problems, /required property 'description'/);
  assert.match(problems, /\/id must match pattern/);
  assert.match(problems, /\/name\/short must NOT have more than 30 characters/);
  assert.match(problems, /\/accentColor must match pattern/);
  assert.match(problems, /\/bots\/0\/scopes\/3 must be equal to one of the allowed values/);
  assert.match(problems, /\/composeExtensions\/0\/commands\/3\/title must NOT have more than 32 characters/);
  assert.match(problems, /composeExtensions\[0\]\.botId .* is not one of the bots/);
  assert.match(problems, /unfilled placeholders: \$\{\{UNFILLED\}\}/);
  assert.match(problems, /type check: /);
});

test('a manifest whose schema is not bundled is refused instead of fetched', async () => {
  const m = { $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json', manifestVersion: '1.18' };
  assert.deepEqual(await validateManifestText(JSON.stringify(m)), [
    'no bundled schema for $schema=https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json (it would be fetched; use a bundled version)']);
  const other = await validateManifestText(JSON.stringify({ ...m, $schema: 'https://example.org/schema.json' }));
  assert.match(other[0], /is not a Teams manifest schema URL/);
});

test('a manifest whose manifestVersion does not match its schema is rejected', async () => {
  const out = tmp();
  const { manifestPath } = await buildPackage({ outDir: out, env: IDS });
  const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  m.manifestVersion = '1.21';
  const problems = await validateManifestText(JSON.stringify(m), { baseDir: out });
  assert.ok(problems.some(p => p.includes('does not match $schema v1.22')), problems.join('\n'));
});

test('the colour icon is a 192×192 opaque PNG', () => {
  const png = decodePng(fs.readFileSync(path.join(ROOT, 'manifest/color.png')));
  assert.equal(png.width, 192);
  assert.equal(png.height, 192);
  let transparent = 0; const colours = new Set();
  for (let i = 0; i < png.width * png.height; i++) {
    if (png.rgba[i * 4 + 3] !== 255) transparent++;
    colours.add(png.rgba.readUInt32BE(i * 4));
  }
  assert.equal(transparent, 0);
  assert.ok(colours.size > 2, 'the colour icon should have a picture, not one flat colour');
  // The accent colour in the manifest is the icon's background.
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest/manifest.json'), 'utf8'));
  const bg = '#' + [0, 1, 2].map(k => png.rgba[k].toString(16).padStart(2, '0')).join('').toUpperCase();
  assert.equal(bg, manifest.accentColor);
});

test('the outline icon is 32×32, white on a transparent background', () => {
  const png = decodePng(fs.readFileSync(path.join(ROOT, 'manifest/outline.png')));
  assert.equal(png.width, 32);
  assert.equal(png.height, 32);
  assert.equal(png.colorType, 6, 'outline icon needs an alpha channel');
  let opaque = 0, clear = 0;
  for (let i = 0; i < 32 * 32; i++) {
    const [r, g, b, a] = png.rgba.subarray(i * 4, i * 4 + 4);
    if (a > 0) assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i % 32},${Math.floor(i / 32)} is not white`);
    if (a === 255) opaque++;
    if (a === 0) clear++;
  }
  assert.ok(opaque > 50, `the outline should draw something (${opaque} opaque pixels)`);
  assert.ok(clear > 32 * 32 / 2, `the background should be transparent (${clear} clear pixels)`);
  for (const corner of [0, 31, 32 * 31, 32 * 32 - 1]) assert.equal(png.rgba[corner * 4 + 3], 0, 'corners are transparent');
});

test('the committed icons are what make-icons.js draws', () => {
  assert.ok(colorIcon().equals(fs.readFileSync(path.join(ROOT, 'manifest/color.png'))), 'run node tools/manifest/make-icons.js');
  assert.ok(outlineIcon().equals(fs.readFileSync(path.join(ROOT, 'manifest/outline.png'))), 'run node tools/manifest/make-icons.js');
});

test('the zip holds exactly manifest.json, color.png and outline.png at the root', async () => {
  const out = tmp();
  const { zipPath, manifestPath } = await buildPackage({ outDir: out, env: IDS });
  const entries = readZip(fs.readFileSync(zipPath));
  assert.deepEqual(entries.map(e => e.name).sort(), ['color.png', 'manifest.json', 'outline.png']);
  const byName = Object.fromEntries(entries.map(e => [e.name, e.data]));
  assert.ok(byName['manifest.json'].equals(fs.readFileSync(manifestPath)));
  assert.ok(byName['color.png'].equals(fs.readFileSync(path.join(ROOT, 'manifest/color.png'))));
  assert.ok(byName['outline.png'].equals(fs.readFileSync(path.join(ROOT, 'manifest/outline.png'))));
  assert.deepEqual(await validateManifestText(byName['manifest.json'].toString('utf8')), []);
});

test('packaging twice gives the same bytes (reproducible)', async () => {
  const a = await buildPackage({ outDir: tmp(), env: IDS }), b = await buildPackage({ outDir: tmp(), env: IDS });
  assert.ok(fs.readFileSync(a.zipPath).equals(fs.readFileSync(b.zipPath)));
});

test('packaging with missing configuration fails clearly and builds nothing', () => {
  const out = tmp();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tools/manifest/package-app.js'), '--out', out],
    { env: { PATH: process.env.PATH }, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /missing configuration: TEAMS_APP_ID, BOT_ID, BOT_DOMAIN/);
  assert.deepEqual(fs.readdirSync(out), []);
});

test('packaging with invalid configuration names the bad values', () => {
  const out = tmp();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tools/manifest/package-app.js'), '--out', out],
    { env: { PATH: process.env.PATH, ...IDS, BOT_ID: 'bot', BOT_DOMAIN: 'https://x.example/' }, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /BOT_ID="bot" must be a GUID/);
  assert.match(r.stderr, /BOT_DOMAIN="https:\/\/x.example\/" must be a host name/);
  assert.deepEqual(fs.readdirSync(out), []);
});

test('a manifest that fails validation is not packaged', async () => {
  // A template whose short name is too long: packaging must refuse it.
  const dir = tmp(), out = tmp();
  const template = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest/manifest.json'), 'utf8'));
  template.name.short = 'AI Policy Helper for every academy in the trust';
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(template));
  for (const icon of ['color.png', 'outline.png']) fs.copyFileSync(path.join(ROOT, 'manifest', icon), path.join(dir, icon));
  await assert.rejects(buildPackage({ outDir: out, env: IDS, manifestDir: dir }), /not valid, so no package was built[\s\S]*\/name\/short/);
  assert.deepEqual(fs.readdirSync(out), []);
});
