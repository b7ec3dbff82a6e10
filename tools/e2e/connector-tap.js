#!/usr/bin/env node
'use strict';
// A recording pass-through in front of the Agents Playground's mock Bot Connector, for the end-to-end journeys.
//
// Why: the Playground's conversation WebSocket only shows chats its current user (user-id-0) is in, but approval
// cards go to the approvers' own 1:1 chats. The Playground is started with --service-url pointing here, so every
// bot → connector call (send, update, create conversation, get member) passes through this tap, is forwarded
// unchanged to the Playground, and is recorded with the Playground's answer. Drivers read the record:
//   GET  /_tap/activities[?conversationId=…&since=N]   bot-sent activities (POST and PUT) with their ids, in order
//   GET  /_tap/calls                                   every call (method, path, status)
//   POST /_tap/reset                                   forget the record
// Loopback only: it listens on 127.0.0.1 and forwards only to 127.0.0.1.
//   usage: node tools/e2e/connector-tap.js <listenPort> <playgroundPort>
const http = require('node:http');

const [listenPort, playgroundPort] = process.argv.slice(2).map(Number);
if (!listenPort || !playgroundPort) { console.error('usage: connector-tap.js <listenPort> <playgroundPort>'); process.exit(2); }

let seq = 0;
const activities = [];   // {seq, method, conversationId, activityId, activity, status, at}
const calls = [];        // {seq, method, path, status}

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${listenPort}`);
  if (url.pathname === '/_tap/activities' && req.method === 'GET') {
    const conv = url.searchParams.get('conversationId');
    const since = Number(url.searchParams.get('since') || 0);
    return json(res, 200, activities.filter(a => a.seq > since && (!conv || a.conversationId === conv)));
  }
  if (url.pathname === '/_tap/calls' && req.method === 'GET') return json(res, 200, calls);
  if (url.pathname === '/_tap/reset' && req.method === 'POST') { activities.length = 0; calls.length = 0; return json(res, 200, {}); }
  if (url.pathname === '/_tap/ping') return json(res, 200, { ok: true });

  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const headers = { ...req.headers, host: `127.0.0.1:${playgroundPort}` };
    const upstream = http.request({ host: '127.0.0.1', port: playgroundPort, method: req.method, path: req.url, headers }, up => {
      const out = [];
      up.on('data', c => out.push(c));
      up.on('end', () => {
        const answer = Buffer.concat(out);
        record(req.method, url.pathname, body, up.statusCode, answer);
        res.writeHead(up.statusCode, up.headers);
        res.end(answer);
      });
    });
    upstream.on('error', e => json(res, 502, { error: { code: 'TapUpstream', message: e.message } }));
    upstream.end(body);
  });
});

// /_connector/v3/conversations/{id}/activities[/{activityId}]
const activityPath = /^\/_connector\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

function record(method, path, body, status, answer) {
  const s = ++seq;
  calls.push({ seq: s, method, path, status });
  const m = activityPath.exec(path);
  if (!m || (method !== 'POST' && method !== 'PUT')) return;
  let activity = null, id = null;
  try { activity = JSON.parse(body.toString('utf8')); } catch { /* not JSON: keep null */ }
  try { id = JSON.parse(answer.toString('utf8')).id ?? null; } catch { /* no body */ }
  const conversationId = decodeURIComponent(m[1]);
  // A PUT replaces the message it names; a POST creates a new one (its id comes back in the answer).
  const activityId = method === 'PUT' ? decodeURIComponent(m[2]) : id;
  activities.push({ seq: s, method, conversationId, activityId, activity, status, at: new Date().toISOString() });
}

server.listen(listenPort, '127.0.0.1', () => console.log(`connector tap on 127.0.0.1:${listenPort} → 127.0.0.1:${playgroundPort}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
