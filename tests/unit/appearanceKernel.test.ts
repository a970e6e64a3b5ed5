import { describe, expect, it } from 'vitest';
import { MONK_SKIN_TONES } from '../../src/domain/skinTones';
import { kernelDarkening, pigmentKernel, skinOpticsForTone, type PigmentKernel } from '../../src/domain/appearance';
import { mcReferenceKey, RING_EDGES_MM, simulateDeposits, type McReference } from '../support/pigmentKernelFit';
import reference from '../support/pigmentMcReference.json';

const light = skinOpticsForTone(MONK_SKIN_TONES[1]!.color);
const dark = skinOpticsForTone(MONK_SKIN_TONES[8]!.color);
const REFERENCE = reference as McReference;

/** The kernel's mean over the disc r < R. */
function centre(kernel: PigmentKernel, c: 0 | 1 | 2, R: number): number {
  return kernel.weights.reduce((sum, w, g) => sum + (w[c] * 2 * kernel.variancesMm2[g]! * (1 - Math.exp((-R * R) / (2 * kernel.variancesMm2[g]!)))) / (R * R), 0);
}

/** The kernel's darkening within r of the deposit's axis (mm²). */
const kernelWithin = (kernel: PigmentKernel, c: 0 | 1 | 2, r: number) =>
  kernel.weights.reduce((sum, w, g) => sum + w[c] * 2 * Math.PI * kernel.variancesMm2[g]! * (1 - Math.exp((-r * r) / (2 * kernel.variancesMm2[g]!))), 0);

const ringArea = (i: number) => Math.PI * (RING_EDGES_MM[i + 1]! ** 2 - RING_EDGES_MM[i]! ** 2);
/** The centre is the mean over the disc within the deposit's radius, at least 0.25 mm: few photons exit in a smaller one. */
const centreRadius = (diameter: number) => RING_EDGES_MM.find((edge) => edge >= Math.max(0.25, diameter / 2) - 1e-9)!;

interface Compared { case: string; area: number; encircled: number; centre: number }

/** The kernel against one reference profile: its integral, the largest misfit of its encircled darkening (both as shares of the Monte Carlo's integral) and its centre (a share of the Monte Carlo's). */
function compare(kernel: PigmentKernel, c: 0 | 1 | 2, p: McReference['channels'][number][number], diameter: number): { figures: Omit<Compared, 'case'>; tolerance: Omit<Compared, 'case'> } {
  let within = 0, withinVar = 0, encircled = 0, encircledSe = 0;
  p.rings.forEach((v, i) => {
    within += v * ringArea(i);
    withinVar += (p.ringSe[i]! * ringArea(i)) ** 2;
    const misfit = Math.abs(kernelWithin(kernel, c, RING_EDGES_MM[i + 1]!) - within);
    if (misfit > encircled) [encircled, encircledSe] = [misfit, Math.sqrt(withinVar)];
  });
  const R = centreRadius(diameter);
  let mc = 0, mcVar = 0;
  for (let i = 0; RING_EDGES_MM[i + 1]! <= R + 1e-9; i++) {
    mc += (p.rings[i]! * ringArea(i)) / (Math.PI * R * R);
    mcVar += ((p.ringSe[i]! * ringArea(i)) / (Math.PI * R * R)) ** 2;
  }
  return {
    figures: { area: Math.abs(kernel.opticalAreaMm2[c] / p.areaMm2 - 1), encircled: encircled / p.areaMm2, centre: Math.abs(centre(kernel, c, R) / mc - 1) },
    // 10%, or 3 standard errors of the reference where its photons leave it less certain than that.
    tolerance: { area: Math.max(0.1, (3 * p.areaSe) / p.areaMm2), encircled: Math.max(0.1, (3 * encircledSe) / p.areaMm2), centre: Math.max(0.1, (3 * Math.sqrt(mcVar)) / mc) },
  };
}

describe('pigment kernels against the Monte Carlo', { timeout: 120000 }, () => {
  // The profiles need far more photons than a unit test affords: they come from long runs of another seed than
  // the table's (scripts/pigment-mc-reference.ts, 240 000 photons per channel), checked here to be of these
  // optics and to agree with a fresh, short run.
  it('has a reference made with these optics, which a fresh run of another seed agrees with', () => {
    expect(REFERENCE.key, 'the optics changed: run npx tsx scripts/pigment-mc-reference.ts').toBe(mcReferenceKey());
    const [d, z] = [1, 1];
    for (const channel of [0, 1, 2] as const) {
      const run = simulateDeposits({ channel, melanins: REFERENCE.melanins, diametersMm: [REFERENCE.diametersMm[d]!], depthsMm: [REFERENCE.depthsMm[z]!], inkStrengths: [1], photons: 3000, seed: 900 + channel });
      REFERENCE.melanins.forEach((_, m) => {
        const fresh = run.profile(0, 0, 0, m);
        const stored = REFERENCE.channels[channel]![(d * REFERENCE.depthsMm.length + z) * REFERENCE.melanins.length + m]!;
        expect(Math.abs(fresh.areaMm2 - stored.areaMm2), `${'RGB'[channel]} Monk ${REFERENCE.monk[m]! + 1}`).toBeLessThan(4 * Math.hypot(fresh.areaSe, stored.areaSe));
      });
    }
  });

  it('match its integral, and its profile in where the darkening lies and at the centre, within 10%, for 3 sizes, 3 depths and Monk 2, 6 and 9', () => {
    const results: Compared[] = [];
    REFERENCE.channels.forEach((cases, channel) => {
      const c = channel as 0 | 1 | 2;
      REFERENCE.diametersMm.forEach((diameter, d) =>
        REFERENCE.depthsMm.forEach((depth, z) =>
          REFERENCE.monk.forEach((monk, m) => {
            const kernel = pigmentKernel(diameter, depth, 1, skinOpticsForTone(MONK_SKIN_TONES[monk]!.color));
            const { figures, tolerance } = compare(kernel, c, cases[(d * REFERENCE.depthsMm.length + z) * REFERENCE.melanins.length + m]!, diameter);
            const name = `${'RGB'[c]} ${diameter} mm at ${depth} mm, Monk ${monk + 1}`;
            for (const key of ['area', 'encircled', 'centre'] as const) {
              // Blue on the darkest skin, at the centre: the table's shapes are shared across skins, and the
              // darkest skin's blue (1.4% reflected, 0.3% of its luminance) narrows most: 15%.
              const allowed = key === 'centre' && c === 2 && monk >= 8 ? Math.max(tolerance[key], 0.15) : tolerance[key];
              expect(figures[key], `${key} ${name}`).toBeLessThan(allowed);
            }
            results.push({ case: name, ...figures });
          }),
        ),
      );
    });
    expect(results.length).toBe(81);
    const worst = (key: 'area' | 'encircled' | 'centre') => results.reduce((w, r) => (r[key] > w[key] ? r : w));
    console.log(['area', 'encircled', 'centre'].map((key) => `${key}: worst ${(100 * worst(key as 'area')[key as 'area']).toFixed(1)}% (${worst(key as 'area').case})`).join('; '));
  });

  it('match the optical area of fresh runs of other seeds within 10%', () => {
    // Light and dark skin, the deposits the reference has, a few thousand photons per channel.
    for (const channel of [0, 1, 2] as const) {
      const run = simulateDeposits({ channel, melanins: [light.melaninFraction, dark.melaninFraction], diametersMm: REFERENCE.diametersMm, depthsMm: [0.2], inkStrengths: [1], photons: 2500, seed: 700 + channel });
      REFERENCE.diametersMm.forEach((diameter, d) =>
        [light, dark].forEach((optics, m) => {
          const fresh = run.profile(d, 0, 0, m);
          // Only areas the run resolves (2% of the deposit's own area).
          if (fresh.areaMm2 < 0.02 * ((Math.PI * diameter ** 2) / 4)) return;
          const kernel = pigmentKernel(diameter, 0.2, 1, optics);
          expect(Math.abs(kernel.opticalAreaMm2[channel] - fresh.areaMm2)).toBeLessThan(Math.max(0.1 * fresh.areaMm2, 3 * fresh.areaSe));
        }),
      );
    }
  });

  it("integrates to its optical area", () => {
    for (const [d, z, optics] of [[0.25, 0.1, light], [0.4, 0.3, light], [1.75, 1, dark], [0.7, 0.55, dark]] as const) {
      const kernel = pigmentKernel(d, z, 0.8, optics);
      const step = 0.002;
      const integral = [0, 0, 0];
      for (let r = step / 2; r < 12; r += step) kernelDarkening(kernel, r).forEach((v, c) => (integral[c]! += v * 2 * Math.PI * r * step));
      integral.forEach((v, c) => expect(v / kernel.opticalAreaMm2[c as 0 | 1 | 2]).toBeCloseTo(1, 3));
      expect(kernel.variancesMm2.length).toBeLessThanOrEqual(4);
      for (let i = 1; i < kernel.variancesMm2.length; i++) expect(kernel.variancesMm2[i]).toBeGreaterThan(kernel.variancesMm2[i - 1]!);
    }
  });

  it('agrees with the reference figures: a black 0.4 mm deposit at 0.6 mm takes ~2x its area in red, under 1x in blue', () => {
    // TECH notes, from a validated two-layer skin Monte Carlo with Jacques-type optics; published tissue optics
    // differ by ~2x, so ±30%.
    const geometric = Math.PI * 0.2 ** 2;
    const k = pigmentKernel(0.4, 0.6, 1, light);
    expect(k.opticalAreaMm2[0] / geometric).toBeGreaterThan(2 * 0.7);
    expect(k.opticalAreaMm2[0] / geometric).toBeLessThan(2 * 1.3);
    expect(k.opticalAreaMm2[2] / geometric).toBeLessThan(1);
    // Shallow small dots: up to 3.6x in red.
    const small = pigmentKernel(0.25, 0.1, 1, light);
    expect(small.opticalAreaMm2[0] / (Math.PI * 0.125 ** 2)).toBeGreaterThan(3.6 * 0.7);
    expect(small.opticalAreaMm2[0] / (Math.PI * 0.125 ** 2)).toBeLessThan(3.6 * 1.3);
  });

  it('darkens less with diluted ink and is nothing without ink', () => {
    const full = pigmentKernel(0.4, 0.3, 1, light);
    const diluted = pigmentKernel(0.4, 0.3, 0.4, light);
    const none = pigmentKernel(0.4, 0.3, 0, light);
    for (const c of [0, 1, 2] as const) {
      expect(diluted.opticalAreaMm2[c]).toBeLessThan(full.opticalAreaMm2[c]);
      expect(none.opticalAreaMm2[c]).toBe(0);
    }
    expect(() => pigmentKernel(Number.NaN, 0.3, 1, light)).toThrow(/diameter/);
  });
});

describe('many deposits', { timeout: 120000 }, () => {
  it('combine as transmittances (as drawn) far closer to a Monte Carlo of a lattice of deposits than added', () => {
    // 0.4 mm deposits at 0.3 mm, 1 mm apart (100/cm², the default) and 0.7 mm apart (204/cm²), Monk 3.
    const optics = skinOpticsForTone(MONK_SKIN_TONES[2]!.color);
    const kernel = pigmentKernel(0.4, 0.3, 1, optics);
    for (const spacing of [1, 0.7]) {
      const grid = 12;
      const product = [0, 0, 0];
      for (let i = 0; i < grid; i++)
        for (let j = 0; j < grid; j++) {
          const [x, y] = [((i + 0.5) / grid - 0.5) * spacing, ((j + 0.5) / grid - 0.5) * spacing];
          const through = [1, 1, 1];
          for (let a = -8; a <= 8; a++)
            for (let b = -8; b <= 8; b++) kernelDarkening(kernel, Math.hypot(x - a * spacing, y - b * spacing)).forEach((d, c) => (through[c]! *= 1 - d));
          through.forEach((t, c) => (product[c]! += (1 - t) / grid ** 2));
        }
      for (const channel of [0, 1] as const) {
        const run = simulateDeposits({ channel, melanins: [optics.melaninFraction], diametersMm: [0.4], depthsMm: [0.3], inkStrengths: [1], photons: 2000, seed: 500 + channel, placements: 4, latticeSpacingMm: spacing });
        const mc = run.profile(0, 0, 0, 0);
        const added = kernel.opticalAreaMm2[channel] / spacing ** 2;
        expect(Math.abs(product[channel]! - mc.areaMm2)).toBeLessThan(Math.abs(added - mc.areaMm2));
        expect(Math.abs(product[channel]! / mc.areaMm2 - 1)).toBeLessThan(0.12 + (3 * mc.areaSe) / mc.areaMm2);
      }
    }
  });
});
