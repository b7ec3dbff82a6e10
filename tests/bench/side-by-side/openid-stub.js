// Local signing keys for the JWT-on load run: a loopback stand-in for the Bot Framework OpenID metadata + JWKS, and
// one long-lived channel token signed with the matching private key. The token's serviceurl claim is the sink's URL,
// which load.lua never varies, so one token serves the whole run.
//   OPENID_PORT (default 31020)  where the metadata and JWKS are served (http://127.0.0.1:PORT/.well-known/openidconfiguration)
//   APP_ID                       the audience (Bot:AppId of the host under test)
//   SINK_PORT (default 7399)     the connector stand-in the activities name as serviceUrl
//   TOKEN_FILE                   where to write the token (the wrk script reads it from env BOT_TOKEN)
const http = require('http');
const crypto = require('crypto');
const fs = require('fs');
const port = Number(process.env.OPENID_PORT || 31020);
const appId = process.env.APP_ID || '00000000-0000-4000-8000-00000000bench';
const sink = process.env.SINK_PORT || '7399';
const kid = 'bench-key-1';
const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = publicKey.export({ format: 'jwk' });
const jwks = JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
const b64 = o => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const unsigned = b64({ alg: 'RS256', typ: 'JWT', kid }) + '.' + b64({
  iss: 'https://api.botframework.com', aud: appId, serviceurl: `http://127.0.0.1:${sink}/`,
  nbf: now - 60, iat: now - 60, exp: now + 4 * 3600,
});
const token = unsigned + '.' + crypto.sign('RSA-SHA256', Buffer.from(unsigned), privateKey).toString('base64url');
if (process.env.TOKEN_FILE) fs.writeFileSync(process.env.TOKEN_FILE, token);
let hits = 0;
http.createServer((req, res) => {
  hits++;
  const send = body => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(body); };
  if (req.url === '/.well-known/openidconfiguration') {
    send(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `http://127.0.0.1:${port}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
  } else if (req.url === '/keys') {
    send(jwks);
  } else { res.writeHead(404); res.end(); }
}).listen(port, '127.0.0.1', () => console.log(`openid stub on ${port}`));
process.on('SIGTERM', () => { console.log(`openid stub served ${hits} requests`); process.exit(0); });
