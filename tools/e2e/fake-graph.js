#!/usr/bin/env node
'use strict';
// A fake of the Graph endpoints that install the bot for a person, for the end-to-end journeys (loopback only).
// Installing behaves as Teams does: the bot is added to a new 1:1 chat with that Playground user (created through the
// connector tap, then the installationUpdate and conversationUpdate the bot would get), and the installation's chat is
// that conversation. A person the Playground does not know cannot have it installed (404), so they are unreachable.
//   GET  /v1.0/users/{id}/teamwork/installedApps?$filter=teamsApp/id eq '{catalog}'   POST same (teamsApp@odata.bind)
//   GET  /v1.0/users/{id}/teamwork/installedApps/{installationId}/chat               GET /v1.0/users/{id} (mail)
//   GET  /_fake/installed   {aadObjectId: chatId} of every install, for the journeys
//   usage: node tools/e2e/fake-graph.js <listenPort> <playgroundUrl> <tapUrl> <catalogAppId>
const http = require('node:http');

const [listenPort, playgroundUrl, tapUrl, catalogId] = process.argv.slice(2);
if (!listenPort || !playgroundUrl || !tapUrl || !catalogId) { console.error('usage: fake-graph.js <port> <playgroundUrl> <tapUrl> <catalogAppId>'); process.exit(2); }
const installed = new Map(); // aadObjectId → { installationId, chatId }

async function call(method, url, body) {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

async function install(aadObjectId) {
  const { config } = await call('GET', `${playgroundUrl}/_internal/v1/config`);
  const user = [config.currentUser, ...config.users].find(u => (u.aadObjectId || '').toLowerCase() === aadObjectId.toLowerCase());
  if (!user) return null;
  const created = await call('POST', `${tapUrl}/_connector/v3/conversations`, {
    isGroup: false, bot: { id: config.bot.id }, members: [{ id: user.id }], tenantId: config.tenantId, channelData: { tenant: { id: config.tenantId } },
  });
  const common = {
    channelId: 'msteams', serviceUrl: `${tapUrl}/_connector`, timestamp: new Date().toISOString(),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId }, recipient: { id: config.bot.id, name: config.bot.name },
    conversation: { id: created.id, conversationType: 'personal', tenantId: config.tenantId }, channelData: { tenant: { id: config.tenantId } }, locale: 'en-GB',
  };
  await call('POST', `${playgroundUrl}/_internal/v1/customActivities`, { ...common, id: `install-${user.id}-${Date.now()}`, type: 'installationUpdate', action: 'add' });
  await call('POST', `${playgroundUrl}/_internal/v1/customActivities`, { ...common, id: `cu-${user.id}-${Date.now()}`, type: 'conversationUpdate', membersAdded: [{ id: config.bot.id }] });
  return { installationId: `inst-${user.id}`, chatId: created.id };
}

function json(res, status, body) { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); }
const error = (res, status, code) => json(res, status, { error: { code, message: code } });

const server = http.createServer((req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${listenPort}`);
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', async () => {
    try {
      console.log(`${req.method} ${url.pathname}${url.search}`);
      if (url.pathname === '/_fake/installed') return json(res, 200, Object.fromEntries([...installed].map(([k, v]) => [k, v.chatId])));
      const m = /^\/v1\.0\/users\/([^/]+)(\/teamwork\/installedApps(?:\/([^/]+)\/chat)?)?$/.exec(url.pathname);
      if (!m) return error(res, 404, 'NotFound');
      const userId = decodeURIComponent(m[1]);
      if (!m[2] && req.method === 'GET') return json(res, 200, { id: userId, mail: `${userId}@people.localhost`, userPrincipalName: `${userId}@people.localhost` });
      const mine = installed.get(userId.toLowerCase());
      if (m[3] && req.method === 'GET') return mine && mine.installationId === decodeURIComponent(m[3]) ? json(res, 200, { id: mine.chatId }) : error(res, 404, 'NotFound');
      if (req.method === 'GET') {
        const matches = url.searchParams.get('$filter') === `teamsApp/id eq '${catalogId}'` && mine;
        return json(res, 200, { value: matches ? [{ id: mine.installationId }] : [] });
      }
      if (req.method === 'POST') {
        const bind = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')['teamsApp@odata.bind'] || '';
        if (!bind.endsWith(`/appCatalogs/teamsApps/${catalogId}`)) return error(res, 400, 'BadRequest');
        if (mine) return error(res, 409, 'Conflict');
        const done = await install(userId);
        if (!done) return error(res, 404, 'Request_ResourceNotFound');
        installed.set(userId.toLowerCase(), done);
        res.writeHead(201); return res.end();
      }
      return error(res, 405, 'MethodNotAllowed');
    } catch (e) { console.error(e.message); error(res, 500, 'FakeGraphError'); }
  });
});
server.listen(Number(listenPort), '127.0.0.1', () => console.log(`fake graph on 127.0.0.1:${listenPort}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
