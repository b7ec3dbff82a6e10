'use strict';
// Where the running system is: set by tools/e2e/run-e2e.sh, which starts Azurite, the local host, the connector tap
// and the Agents Playground on its own loopback ports. Run the journeys through that script.
const path = require('node:path');

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the journeys with tools/e2e/run-e2e.sh (it starts the system they drive)`);
  return v;
}

function loopback(url) {
  const u = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) throw new Error(`refusing non-loopback URL ${url}`);
  return url.replace(/\/$/, '');
}

module.exports = {
  get hostUrl() { return loopback(need('E2E_HOST_URL')); },
  get playgroundUrl() { return loopback(need('E2E_PLAYGROUND_URL')); },
  get tapUrl() { return loopback(need('E2E_TAP_URL')); },
  get mailRoot() { return need('E2E_MAIL_ROOT'); },
  get artifacts() { return process.env.E2E_ARTIFACTS || path.resolve(__dirname, '../../../artifacts/e2e'); },
  // The host's storage and table prefix: the dashboard journey writes generated data there (tools/ScaleData).
  get storage() { return need('E2E_STORAGE'); },
  get tablePrefix() { return need('E2E_TABLE_PREFIX'); },
  get adminKey() { return process.env.E2E_ADMIN_KEY || 'local-dev-admin-key'; },
};
