'use strict';
// A minimal RFC 6455 WebSocket client (text frames in, close out) for the Playground's conversation stream.
// Node 20 has no global WebSocket without an experimental flag, and the project pins no `ws` package; the stream
// only pushes JSON text frames, so this small reader is all the journeys need. Loopback only.
const http = require('node:http');
const crypto = require('node:crypto');

function connect(url, onText) {
  const u = new URL(url);
  if (!['127.0.0.1', 'localhost', '::1'].includes(u.hostname)) throw new Error(`refusing non-loopback WebSocket ${url}`);
  return new Promise((resolve, reject) => {
    const key = crypto.randomBytes(16).toString('base64');
    const req = http.request({
      host: u.hostname, port: u.port, path: u.pathname + u.search,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': key },
    });
    req.on('error', reject);
    req.on('response', res => reject(new Error(`WebSocket upgrade refused: HTTP ${res.statusCode}`)));
    req.on('upgrade', (res, socket, head) => {
      const expected = crypto.createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
      if (res.headers['sec-websocket-accept'] !== expected) { socket.destroy(); reject(new Error('bad Sec-WebSocket-Accept')); return; }
      let buf = head && head.length ? Buffer.from(head) : Buffer.alloc(0);
      let fragments = [];
      socket.on('data', chunk => {
        buf = Buffer.concat([buf, chunk]);
        for (;;) {
          if (buf.length < 2) return;
          const fin = (buf[0] & 0x80) !== 0, opcode = buf[0] & 0x0f, masked = (buf[1] & 0x80) !== 0;
          let len = buf[1] & 0x7f, off = 2;
          if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
          else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
          const maskOff = off; if (masked) off += 4;
          if (buf.length < off + len) return;
          let payload = buf.subarray(off, off + len);
          if (masked) { const m = buf.subarray(maskOff, maskOff + 4); payload = Buffer.from(payload.map((b, i) => b ^ m[i % 4])); }
          buf = buf.subarray(off + len);
          if (opcode === 0x8) { socket.end(); return; }
          if (opcode === 0x9) { socket.write(frame(0xA, payload)); continue; }   // ping → pong
          if (opcode === 0x1 || opcode === 0x0) {
            fragments.push(payload);
            if (fin) { const text = Buffer.concat(fragments).toString('utf8'); fragments = []; onText(text); }
          }
        }
      });
      resolve({
        close() { try { socket.write(frame(0x8, Buffer.alloc(0))); } catch { /* already gone */ } socket.destroy(); },
        socket,
      });
    });
    req.end();
  });
}

// Client frames must be masked (RFC 6455 §5.3).
function frame(opcode, payload) {
  const mask = crypto.randomBytes(4);
  const len = payload.length;
  const header = len < 126 ? Buffer.from([0x80 | opcode, 0x80 | len]) : Buffer.from([0x80 | opcode, 0x80 | 126, len >> 8, len & 0xff]);
  return Buffer.concat([header, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]))]);
}

module.exports = { connect };
