/**
 * Anatomical landmarks of a head in the head frame: millimetres, +Y up, +Z forward (the face looks
 * toward +Z), +X toward the subject's left, origin at the midpoint of the two tragi.
 * Every landmark is a point on the skin surface.
 */
export const LANDMARK_NAMES = [
  'glabella',
  'nasion',
  'vertex',
  'inion',
  'menton',
  'leftTragus',
  'rightTragus',
  'leftLateralCanthus',
  'rightLateralCanthus',
  'leftFrontotemporal',
  'rightFrontotemporal',
] as const;

export type LandmarkName = (typeof LANDMARK_NAMES)[number];

export type Vec3 = [number, number, number];

export type Landmarks = Record<LandmarkName, Vec3>;

export function isLandmarkName(name: string): name is LandmarkName {
  return (LANDMARK_NAMES as readonly string[]).includes(name);
}

export function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

export function midpoint(a: Vec3, b: Vec3): Vec3 {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
}

/** Mirror a point across the midsagittal plane (x = 0). */
export function mirrorX(p: Vec3): Vec3 {
  return [-p[0], p[1], p[2]];
}

/**
 * Parse landmarks from untrusted data (e.g. glTF extras): every name must be present as three
 * finite numbers.
 */
export function parseLandmarks(data: unknown): Landmarks {
  if (typeof data !== 'object' || data === null) throw new Error('landmarks: expected an object');
  const record = data as Record<string, unknown>;
  const out = {} as Landmarks;
  for (const name of LANDMARK_NAMES) {
    const value = record[name];
    if (
      !Array.isArray(value) ||
      value.length !== 3 ||
      !value.every((c) => typeof c === 'number' && Number.isFinite(c))
    ) {
      throw new Error(`landmarks: ${name} must be [x, y, z]`);
    }
    out[name] = [value[0], value[1], value[2]];
  }
  return out;
}
