/**
 * Regenerates tests/support/pigmentMcReference.json: long Monte Carlo runs of single deposits (another seed than
 * the kernel table's) that tests/unit/appearanceKernel.test.ts compares the kernels' radial profiles with. A
 * profile needs far more photons than the unit tests can afford (the few photons that leave within 0.05 mm of
 * a deposit's axis scatter its centre by ±15% at 20 000 photons), so the runs are kept; the test re-checks
 * the optical areas against a fresh, short run, and the optics' key, so a stale reference fails.
 *   npx tsx scripts/pigment-mc-reference.ts [photons per batch, default 40000]
 */
import { writeFileSync } from 'node:fs';
import { MONK_SKIN_TONES } from '../src/domain/skinTones';
import { skinOpticsForTone } from '../src/domain/appearance';
import { MC_REFERENCE_CASES, mcReferenceKey, simulateDeposits, type McReference } from '../tests/support/pigmentKernelFit';

const photons = Number(process.argv[2] ?? 40000);
const batches = 6;
const seed = 31337;
const { diametersMm, depthsMm, monk } = MC_REFERENCE_CASES;
const melanins = monk.map((index) => skinOpticsForTone(MONK_SKIN_TONES[index]!.color).melaninFraction);
const round = (v: number) => Number(v.toPrecision(4));

const channels: McReference['channels'] = [];
for (const channel of [0, 1, 2] as const) {
  const t0 = performance.now();
  const runs = Array.from({ length: batches }, (_, b) =>
    simulateDeposits({ channel, melanins, diametersMm, depthsMm, inkStrengths: [1], photons, seed: seed + 100 * channel + b }),
  );
  const cases: McReference['channels'][number] = [];
  diametersMm.forEach((_, d) =>
    depthsMm.forEach((_, z) =>
      melanins.forEach((_, m) => {
        const profiles = runs.map((r) => r.profile(d, z, 0, m));
        const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
        const se = (values: number[]) => {
          const mu = mean(values);
          return Math.sqrt(values.reduce((s, v) => s + (v - mu) ** 2, 0) / (values.length - 1) / values.length);
        };
        const rings = profiles[0]!.rings.map((_, i) => profiles.map((p) => p.rings[i]!));
        cases.push({
          rings: rings.map((values) => round(mean(values))),
          ringSe: rings.map((values) => round(se(values))),
          areaMm2: round(mean(profiles.map((p) => p.areaMm2))),
          areaSe: round(se(profiles.map((p) => p.areaMm2))),
        });
      }),
    ),
  );
  channels.push(cases);
  console.log(`channel ${'RGB'[channel]}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
const reference: McReference = { key: mcReferenceKey(), photons: photons * batches, batches, seed, ...MC_REFERENCE_CASES, melanins, channels };
writeFileSync(new URL('../tests/support/pigmentMcReference.json', import.meta.url), `${JSON.stringify(reference)}\n`);
