import { describe, expect, it } from 'vitest';
import { runMonteCarlo } from '../support/pigmentMonteCarlo';

/** Chandrasekhar's H-function for isotropic scattering of single-scattering albedo a (iterated to convergence). */
function chandrasekharH(a: number, mu: number): number {
  const n = 200;
  const nodes = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
  const integral = (h: number[], m: number) => nodes.reduce((sum, x, j) => sum + h[j]! / (m + x), 0) / n;
  let h = nodes.map(() => 1);
  for (let it = 0; it < 300; it++) h = nodes.map((m) => 1 / (1 - (a / 2) * m * integral(h, m)));
  return 1 / (1 - (a / 2) * mu * integral(h, mu));
}

// Seconds on an idle machine; the limit leaves room for a busy one.
describe('Monte Carlo light transport', { timeout: 60000 }, () => {
  it('reflects from an isotropic half-space as the exact solution says', () => {
    // Semi-infinite medium, matched boundary, normal incidence: R = 1 − H(1)·√(1 − a) (Chandrasekhar 1960;
    // van de Hulst 1980). a = 0.9: R = 0.415.
    for (const a of [0.9, 0.99]) {
      const photons = a === 0.9 ? 12000 : 2500;
      const r = runMonteCarlo({ layers: [{ thicknessMm: Infinity, scatteringPerMm: a, absorptionPerMm: 1 - a }], anisotropy: 0, refractiveIndex: 1, photons, seed: 11, launch: 'pencil' });
      const exact = 1 - chandrasekharH(a, 1) * Math.sqrt(1 - a);
      // Each photon's reflected weight lies in [0, 1]: its standard error is at most √(R(1 − R)/N).
      const se = Math.sqrt((exact * (1 - exact)) / photons);
      expect(Math.abs(r.reflectance[0]! - exact)).toBeLessThan(4 * se);
      expect(Math.abs(r.reflectance[0]! / exact - 1)).toBeLessThan(0.03);
    }
  });

  it('conserves energy in a two-layer slab with an index mismatch: specular + R + A + T = 1', () => {
    const r = runMonteCarlo({
      layers: [
        { thicknessMm: 0.07, scatteringPerMm: 25, absorptionPerMm: 2 },
        { thicknessMm: 1.5, scatteringPerMm: 20, absorptionPerMm: 0.05 },
      ],
      anisotropy: 0.8,
      refractiveIndex: 1.4,
      photons: 3000,
      seed: 5,
      launch: 'pencil',
    });
    expect(r.specular).toBeCloseTo(((1.4 - 1) / (1.4 + 1)) ** 2, 12);
    const total = r.specular + r.reflectance[0]! + r.transmittance + r.absorbed.reduce((a, b) => a + b, 0);
    // Only Russian roulette moves energy (unbiased, below 2% weight): the sum is 1 within its noise.
    expect(Math.abs(total - 1)).toBeLessThan(0.01);
    expect(r.transmittance).toBeGreaterThan(0.05);
    expect(r.absorbed[0]!).toBeGreaterThan(0);
  });

  it('prices extra epidermal absorption by path length the same as simulating it', () => {
    const layers = (epidermis: number) => [
      { thicknessMm: 0.07, scatteringPerMm: 20, absorptionPerMm: epidermis },
      { thicknessMm: Infinity, scatteringPerMm: 20, absorptionPerMm: 0.3 },
    ];
    const setup = { anisotropy: 0.8, refractiveIndex: 1.4, photons: 6000, launch: 'pencil' as const };
    const reweighted = runMonteCarlo({ ...setup, layers: layers(0.2), seed: 3, topLayerExtraAbsorption: [0, 3] });
    const direct = runMonteCarlo({ ...setup, layers: layers(3.2), seed: 4 });
    expect(reweighted.reflectance[1]).toBeLessThan(reweighted.reflectance[0]!);
    const r = direct.reflectance[0]!;
    // Weights lie in [0, 1]: each estimate's standard error is at most √(R(1 − R)/N).
    const se = Math.sqrt((2 * r * (1 - r)) / setup.photons);
    expect(Math.abs(reweighted.reflectance[1]! - r)).toBeLessThan(4 * se);
    expect(Math.abs(reweighted.reflectance[1]! / r - 1)).toBeLessThan(0.1);
  });
});
