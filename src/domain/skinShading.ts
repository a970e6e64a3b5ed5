/**
 * Pre-integrated skin diffuse (Penner & Borshukov 2011, GPU Pro 2): light scattered under the skin of a
 * surface curved with radius r arrives from a ring of neighbours, each lit at its own angle. Integrating
 * the skin's diffusion profile R(d) over that ring gives, per colour channel,
 *
 *   D(θ, r) = ∫ cos⁺(θ + x) R(2r·sin(x/2)) dx / ∫ R(2r·sin(x/2)) dx,   x over −π..π,
 *
 * the diffuse falloff that replaces Lambert's cos⁺θ: it softens and reddens the terminator on curved skin
 * (nose, ears, the head's edge) and is cos⁺θ on flat skin. It needs no UVs, only the surface's curvature,
 * so it works on any head mesh. The table is computed once here and sampled per light in shaders/skin_sss.glsl.
 */
import type { Rgb } from './appearance/types';

/**
 * The skin's radial diffusion profile as a sum of 2D Gaussians, exp(−d²/2v)/(2πv), with their variances
 * (mm²) and per-channel weights: d'Eon & Luebke's fit to three-layer skin (GPU Gems 3, ch. 14, table 14-1).
 * Red keeps weight in the wide Gaussians (light travels millimetres), blue almost none.
 */
export const SKIN_DIFFUSION_PROFILE: { varianceMm2: number; weight: Rgb }[] = [
  { varianceMm2: 0.0064, weight: [0.233, 0.455, 0.649] },
  { varianceMm2: 0.0484, weight: [0.1, 0.336, 0.344] },
  { varianceMm2: 0.187, weight: [0.118, 0.198, 0] },
  { varianceMm2: 0.567, weight: [0.113, 0.007, 0.007] },
  { varianceMm2: 1.99, weight: [0.358, 0.004, 0] },
  { varianceMm2: 7.41, weight: [0.078, 0, 0] },
];

/**
 * The share of each channel's profile in Gaussians narrower than a pore or fine line (σ ≤ 0.22 mm): how
 * much of the skin's fine relief shows in that channel's diffuse light. Wider scattering averages the relief
 * away, so red shows it least: the bumped normal is blended in by this share per channel.
 */
export const RELIEF_DIFFUSE_SHARE: Rgb = (() => {
  const fine = SKIN_DIFFUSION_PROFILE.filter((g) => g.varianceMm2 <= 0.05);
  return [0, 1, 2].map((c) => fine.reduce((sum, g) => sum + g.weight[c]!, 0)) as unknown as Rgb;
})();

/** Highest curvature (1/mm) the table holds: a 2 mm radius, the rim of an ear. Sharper is clamped. */
export const MAX_CURVATURE_PER_MM = 0.5;

/**
 * The profile of channel c across a line (d mm from it), as light that varies in one direction only sees it:
 * the 2D profile integrated along the other direction, a 1D Gaussian of the same variance and weight each.
 */
export function diffusionProfile(dMm: number, channel: 0 | 1 | 2): number {
  let sum = 0;
  for (const g of SKIN_DIFFUSION_PROFILE) {
    const w = g.weight[channel];
    if (w > 0) sum += (w * Math.exp((-dMm * dMm) / (2 * g.varianceMm2))) / Math.sqrt(2 * Math.PI * g.varianceMm2);
  }
  return sum;
}

/** Penner's pre-integrated diffuse D_c(θ, r) for N·L = cos θ on a surface of curvature 1/r (per mm). */
export function preintegratedDiffuse(cosTheta: number, curvaturePerMm: number): Rgb {
  const theta = Math.acos(Math.max(-1, Math.min(1, cosTheta)));
  if (curvaturePerMm <= 0) {
    const lambert = Math.max(0, cosTheta);
    return [lambert, lambert, lambert];
  }
  const r = 1 / curvaturePerMm;
  // The widest Gaussian (σ 2.7 mm) is negligible beyond 6σ: integrate only the arc it reaches.
  const reach = Math.min(Math.PI, (6 * Math.sqrt(SKIN_DIFFUSION_PROFILE.at(-1)!.varianceMm2)) / r);
  const steps = 240;
  const dx = (2 * reach) / steps;
  const out: [number, number, number] = [0, 0, 0];
  const norm: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < steps; i++) {
    const x = -reach + (i + 0.5) * dx;
    const d = 2 * r * Math.abs(Math.sin(x / 2));
    const lit = Math.max(0, Math.cos(theta + x));
    for (const c of [0, 1, 2] as const) {
      const p = diffusionProfile(d, c);
      out[c] += lit * p;
      norm[c] += p;
    }
  }
  return [out[0] / norm[0], out[1] / norm[1], out[2] / norm[2]];
}

/**
 * The table the shader samples: `width` values of N·L from −1 to 1 across, `height` curvatures from 0 to
 * MAX_CURVATURE_PER_MM down, RGBA (A unused), row by row.
 */
export function preintegratedSkinTable(width = 64, height = 32): Float32Array {
  const table = new Float32Array(width * height * 4);
  for (let j = 0; j < height; j++) {
    const curvature = (j / (height - 1)) * MAX_CURVATURE_PER_MM;
    for (let i = 0; i < width; i++) {
      const d = preintegratedDiffuse(-1 + (2 * i) / (width - 1), curvature);
      table.set([d[0], d[1], d[2], 1], 4 * (j * width + i));
    }
  }
  return table;
}
