/**
 * Scalp regions for the density map, as clinics divide the scalp when they plan density: frontal,
 * mid-scalp, crown (vertex), left and right temporal, left and right parietal, and occipital. Regions are
 * laid out from the head's own landmarks and blend softly into each other (about a centimetre), so a
 * different density in one region never shows a seam.
 */
import type { Landmarks, Vec3 } from '../head/landmarks';

export const DENSITY_REGIONS = [
  'frontal',
  'midScalp',
  'crown',
  'leftTemporal',
  'rightTemporal',
  'leftParietal',
  'rightParietal',
  'occipital',
] as const;
export type DensityRegion = (typeof DENSITY_REGIONS)[number];

export const DENSITY_REGION_LABELS: Record<DensityRegion, string> = {
  frontal: 'Frontal',
  midScalp: 'Mid-scalp',
  crown: 'Crown (vertex)',
  leftTemporal: 'Left temporal',
  rightTemporal: 'Right temporal',
  leftParietal: 'Left parietal',
  rightParietal: 'Right parietal',
  occipital: 'Occipital',
};

/** Highest density factor: half as dense again as the plan's density (the dot lattice leaves room for it). */
export const MAX_DENSITY_FACTOR = 1.5;

/** Half-width of the soft border between regions, as a share of the head's size (~1 cm each way). */
const BLEND = 0.05;

const smooth = (x: number) => {
  const t = Math.min(1, Math.max(0, (x + BLEND) / (2 * BLEND)));
  return t * t * (3 - 2 * t);
};

/**
 * Each region's share (summing to 1) at a point of the scalp. The head is measured in its own terms:
 * front-to-back from the inion to the glabella, side from the midline to a tragus, height from the tragi
 * to the vertex. The middle band (within 60 % of the way to a tragus) runs frontal (front 30 %), mid-scalp,
 * then crown above 70 % of the height or occipital below; each side is temporal in front of the middle of
 * the head, parietal behind it above 35 % of the height, and occipital below.
 */
export function regionShares(p: Vec3, landmarks: Landmarks, out: Float32Array | number[] = new Float32Array(DENSITY_REGIONS.length)) {
  const { glabella, inion, vertex, leftTragus, rightTragus } = landmarks;
  const front = (p[2] - inion[2]) / (glabella[2] - inion[2]);
  const halfWidth = (leftTragus[0] - rightTragus[0]) / 2;
  const side = p[0] / halfWidth;
  const tragusY = (leftTragus[1] + rightTragus[1]) / 2;
  const height = (p[1] - tragusY) / (vertex[1] - tragusY);

  const lateral = smooth(Math.abs(side) - 0.6);
  const middle = 1 - lateral;
  const left = smooth(side / 4);
  const back = 1 - smooth(front - 0.45);
  const sideFront = smooth(front - 0.5);
  const sideHigh = smooth(height - 0.35);
  const crownHigh = smooth(height - 0.7);

  out[0] = middle * smooth(front - 0.7);
  out[1] = middle * (1 - back) * (1 - smooth(front - 0.7));
  out[2] = middle * back * crownHigh;
  out[3] = lateral * left * sideFront;
  out[4] = lateral * (1 - left) * sideFront;
  out[5] = lateral * left * (1 - sideFront) * sideHigh;
  out[6] = lateral * (1 - left) * (1 - sideFront) * sideHigh;
  out[7] = middle * back * (1 - crownHigh) + lateral * (1 - sideFront) * (1 - sideHigh);
  return out;
}

/** The region a point belongs to most. */
export function regionAt(p: Vec3, landmarks: Landmarks): DensityRegion {
  const shares = regionShares(p, landmarks);
  let best = 0;
  for (let i = 1; i < shares.length; i++) if (shares[i]! > shares[best]!) best = i;
  return DENSITY_REGIONS[best]!;
}

/** Every vertex's region shares, 8 per vertex (computed once per head). */
export function vertexRegionShares(positions: ArrayLike<number>, landmarks: Landmarks): Float32Array {
  const n = positions.length / 3;
  const out = new Float32Array(n * DENSITY_REGIONS.length);
  const shares = new Float32Array(DENSITY_REGIONS.length);
  for (let v = 0; v < n; v++) {
    regionShares([positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!], landmarks, shares);
    out.set(shares, v * DENSITY_REGIONS.length);
  }
  return out;
}
