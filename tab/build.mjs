// Builds the "AI tools register" tab into tab/dist with the pinned esbuild (package.json): one ES module bundle with
// Fluent UI web components and teams-js, plus the page and its stylesheet. Run by the AiPolicyBot.Hosting build
// (which embeds dist/), or by hand: node tab/build.mjs. Nothing is fetched at run time.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.js')],
  outdir: dist,
  entryNames: 'tab',
  // teams-js is its own chunk, loaded only when the page runs inside Teams, Outlook or the Microsoft 365 app.
  splitting: true,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  format: 'esm',
  target: ['chrome120', 'edge120', 'safari16', 'firefox120'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
await copyFile(join(here, 'index.html'), join(dist, 'index.html'));
await copyFile(join(here, 'tab.css'), join(dist, 'tab.css'));
console.log('tab built: ' + dist);
