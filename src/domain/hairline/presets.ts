import type { Landmarks } from '../head/landmarks.ts';
import { buildHairline, LEVEL_FRONT, type FrontProfile, type Hairline, type Projector } from './hairline.ts';

/**
 * Hairline presets: the Garg construction of `buildHairline` with the heights set by age and the front
 * line (between the frontotemporal points) set by shape. Every preset has the same 38-point loop
 * structure as `defaultHairline` (points[0] = mid-frontal point, left side first), so a practitioner
 * can switch presets and keep editing the same handles. Figures from the domain notes ("Hairline design").
 */

export const HAIRLINE_AGES = ['juvenile', 'mature', 'conservative'] as const;
export type HairlineAge = (typeof HAIRLINE_AGES)[number];

export const HAIRLINE_SHAPES = ['straight', 'rounded', 'm-shaped', 'widows-peak', 'triangular'] as const;
export type HairlineShape = (typeof HAIRLINE_SHAPES)[number];

export interface AgeSpec {
  /** Mid-frontal point above the glabella along the skin, mm. */
  midFrontalMm: number;
  /**
   * Frontotemporal corners relative to the level (Garg) line, mm up the skin: a juvenile line keeps its
   * corners filled in and low; a mature one has receded at the temples, a conservative one leaves room
   * for recession still to come.
   */
  cornerMm: number;
  /** Temporal peak reach from the FTP toward the lateral canthus: a longer reach is a fuller temple. */
  temporalPeakMm: number;
}

/**
 * Juvenile 7 cm (the aggressive limit clinics advise), mature 8 cm (Garg; 1 cm above juvenile, its
 * corners 1.5 cm above juvenile's: more temporal recession), conservative 9.5 cm (toward the notes'
 * ~10 cm conservative figure). Mature straight is exactly `defaultHairline`'s construction.
 */
export const AGE_SPECS: Record<HairlineAge, AgeSpec> = {
  juvenile: { midFrontalMm: 70, cornerMm: -5, temporalPeakMm: 55 },
  mature: { midFrontalMm: 80, cornerMm: 0, temporalPeakMm: 50 },
  conservative: { midFrontalMm: 95, cornerMm: 5, temporalPeakMm: 45 },
};

const smoothstep = (a: number, b: number, x: number): number => {
  const u = Math.max(0, Math.min(1, (x - a) / (b - a)));
  return u * u * (3 - 2 * u);
};

/**
 * Front profile per shape, given the age's corner offset `c` (mm): extra height up the skin at
 * lateral fraction s (0 midline, 1 the lateral epicanthal line). Recession depths are typical
 * practitioner figures, chosen so the shapes read clearly at consultation distance:
 *  - straight: level, with the age's corner offset only at the very corners (s⁴): defined corners.
 *  - rounded: a parabola to 12 mm of extra corner recession: a smooth arch with corners set back.
 *  - m-shaped: level centre lobe out to s ≈ 0.35, then 18 mm of recession into the corners.
 *  - widows-peak: a V of 10 mm over the central 30% each side, level beyond it: the midline point is
 *    the lowest point of the front line (the age's height), the rest sits 1 cm higher.
 *  - triangular: a straight slope from the pointed centre back 15 mm to the corners.
 */
export function frontProfile(shape: HairlineShape, c: number): FrontProfile {
  switch (shape) {
    case 'straight':
      return c === 0 ? LEVEL_FRONT : (s) => c * s ** 4;
    case 'rounded':
      return (s) => (c + 12) * s * s;
    case 'm-shaped':
      return (s) => (c + 18) * smoothstep(0.35, 1, s);
    case 'widows-peak':
      return (s) => 10 * Math.min(1, s / 0.3) + c * s ** 4;
    case 'triangular':
      return (s) => (c + 15) * s;
  }
}

/** A complete starting hairline for the head: heights by age, front line by shape. */
export function hairlinePreset(landmarks: Landmarks, project: Projector, age: HairlineAge, shape: HairlineShape): Hairline {
  const spec = AGE_SPECS[age];
  return buildHairline(landmarks, project, {
    midFrontalMm: spec.midFrontalMm,
    temporalPeakMm: spec.temporalPeakMm,
    frontRise: frontProfile(shape, spec.cornerMm),
  });
}

/** The words people use for the preset ages and shapes (panel and report). */
export const HAIRLINE_AGE_LABELS: Record<HairlineAge, string> = { juvenile: 'Juvenile', mature: 'Mature', conservative: 'Conservative' };
export const HAIRLINE_SHAPE_LABELS: Record<HairlineShape, string> = {
  straight: 'Straight',
  rounded: 'Rounded',
  'm-shaped': 'M-shaped',
  'widows-peak': 'Widow’s peak',
  triangular: 'Triangular',
};
