/**
 * A pigment deposit seen through the skin: its darkening as a radial kernel per display channel, and the mean
 * darkening of many deposits seen from afar.
 */
import { hexToLinear, linearToLab, luminanceOfLinear } from '../color';
import { PIGMENT_PRESETS } from '../pigment';
import { PIGMENT_KERNEL_TABLE } from './pigmentKernelTable';
import { KERNEL_GAUSSIANS, pigmentKernelWeights } from './pigmentKernelWeights';
import { skinAlbedo } from './skin';
import type { PigmentKernel, Rgb, SkinOptics } from './types';

/**
 * Default depth (mm) of the top of a deposit below the surface: 0.3 mm, just below the epidermis/dermis
 * boundary (0.07 mm) in the papillary dermis, the middle of the 0.1–0.5 mm where SMP places its pigment
 * (domain notes); deeper deposits blur into the "helmet" look.
 */
export const DEFAULT_PIGMENT_DEPTH_MM = 0.3;

/** A deposit is a short cylinder this thick (mm): a needle's pigment spreads sideways in the papillary dermis. */
export const DEPOSIT_THICKNESS_MM = 0.1;

const UNDILUTED_SHADE = PIGMENT_PRESETS[0].color;
/**
 * Absorption (mm⁻¹, grey) of an undiluted deposit: carbon black sits in macrophage clusters that are black
 * themselves, so the deposit absorbs by their cross-section. Set so that the undiluted deposit, seen over a
 * white ground through its thickness and back, has the luminance of the undiluted shade (#1c1a19, 1.05%):
 * exp(−2·μa·t) = Y gives μa ≈ 23 mm⁻¹, the order of black 20 µm clusters filling ~15% of the deposit (¾·φ/r).
 */
export const UNDILUTED_DEPOSIT_ABSORPTION_PER_MM = -Math.log(luminanceOfLinear(hexToLinear(UNDILUTED_SHADE))) / (2 * DEPOSIT_THICKNESS_MM);

/**
 * Ink strength (0..1) of a pigment shade: carbon black diluted with water absorbs in proportion to its
 * concentration (Beer–Lambert), so strength = ln Y(shade) / ln Y(undiluted shade). The default #2e2a28 is 0.82.
 */
export function inkStrengthForShade(shade: string): number {
  const strength = Math.log(luminanceOfLinear(hexToLinear(shade))) / Math.log(luminanceOfLinear(hexToLinear(UNDILUTED_SHADE)));
  return Math.min(1, Math.max(0, strength));
}

const TABLE = PIGMENT_KERNEL_TABLE;
const GAUSSIANS = KERNEL_GAUSSIANS;
const LOG_MELANINS = TABLE.melanins.map(Math.log);
const INKS = [0, ...TABLE.inkStrengths];

/** Where x falls in an ascending grid: the cell's first index and the fraction across it (clamped to the grid). */
function bracket(grid: readonly number[], x: number): [number, number] {
  if (x <= grid[0]!) return [0, 0];
  const last = grid.length - 1;
  if (x >= grid[last]!) return [last - 1, 1];
  let i = 0;
  while (grid[i + 1]! < x) i++;
  return [i, (x - grid[i]!) / (grid[i + 1]! - grid[i]!)];
}

/** One table entry's Gaussian weight (ink index ≥ 1: index 0 is no ink at all). */
function tableWeight(weights: Float64Array, d: number, z: number, m: number, ink: number, gaussian: number, c: number): number {
  const entry = ((d * TABLE.depthsMm.length + z) * TABLE.melanins.length + m) * TABLE.inkStrengths.length + ink - 1;
  return weights[(entry * GAUSSIANS + gaussian) * 3 + c]!;
}

/**
 * Kernel for a deposit of this diameter and depth (mm), ink strength 0..1, in this skin: interpolated in the
 * Monte Carlo table (scripts/pigment-mc.ts) over diameter, depth, ink and epidermal melanin (the table's
 * dermis and scattering are this model's; only melanin varies between skins). Sizes and depths beyond the
 * table take its nearest entry, with the optical area scaled by the geometric area.
 */
export function pigmentKernel(diameterMm: number, depthMm: number, inkStrength: number, optics: SkinOptics): PigmentKernel {
  for (const [name, value] of [['diameter', diameterMm], ['depth', depthMm], ['ink strength', inkStrength], ['melanin', optics.melaninFraction]] as const) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`A pigment kernel needs a non-negative ${name}, not ${value}.`);
  }
  const table = pigmentKernelWeights();
  const [d0, dt] = bracket(TABLE.diametersMm, diameterMm);
  const [z0, zt] = bracket(TABLE.depthsMm, depthMm);
  const [m0, mt] = bracket(LOG_MELANINS, Math.log(Math.max(1e-6, optics.melaninFraction)));
  const [k0, kt] = bracket(INKS, Math.min(1, inkStrength));
  let logV0 = 0, logRatio = 0;
  // The four table entries around the deposit, each a sum of Gaussians (blended in melanin and ink), blended
  // as profiles: up to 16 Gaussians, projected below onto 4.
  const sourceVariances: number[] = [];
  const sourceWeights: number[][] = [];
  const logArea = [0, 0, 0];
  for (let corner = 0; corner < 4; corner++) {
    const d = d0 + (corner & 1), z = z0 + (corner >> 1);
    const wCorner = ((corner & 1) === 1 ? dt : 1 - dt) * ((corner >> 1) === 1 ? zt : 1 - zt);
    if (wCorner === 0) continue;
    const shape = (d * TABLE.depthsMm.length + z) * 2;
    const v0 = TABLE.shapes[shape]!, ratio = TABLE.shapes[shape + 1]!;
    logV0 += wCorner * Math.log(v0);
    logRatio += wCorner * Math.log(ratio);
    const geometric = (Math.PI * TABLE.diametersMm[d]! ** 2) / 4;
    const cornerArea = [0, 0, 0];
    for (let inner = 0; inner < 4; inner++) {
      const m = m0 + (inner & 1), k = k0 + (inner >> 1);
      const w = wCorner * ((inner & 1) === 1 ? mt : 1 - mt) * ((inner >> 1) === 1 ? kt : 1 - kt);
      if (w === 0 || k === 0) continue;
      for (let g = 0; g < GAUSSIANS; g++) {
        const areaPerWeight = (2 * Math.PI * v0 * ratio ** g) / geometric;
        const blended = [0, 0, 0];
        for (let c = 0; c < 3; c++) {
          const value = w * tableWeight(table, d, z, m, k, g, c);
          blended[c] = value;
          cornerArea[c]! += (value / wCorner) * areaPerWeight;
        }
        sourceVariances.push(v0 * ratio ** g);
        sourceWeights.push(blended);
      }
    }
    // Darkening falls about exponentially with depth: the corners' areas are blended geometrically.
    for (let c = 0; c < 3; c++) logArea[c]! += wCorner * Math.log(Math.max(1e-12, cornerArea[c]!));
  }
  const relativeArea = logArea.map((v) => (v < Math.log(1e-11) ? 0 : Math.exp(v)));
  const variancesMm2 = Array.from({ length: GAUSSIANS }, (_, g) => Math.exp(logV0 + g * logRatio));
  // The optical area is interpolated as a multiple of the deposit's own area; the weights are scaled to it.
  const opticalAreaMm2 = perChannel((c) => relativeArea[c]! * ((Math.PI * diameterMm * diameterMm) / 4));
  // Least squares along the radius (each radius alike, so the centre counts) with closed-form inner
  // products of Gaussians: ∫ e^(−r²/2a)·e^(−r²/2b) dr ∝ √(ab/(a + b)).
  const inner = (a: number, b: number) => Math.sqrt((a * b) / (a + b));
  const gram = variancesMm2.map((a) => variancesMm2.map((b) => inner(a, b)));
  const weights = Array.from({ length: GAUSSIANS }, () => [0, 0, 0]);
  for (const c of [0, 1, 2] as const) {
    const rhs = variancesMm2.map((a) => sourceVariances.reduce((sum, v, i) => sum + sourceWeights[i]![c]! * inner(a, v), 0));
    const fitted = nonNegativeLeastSquares(gram, rhs);
    const area = fitted.reduce((sum, w, g) => sum + 2 * Math.PI * variancesMm2[g]! * w, 0);
    const scale = area > 0 ? opticalAreaMm2[c] / area : 0;
    fitted.forEach((w, g) => (weights[g]![c] = w * scale));
  }
  return { variancesMm2, weights: weights.map((w) => perChannel((c) => w[c]!)), opticalAreaMm2 };
}

/** min ‖Ax − b‖ with x ≥ 0 from the normal equations (gram = AᵀA, rhs = Aᵀb): the best solution over supports. */
function nonNegativeLeastSquares(gram: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  let best = new Array<number>(n).fill(0);
  let bestCost = 0;
  for (let mask = 1; mask < 1 << n; mask++) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) idx.push(i);
    const m = idx.map((i) => [...idx.map((j) => gram[i]![j]!), rhs[i]!]);
    let ok = true;
    for (let col = 0; col < idx.length && ok; col++) {
      const pivot = m[col]![col]!;
      if (Math.abs(pivot) < 1e-15) ok = false;
      else
        for (let r = 0; r < idx.length; r++) {
          if (r === col) continue;
          const f = m[r]![col]! / pivot;
          for (let j = col; j <= idx.length; j++) m[r]![j]! -= f * m[col]![j]!;
        }
    }
    if (!ok) continue;
    const x = idx.map((_, r) => m[r]![idx.length]! / m[r]![r]!);
    if (x.some((v) => v < 0)) continue;
    // ‖Ax − b‖² − ‖b‖² = xᵀGx − 2xᵀh = −xᵀh at the support's optimum.
    const cost = -x.reduce((sum, v, r) => sum + v * rhs[idx[r]!]!, 0);
    if (cost < bestCost) {
      bestCost = cost;
      best = new Array<number>(n).fill(0);
      idx.forEach((i, r) => (best[i] = x[r]!));
    }
  }
  return best;
}

/** The darkening of one kernel at r mm from the deposit's centre, per channel. */
export function kernelDarkening(kernel: PigmentKernel, rMm: number): Rgb {
  return perChannel((c) => kernel.weights.reduce((sum, w, g) => sum + w[c] * Math.exp((-rMm * rMm) / (2 * kernel.variancesMm2[g]!)), 0));
}

const perChannel = (f: (c: 0 | 1 | 2) => number): Rgb => [f(0), f(1), f(2)];

/** The far-field darkening of dots with optical area A_c at n dots per mm², each scaled by k: 1 − exp(−n·k·A_c). */
export function farFieldDarkening(kernel: PigmentKernel, dotsPerMm2: number, scale = 1): Rgb {
  return perChannel((c) => 1 - Math.exp(-dotsPerMm2 * scale * kernel.opticalAreaMm2[c]));
}

export interface DarkeningInputs {
  optics: SkinOptics;
  diameterMm: number;
  depthMm: number;
  densityPerCm2: number;
  /** Pigment shade '#rrggbb': sets the ink strength. */
  shade: string;
  /** The plan's opacity 0..1: scales every deposit's darkening. */
  opacity: number;
  /** Mean pigment strength of the sessions done (sessionLayers().meanStrength × visibleShare of the dots). */
  sessionStrength: number;
}

export interface PredictedDarkening {
  kernel: PigmentKernel;
  /** Mean darkening per channel seen from afar (share of the skin's diffuse light the pigment takes). */
  darkening: Rgb;
  skin: Rgb;
  inked: Rgb;
  /** L* of the bare skin minus L* of the inked skin, under D65, from the linear albedos. */
  deltaL: number;
}

/**
 * What a plan does to a skin seen from afar: each dot's kernel at the shade's ink strength, scaled by the
 * opacity and the sessions' strength, combined as transmittances over the dots (exact in the mean for
 * randomly placed dots): darkening = 1 − exp(−n·k·A_c), applied to the skin's albedo.
 */
export function predictedDarkening(inputs: DarkeningInputs): PredictedDarkening {
  const kernel = pigmentKernel(inputs.diameterMm, inputs.depthMm, inkStrengthForShade(inputs.shade), inputs.optics);
  const darkening = farFieldDarkening(kernel, inputs.densityPerCm2 / 100, inputs.opacity * inputs.sessionStrength);
  const skin = skinAlbedo(inputs.optics);
  const inked: Rgb = [skin[0] * (1 - darkening[0]), skin[1] * (1 - darkening[1]), skin[2] * (1 - darkening[2])];
  return { kernel, darkening, skin, inked, deltaL: linearToLab(skin)[0] - linearToLab(inked)[0] };
}
