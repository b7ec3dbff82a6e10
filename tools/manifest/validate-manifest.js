#!/usr/bin/env node
// Validates Teams app manifests offline with @microsoft/app-manifest:
//   node tools/manifest/validate-manifest.js path/to/manifest.json […]
// 1. $schema must name a schema bundled in the package (else refused: the package would fetch it from the internet);
// 2. JSON-schema validation against that bundled file (passed in explicitly, so nothing can be fetched);
// 3. the package's generated runtime type check (TeamsManifestConverter.jsonToManifest);
// 4. checks of our own: manifestVersion matches $schema, every composeExtensions[].botId is one of bots[].botId,
//    no ${{PLACEHOLDER}} left unfilled, and the icon files exist next to the manifest.
// Prints the problems and exits 1 if any manifest has one.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const PKG = path.join(ROOT, 'node_modules', '@microsoft', 'app-manifest');
const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/i;

function loadPackage() {
  try { return require(PKG); }
  catch (e) { throw new Error(`@microsoft/app-manifest is not installed (${e.code || e.message}); run "npm ci" in ${ROOT}`); }
}

function bundledSchemaFile(schemaUrl) {
  const m = SCHEMA_URL.exec(String(schemaUrl ?? ''));
  if (!m) return { error: `$schema "${schemaUrl}" is not a Teams manifest schema URL` };
  const version = m[1].toLowerCase() === 'vdevpreview' ? 'vDevPreview' : m[1];
  const file = path.join(PKG, 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) return { error: `no bundled schema for $schema=${schemaUrl} (it would be fetched; use a bundled version)` };
  return { file, version };
}

/**
 * Validates a manifest given as raw JSON text. baseDir (optional) is where the icons should be.
 * Returns a list of problems (empty = valid).
 */
async function validateManifestText(raw, { baseDir } = {}) {
  const { AppManifestUtils, TeamsManifestConverter } = loadPackage();
  let manifest;
  try { manifest = JSON.parse(raw); } catch (e) { return [`not valid JSON: ${e.message}`]; }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) return ['the manifest is not a JSON object'];

  const problems = [];
  const placeholders = [...new Set(raw.match(/\$\{\{[^}]*\}\}/g) || [])];
  if (placeholders.length) problems.push(`unfilled placeholders: ${placeholders.join(', ')}`);

  const schema = bundledSchemaFile(manifest.$schema);
  if (schema.error) {
    problems.push(schema.error);
    return problems; // refuse: validateAgainstSchema would go to the network for it
  }
  if (schema.version !== 'vDevPreview' && `v${manifest.manifestVersion}` !== schema.version) {
    problems.push(`manifestVersion "${manifest.manifestVersion}" does not match $schema ${schema.version}`);
  }

  const schemaJson = JSON.parse(fs.readFileSync(schema.file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest, schemaJson);
  problems.push(...schemaErrors.map(e => `schema: ${e.trim()}`));

  try { TeamsManifestConverter.jsonToManifest(raw); }
  catch (e) { problems.push(`type check: ${e.message.split('\n')[0]}`); }

  const botIds = new Set((manifest.bots || []).map(b => String(b.botId).toLowerCase()));
  (manifest.composeExtensions || []).forEach((ce, i) => {
    if (ce.composeExtensionType !== 'apiBased' && !botIds.has(String(ce.botId).toLowerCase())) {
      problems.push(`composeExtensions[${i}].botId "${ce.botId}" is not one of the bots[].botId`);
    }
  });

  if (baseDir) {
    for (const [kind, rel] of Object.entries(manifest.icons || {})) {
      if (typeof rel === 'string' && !fs.existsSync(path.join(baseDir, rel))) problems.push(`icons.${kind}: ${rel} not found next to the manifest`);
    }
  }
  return problems;
}

async function validateManifestFile(file) {
  return validateManifestText(fs.readFileSync(file, 'utf8'), { baseDir: path.dirname(path.resolve(file)) });
}

async function main(files) {
  if (files.length === 0) { console.error('usage: validate-manifest.js manifest.json […]'); return 2; }
  let failed = false;
  for (const file of files) {
    const problems = await validateManifestFile(file);
    if (problems.length) {
      failed = true;
      console.log(`${file}: ${problems.length} problem(s)`);
      for (const p of problems) console.log(` - ${p}`);
    } else {
      console.log(`${file}: valid`);
    }
  }
  return failed ? 1 : 0;
}

module.exports = { validateManifestText, validateManifestFile, bundledSchemaFile };
if (require.main === module) main(process.argv.slice(2)).then(c => { process.exitCode = c; }, e => { console.error(e.message); process.exitCode = 2; });
