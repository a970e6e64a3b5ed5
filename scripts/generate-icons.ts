/**
 * Draws the app's icons (`npm run generate:icons`): the favicon's design (a head with SMP dots on the
 * topbar's dark blue) as PNGs for the web app manifest, which installing the app needs. Drawn here from
 * shapes, anti-aliased by supersampling, so the repository holds no icon it did not make.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const BACKGROUND = [0x1f, 0x2a, 0x33];
const SKIN = [0xe8, 0xd3, 0xb8];
const INK = [0x2e, 0x2a, 0x28];
/** The favicon's dots, in its 64-unit square. */
const DOTS = [
  [24, 22], [32, 19], [40, 22], [28, 27], [36, 27], [20, 29], [44, 29],
];
const SUPERSAMPLE = 4;

/** The colour at (x, y) in the favicon's 64-unit square, or null outside the icon's rounded square. */
function colourAt(x: number, y: number, fullBleed: boolean): number[] | null {
  if (!fullBleed) {
    // Rounded square, corner radius 14.
    const cx = Math.min(Math.max(x, 14), 50);
    const cy = Math.min(Math.max(y, 14), 50);
    if (x < 0 || y < 0 || x > 64 || y > 64 || Math.hypot(x - cx, y - cy) > 14) return null;
  }
  if (DOTS.some(([dx, dy]) => Math.hypot(x - dx!, y - dy!) <= 2)) return INK;
  if (((x - 32) / 20) ** 2 + ((y - 36) / 22) ** 2 <= 1) return SKIN;
  return BACKGROUND;
}

/**
 * A `size` px icon. A maskable icon fills the square (platforms cut their own shape) and keeps the head
 * inside the central 80 % safe zone.
 */
function drawIcon(size: number, maskable: boolean): Buffer {
  const png = new PNG({ width: size, height: size });
  const scale = maskable ? 0.8 : 1;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const u = ((px + (sx + 0.5) / SUPERSAMPLE) / size - 0.5) / scale + 0.5;
          const v = ((py + (sy + 0.5) / SUPERSAMPLE) / size - 0.5) / scale + 0.5;
          const c = colourAt(u * 64, v * 64, maskable);
          if (!c) continue;
          sum[0]! += c[0]!;
          sum[1]! += c[1]!;
          sum[2]! += c[2]!;
          sum[3]! += 255;
        }
      }
      const n = SUPERSAMPLE * SUPERSAMPLE;
      const covered = sum[3]! / 255;
      const i = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) png.data[i + k] = covered > 0 ? Math.round(sum[k]! / covered) : 0;
      png.data[i + 3] = Math.round(sum[3]! / n);
    }
  }
  return PNG.sync.write(png);
}

mkdirSync('public/icons', { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
] as const) {
  writeFileSync(`public/icons/${name}`, drawIcon(size, maskable));
  console.log(`public/icons/${name}`);
}
