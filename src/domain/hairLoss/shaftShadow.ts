/**
 * The hair under the skin, seen through it: why a shaved or buzz-cut head looks shaded, blue-grey where the
 * hair is dark. Each hair's shaft runs from its exit at the surface down to its bulb at a low angle; its
 * pigmented part is a line of absorbers, each seen through the skin like an SMP pigment deposit (the
 * appearance model's `pigmentKernel`, whose per-channel optical areas fall with depth and give the shadow
 * its blue-grey cast). The shaft is followed down to the deepest the kernel's Monte Carlo table reaches
 * (SHAFT_VISIBLE_DEPTH_MM): below it green and blue no longer see it, and red only as a wide, faint haze.
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
  /** Width of the shadow (mm). */
  widthMm: number;
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
  const area: [number, number, number] = [0, 0, 0];
  // The shadow's mean distance behind the exit (mm along the surface), weighted by how much each part shows
  // in green (most of the luminance): an exponential fall-off of that length has the same spread.
  let moment = 0;
  for (let i = 0; i < SEGMENTS; i++) {
    const depth = (i + 0.5) * segmentMm * Math.sin(angle);
    const seen = [0, 1, 2].map((c) => pigmentKernel(SHAFT_DIAMETER_MM, depth, strengths[c]!, optics).opticalAreaMm2[c]! * discs);
    for (const c of [0, 1, 2] as const) area[c] += seen[c]!;
    moment += (seen[1]! * depth) / Math.tan(angle);
  }
  const footprintMm = moment / area[1];
  // Drawn as that fall-off behind the exit, of the same integral: peak × width × length = area.
  const widthMm = Math.max(SHAFT_SHADOW_WIDTH_MM, Math.max(...area) / (MAX_DARKENING * footprintMm));
  const rootDarkening = area.map((a) => a / (widthMm * footprintMm)) as unknown as Rgb;
  return { rootDarkening, lengthMm: [footprintMm, footprintMm, footprintMm], widthMm, opticalAreaMm2: area };
}
