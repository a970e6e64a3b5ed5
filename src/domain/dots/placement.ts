/**
 * Where follicle dots sit: the CPU twin of `shaders/follicle_dots.glsl`. Both must follow the same recipe
 * (same hash, lattice, jitter and size law): the shader draws the dots, this file lets unit tests and the
 * coverage model reason about exactly those dots.
 *
 * Recipe ("setup-free surface noise", Lagae et al. 2009): a jittered 3D lattice of cell size
 * `s = 10 / sqrt(density)` mm, rotated off the axes, one feature point per cell. A shaded point `p` with
 * normal `n` sees the feature points within half a cell of its tangent plane, projected onto that plane.
 * On average that is one dot per s² of surface whatever the orientation, with no UVs. Each feature point is a
 * pigment deposit, drawn as its darkening kernel (src/domain/dots/kernel.ts) on the tangent plane.
 */
import type { Rgb } from '../appearance';
import type { Vec3 } from '../head/landmarks';
import type { DotKernel } from './kernel';
import { AREA_SPREAD, cellSizeMm, LATTICE_JITTER, LATTICE_ROTATION, pcg3d, RANK_SALT, SLAB_FADE } from './lattice';

const U32 = 4294967296;

export interface FeaturePoint {
  /** Position in lattice units (multiply by the cell size for mm, in the rotated frame). */
  lattice: Vec3;
  /** Multiplies the dot's area (mean 1 over all dots). */
  areaFactor: number;
  /** Per-dot random in [0, 1) for shade variation. */
  shade: number;
  /** Per-dot random in [0, 1): the dot is drawn where the local density fraction exceeds it (thinning). */
  rank: number;
}

export function featurePoint(i: number, j: number, k: number, sizeVariation: number): FeaturePoint {
  const h = pcg3d(i >>> 0, j >>> 0, k >>> 0);
  const g = pcg3d(h[0] ^ RANK_SALT[0], h[1] ^ RANK_SALT[1], h[2] ^ RANK_SALT[2]);
  const jitter = (v: number) => 0.5 + LATTICE_JITTER * (v / U32 - 0.5);
  return {
    lattice: [i + jitter(h[0]), j + jitter(h[1]), k + jitter(h[2])],
    areaFactor: 1 + sizeVariation * AREA_SPREAD * (2 * (g[0] / U32) - 1),
    shade: g[1] / U32,
    rank: g[2] / U32,
  };
}

/** Each deposit's mark is blurred by a Gaussian of this variance times the pixel's footprint squared (anti-aliasing). */
export const PIXEL_BLUR = 0.25;

/**
 * Integral over the plane of exp(−r²/2v)·(1 − r²/R²)² for r < R: the windowed Gaussian's weight. It tends to
 * 2πv when R ≫ σ. The shader (follicle_dots.glsl) has the same function.
 */
export function windowedGaussianIntegral(varianceMm2: number, reachMm: number): number {
  const beta = (reachMm * reachMm) / (2 * varianceMm2);
  // ∫₀¹ (1−u)² e^(−βu) du, with its series near β = 0 where the closed form cancels.
  const j = beta > 0.5 ? 1 / beta - 2 / beta ** 2 + (2 * (1 - Math.exp(-beta))) / beta ** 3 : 1 / 3 - beta / 12 + beta ** 2 / 60 - beta ** 3 / 360;
  return Math.PI * reachMm * reachMm * j;
}

/** Rank where each session's deposits end (cumulative shares): the session a deposit of this rank belongs to, or -1. */
function sessionOf(rank: number, kernel: DotKernel): number {
  const s = kernel.sessionEnds.findIndex((end) => rank < end);
  return s < 0 || s >= kernel.sessionsDone ? -1 : s;
}

const smoothstep = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

function rotate(p: Vec3): Vec3 {
  const m = LATTICE_ROTATION;
  return [
    m[0]! * p[0] + m[1]! * p[1] + m[2]! * p[2],
    m[3]! * p[0] + m[4]! * p[1] + m[5]! * p[2],
    m[6]! * p[0] + m[7]! * p[1] + m[8]! * p[2],
  ];
}

/**
 * The light (0..1 per channel) the deposits drawn one by one let through at surface point p (mm) with unit
 * normal n: the product of (1 − D) over the deposits near p, D each deposit's explicit kernel (kernel.ts).
 * `densityFraction`: the share of lattice points that hold a deposit there (0..1); `pixelMm`: the pixel's
 * footprint, which blurs each mark for anti-aliasing without changing its integral; `reach`: cells searched.
 */
export function transmittanceAt(p: Vec3, n: Vec3, kernel: DotKernel, densityFraction = 1, pixelMm = 0, reach = 1): Rgb {
  const s = kernel.cellMm;
  const q = rotate(p).map((v) => v / s) as Vec3;
  const nr = rotate(n);
  const base = q.map(Math.floor) as Vec3;
  const r2 = kernel.reachMm * kernel.reachMm;
  // Each mark's amplitude: its area over its windowed integral, with the pixel's blur added to its variance.
  const marks = kernel.explicit.map((gaussians) =>
    gaussians.map((g) => {
      const v = g.varianceMm2 + PIXEL_BLUR * pixelMm * pixelMm;
      const w = windowedGaussianIntegral(v, kernel.reachMm);
      return { inv2v: 0.5 / v, amplitude: g.areaMm2.map((a) => a / w) };
    }),
  );
  const clear: [number, number, number] = [1, 1, 1];
  for (let dx = -reach; dx <= reach; dx++) {
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dz = -reach; dz <= reach; dz++) {
        const f = featurePoint(base[0] + dx, base[1] + dy, base[2] + dz, kernel.sizeVariation);
        if (f.rank >= densityFraction) continue;
        const session = sessionOf(f.rank / densityFraction, kernel);
        if (session < 0) continue;
        const d: Vec3 = [(f.lattice[0] - q[0]) * s, (f.lattice[1] - q[1]) * s, (f.lattice[2] - q[2]) * s];
        const h = d[0] * nr[0] + d[1] * nr[1] + d[2] * nr[2];
        const slab = 1 - smoothstep(0.5 - SLAB_FADE, 0.5 + SLAB_FADE, Math.abs(h) / s);
        if (slab <= 0) continue;
        // A deposit af times the mean area is the mean one scaled by √af: its integral scales by af.
        const t = ((d[0] - h * nr[0]) ** 2 + (d[1] - h * nr[1]) ** 2 + (d[2] - h * nr[2]) ** 2) / f.areaFactor;
        const window = 1 - t / r2;
        if (window <= 0) continue;
        for (let c = 0; c < 3; c++) {
          let dark = 0;
          for (const m of marks[session]!) dark += m.amplitude[c]! * Math.exp(-t * m.inv2v);
          clear[c] = clear[c]! * (1 - Math.min(1, dark * window * window * slab));
        }
      }
    }
  }
  return clear;
}

/**
 * The share (0..1) of skin at surface point p (mm, unit normal n) that the needle's marks cover, as opaque
 * discs of the planned size: the planning figure "covers x% of the treated scalp" (coverage.ts), not how
 * dark the skin looks (that is `transmittanceAt`).
 */
export function markCoverageAt(p: Vec3, n: Vec3, dots: { densityPerCm2: number; diameterMm: number; sizeVariation: number }, reach = 2): number {
  const s = cellSizeMm(dots.densityPerCm2);
  const q = rotate(p).map((v) => v / s) as Vec3;
  const nr = rotate(n);
  const base = q.map(Math.floor) as Vec3;
  let clear = 1;
  for (let dx = -reach; dx <= reach; dx++) {
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dz = -reach; dz <= reach; dz++) {
        const f = featurePoint(base[0] + dx, base[1] + dy, base[2] + dz, dots.sizeVariation);
        const d: Vec3 = [(f.lattice[0] - q[0]) * s, (f.lattice[1] - q[1]) * s, (f.lattice[2] - q[2]) * s];
        const h = d[0] * nr[0] + d[1] * nr[1] + d[2] * nr[2];
        if (Math.abs(h) >= s / 2) continue;
        const t = Math.hypot(d[0] - h * nr[0], d[1] - h * nr[1], d[2] - h * nr[2]);
        if (t < (dots.diameterMm / 2) * Math.sqrt(f.areaFactor)) clear = 0;
      }
    }
  }
  return 1 - clear;
}
