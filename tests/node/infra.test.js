// Infrastructure checks, offline: the Bicep CLI from the NuGet package compiles and lints every template with zero
// diagnostics, refuses broken samples (and so does the MSBuild gate in infra/AiPolicyBot.Infra.csproj), the
// compiled template keeps its security properties, and docs/configuration.md, main.bicep, the code and the front
// doors (azure.yaml, the Agents Toolkit project) agree on configuration keys and values.
'use strict';
const { test, describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const infraDir = path.join(root, 'infra');
const fixtures = path.join(__dirname, 'fixtures', 'infra');
const read = (...p) => fs.readFileSync(path.join(root, ...p), 'utf8');

function bicepPath() {
  const props = read('Directory.Packages.props');
  const version = props.match(/Include="Azure\.Bicep\.CommandLine\.linux-x64"\s+Version="([^"]+)"/)?.[1];
  assert.ok(version, 'Directory.Packages.props pins Azure.Bicep.CommandLine.linux-x64');
  const packages = process.env.NUGET_PACKAGES || path.join(os.homedir(), '.nuget', 'packages');
  const bicep = path.join(packages, 'azure.bicep.commandline.linux-x64', version, 'tools', 'bicep');
  assert.ok(fs.existsSync(bicep), `Bicep CLI not found at ${bicep}: build infra/AiPolicyBot.Infra.csproj first (it restores it)`);
  try { fs.accessSync(bicep, fs.constants.X_OK); } catch { fs.chmodSync(bicep, 0o755); } // the package ships 0744
  return bicep;
}

/** Loads infra/sample.env (KEY=VALUE, optional single quotes): the values the build uses for main.bicepparam. */
function sampleEnv() {
  const env = {};
  for (const line of read('infra', 'sample.env').split('\n')) {
    const m = line.match(/^([A-Z0-9_]+)=(.*)$/);
    if (m) env[m[1]] = m[2].replace(/^'(.*)'$/, '$1');
  }
  return env;
}

/** Bicep prints one SARIF document per file with --pattern; split them and collect every result. */
function sarifResults(stdout) {
  const docs = stdout.trim().replace(/\}\s*\{\s*"\$schema"/g, '}\u0000{"$schema"').split('\u0000').filter(Boolean);
  return docs.flatMap(doc => JSON.parse(doc).runs.flatMap(run => run.results));
}

/** All resources of an ARM template, nested module deployments included (languageVersion 2.0 uses an object). */
function allResources(template) {
  const list = Array.isArray(template.resources) ? template.resources : Object.values(template.resources ?? {});
  return list.flatMap(r => r.type === 'Microsoft.Resources/deployments' && r.properties?.template
    ? [r, ...allResources(r.properties.template)] : [r]);
}

let bicep;
let work;
let mainJson;      // compiled main.bicep as text
let mainTemplate;  // ...and parsed
const run = (args, opts = {}) => spawnSync(bicep, args, {
  cwd: opts.cwd ?? infraDir, encoding: 'utf8', env: { ...process.env, ...(opts.env ?? {}) },
});

before(() => {
  bicep = bicepPath();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'aipolicybot-infra-'));
  const r = run(['build', 'main.bicep', '--outfile', path.join(work, 'main.json')]);
  assert.equal(r.status, 0, r.stderr);
  mainJson = fs.readFileSync(path.join(work, 'main.json'), 'utf8');
  mainTemplate = JSON.parse(mainJson);
});
after(() => fs.rmSync(work, { recursive: true, force: true }));

describe('Bicep compiles and lints clean', () => {
  test('every .bicep file under infra/ builds with no diagnostic at all', () => {
    const out = path.join(work, 'all');
    const r = run(['build', '--pattern', '**/*.bicep', '--outdir', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr.trim(), '', 'bicep build printed diagnostics');
    for (const name of ['main', 'modules/storage', 'modules/functionapp', 'modules/bot', 'modules/identity',
      'modules/monitoring', 'modules/roles']) {
      assert.ok(fs.existsSync(path.join(out, `${name}.json`)), `${name}.json was produced`);
    }
  });

  test('linting every .bicep file (SARIF) finds zero results', () => {
    const r = run(['lint', '--pattern', '**/*.bicep', '--diagnostics-format', 'sarif']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(sarifResults(r.stdout).map(x => `${x.ruleId}: ${x.message.text}`), []);
  });

  test('main.bicepparam builds with the sample environment and covers every required parameter', () => {
    const env = sampleEnv();
    const lint = run(['lint', 'main.bicepparam'], { env });
    assert.equal(lint.status, 0, lint.stderr);
    assert.equal(lint.stderr.trim(), '');
    const r = run(['build-params', 'main.bicepparam', '--stdout'], { env });
    assert.equal(r.status, 0, r.stderr);
    const params = JSON.parse(JSON.parse(r.stdout).parametersJson).parameters;
    const required = Object.entries(mainTemplate.parameters).filter(([, p]) => !('defaultValue' in p)).map(([n]) => n);
    assert.ok(required.includes('iaMailbox') && required.includes('approvers'), 'sanity: required parameters found');
    for (const name of required) assert.ok(name in params, `main.bicepparam sets required parameter ${name}`);
    assert.equal(params.academies.value.length, 2);
    assert.deepEqual(params.approvers.value.CIO.deputies.length, 2);
    assert.deepEqual(params.approvers.value.IT.deputies, [], 'an empty deputies variable gives an empty list');
  });

  test('main.bicepparam names a missing required value instead of deploying a blank one', () => {
    const env = sampleEnv();
    delete env.IA_MAILBOX;
    const r = spawnSync(bicep, ['build-params', 'main.bicepparam', '--stdout'],
      { cwd: infraDir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    assert.notEqual(r.status, 0);
    assert.match(r.stdout + r.stderr, /IA_MAILBOX/);
  });
});

describe('broken Bicep is refused', () => {
  let dir;
  before(() => {
    // The samples sit beside a copy of the strict bicepconfig.json, as a new module in infra/ would.
    dir = path.join(work, 'broken');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(infraDir, 'bicepconfig.json'), path.join(dir, 'bicepconfig.json'));
    for (const f of ['broken.bicep', 'warning-only.bicep']) fs.copyFileSync(path.join(fixtures, f), path.join(dir, f));
  });

  test('a misspelt property and an unused parameter are both reported, and the build fails', () => {
    const lint = run(['lint', 'broken.bicep', '--diagnostics-format', 'sarif'], { cwd: dir });
    const rules = sarifResults(lint.stdout).map(r => r.ruleId).sort();
    assert.deepEqual(rules, ['BCP037', 'no-unused-params']);
    const build = run(['build', 'broken.bicep', '--stdout'], { cwd: dir });
    assert.notEqual(build.status, 0, 'the unused parameter is an error under infra/bicepconfig.json');
  });

  test('a warning alone exits 0 from bicep, which is why the gate reads diagnostics, not the exit code', () => {
    const build = run(['build', 'warning-only.bicep', '--stdout'], { cwd: dir });
    assert.equal(build.status, 0);
    assert.match(build.stderr, /: Warning BCP089: The property "supportsHttpsTrafficOnlyy" is not allowed/);
  });

  test('the MSBuild gate (dotnet build of AiPolicyBot.Infra.csproj) fails on a warning-only module', () => {
    // A copy of the infra project with one bad module, built like the solution build does.
    const copy = path.join(work, 'gate');
    fs.cpSync(infraDir, path.join(copy, 'infra'), { recursive: true, filter: src => !/[\\/](bin|obj)$/.test(src) });
    for (const f of ['Directory.Build.props', 'Directory.Packages.props', 'global.json']) {
      fs.copyFileSync(path.join(root, f), path.join(copy, f));
    }
    fs.copyFileSync(path.join(fixtures, 'warning-only.bicep'), path.join(copy, 'infra', 'modules', 'warning-only.bicep'));
    const r = spawnSync('dotnet', ['build', 'infra/AiPolicyBot.Infra.csproj', '-c', 'Release', '-nologo',
      '-p:NuGetAudit=false'], { cwd: copy, encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
    assert.notEqual(r.status, 0, r.stdout);
    assert.match(r.stdout, /error : .*warning-only\.bicep\(\d+,\d+\) : Warning BCP089/);
  });
});

describe('the compiled template keeps its security properties', () => {
  const ofType = type => allResources(mainTemplate).filter(r => r.type === type);

  test('storage: no shared keys, no public blobs, TLS 1.2, and the designed tables and queues', () => {
    const [account] = ofType('Microsoft.Storage/storageAccounts');
    assert.equal(account.properties.allowSharedKeyAccess, false);
    assert.equal(account.properties.allowBlobPublicAccess, false);
    assert.equal(account.properties.minimumTlsVersion, 'TLS1_2');
    const tables = mainTemplate.variables.tableNames;
    assert.deepEqual([...tables].sort(), ['Approvers', 'Audit', 'ConversationReferences', 'Counters', 'Decisions',
      'Idempotency', 'Incidents', 'Outbox', 'Register', 'Requests', 'Training', 'TriageRecords']);
    // The audit seal: a container under a time-based immutability policy (write once, never changed or deleted).
    const [seal] = ofType('Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies');
    assert.ok(seal, 'the audit seal container has an immutability policy');
    assert.equal(seal.properties.allowProtectedAppendWrites, false);
    assert.match(String(seal.properties.immutabilityPeriodSinceCreationInDays), /auditSealRetentionDays/);
    assert.deepEqual([...mainTemplate.variables.queueNames].sort(),
      ['mail-outbox', 'mail-outbox-poison', 'notifications', 'triage-inbox']);
    assert.doesNotMatch(mainJson, /listKeys|listConnectionStrings|AccountKey=/, 'no key is read anywhere');
  });

  test('Function App: Flex Consumption, .NET 10 isolated, identity-authenticated deployment storage, no basic auth', () => {
    const [plan] = ofType('Microsoft.Web/serverfarms');
    assert.deepEqual(plan.sku, { name: 'FC1', tier: 'FlexConsumption' });
    const [site] = ofType('Microsoft.Web/sites');
    assert.equal(site.kind, 'functionapp,linux');
    assert.equal(site.identity.type, 'UserAssigned');
    assert.equal(site.properties.httpsOnly, true);
    const config = site.properties.functionAppConfig;
    assert.deepEqual(config.runtime, { name: 'dotnet-isolated', version: '10.0' });
    assert.equal(config.deployment.storage.type, 'blobContainer');
    assert.equal(config.deployment.storage.authentication.type, 'UserAssignedIdentity');
    const policies = ofType('Microsoft.Web/sites/basicPublishingCredentialsPolicies');
    assert.equal(policies.length, 2);
    for (const p of policies) assert.equal(p.properties.allow, false);
  });

  test('the app settings reach the module as a secure object (the Graph clientState stays out of deployment history)', () => {
    const functionApp = allResources(mainTemplate).find(r => r.name === 'functionApp');
    const moduleParams = functionApp.properties.template.parameters;
    assert.equal(moduleParams.appSettings.type, 'secureObject');
    assert.equal(mainTemplate.parameters.graphClientState.type, 'securestring');
    for (const [name, output] of Object.entries(mainTemplate.outputs)) {
      assert.doesNotMatch(JSON.stringify(output.value), /graphClientState|ClientState/, `output ${name} leaks no secret`);
    }
  });

  test('Application Insights and Log Analytics accept Entra-authenticated ingestion only', () => {
    const [components] = ofType('Microsoft.Insights/components');
    assert.equal(components.properties.DisableLocalAuth, true);
    const [workspace] = ofType('Microsoft.OperationalInsights/workspaces');
    assert.equal(workspace.properties.features.disableLocalAuth, true);
  });

  test('role assignments: exactly the four data-plane roles, nothing broader', () => {
    const roles = new Set(Object.values(allResources(mainTemplate).find(r => r.name === 'roles')
      .properties.template.variables.roles));
    assert.deepEqual([...roles].sort(), [
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', // Storage Table Data Contributor
      '3913510d-42f4-4e42-8a64-420c390055eb', // Monitoring Metrics Publisher
      '974c5e8b-45b9-4653-ba55-5f855dd0fb88', // Storage Queue Data Contributor
      'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', // Storage Blob Data Owner
    ]);
    for (const forbidden of ['b24988ac-6180-42a0-ab88-20f7382dd24c', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      '17d1049b-9a84-46fb-8f53-869881c3d3ab']) { // Contributor, Owner, Storage Account Contributor
      assert.ok(!mainJson.includes(forbidden), `no assignment of ${forbidden}`);
    }
  });

  test('Azure Bot: no secrets, Teams and Microsoft 365 (Outlook) channels enabled', () => {
    const [bot] = ofType('Microsoft.BotService/botServices');
    assert.equal(bot.kind, 'azurebot');
    assert.equal(bot.properties.disableLocalAuth, true);
    assert.match(JSON.stringify(bot.properties.msaAppType), /msaAppType|appType/);
    const channels = ofType('Microsoft.BotService/botServices/channels').map(c => c.properties.channelName).sort();
    assert.deepEqual(channels, ['M365Extensions', 'MsTeamsChannel']);
  });

  test('outputs the packaging script and the toolkit use', () => {
    for (const name of ['BOT_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT', 'FUNCTION_APP_NAME', 'FUNCTION_APP_RESOURCE_ID',
      'MAIL_IDENTITY_CLIENT_ID', 'MAIL_IDENTITY_PRINCIPAL_ID', 'TAB_URL', 'TAB_CLIENT_ID', 'TAB_APPLICATION_ID_URI']) {
      assert.ok(name in mainTemplate.outputs, `output ${name}`);
    }
  });
});

// ---------- configuration keys ----------

/** Rows of docs/configuration.md tables whose first cell is a `key`. */
function documentedKeys() {
  const rows = [];
  for (const line of read('docs', 'configuration.md').split('\n')) {
    const m = line.match(/^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/);
    if (!m) continue;
    const cells = m[2].split('|').map(c => c.trim());
    rows.push({ key: m[1], required: cells[2] ?? '' });
  }
  return rows;
}

const asSetting = key => key.replaceAll(':', '__');
/** `{id}` in docs and `${expr}` in Bicep both mean "any segment". */
const normalise = name => name.replace(/\$\{[^}]*\}/g, '*').replace(/\{[^}]*\}/g, '*');

/** Every app setting name main.bicep writes: object keys and interpolated names in its settings variables. */
function bicepSettingNames() {
  const source = read('infra', 'main.bicep');
  const names = new Set();
  for (const m of source.matchAll(/(?:^|[\s{])((?:[A-Za-z][A-Za-z0-9]*__)+[A-Za-z0-9]+|APPLICATIONINSIGHTS_[A-Z_]+):/gm)) names.add(m[1]);
  for (const m of source.matchAll(/'((?:[A-Za-z][A-Za-z0-9]*|\$\{[^}]+\})(?:__(?:[A-Za-z0-9]+|\$\{[^}]+\}))+)'/g)) names.add(normalise(m[1]));
  return [...names];
}

/** Configuration keys and sections the C# code names (options sections and their properties, indexers, GetSection). */
function codeKeys() {
  const found = [];
  const walk = dir => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) { if (!['bin', 'obj'].includes(entry.name)) walk(full); continue; }
      if (!entry.name.endsWith('.cs')) continue;
      const text = fs.readFileSync(full, 'utf8');
      const where = path.relative(root, full);
      const section = text.match(/const\s+string\s+Section(?:Name)?\s*=\s*"([^"]+)"/)?.[1];
      if (section) {
        found.push({ key: section, where, kind: 'section' });
        for (const p of text.matchAll(/public\s+(?:required\s+)?[\w<>?,\[\]\s]+?\s+(\w+)\s*\{\s*get;\s*(?:set|init);\s*\}/g)) {
          found.push({ key: `${section}:${p[1]}`, where, kind: 'property' });
        }
      }
      for (const m of text.matchAll(/GetSection\(\s*"([^"]+)"\s*\)/g)) found.push({ key: m[1], where, kind: 'section' });
      for (const m of text.matchAll(/(?:[Cc]onfiguration|[Cc]onfig)\s*\[\s*"([^"]+)"\s*\]/g)) found.push({ key: m[1], where, kind: 'key' });
      for (const m of text.matchAll(/GetValue<[^>]+>\(\s*"([^"]+)"/g)) found.push({ key: m[1], where, kind: 'key' });
      for (const m of text.matchAll(/GetConnectionString\(\s*"([^"]+)"/g)) found.push({ key: `ConnectionStrings:${m[1]}`, where, kind: 'key' });
    }
  };
  for (const dir of ['functions', 'teams-app']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return found;
}

describe('configuration keys: docs/configuration.md, main.bicep and the code agree', () => {
  const docs = documentedKeys();

  test('the key list is there and names the designed keys', () => {
    const keys = docs.map(d => d.key);
    for (const k of ['Bot:AppId', 'GraphMail:ClientState', 'Approvers:CIO', 'Academies:{id}:Leader', 'Admin:Key',
      'Policy:NextPolicyReviewDate', 'AzureWebJobsStorage:accountName']) {
      assert.ok(keys.includes(k), `docs/configuration.md lists ${k}`);
    }
  });

  test('every key marked "yes" under "Required in Azure" is written by main.bicep', () => {
    const required = docs.filter(d => /^yes/i.test(d.required));
    assert.ok(required.length >= 20, `sanity: ${required.length} required keys parsed`);
    // A setting appears in main.json as a createObject('Name', …) argument or as a "Name": key of a variable.
    const written = key => mainJson.includes(`'${asSetting(key)}'`) || mainJson.includes(`"${asSetting(key)}":`);
    const missing = required.filter(d => !written(d.key)).map(d => d.key);
    assert.deepEqual(missing, [], 'documented as required in Azure but not set by main.bicep');
  });

  test('keys marked "never set" do not appear in the template', () => {
    const never = docs.filter(d => /never set/i.test(d.required)).map(d => d.key);
    assert.deepEqual(never.sort(), ['Admin:Key', 'Bot:AllowUnauthenticatedLocal', 'Bot:ClientSecret', 'Tab:LocalSignIn']);
    for (const key of never) assert.ok(!mainJson.includes(asSetting(key)), `${key} is not set in Azure`);
  });

  test('every app setting main.bicep writes is documented', () => {
    const settings = bicepSettingNames();
    assert.ok(settings.length >= 30, `sanity: ${settings.length} settings found in main.bicep`);
    const documented = docs.map(d => normalise(asSetting(d.key)));
    const undocumented = settings.filter(s => !documented.some(d => s === d || s.startsWith(`${d}__`)));
    assert.deepEqual(undocumented, [], 'app settings written by main.bicep but missing from docs/configuration.md');
  });

  test('every configuration key or section the C# code names is documented', () => {
    const documented = docs.map(d => normalise(d.key));
    const matches = key => documented.some(d => {
      const pattern = new RegExp(`^${d.split('*').map(s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^:]+')}(:|$)`);
      return pattern.test(key) || d.startsWith(`${key}:`) || d === key;
    });
    const found = codeKeys();
    assert.ok(found.some(f => f.key === 'Policy:SupervisedUseBelowAge'), 'sanity: PolicyOptions is found');
    const missing = found.filter(f => !matches(f.key)).map(f => `${f.key} (${f.where})`);
    assert.deepEqual(missing, [], 'read by the code but not in docs/configuration.md: add a row (and Bicep if Azure needs it)');
  });
});

describe('front doors agree with the template', () => {
  test('azure.yaml deploys the Functions project from infra/', () => {
    const yaml = read('azure.yaml');
    assert.match(yaml, /^infra:\n\s+provider: bicep\n\s+path: infra\n\s+module: main$/m);
    const project = yaml.match(/^\s+project: (\S+)$/m)[1];
    assert.ok(fs.existsSync(path.join(root, project, 'AiPolicyBot.Functions.csproj')), project);
    assert.match(yaml, /language: dotnet\n\s+host: function/);
    assert.ok(fs.existsSync(path.join(root, 'tools', 'azd', 'preprovision.sh')));
  });

  test('every environment variable main.bicepparam reads is explained in docs/deploy.md', () => {
    const deploy = read('docs', 'deploy.md');
    const names = [...read('infra', 'main.bicepparam').matchAll(/readEnvironmentVariable\('([A-Z0-9_]+)'/g)].map(m => m[1]);
    assert.ok(names.length >= 20);
    assert.deepEqual(names.filter(n => !deploy.includes(n)), []);
  });

  test('the toolkit parameters file covers main.bicep and uses only defined variables', () => {
    const template = read('infra', 'azure.parameters.json');
    const envDev = read('env', '.env.dev') + read('env', '.env.dev.user.sample');
    const defined = new Set([...envDev.matchAll(/^([A-Z0-9_]+)=/gm)].map(m => m[1]));
    const used = [...template.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map(m => m[1]);
    assert.deepEqual([...new Set(used.filter(u => !defined.has(u)))], [], 'placeholders without a line in env/.env.dev');
    // Substitute like the toolkit does (text first, then JSON) with the values env/.env.dev ships.
    const values = Object.fromEntries([...envDev.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map(m => [m[1], m[2]]));
    const json = JSON.parse(template.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_, n) => values[n]));
    const names = Object.keys(json.parameters);
    const declared = Object.keys(mainTemplate.parameters);
    assert.deepEqual(names.filter(n => !declared.includes(n)), [], 'parameters main.bicep does not declare');
    const required = declared.filter(n => !('defaultValue' in mainTemplate.parameters[n]));
    assert.deepEqual(required.filter(n => !names.includes(n)), [], 'required parameters the toolkit does not pass');
  });

  test('m365agents.yml points at files that exist and at variables that provisioning defines', () => {
    const yml = read('m365agents.yml');
    for (const file of ['infra/main.bicep', 'infra/azure.parameters.json']) {
      assert.ok(yml.includes(`./${file}`) && fs.existsSync(path.join(root, file)), file);
    }
    assert.match(yml, /manifestPath: \.\/manifest\/manifest\.json/);
    const defined = new Set([...read('env', '.env.dev').matchAll(/^([A-Z0-9_]+)=/gm)].map(m => m[1]));
    const outputs = Object.keys(mainTemplate.outputs);
    const builtIn = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'APP_NAME_SUFFIX'];
    const used = [...new Set([...yml.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map(m => m[1]))];
    assert.deepEqual(used.filter(u => !defined.has(u) && !outputs.includes(u) && !builtIn.includes(u)), []);
    for (const output of outputs) assert.ok(defined.has(output), `env/.env.dev has a line for output ${output}`);
  });
});
