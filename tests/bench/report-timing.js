'use strict';
// Times one route of the local host, with the admin key: "first-byte" is the time until the first chunk of the body
// arrives (then the download is cancelled, so the server stops reading storage); "total" is the whole answer.
// The first call (cold) is printed apart from the median of the warm runs.
//   node tests/bench/report-timing.js first-byte|total URL KEY [runs=5]
// Prints: "cold N ms, warm median N ms (runs: a b c …)".
const [mode, url, key, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 5);

async function once() {
  const started = performance.now();
  const controller = new AbortController();
  const response = await fetch(url, { headers: { 'x-functions-key': key }, signal: controller.signal });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const reader = response.body.getReader();
  const first = await reader.read();
  if (first.done) throw new Error(`${url} answered an empty body`);
  if (mode === 'first-byte') {
    const ms = performance.now() - started;
    controller.abort();
    return ms;
  }
  while (!(await reader.read()).done) { /* read it all */ }
  return performance.now() - started;
}

(async () => {
  if (!['first-byte', 'total'].includes(mode) || !url || !key || !['127.0.0.1', 'localhost'].includes(new URL(url).hostname)) {
    console.error('usage: node tests/bench/report-timing.js first-byte|total http://127.0.0.1:PORT/path KEY [runs]');
    process.exit(2);
  }
  const cold = await once();
  const warm = [];
  for (let i = 0; i < runs; i++) warm.push(await once());
  const sorted = [...warm].sort((a, b) => a - b);
  const r = x => Math.round(x);
  console.log(`cold ${r(cold)} ms, warm median ${r(sorted[Math.floor(sorted.length / 2)])} ms (runs: ${warm.map(r).join(' ')})`);
})().catch(e => { console.error(e.message); process.exit(1); });
