/**
 * Many deposits at once: the Monte Carlo with deposits on a square lattice against the kernels combined as
 * transmittances (what the shader does) and added (what it must not do).
 *   npx tsx scripts/pigment-combine.ts [photons per run, default 6000]
 */
import { kernelDarkening, pigmentKernel, skinOpticsForTone } from '../src/domain/appearance';
import '../tests/support/pigmentKernels';
import { MONK_SKIN_TONES } from '../src/domain/skinTones';
import { simulateDeposits } from '../tests/support/pigmentKernelFit';

const photons = Number(process.argv[2] ?? 6000);
const optics = skinOpticsForTone(MONK_SKIN_TONES[2]!.color);
for (const [diameter, depth] of [[0.4, 0.3], [0.85, 0.3]] as const) {
  const kernel = pigmentKernel(diameter, depth, 1, optics);
  for (const spacing of [1, 0.7, 0.5].filter((h) => h > diameter + 0.05)) {
    // Mean over the lattice cell of 1 − Π(1 − D) from every deposit within 8 cells.
    const grid = 16;
    const product = [0, 0, 0];
    for (let i = 0; i < grid; i++)
      for (let j = 0; j < grid; j++) {
        const x = ((i + 0.5) / grid - 0.5) * spacing, y = ((j + 0.5) / grid - 0.5) * spacing;
        const through = [1, 1, 1];
        for (let a = -8; a <= 8; a++)
          for (let b = -8; b <= 8; b++) kernelDarkening(kernel, Math.hypot(x - a * spacing, y - b * spacing)).forEach((d, c) => (through[c]! *= 1 - d));
        through.forEach((t, c) => (product[c]! += (1 - t) / grid ** 2));
      }
    const row: string[] = [];
    for (const channel of [0, 1, 2] as const) {
      const run = simulateDeposits({ channel, melanins: [optics.melaninFraction], diametersMm: [diameter], depthsMm: [depth], inkStrengths: [1], photons, seed: 77 + channel, placements: 4, latticeSpacingMm: spacing });
      const mc = run.profile(0, 0, 0, 0);
      const added = kernel.opticalAreaMm2[channel] / spacing ** 2;
      row.push(`${'RGB'[channel]} MC ${(mc.areaMm2 * 100).toFixed(1)}±${(mc.areaSe * 100).toFixed(1)}% product ${(product[channel]! * 100).toFixed(1)}% added ${(added * 100).toFixed(1)}%`);
    }
    console.log(`${diameter} mm at ${depth} mm, ${(100 / spacing ** 2).toFixed(0)}/cm²: ${row.join(' | ')}`);
  }
}
