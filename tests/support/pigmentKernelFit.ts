/**
 * The pigment-in-skin Monte Carlo set up for the appearance model (src/domain/appearance), and the fit of its
 * darkening profiles to sums of radial Gaussians. Used by scripts/pigment-mc.ts, which writes the kernel table,
 * and by the unit tests, which check that table against fresh runs.
 */
import { createHash } from 'node:crypto';
import { layerOpticsAt, CHANNEL_WAVELENGTHS_NM, EPIDERMIS_THICKNESS_MM, SKIN_ANISOTROPY, SKIN_REFRACTIVE_INDEX } from '../../src/domain/appearance/skin';
import { DEPOSIT_THICKNESS_MM, UNDILUTED_DEPOSIT_ABSORPTION_PER_MM } from '../../src/domain/appearance/kernel';
import { runMonteCarlo } from './pigmentMonteCarlo';

/** Surface rings (mm from the deposit's axis) the darkening is tallied in: fine near the deposit, coarse far out. */
export const RING_EDGES_MM: readonly number[] = [
  ...Array.from({ length: 20 }, (_, i) => i * 0.05),
  ...Array.from({ length: 10 }, (_, i) => 1 + i * 0.1),
  ...Array.from({ length: 8 }, (_, i) => 2 + i * 0.25),
  ...Array.from({ length: 7 }, (_, i) => 4 + i * 0.5),
];

export interface DepositRun {
  channel: 0 | 1 | 2;
  /** Epidermal melanin fractions priced (the run simulates the lowest, ascending order required). */
  melanins: readonly number[];
  diametersMm: readonly number[];
  depthsMm: readonly number[];
  inkStrengths: readonly number[];
  photons: number;
  seed: number;
  placements?: number;
  /** Deposits on a square lattice of this spacing (mm): areaMm2 is then the mean darkening (a share). */
  latticeSpacingMm?: number;
}

export interface DepositProfile {
  /** Darkening 1 − R(r)/R0 averaged over each ring of RING_EDGES_MM. */
  rings: number[];
  /** ∫ darkening over the plane (mm²) and its standard error. */
  areaMm2: number;
  areaSe: number;
}

export interface DepositRunResult {
  /** Diffuse reflectance without pigment, per melanin. */
  reflectance: number[];
  /** profile(diameterIndex, depthIndex, inkIndex, melaninIndex). */
  profile: (d: number, z: number, ink: number, m: number) => DepositProfile;
}

/** One channel's run: the skin at its effective wavelength, deposits of every size, depth and ink at once. */
export function simulateDeposits(run: DepositRun): DepositRunResult {
  const nm = CHANNEL_WAVELENGTHS_NM[run.channel];
  const optics = run.melanins.map((m) => layerOpticsAt(nm, m));
  const base = optics[0]!;
  const g = SKIN_ANISOTROPY;
  const result = runMonteCarlo({
    layers: [
      { thicknessMm: EPIDERMIS_THICKNESS_MM, scatteringPerMm: base.reducedScattering / (1 - g), absorptionPerMm: base.epidermisAbsorption },
      { thicknessMm: Infinity, scatteringPerMm: base.reducedScattering / (1 - g), absorptionPerMm: base.dermisAbsorption },
    ],
    anisotropy: g,
    refractiveIndex: SKIN_REFRACTIVE_INDEX,
    photons: run.photons,
    seed: run.seed,
    topLayerExtraAbsorption: optics.map((o) => o.epidermisAbsorption - base.epidermisAbsorption),
    launch: 'plane',
    placements: run.placements ?? 32,
    ringEdgesMm: RING_EDGES_MM,
    deposits: {
      radiiMm: run.diametersMm.map((d) => d / 2),
      topsMm: run.depthsMm,
      thicknessMm: DEPOSIT_THICKNESS_MM,
      absorptionsPerMm: run.inkStrengths.map((s) => s * UNDILUTED_DEPOSIT_ABSORPTION_PER_MM),
      latticeSpacingMm: run.latticeSpacingMm,
    },
  });
  const levels = run.melanins.length, inks = run.inkStrengths.length, rings = RING_EDGES_MM.length - 1;
  return {
    reflectance: result.reflectance,
    profile: (d, z, ink, m) => {
      const idx = ((d * run.depthsMm.length + z) * inks + ink) * levels + m;
      const r0 = result.reflectance[m]!;
      const variance = (result.deficitTotalSq[idx]! - result.deficitTotal[idx]! ** 2) / run.photons;
      return {
        rings: Array.from({ length: rings }, (_, i) => result.deficit[idx * rings + i]! / r0),
        areaMm2: result.deficitTotal[idx]! / r0,
        areaSe: Math.sqrt(Math.max(0, variance)) / r0,
      };
    },
  };
}

/** The single deposits of the long reference runs (scripts/pigment-mc-reference.ts): black ink, Monk 2, 6 and 9. */
export const MC_REFERENCE_CASES = { diametersMm: [0.25, 0.5, 1.1], depthsMm: [0.15, 0.3, 0.5], monk: [1, 5, 8] } as const;

export interface McReference {
  /** mcReferenceKey() of the optics the runs used. */
  key: string;
  photons: number;
  batches: number;
  seed: number;
  diametersMm: readonly number[];
  depthsMm: readonly number[];
  monk: readonly number[];
  melanins: readonly number[];
  /** [channel][(diameter · depths + depth) · melanins + melanin]: ring means and standard errors (from the batches). */
  channels: { rings: number[]; ringSe: number[]; areaMm2: number; areaSe: number }[][];
}

/** What the deposit runs depend on, hashed: a reference made with other optics or rings is stale. */
export function mcReferenceKey(): string {
  const inputs = [CHANNEL_WAVELENGTHS_NM.map((nm) => layerOpticsAt(nm, 0)), EPIDERMIS_THICKNESS_MM, SKIN_ANISOTROPY, SKIN_REFRACTIVE_INDEX, DEPOSIT_THICKNESS_MM, UNDILUTED_DEPOSIT_ABSORPTION_PER_MM, RING_EDGES_MM];
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 16);
}

/** Ring averages of exp(−r²/2v) over RING_EDGES_MM. */
function gaussianRings(v: number): number[] {
  return RING_EDGES_MM.slice(1).map((outer, i) => {
    const inner = RING_EDGES_MM[i]!;
    const area = Math.PI * (outer * outer - inner * inner);
    return (2 * Math.PI * v * (Math.exp((-inner * inner) / (2 * v)) - Math.exp((-outer * outer) / (2 * v)))) / area;
  });
}

// Rows weigh by ring area, each mm² alike: the fit follows where the darkening lies (the encircled darkening
// the tests compare); the integral is a heavy extra row as well.
const ROW_WEIGHTS = RING_EDGES_MM.slice(1).map((outer, i) => Math.PI * (outer * outer - RING_EDGES_MM[i]! ** 2));
const AREA_ROW_WEIGHT = 30;

interface Design {
  variances: number[];
  rings: number[][];
}

/** Non-negative least squares for ≤ 4 unknowns: the best of the feasible solutions on every support. */
function nnlsSmall(gram: number[][], rhs: number[], bb: number): { w: number[]; residual: number } {
  const k = rhs.length;
  let best = { w: new Array<number>(k).fill(0), residual: bb };
  for (let mask = 1; mask < 1 << k; mask++) {
    const idx = [...Array(k).keys()].filter((i) => mask & (1 << i));
    const a = idx.map((i) => idx.map((j) => gram[i]![j]!));
    const b = idx.map((i) => rhs[i]!);
    const x = solve(a, b);
    if (!x || x.some((v) => v < 0)) continue;
    const w = new Array<number>(k).fill(0);
    idx.forEach((i, j) => (w[i] = x[j]!));
    let residual = bb;
    for (let i = 0; i < k; i++) {
      residual -= 2 * w[i]! * rhs[i]!;
      for (let j = 0; j < k; j++) residual += w[i]! * w[j]! * gram[i]![j]!;
    }
    if (residual < best.residual) best = { w, residual };
  }
  return best;
}

function solve(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-14) return undefined;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let j = c; j <= n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Weights of the Gaussians of `design` that best fit one profile (and match its area). */
export function fitWeights(design: Design, profile: DepositProfile): { weights: number[]; residual: number } {
  const k = design.variances.length;
  const rows = design.rings;
  const gram = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rhs = new Array<number>(k).fill(0);
  let bb = 0;
  profile.rings.forEach((target, r) => {
    const w = ROW_WEIGHTS[r]!;
    bb += w * target * target;
    for (let i = 0; i < k; i++) {
      rhs[i]! += w * rows[i]![r]! * target;
      for (let j = 0; j < k; j++) gram[i]![j]! += w * rows[i]![r]! * rows[j]![r]!;
    }
  });
  const areaRow = design.variances.map((v) => 2 * Math.PI * v);
  const aw = AREA_ROW_WEIGHT / Math.max(1e-9, profile.areaMm2 / Math.max(1e-9, profile.rings[0]!));
  bb += aw * profile.areaMm2 ** 2;
  for (let i = 0; i < k; i++) {
    rhs[i]! += aw * areaRow[i]! * profile.areaMm2;
    for (let j = 0; j < k; j++) gram[i]![j]! += aw * areaRow[i]! * areaRow[j]!;
  }
  const { w, residual } = nnlsSmall(gram, rhs, bb);
  // Scaled so the kernel's integral is exactly the Monte Carlo's (the optical area is what the far field uses).
  const fitted = w.reduce((sum, wi, i) => sum + areaRow[i]! * wi, 0);
  const scale = fitted > 0 ? profile.areaMm2 / fitted : 0;
  return { weights: w.map((wi) => wi * scale), residual };
}

/** Four Gaussians with variances v0·ratio^i. */
export function design(v0: number, ratio: number): Design {
  const variances = [0, 1, 2, 3].map((i) => v0 * ratio ** i);
  return { variances, rings: variances.map(gaussianRings) };
}

/**
 * The shared (v0, ratio) that fit all the profiles best, searched on a log grid. The narrowest Gaussian is
 * kept at least (radius² + depth²)/8: light has spread about as far as the deposit is deep, and a narrower
 * one would only fit the noise of the few photons that exit in the innermost ring.
 */
export function fitShape(profiles: readonly DepositProfile[], radiusMm: number, depthMm: number): { v0: number; ratio: number } {
  let best = { v0: 0.01, ratio: 4, cost: Infinity };
  const narrowest = (radiusMm * radiusMm + depthMm * depthMm) / 8;
  for (let a = 0; a < 24; a++) {
    const v0 = narrowest * 1.3 ** a;
    for (const ratio of [2, 2.5, 3, 3.5, 4, 5, 6, 8, 10, 13]) {
      const d = design(v0, ratio);
      let cost = 0;
      for (const p of profiles) {
        const scale = Math.max(1e-6, p.rings[0]!);
        cost += fitWeights(d, p).residual / (scale * scale);
      }
      if (cost < best.cost) best = { v0, ratio, cost };
    }
  }
  return { v0: best.v0, ratio: best.ratio };
}
