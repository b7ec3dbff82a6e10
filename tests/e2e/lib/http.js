'use strict';
// JSON over HTTP to loopback services, with the status and body in every error.
async function request(method, url, body, headers = {}) {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30000),
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: res.status, json, text };
}

async function ok(method, url, body, headers) {
  const r = await request(method, url, body, headers);
  if (r.status < 200 || r.status > 299) throw new Error(`${method} ${url} → HTTP ${r.status}: ${r.text.slice(0, 500)}`);
  return r.json ?? r.text;
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; throws with describe() when the time is up. */
async function eventually(fn, { timeout = 20000, every = 200, describe = () => '' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`not within ${timeout} ms: ${describe()}`);
    await sleep(every);
  }
}

module.exports = { request, ok, sleep, eventually };
