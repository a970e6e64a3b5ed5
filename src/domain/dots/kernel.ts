/**
 * The pigment kernels the scalp shader draws the dots with, computed from the plan on every edit (they become
 * uniforms: an edit never recompiles a shader).
 *
 * Each impression is a pigment deposit in the skin; seen from outside it darkens the skin around it by a
 * radial profile per colour channel, a sum of Gaussians (`pigmentKernel` in src/domain/appearance). Dots
 * combine as transmittances: the skin's diffuse colour is multiplied by the product of (1 − D) over the
 * deposits. One law at every distance, without a seam:
 * - Narrow Gaussians (much narrower than a lattice cell) are drawn deposit by deposit, within the ±1 cell
 *   search the lattice allows, under a smooth window that ends at `reachMm`; each is rescaled so that its
 *   windowed integral is its optical area, so the window takes nothing from the mean.
 * - Wide Gaussians (as wide as the spacing of the dots) are smooth over the lattice: they are drawn as their
 *   mean, exp(−n·A_wide). A Gaussian in between is shared smoothly between the two by its width.
 * - When a deposit's narrow mark shrinks below about a pixel it fades to its own mean, exp(−x − k·x²) with
 *   x = n·A_narrow and k this placement's overlap (fitted by tests/unit/dots.test.ts).
 * The mean is therefore the same at every distance by construction.
 */
import { inkStrengthForShade, pigmentKernel, type Rgb, type SkinOptics } from '../appearance';
import type { Plan } from '../plan';
import type { SessionLayers } from '../sessions';
import { AREA_SPREAD, cellSizeMm, LATTICE_JITTER, SLAB_FADE } from './lattice';

/** Sessions the shader holds kernels for (the plan allows at most 4). */
export const KERNEL_SESSIONS = 4;
/** Gaussians per session drawn deposit by deposit. */
export const KERNEL_SLOTS = 2;
/**
 * Drawn deposit by deposit below this share of the window's radius (σ / reach), as a mean field above the
 * next; shared smoothly in between. At 0.35 the window cuts a Gaussian at 3σ, and rescaling
 * keeps its integral.
 */
const EXPLICIT_UP_TO = 0.35;
const MEAN_FROM = 0.6;
/** One Gaussian of a deposit's darkening: D_c(r) ∝ exp(−r² / 2v), with integral `areaMm2[c]` over the plane. */
export interface Gaussian {
  varianceMm2: number;
  areaMm2: Rgb;
}

export interface DotKernel {
  /** Lattice cell (mm), laid out for the densest place the density map allows. */
  cellMm: number;
  sizeVariation: number;
  /** Radius (mm) where a deposit of mean size stops being drawn one by one (the window's edge). */
  reachMm: number;
  /** Where each session's deposits end in the 0..1 rank of the deposits planned at a place. */
  sessionEnds: number[];
  /** Sessions done in the preview (1-based count). */
  sessionsDone: number;
  /** For each session (KERNEL_SESSIONS, unused ones empty): its Gaussians drawn deposit by deposit (KERNEL_SLOTS). */
  explicit: Gaussian[][];
  /** Optical area (mm², per channel) of the deposits' explicit part, per lattice point on average. */
  explicitMeanAreaMm2: Rgb;
  /** Optical area (mm², per channel) drawn as a mean field, per lattice point on average. */
  wideMeanAreaMm2: Rgb;
  /** Width (mm) of a deposit's explicit mark: below about a pixel it fades to its mean. */
  markWidthMm: number;
}

const smoothstep = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/**
 * The largest radius (mm) a mean-size deposit's mark may reach and still be found by a ±1 cell search at every
 * dot size: a feature point within 1 + (1 − jitter)/2 cells of the shaded point is always searched, and the
 * slab adds up to half a cell off the tangent plane.
 */
export function kernelReachMm(cellMm: number, sizeVariation: number): number {
  const searched = 1 + (1 - LATTICE_JITTER) / 2;
  const along = 0.5 + SLAB_FADE;
  return (cellMm * Math.sqrt(searched * searched - along * along) * 0.98) / Math.sqrt(1 + AREA_SPREAD * sizeVariation);
}

const luminance = (c: Rgb) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
const scale = (c: Rgb, k: number): Rgb => [c[0] * k, c[1] * k, c[2] * k];
const add = (a: Rgb, b: Rgb): Rgb => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const ZERO: Rgb = [0, 0, 0];

/**
 * One deposit's Gaussians at the shade's ink strength (`inkStrengthForShade`: Beer–Lambert dilution of carbon
 * black), its spread (ink bleeding beyond the needle: a Gaussian blur) added.
 */
function depositGaussians(dots: Plan['dots'], optics: SkinOptics): Gaussian[] {
  const kernel = pigmentKernel(dots.diameterMm, dots.depthMm, inkStrengthForShade(dots.color), optics);
  // "Ink spread" blurs the deposit by up to half its radius: variances add, areas are kept.
  const spread = (0.25 * dots.softness * dots.diameterMm) ** 2;
  return kernel.variancesMm2.map((v, i) => ({
    varianceMm2: v + spread,
    areaMm2: scale(kernel.weights[i]!, 2 * Math.PI * v),
  }));
}

/** Splits a deposit's Gaussians into those drawn one by one (at most KERNEL_SLOTS) and the mean-field rest. */
function splitByWidth(gaussians: Gaussian[], reachMm: number): { explicit: Gaussian[]; wide: Rgb } {
  let wide = ZERO;
  const explicit: Gaussian[] = [];
  for (const g of gaussians) {
    const share = 1 - smoothstep(EXPLICIT_UP_TO, MEAN_FROM, Math.sqrt(g.varianceMm2) / reachMm);
    wide = add(wide, scale(g.areaMm2, 1 - share));
    if (share > 0) explicit.push({ varianceMm2: g.varianceMm2, areaMm2: scale(g.areaMm2, share) });
  }
  explicit.sort((a, b) => a.varianceMm2 - b.varianceMm2);
  // More narrow Gaussians than slots: the wider ones merge into one with their total area and mean variance
  // (same integral, same second moment, in luminance).
  while (explicit.length > KERNEL_SLOTS) {
    const [a, b] = explicit.splice(explicit.length - 2, 2) as [Gaussian, Gaussian];
    const [la, lb] = [luminance(a.areaMm2), luminance(b.areaMm2)];
    const v = la + lb > 0 ? (la * a.varianceMm2 + lb * b.varianceMm2) / (la + lb) : b.varianceMm2;
    explicit.push({ varianceMm2: v, areaMm2: add(a.areaMm2, b.areaMm2) });
  }
  return { explicit, wide };
}

/**
 * The kernels for dots as planned (already aged, if the preview ages them), laid out by sessions, in a skin
 * of these optics. `maxDensityFactor`: the density map's densest factor (the lattice leaves room for it).
 */
export function dotKernel(dots: Plan['dots'], layers: SessionLayers, optics: SkinOptics, maxDensityFactor: number): DotKernel {
  const cellMm = cellSizeMm(dots.densityPerCm2 * maxDensityFactor);
  const reachMm = kernelReachMm(cellMm, dots.sizeVariation);
  const deposit = depositGaussians(dots, optics);
  const explicit: Gaussian[][] = [];
  let explicitMean = ZERO;
  let wideMean = ZERO;
  let widest = 0;
  for (let s = 0; s < KERNEL_SESSIONS; s++) {
    if (s >= layers.strengths.length) {
      explicit.push([]);
      continue;
    }
    // The plan's opacity and the session's pigment strength scale each deposit's darkening, as the appearance
    // model's prediction does (predictedDarkening).
    const strength = dots.opacity * layers.strengths[s]!;
    const split = splitByWidth(deposit.map((g) => ({ varianceMm2: g.varianceMm2, areaMm2: scale(g.areaMm2, strength) })), reachMm);
    explicit.push(split.explicit);
    if (s >= layers.done) continue;
    // This session's share of the deposits planned at a place.
    const share = layers.ends[s]! - (s > 0 ? layers.ends[s - 1]! : 0);
    explicitMean = add(explicitMean, scale(split.explicit.reduce((sum, g) => add(sum, g.areaMm2), ZERO), share));
    wideMean = add(wideMean, scale(split.wide, share));
    for (const g of split.explicit) if (luminance(g.areaMm2) > 0) widest = Math.max(widest, g.varianceMm2);
  }
  return {
    cellMm,
    sizeVariation: dots.sizeVariation,
    reachMm,
    sessionEnds: layers.ends,
    sessionsDone: layers.done,
    explicit,
    explicitMeanAreaMm2: explicitMean,
    wideMeanAreaMm2: wideMean,
    markWidthMm: Math.max(dots.diameterMm, 2.3548 * Math.sqrt(widest)),
  };
}
