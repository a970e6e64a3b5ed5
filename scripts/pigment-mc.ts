/**
 * Regenerates src/domain/appearance/pigmentKernelTable.ts (the grid, the skin's reflectance, the Gaussians'
 * shapes) and public/models/pigment-kernels.bin (the Gaussians' weights, read by the app at start): the Monte
 * Carlo of pigment deposits in two-layer skin (tests/support/pigmentMonteCarlo.ts) over deposit sizes, depths, ink strengths and epidermal melanin,
 * per display channel, each darkening profile fitted with four radial Gaussians.
 *   npx tsx scripts/pigment-mc.ts [photons per channel, default 120000]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNEL_WAVELENGTHS_NM, layerOpticsAt } from '../src/domain/appearance/skin';
import { encodePigmentKernelWeights, PIGMENT_KERNELS_PATH } from '../src/io/pigmentKernels';
import { design, fitShape, fitWeights, simulateDeposits, type DepositProfile } from '../tests/support/pigmentKernelFit';

const photons = Number(process.argv[2] ?? 120000);
const seed = 20261204;
export const GRID = {
  diametersMm: [0.25, 0.4, 0.6, 0.85, 1.2, 1.75],
  depthsMm: [0.1, 0.15, 0.2, 0.3, 0.45, 0.6, 0.8, 1],
  melanins: [0.005, 0.01, 0.02, 0.04, 0.08, 0.12, 0.16, 0.24, 0.32],
  inkStrengths: [0.25, 0.5, 0.75, 1],
};

interface ChannelProfiles {
  reflectance: number[];
  /** [diameter][depth][ink][melanin] */
  profiles: DepositProfile[][][][];
}
// The runs take minutes: they are kept (in the system's temporary folder) so a refit does not redo them.
const key = createHash('sha256').update(JSON.stringify([photons, seed, GRID, layerOpticsAt(CHANNEL_WAVELENGTHS_NM[0], 0.01)])).digest('hex').slice(0, 12);
const cache = join(tmpdir(), `pigment-mc-${key}.json`);
const runs: ChannelProfiles[] = existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as ChannelProfiles[]) : [];
if (runs.length === 0) {
  for (const channel of [0, 1, 2] as const) {
    const t0 = performance.now();
    const r = simulateDeposits({ channel, ...GRID, photons, seed: seed + channel });
    const each = <T>(list: readonly unknown[], f: (i: number) => T) => list.map((_, i) => f(i));
    runs.push({
      reflectance: r.reflectance,
      profiles: each(GRID.diametersMm, (d) => each(GRID.depthsMm, (z) => each(GRID.inkStrengths, (k) => each(GRID.melanins, (m) => r.profile(d, z, k, m))))),
    });
    console.log(`channel ${'RGB'[channel]}: ${((performance.now() - t0) / 1000).toFixed(0)} s, R0 ${r.reflectance.map((v) => v.toFixed(4)).join(' ')}`);
  }
  writeFileSync(cache, JSON.stringify(runs));
}
const profileOf = (c: number, d: number, z: number, k: number, m: number) => runs[c]!.profiles[d]![z]![k]![m]!;

const shapes: number[] = [];
const weights: number[] = [];
const round = (v: number) => Number(v.toPrecision(4));
let worst = 0;
GRID.diametersMm.forEach((diameter, d) =>
  GRID.depthsMm.forEach((depth, z) => {
    const profiles: DepositProfile[] = [];
    for (let m = 0; m < GRID.melanins.length; m++)
      for (let k = 0; k < GRID.inkStrengths.length; k++) for (let c = 0; c < 3; c++) profiles.push(profileOf(c, d, z, k, m));
    // The shape is searched on light, middle and dark skin (1, 8 and 16% melanin) at half and full ink (the rest follow).
    const { v0, ratio } = fitShape(profiles.filter((_, i) => [1, 4, 6].includes(Math.floor(i / 12)) && [1, 3].includes(Math.floor(i / 3) % 4)), diameter / 2, depth);
    shapes.push(round(v0), ratio);
    const dsg = design(v0, ratio);
    let i = 0;
    for (let m = 0; m < GRID.melanins.length; m++)
      for (let k = 0; k < GRID.inkStrengths.length; k++) {
        const perChannel = runs.map(() => fitWeights(dsg, profiles[i++]!).weights);
        // Stored [gaussian][channel].
        for (let gIdx = 0; gIdx < 4; gIdx++) for (let c = 0; c < 3; c++) weights.push(round(perChannel[c]![gIdx]!));
      }
    const p = profileOf(0, d, z, 3, 0);
    const fitted = fitWeights(dsg, p).weights.reduce((s, w, gi) => s + 2 * Math.PI * dsg.variances[gi]! * w, 0);
    worst = Math.max(worst, Math.abs(fitted / p.areaMm2 - 1));
    console.log(
      `d ${diameter} z ${depth}: v0 ${v0.toFixed(4)} ×${ratio}; black, light skin: area/geometric R ${(p.areaMm2 / (Math.PI * diameter ** 2 / 4)).toFixed(2)}±${(p.areaSe / (Math.PI * diameter ** 2 / 4)).toFixed(2)}` +
        ` G ${(profileOf(1, d, z, 3, 0).areaMm2 / (Math.PI * diameter ** 2 / 4)).toFixed(2)} B ${(profileOf(2, d, z, 3, 0).areaMm2 / (Math.PI * diameter ** 2 / 4)).toFixed(2)}`,
    );
  }),
);
console.log(`largest area misfit (red, black, light skin): ${(worst * 100).toFixed(1)}%`);

const table = {
  ...GRID,
  photonsPerChannel: photons,
  seed,
  /** The skin's diffuse reflectance without pigment, per melanin: [R, G, B] each. */
  reflectance: GRID.melanins.map((_, m) => runs.map((r) => round(r.reflectance[m]!))),
  /** Per (diameter, depth): v0 and ratio; the Gaussians' variances are v0·ratio^i, i = 0..3. */
  shapes,
};
writeFileSync(
  new URL('../src/domain/appearance/pigmentKernelTable.ts', import.meta.url),
  `// Generated by scripts/pigment-mc.ts (Monte Carlo of pigment deposits in two-layer skin); do not edit.\n` +
    `// Its Gaussian weights are in public/models/pigment-kernels.bin (see pigmentKernelWeights.ts).\n` +
    `export const PIGMENT_KERNEL_TABLE = ${JSON.stringify(table)} as const;\n`,
);
// Per (diameter, depth, melanin, ink): 4 Gaussians × (R, G, B) weights.
writeFileSync(new URL(`../public/${PIGMENT_KERNELS_PATH}`, import.meta.url), encodePigmentKernelWeights(weights));
