import { describe, expect, it } from 'vitest';
import { pigmentKernel, skinOpticsForTone, inkStrengthForShade } from '../../src/domain/appearance';
import { dotAreaFraction, expectedCoverage, explicitMeanTransmittance, KERNEL_OVERLAP, meanTransmittance } from '../../src/domain/dots/coverage';
import { dotKernel, kernelReachMm, type DotKernel } from '../../src/domain/dots/kernel';
import { cellSizeMm, LATTICE_ROTATION, pcg3d } from '../../src/domain/dots/lattice';
import { MAX_DENSITY_FACTOR } from '../../src/domain/density/regions';
import { featurePoint, markCoverageAt, transmittanceAt, windowedGaussianIntegral } from '../../src/domain/dots/placement';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { defaultPlan, type Plan } from '../../src/domain/plan';
import { defaultSessions, sessionLayers } from '../../src/domain/sessions';
import { seededRandom } from './fixtures';

function randomPlane(rand: () => number): { p: Vec3; n: Vec3 } {
  const z = 2 * rand() - 1;
  const a = 2 * Math.PI * rand();
  const r = Math.sqrt(1 - z * z);
  return { n: [r * Math.cos(a), r * Math.sin(a), z], p: [rand() * 300 - 150, rand() * 300 - 150, rand() * 300 - 150] };
}

/** Mean share of skin the needle's marks cover at random points of random planes. */
function measuredCoverage(dots: { densityPerCm2: number; diameterMm: number; sizeVariation: number }, samples: number, seed = 1): number {
  const rand = seededRandom(seed);
  let sum = 0;
  for (let i = 0; i < samples; i++) {
    const { p, n } = randomPlane(rand);
    sum += markCoverageAt(p, n, dots);
  }
  return sum / samples;
}

/** Mean light (per channel) the deposits drawn one by one let through, at random points of random planes. */
function measuredTransmittance(kernel: DotKernel, samples: number, options: { seed?: number; densityFraction?: number; pixelMm?: number; reach?: number } = {}): number[] {
  const rand = seededRandom(options.seed ?? 1);
  const sum = [0, 0, 0];
  for (let i = 0; i < samples; i++) {
    const { p, n } = randomPlane(rand);
    const t = transmittanceAt(p, n, kernel, options.densityFraction ?? 1, options.pixelMm ?? 0, options.reach ?? 1);
    for (let c = 0; c < 3; c++) sum[c] = sum[c]! + t[c]!;
  }
  return sum.map((v) => v / samples);
}

const MONK_3 = skinOpticsForTone('#f7ead0');
const dotsWith = (dots: Partial<Plan['dots']>): Plan['dots'] => ({ ...defaultPlan().dots, ...dots });
const oneSession = sessionLayers([{ densityShare: 1, shadeStrength: 1 }]);

describe('follicle dot placement', () => {
  it('hashes like GLSL uvec3 arithmetic (32-bit unsigned lanes)', () => {
    const [a, b, c] = pcg3d(1, 2, 3);
    for (const v of [a, b, c]) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(2 ** 32);
    }
    expect(pcg3d(1, 2, 3)).toEqual([a, b, c]);
    expect(pcg3d(1, 2, 4)).not.toEqual([a, b, c]);
  });

  it('uses a proper rotation for the lattice', () => {
    const m = LATTICE_ROTATION;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const dot = m[3 * i]! * m[3 * j]! + m[3 * i + 1]! * m[3 * j + 1]! + m[3 * i + 2]! * m[3 * j + 2]!;
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
  });

  it('keeps every feature point inside its own cell (jitter below one cell, so no clumps)', () => {
    for (let i = -20; i < 20; i++) {
      const f = featurePoint(i, 7 - i, 3 * i, 0.5);
      expect(f.lattice[0] - i).toBeGreaterThan(0.09);
      expect(f.lattice[0] - i).toBeLessThan(0.91);
    }
  });

  it('places one dot per cell² of surface, whatever the orientation', () => {
    // Count feature points within half a cell of random planes, inside a disc of known area.
    const rand = seededRandom(3);
    const density = 60;
    const s = cellSizeMm(density);
    const radius = 6;
    let count = 0;
    const planes = 400;
    for (let k = 0; k < planes; k++) {
      const { p, n } = randomPlane(rand);
      const m = LATTICE_ROTATION;
      const rot = (v: Vec3): Vec3 => [m[0]! * v[0] + m[1]! * v[1] + m[2]! * v[2], m[3]! * v[0] + m[4]! * v[1] + m[5]! * v[2], m[6]! * v[0] + m[7]! * v[1] + m[8]! * v[2]];
      const q = rot(p).map((v) => v / s);
      const nr = rot(n);
      const reach = Math.ceil(radius / s) + 1;
      for (let i = -reach; i <= reach; i++) {
        for (let j = -reach; j <= reach; j++) {
          for (let l = -reach; l <= reach; l++) {
            const f = featurePoint(Math.floor(q[0]!) + i, Math.floor(q[1]!) + j, Math.floor(q[2]!) + l, 0);
            const d = [0, 1, 2].map((a) => (f.lattice[a]! - q[a]!) * s) as Vec3;
            const h = d[0] * nr[0] + d[1] * nr[1] + d[2] * nr[2];
            if (Math.abs(h) >= s / 2) continue;
            if (Math.hypot(d[0] - h * nr[0], d[1] - h * nr[1], d[2] - h * nr[2]) < radius) count++;
          }
        }
      }
    }
    const perCm2 = count / planes / (Math.PI * radius * radius) * 100;
    expect(perCm2 / density).toBeGreaterThan(0.97);
    expect(perCm2 / density).toBeLessThan(1.03);
  });

  it.each([
    [100, 0.4, 0],
    [50, 0.8, 0],
    [30, 1.2, 0],
    [200, 0.25, 0],
    [200, 0.6, 0],
    [100, 1.0, 0],
    [100, 0.4, 1],
    [150, 1.0, 0.5],
  ])('marks the predicted share of the scalp at %i/cm², %f mm, variation %f (the planning figure)', (densityPerCm2, diameterMm, sizeVariation) => {
    const measured = measuredCoverage({ densityPerCm2, diameterMm, sizeVariation }, 12000, densityPerCm2);
    expect(measured / expectedCoverage(densityPerCm2, diameterMm)).toBeGreaterThan(0.95);
    expect(measured / expectedCoverage(densityPerCm2, diameterMm)).toBeLessThan(1.05);
  });

  it('is the planned value density × dot area when dots rarely overlap', () => {
    expect(dotAreaFraction(100, 0.4)).toBeCloseTo(100 * Math.PI * 0.02 ** 2, 10);
    expect(expectedCoverage(100, 0.4) / dotAreaFraction(100, 0.4)).toBeGreaterThan(0.97);
  });

  it('keeps the mean dot area when sizes vary', () => {
    let sum = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) sum += featurePoint(i, -i, 2 * i, 1).areaFactor;
    expect(sum / n).toBeCloseTo(1, 1);
  });
});

describe('pigment deposits seen through the skin', () => {
  it('windows each Gaussian without changing its integral (the shader has the same closed form)', () => {
    for (const [v, reach] of [[0.04, 0.7], [0.2, 0.7], [0.02, 1.5], [1, 0.5]] as const) {
      // Numerical integral of exp(−r²/2v)(1 − r²/R²)² · 2πr dr over 0..R.
      let numeric = 0;
      const steps = 20000;
      for (let i = 0; i < steps; i++) {
        const r = ((i + 0.5) / steps) * reach;
        numeric += Math.exp(-(r * r) / (2 * v)) * (1 - (r * r) / (reach * reach)) ** 2 * 2 * Math.PI * r * (reach / steps);
      }
      expect(windowedGaussianIntegral(v, reach) / numeric).toBeCloseTo(1, 4);
    }
    expect(windowedGaussianIntegral(0.001, 1) / (2 * Math.PI * 0.001)).toBeCloseTo(1, 2);
  });

  it("keeps every deposit's optical area: drawn one by one plus drawn as a mean, as the appearance model gives it", () => {
    for (const dots of [dotsWith({}), dotsWith({ diameterMm: 1.2, densityPerCm2: 30, depthMm: 0.6 }), dotsWith({ diameterMm: 1.75, densityPerCm2: 200, softness: 0 })]) {
      const layers = sessionLayers(defaultSessions(3));
      const kernel = dotKernel(dots, layers, MONK_3, 1.5);
      const deposit = pigmentKernel(dots.diameterMm, dots.depthMm, inkStrengthForShade(dots.color), MONK_3);
      // Sessions scale each deposit by their strength; the plan's opacity scales them all.
      const meanStrength = layers.meanStrength * layers.visibleShare * dots.opacity;
      for (let c = 0; c < 3; c++) {
        expect((kernel.explicitMeanAreaMm2[c]! + kernel.wideMeanAreaMm2[c]!) / (deposit.opticalAreaMm2[c]! * meanStrength)).toBeCloseTo(1, 6);
      }
      for (const session of kernel.explicit) expect(session.length).toBeLessThanOrEqual(2);
    }
  });

  it('reaches no further than a ±1 cell search finds, at every dot size', () => {
    for (const [density, variation] of [[150, 0.25], [300, 1], [7.5, 0]] as const) {
      const s = cellSizeMm(density);
      const largest = kernelReachMm(s, variation) * Math.sqrt(1 + 0.8 * variation);
      expect(Math.hypot(largest, 0.52 * s)).toBeLessThan(1.1 * s);
    }
  });

  it.each([
    [100, 0.4, 0.25, 1],
    [200, 0.6, 0, 1],
    [50, 0.8, 0.5, 1],
    [30, 1.2, 0, 1],
    [150, 0.3, 1, 1],
    [100, 1.0, 0.3, 0.5],
  ])('lets through on average what the overlap law says at %i/cm², %f mm, variation %f, density share %f', (densityPerCm2, diameterMm, sizeVariation, densityFraction) => {
    const kernel = dotKernel(dotsWith({ densityPerCm2, diameterMm, sizeVariation, softness: 0, opacity: 1, color: '#1c1a19' }), oneSession, MONK_3, 1);
    const measured = measuredTransmittance(kernel, 8000, { seed: densityPerCm2, densityFraction });
    const law = explicitMeanTransmittance(kernel, densityFraction);
    for (let c = 0; c < 3; c++) {
      // Compare the darkening (what the pigment takes), within 4 % of it.
      expect(Math.abs((1 - measured[c]!) / (1 - law[c]!) - 1), `channel ${c}: ${measured[c]} vs ${law[c]}`).toBeLessThan(0.04);
    }
  });

  it('fits a lattice overlap between no overlap and random placement', () => {
    // Poisson-placed deposits would give 0; deposits that never overlap, x²/2 (the second-order term of 1 − x).
    expect(KERNEL_OVERLAP).toBeGreaterThan(0);
    expect(KERNEL_OVERLAP).toBeLessThan(0.5);
  });

  it('keeps the mean when the marks are blurred for a larger pixel (anti-aliasing never darkens or lightens)', () => {
    const kernel = dotKernel(dotsWith({ softness: 0 }), oneSession, MONK_3, 1);
    const sharp = measuredTransmittance(kernel, 6000, { seed: 5 });
    const blurred = measuredTransmittance(kernel, 6000, { seed: 5, pixelMm: 0.2 });
    for (let c = 0; c < 3; c++) expect(Math.abs((1 - blurred[c]!) / (1 - sharp[c]!) - 1)).toBeLessThan(0.03);
  });

  it("lays down each session's deposits at its strength, and only the sessions done", () => {
    const dots = dotsWith({});
    const sessions = defaultSessions(3);
    const all = dotKernel(dots, sessionLayers(sessions), MONK_3, 1);
    const first = dotKernel(dots, sessionLayers(sessions, 1), MONK_3, 1);
    const total = (k: DotKernel) => k.explicitMeanAreaMm2[1] + k.wideMeanAreaMm2[1];
    // Session 1 lays 30 % of the deposits at 70 % strength; all three, 87 % strength on average.
    expect(total(first) / total(all)).toBeCloseTo((0.3 * 0.7) / (0.3 * 0.7 + 0.45 + 0.25 * 0.85), 6);
    const measured = measuredTransmittance(first, 6000, { seed: 9 });
    const law = explicitMeanTransmittance(first, 1);
    expect(Math.abs((1 - measured[1]!) / (1 - law[1]!) - 1)).toBeLessThan(0.05);
  });

  it('darkens red more than blue seen from afar: black ink under skin reads blue-grey', () => {
    const t = meanTransmittance(dotKernel(dotsWith({}), sessionLayers(defaultSessions(3)), MONK_3, 1.5), 1 / 1.5);
    expect(1 - t[0]).toBeGreaterThan(1 - t[2]);
  });
});

describe('dot search reach', () => {
  it('never cuts a deposit off: a wider search finds no more pigment', () => {
    const rand = seededRandom(11);
    for (const dots of [dotsWith({ densityPerCm2: 200, diameterMm: 1.75, sizeVariation: 0 }), dotsWith({ densityPerCm2: 150, diameterMm: 1.2, sizeVariation: 1, softness: 0.5 }), dotsWith({ densityPerCm2: 100, diameterMm: 0.5, sizeVariation: 1, softness: 1 })]) {
      const kernel = dotKernel(dots, oneSession, MONK_3, 1.5);
      for (let i = 0; i < 300; i++) {
        const { p, n } = randomPlane(rand);
        const [a, b] = [transmittanceAt(p, n, kernel), transmittanceAt(p, n, kernel, 1, 0, 2)];
        for (let c = 0; c < 3; c++) expect(a[c]).toBeCloseTo(b[c]!, 6);
      }
    }
  });
});

describe('the plans the browser test draws', () => {
  // tests/browser/dots.test.ts measures the GPU's pixels against the law at 150/cm², 0.4 mm and 25/cm², 1.5 mm;
  // here the CPU twin of the same placement (the browser test ties its hash to the GPU's) at two more.
  it.each([
    [100, 0.5],
    [40, 1.0],
  ])('lets through what the law says at %i/cm² and %f mm: undiluted uniform deposits, 3 sessions, the default skin', (densityPerCm2, diameterMm) => {
    const plan = defaultPlan();
    const dots = { ...plan.dots, densityPerCm2, diameterMm, sizeVariation: 0, softness: 0, opacity: 1, color: '#1c1a19' };
    const kernel = dotKernel(dots, sessionLayers(defaultSessions(3)), skinOpticsForTone(plan.skin.color), MAX_DENSITY_FACTOR);
    const measured = measuredTransmittance(kernel, 8000, { seed: densityPerCm2, densityFraction: 1 / MAX_DENSITY_FACTOR });
    const law = explicitMeanTransmittance(kernel, 1 / MAX_DENSITY_FACTOR);
    for (let c = 0; c < 3; c++) {
      // Compare the darkening (what the pigment takes), within 4 % of it.
      expect(Math.abs((1 - measured[c]!) / (1 - law[c]!) - 1), `channel ${c}: ${measured[c]} vs ${law[c]}`).toBeLessThan(0.04);
    }
  });
});
