/**
 * The hair under the skin, seen through it: why a shaved or buzz-cut head looks shaded, blue-grey where the
 * hair is dark. Each hair's shaft runs from its exit at the surface down to its bulb at a low angle; its
 * pigmented part is a line of absorbers, each seen through the skin like an SMP pigment deposit (the
 * appearance model's `pigmentKernel`, whose per-channel optical areas fall with depth and give the shadow
 * its blue-grey cast). The shaft is followed down to the deepest the kernel's Monte Carlo table reaches
 * (SHAFT_VISIBLE_DEPTH_MM): below it green and blue no longer see it, and red only as a wide, faint haze.
 * Each channel's shadow has its own length and width from the same kernels: red sees the shaft deeper and
 * spread wider, so its darkening is fainter and wider, blue's is short and narrow; one width for all would
 * pile red's darkening onto blue's and green's narrow core and tint the core teal.
 */
import { inkStrengthForShade, pigmentKernel, skinOpticsForTone, type Rgb } from '../appearance';
import { hexToLinear, linearToHex } from '../color';

/** Shaft diameter (mm): terminal scalp hair is 60–100 µm. */
export const SHAFT_DIAMETER_MM = 0.08;
/** The follicle's angle to the skin (scalp hair leaves the skin at about 30°). */
export const SHAFT_ANGLE_DEG = 30;
/** How deep (mm) the shaft is followed: the pigmented shaft runs to above the bulb, 3–4 mm down in terminal
 *  hair, but the appearance model's kernels reach 1 mm. */
export const SHAFT_VISIBLE_DEPTH_MM = 1;
/** Least width (mm) of a shaft's shadow on the surface: the 80 µm shaft blurred by the skin just under it. */
export const SHAFT_SHADOW_WIDTH_MM = 0.2;
/** The darkest a shaft's shadow gets: darker would take more light than is there, so it spreads wider. */
const MAX_DARKENING = 0.9;

export interface ShaftShadow {
  /** Darkening (0..1, per channel) of the skin just behind a hair's exit, per hair. */
  rootDarkening: Rgb;
  /** Distance along the surface (mm, per channel) over which that darkening falls by e, behind the exit. */
  lengthMm: Rgb;
  /** Width of the shadow (mm, per channel). */
  widthMm: Rgb;
  /** The skin one hair darkens fully, per channel (mm²): the integral of its shadow. */
  opticalAreaMm2: Rgb;
}

const SEGMENTS = 20;

let last: { key: string; shadow: ShaftShadow } | null = null;

/**
 * The shadow of one shaft of hair of this colour under skin of this tone (both `#rrggbb`). The last answer
 * is kept: every plan edit asks, and the colours rarely change.
 */
export function shaftShadow(hairColor: string, skinColor: string): ShaftShadow {
  const key = `${hairColor}${skinColor}`;
  if (last?.key !== key) last = { key, shadow: computeShaftShadow(hairColor, skinColor) };
  return last.shadow;
}

function computeShaftShadow(hairColor: string, skinColor: string): ShaftShadow {
  const optics = skinOpticsForTone(skinColor);
  // Hair melanin absorbs as ink does (Beer–Lambert), but with the hair's own colour: per channel, the
  // strength of a grey as dark as the hair is in that channel (black hair ~1 in all three; brown and blond
  // hair absorb blue more than red, as melanin does, which warms the shadow).
  const strengths = hexToLinear(hairColor).map((v) => inkStrengthForShade(linearToHex([v, v, v])));
  const angle = (SHAFT_ANGLE_DEG * Math.PI) / 180;
  const segmentMm = SHAFT_VISIBLE_DEPTH_MM / Math.sin(angle) / SEGMENTS;
  // A segment seen from above covers diameter × its run along the surface: that many discs of the shaft's diameter.
  const discs = (SHAFT_DIAMETER_MM * segmentMm * Math.cos(angle)) / (Math.PI * (SHAFT_DIAMETER_MM / 2) ** 2);
  // Per channel: the area it takes, its first moment along the surface behind the exit, and the integral
  // along the shaft of its cross-section's peak (a Gaussian of variance v and area a, summed along the shaft,
  // crosses it as a/√(2πv) at its middle).
  const area = [0, 0, 0];
  const moment = [0, 0, 0];
  const peakLine = [0, 0, 0];
  for (let i = 0; i < SEGMENTS; i++) {
    const depth = (i + 0.5) * segmentMm * Math.sin(angle);
    for (const c of [0, 1, 2] as const) {
      const kernel = pigmentKernel(SHAFT_DIAMETER_MM, depth, strengths[c]!, optics);
      const seen = kernel.opticalAreaMm2[c] * discs;
      area[c]! += seen;
      moment[c]! += (seen * depth) / Math.tan(angle);
      peakLine[c]! += discs * kernel.weights.reduce((sum, w, g) => sum + w[c] * Math.sqrt(2 * Math.PI * kernel.variancesMm2[g]!), 0);
    }
  }
  // Drawn falling off exponentially behind the exit, across as a Gaussian of the cross-section's peak and
  // integral (shaders/hair.glsl, shaftProfile: σ = width/√(2π)), with the same integral (peak × width ×
  // length = area), mean distance and peak along its middle; no darker than MAX_DARKENING (it widens
  // instead) nor narrower than SHAFT_SHADOW_WIDTH_MM.
  const lengthMm = perChannel((c) => (area[c]! > 0 ? moment[c]! / area[c]! : 1));
  const widthMm = perChannel((c) => {
    const width = peakLine[c]! > 0 ? area[c]! / peakLine[c]! : SHAFT_SHADOW_WIDTH_MM;
    return Math.max(SHAFT_SHADOW_WIDTH_MM, width, area[c]! / (MAX_DARKENING * lengthMm[c]));
  });
  const rootDarkening = perChannel((c) => area[c]! / (widthMm[c] * lengthMm[c]));
  return { rootDarkening, lengthMm, widthMm, opticalAreaMm2: perChannel((c) => area[c]!) };
}

const perChannel = (f: (c: 0 | 1 | 2) => number): Rgb => [f(0), f(1), f(2)];
