#!/usr/bin/env node
// Validates Adaptive Cards with the official `adaptivecards` JS library (parse + validateProperties) plus the checks
// the SDK lacks. Many cards per run, so test suites pay Node's start-up once:
//   node tools/cards/validate-cards.js [--target 1.5] card1.json card2.json …
//   echo '[{"name":"a","card":{…}}, {…card…}]' | node tools/cards/validate-cards.js [--target 1.5]
// Prints one JSON line per card: {"name","errors":[{code,message,path?}],"warnings":[…]}; exits 1 if any card has an
// error, 2 on bad usage. Offline: nothing is fetched.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
let AC;
try {
  // lib/ is ESM with extensionless imports; the UMD bundle loads in plain Node without a DOM.
  AC = require(path.join(ROOT, 'node_modules/adaptivecards/dist/adaptivecards.js'));
} catch (e) {
  console.error(`adaptivecards is not installed (${e.code || e.message}); run "npm ci" in ${ROOT}`);
  process.exit(2);
}

const WARNING_EVENTS = new Set(['Hint', 'Deprecated', 'RequiredInputsShouldHaveLabel',
  'RequiredInputsShouldHaveErrorMessage']);
const MAX_REFRESH_USER_IDS = 60;

function parseVersion(v) {
  const m = /^(\d+)\.(\d+)$/.exec(String(v ?? ''));
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function sourceLabel(source) {
  if (!source) return undefined;
  const type = typeof source.getJsonTypeName === 'function' ? source.getJsonTypeName() : undefined;
  const id = source.id ? `#${source.id}` : '';
  return type ? type + id : undefined;
}

function sdkEvents(json, target) {
  const ctx = new AC.SerializationContext(AC.Version.parse(target, new AC.SerializationContext()));
  const card = new AC.AdaptiveCard();
  card.parse(json, ctx);
  const events = [];
  for (let i = 0; i < ctx.eventCount; i++) events.push(ctx.getEventAt(i));
  events.push(...card.validateProperties().validationEvents);
  return events.map(e => ({ code: AC.ValidationEvent[e.event] ?? String(e.event), message: e.message,
    path: sourceLabel(e.source) }));
}

// Checks the SDK does not make (it accepts all of these silently).
function extraChecks(json, target) {
  const errors = [];
  const add = (code, message, p) => errors.push({ code, message, path: p });
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    add('NotAnObject', 'the card is not a JSON object', '$');
    return errors;
  }
  if (json.type !== 'AdaptiveCard') add('MissingCardType', `card type is "${json.type}", expected "AdaptiveCard"`, '$.type');
  const v = parseVersion(json.version), t = parseVersion(target);
  if (!v) add('InvalidVersion', `card version "${json.version}" is missing or not major.minor`, '$.version');
  else if (v[0] > t[0] || (v[0] === t[0] && v[1] > t[1])) {
    add('VersionAboveTarget', `card version ${json.version} is above the target ${target}`, '$.version');
  }
  if (json.refresh !== undefined) {
    const r = json.refresh;
    if (!r || !r.action || r.action.type !== 'Action.Execute') add('RefreshNotExecute', 'refresh.action must be an Action.Execute', '$.refresh.action');
    if (!Array.isArray(r?.userIds)) add('RefreshWithoutUserIds', 'refresh.userIds must be present ([] turns automatic refresh off)', '$.refresh.userIds');
    else if (r.userIds.length > MAX_REFRESH_USER_IDS) add('TooManyRefreshUserIds', `refresh.userIds has ${r.userIds.length} entries; Teams allows ${MAX_REFRESH_USER_IDS}`, '$.refresh.userIds');
  }
  (function walk(node, p) {
    if (typeof node === 'string') {
      if (/\$\{[^}]*\}/.test(node)) add('UnresolvedTemplate', `unresolved template expression in "${node.slice(0, 80)}"`, p);
      return;
    }
    if (Array.isArray(node)) { node.forEach((n, i) => walk(n, `${p}[${i}]`)); return; }
    if (!node || typeof node !== 'object') return;
    switch (node.type) {
      case 'Image':
        if (typeof node.url !== 'string' || node.url.trim() === '') add('ImageWithoutUrl', 'Image has no url', p);
        break;
      case 'FactSet':
        if (!Array.isArray(node.facts) || node.facts.length === 0) add('EmptyFactSet', 'FactSet has no facts', p);
        break;
      case 'Action.Execute':
        if (typeof node.verb !== 'string' || node.verb.trim() === '') add('ExecuteWithoutVerb', 'Action.Execute has no verb', p);
        break;
    }
    for (const [k, child] of Object.entries(node)) walk(child, `${p}.${k}`);
  })(json, '$');
  return errors;
}

function validateCard(name, json, target) {
  const errors = [], warnings = [];
  let events = [];
  try {
    events = sdkEvents(json, target);
  } catch (e) {
    errors.push({ code: 'ParseFailed', message: `adaptivecards could not parse the card: ${e.message}` });
  }
  for (const e of events) (WARNING_EVENTS.has(e.code) ? warnings : errors).push(e);
  errors.push(...extraChecks(json, target));
  return { name, errors, warnings };
}

function readInputs(args) {
  if (args.length > 0) {
    return args.map(file => {
      try { return { name: file, card: JSON.parse(fs.readFileSync(file, 'utf8')) }; }
      catch (e) { return { name: file, readError: e.message }; }
    });
  }
  const stdin = fs.readFileSync(0, 'utf8');
  let items;
  try { items = JSON.parse(stdin); } catch (e) { return [{ name: 'stdin', readError: `stdin is not JSON: ${e.message}` }]; }
  if (!Array.isArray(items)) items = [items];
  // Each item is either {name, card} or a bare card.
  return items.map((item, i) => item && typeof item === 'object' && 'card' in item && item.type === undefined
    ? { name: String(item.name ?? `card ${i}`), card: item.card }
    : { name: `card ${i}`, card: item });
}

function main(argv) {
  let target = '1.5';
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--target') target = argv[++i];
    else if (argv[i] === '-h' || argv[i] === '--help') { console.log('usage: validate-cards.js [--target 1.5] [card.json …] (or a JSON array on stdin)'); return 0; }
    else files.push(argv[i]);
  }
  if (!parseVersion(target)) { console.error(`--target "${target}" is not major.minor`); return 2; }
  let failed = false;
  for (const input of readInputs(files)) {
    const result = input.readError
      ? { name: input.name, errors: [{ code: 'ReadFailed', message: input.readError }], warnings: [] }
      : validateCard(input.name, input.card, target);
    if (result.errors.length > 0) failed = true;
    process.stdout.write(JSON.stringify(result) + '\n');
  }
  return failed ? 1 : 0;
}

module.exports = { validateCard };
if (require.main === module) process.exitCode = main(process.argv.slice(2));
