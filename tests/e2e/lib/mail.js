'use strict';
// The local mail folders (LocalMail:Root): decision mail lands in outbox/ as .eml files, mail dropped in inbox/ is
// triaged and moved to triaged/<category>/. A small MIME reader (headers, encoded words, multipart, base64 and
// quoted-printable) is enough to read what the bot wrote.
const fs = require('node:fs');
const path = require('node:path');
const env = require('./env');
const { eventually } = require('./http');

function decodeWords(s) {
  return s.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_, charset, enc, text) => {
    const buf = /b/i.test(enc) ? Buffer.from(text, 'base64')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return buf.toString(/utf-?8/i.test(charset) ? 'utf8' : 'latin1');
  });
}

function parseHeaders(block) {
  const headers = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  return headers;
}

function decodeBody(headers, body) {
  const cte = (headers['content-transfer-encoding'] || '').toLowerCase();
  if (cte === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable') {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return body;
}

/** {headers, subject, to, from, text}: text is every text/* part decoded and joined. */
function parse(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split));
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const type = headers['content-type'] || 'text/plain';
  let text;
  const boundary = /boundary="?([^";]+)"?/i.exec(type);
  if (/^multipart\//i.test(type) && boundary) {
    text = body.split('--' + boundary[1]).slice(1).filter(p => !p.startsWith('--'))
      .map(p => parse(p.replace(/^\r?\n/, '')).text).join('\n');
  } else {
    text = /^text\//i.test(type) ? decodeBody(headers, body) : '';
  }
  return { headers, subject: headers.subject || '', to: headers.to || '', from: headers.from || '', text };
}

function folder(name) { return path.join(env.mailRoot, name); }

function list(name) {
  const dir = folder(name);
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...list(path.join(name, entry.name)));
    else if (entry.name.endsWith('.eml')) out.push(path.join(name, entry.name));
  }
  return out;
}

function read(rel) { return { file: rel, ...parse(fs.readFileSync(path.join(env.mailRoot, rel), 'utf8')) }; }

/** Waits for an .eml in outbox/ whose subject or text matches every regex given. */
async function waitForOutbox(res, { timeout = 45000 } = {}) {
  return eventually(() => list('outbox').map(read).find(m => res.every(re => re.test(m.subject + '\n' + m.text))),
    { timeout, describe: () => `no outbox mail matching ${res.join(' and ')}; outbox has: ${list('outbox').map(f => read(f).subject).join(' | ') || 'nothing'}` });
}

module.exports = { parse, list, read, folder, waitForOutbox };
