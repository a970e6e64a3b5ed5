import { describe, expect, it } from 'vitest';
import { dotAreaFraction, expectedCoverage } from '../../src/domain/dots/coverage';
import { cellSizeMm, coverageAt, featurePoint, LATTICE_ROTATION, pcg3d, searchCells, type DotParams } from '../../src/domain/dots/placement';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { seededRandom } from './fixtures';

function randomPlane(rand: () => number): { p: Vec3; n: Vec3 } {
  const z = 2 * rand() - 1;
  const a = 2 * Math.PI * rand();
  const r = Math.sqrt(1 - z * z);
  return { n: [r * Math.cos(a), r * Math.sin(a), z], p: [rand() * 300 - 150, rand() * 300 - 150, rand() * 300 - 150] };
}

/** Mean coverage at random points of random planes: the share of scalp the dots cover. */
function measuredCoverage(params: DotParams, samples: number, seed = 1): number {
  const rand = seededRandom(seed);
  let sum = 0;
  for (let i = 0; i < samples; i++) {
    const { p, n } = randomPlane(rand);
    sum += coverageAt(p, n, params);
  }
  return sum / samples;
}

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
  ])('covers the predicted share of the scalp at %i/cm², %f mm, variation %f', (densityPerCm2, diameterMm, sizeVariation) => {
    const measured = measuredCoverage({ densityPerCm2, diameterMm, sizeVariation, softness: 0 }, 12000, densityPerCm2);
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

describe('dot search reach', () => {
  it('searches ±1 cell for usual dots and ±2 only for very large dots at high density', () => {
    expect(searchCells({ densityPerCm2: 200, diameterMm: 0.4, sizeVariation: 1, softness: 1 })).toBe(1);
    expect(searchCells({ densityPerCm2: 100, diameterMm: 1.0, sizeVariation: 0.25, softness: 0.3 })).toBe(1);
    expect(searchCells({ densityPerCm2: 200, diameterMm: 1.75, sizeVariation: 0, softness: 0 })).toBe(2);
  });

  it('never cuts a dot off: a wider search finds no more ink', () => {
    const rand = seededRandom(11);
    for (const params of [
      { densityPerCm2: 200, diameterMm: 1.75, sizeVariation: 0, softness: 0 },
      { densityPerCm2: 150, diameterMm: 1.2, sizeVariation: 1, softness: 0.5 },
      { densityPerCm2: 100, diameterMm: 0.5, sizeVariation: 1, softness: 1 },
    ]) {
      for (let i = 0; i < 300; i++) {
        const { p, n } = randomPlane(rand);
        expect(coverageAt(p, n, params)).toBeCloseTo(coverageAt(p, n, params, 0, 3), 6);
      }
    }
  });
});
