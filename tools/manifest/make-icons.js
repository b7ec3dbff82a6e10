#!/usr/bin/env node
// Draws the Teams app icons (no image files or libraries needed; deterministic output):
//   manifest/color.png   192×192 full-colour: a white shield with a tick on the AiPolicyBot blue, inside the 120 px
//                        safe zone Teams asks for;
//   manifest/outline.png 32×32 white outline of the same shield and tick on a transparent background.
//   node tools/manifest/make-icons.js [outDir]
'use strict';
const fs = require('fs');
const path = require('path');
const { encodePng } = require('./png');

const ACCENT = [0x1F, 0x4E, 0x79]; // keep in step with accentColor in manifest/manifest.json (#1F4E79)

// Shapes in unit coordinates (0..1 of the drawing box). The shield: flat top, straight sides, curved to a point.
function shieldPolygon() {
  const pts = [[0.18, 0.14], [0.5, 0.06], [0.82, 0.14], [0.82, 0.48]];
  const quad = (p0, p1, p2, n) => { for (let i = 1; i <= n; i++) { const t = i / n; pts.push([
    (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0], (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1]]); } };
  quad([0.82, 0.48], [0.80, 0.80], [0.5, 0.95], 24);
  quad([0.5, 0.95], [0.20, 0.80], [0.18, 0.48], 24);
  return pts;
}
const TICK = [[0.33, 0.50], [0.45, 0.63], [0.68, 0.36]];

function inside(poly, x, y) {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i], [xj, yj] = poly[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}
function distToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay, t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}
function distToPolyline(pts, x, y, closed) {
  let d = Infinity;
  for (let i = 0; i < pts.length - (closed ? 0 : 1); i++) d = Math.min(d, distToSegment(x, y, pts[i], pts[(i + 1) % pts.length]));
  return d;
}

// Anti-aliasing by 4×4 supersampling: coverage(fn) = share of sub-samples where fn(u, v) is true.
function raster(size, box, fn) {
  const cov = new Float64Array(size * size), n = 4;
  for (let py = 0; py < size; py++) for (let px = 0; px < size; px++) {
    let hits = 0;
    for (let sy = 0; sy < n; sy++) for (let sx = 0; sx < n; sx++) {
      const u = (px + (sx + 0.5) / n - box.x) / box.size, v = (py + (sy + 0.5) / n - box.y) / box.size;
      if (fn(u, v)) hits++;
    }
    cov[py * size + px] = hits / (n * n);
  }
  return cov;
}

function colorIcon() {
  const size = 192, shield = shieldPolygon();
  // The shield sits in the central 120 px safe zone.
  const cov = raster(size, { x: 36, y: 36, size: 120 }, (u, v) => inside(shield, u, v) && distToPolyline(TICK, u, v, false) > 0.065);
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    for (let k = 0; k < 3; k++) rgba[i * 4 + k] = Math.round(ACCENT[k] + (255 - ACCENT[k]) * cov[i]);
    rgba[i * 4 + 3] = 255;
  }
  return encodePng(size, size, rgba);
}

function outlineIcon() {
  const size = 32, shield = shieldPolygon();
  const cov = raster(size, { x: 1, y: 1, size: 30 }, (u, v) =>
    distToPolyline(shield, u, v, true) < 0.055 || distToPolyline(TICK, u, v, false) < 0.055);
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    // White everywhere; only alpha carries the shape, as Teams requires for outline icons.
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = 255;
    rgba[i * 4 + 3] = Math.round(255 * cov[i]);
  }
  return encodePng(size, size, rgba);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'manifest'));
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'color.png'), colorIcon());
  fs.writeFileSync(path.join(outDir, 'outline.png'), outlineIcon());
  console.log(`icons written to ${outDir}`);
}

module.exports = { colorIcon, outlineIcon, ACCENT };
if (require.main === module) main();
