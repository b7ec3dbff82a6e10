#!/usr/bin/env node
// Builds the Teams app package: manifest/manifest.json with its ${{PLACEHOLDERS}} filled from configuration, plus the
// two icons, zipped as appPackage.zip with exactly manifest.json, color.png and outline.png at the root. Refuses to
// package a manifest that fails tools/manifest/validate-manifest.js.
//   node tools/manifest/package-app.js [--config manifest/env.local.json] [--out artifacts/appPackage]
// Values come from the config file (if given), then environment variables of the same names (which win):
//   TEAMS_APP_ID, BOT_ID (GUIDs), BOT_DOMAIN (host name, no scheme) are required; TAB_CLIENT_ID (default BOT_ID),
//   APP_VERSION (default 1.0.0),
//   DEVELOPER_NAME, WEBSITE_URL, PRIVACY_URL, TERMS_URL have defaults (the URLs default to pages on BOT_DOMAIN).
'use strict';
const fs = require('fs');
const path = require('path');
const { validateManifestText } = require('./validate-manifest');
const { writeZip } = require('./zip');

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_DIR = path.join(ROOT, 'manifest');
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

const SETTINGS = {
  TEAMS_APP_ID: { check: GUID, what: 'a GUID (the Teams app id)' },
  BOT_ID: { check: GUID, what: 'a GUID (the bot\'s Microsoft App ID)' },
  BOT_DOMAIN: { check: HOST, what: 'a host name without scheme or path, e.g. aipolicybot.example.org' },
  // The app registration the register tab's single sign-on uses (webApplicationInfo); the bot's own registration
  // when it has one (SingleTenant), else a registration of its own (docs/deploy.md, "The register tab").
  TAB_CLIENT_ID: { check: GUID, what: 'a GUID (the tab\'s app registration client id)', fallback: c => c.BOT_ID },
  APP_VERSION: { check: SEMVER, what: 'a version such as 1.0.0', fallback: () => '1.0.0' },
  DEVELOPER_NAME: { check: /^.{1,32}$/, what: 'up to 32 characters', fallback: () => 'Heart of Mercia MAT' },
  WEBSITE_URL: { check: /^https:\/\/\S+$/, what: 'an https:// URL', fallback: c => `https://${c.BOT_DOMAIN}/` },
  PRIVACY_URL: { check: /^https:\/\/\S+$/, what: 'an https:// URL', fallback: c => `https://${c.BOT_DOMAIN}/privacy` },
  TERMS_URL: { check: /^https:\/\/\S+$/, what: 'an https:// URL', fallback: c => `https://${c.BOT_DOMAIN}/terms` },
};

class PackagingError extends Error {}

/** Merges the config file and the environment, applies defaults and checks every value. */
function resolveConfig(fileValues, env) {
  const config = {};
  for (const name of Object.keys(SETTINGS)) {
    const value = env[name] ?? fileValues[name];
    if (value !== undefined && String(value).trim() !== '') config[name] = String(value).trim();
  }
  const missing = Object.keys(SETTINGS).filter(n => config[n] === undefined && !SETTINGS[n].fallback);
  if (missing.length) {
    throw new PackagingError(`missing configuration: ${missing.join(', ')} ` +
      '(set them in the environment, or pass --config manifest/env.local.json for local development)');
  }
  // Defaults may use required values (the URLs use BOT_DOMAIN), so they come after the check above.
  for (const [name, s] of Object.entries(SETTINGS)) if (config[name] === undefined) config[name] = s.fallback(config);
  const invalid = Object.entries(SETTINGS).filter(([n, s]) => !s.check.test(config[n]))
    .map(([n, s]) => `invalid configuration: ${n}="${config[n]}" must be ${s.what}`);
  if (invalid.length) throw new PackagingError(invalid.join('\n'));
  return config;
}

/** Replaces ${{NAME}} in every string of the template (so values cannot break the JSON). */
function fillTemplate(templateText, config) {
  const unknown = new Set();
  const filled = JSON.parse(templateText, (key, value) => typeof value !== 'string' ? value
    : value.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (m, name) => {
      if (config[name] === undefined) { unknown.add(name); return m; }
      return config[name];
    }));
  if (unknown.size) throw new PackagingError(`the manifest uses placeholders with no configuration: ${[...unknown].join(', ')}`);
  return JSON.stringify(filled, null, 2) + '\n';
}

async function buildPackage({ configFile, outDir = path.join(ROOT, 'artifacts', 'appPackage'), env = process.env,
  manifestDir = MANIFEST_DIR } = {}) {
  let fileValues = {};
  if (configFile) {
    try { fileValues = JSON.parse(fs.readFileSync(configFile, 'utf8')); }
    catch (e) { throw new PackagingError(`cannot read config ${configFile}: ${e.message}`); }
  }
  const config = resolveConfig(fileValues, env);
  const manifestText = fillTemplate(fs.readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8'), config);

  const problems = await validateManifestText(manifestText, { baseDir: manifestDir });
  if (problems.length) throw new PackagingError(`the manifest is not valid, so no package was built:\n - ${problems.join('\n - ')}`);

  const files = [
    { name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') },
    { name: 'color.png', data: fs.readFileSync(path.join(manifestDir, 'color.png')) },
    { name: 'outline.png', data: fs.readFileSync(path.join(manifestDir, 'outline.png')) },
  ];
  // The unpacked files sit next to the zip, for inspection and for validate-manifest.js.
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(outDir, f.name), f.data);
  const zipPath = path.join(outDir, 'appPackage.zip');
  fs.writeFileSync(zipPath, writeZip(files));
  return { zipPath, manifestPath: path.join(outDir, 'manifest.json'), config };
}

async function main(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--config') opts.configFile = argv[++i];
    else if (argv[i] === '--out') opts.outDir = path.resolve(argv[++i]);
    else { console.error(`unknown argument ${argv[i]}\nusage: package-app.js [--config file.json] [--out dir]`); return 2; }
  }
  try {
    const { zipPath, config } = await buildPackage(opts);
    console.log(`${zipPath} (app ${config.TEAMS_APP_ID}, bot ${config.BOT_ID}, ${config.BOT_DOMAIN}, v${config.APP_VERSION})`);
    return 0;
  } catch (e) {
    if (!(e instanceof PackagingError)) throw e;
    console.error(`package-app: ${e.message}`);
    return 1;
  }
}

module.exports = { buildPackage, resolveConfig, fillTemplate, PackagingError };
if (require.main === module) main(process.argv.slice(2)).then(c => { process.exitCode = c; });
