import type { Vec3 } from './landmarks.ts';

/**
 * A client's head as a few numbers, and the warp of space that takes the default head to that shape.
 *
 * The warp is closed-form in the head frame (mm, +Y up, +Z forward, +X the subject's left, origin between
 * the tragi) and uses only the five numbers below and fixed constants, so a vertex shader can evaluate it
 * with a handful of uniforms, and anything placed on the default head (landmarks, the hairline, the plan's
 * points) follows the skin exactly. It is smooth and fold-free, and it never moves a point across x = 0:
 *
 *   x' = size · breadth · x
 *   y' = size · (y + crownHeightMm · lift(y))
 *   z' = size · length · (z − lean · recline(y) · front(z)),  lean = tan(32° + foreheadSlopeDeg) − tan 32°
 *
 * lift rises smoothly from 0 at brow level to 1 at the vertex, so the crown goes up and the face stays;
 * recline grows with height above the brow and front is 1 on the forehead and 0 behind the ears, so the
 * forehead leans back about the brow while the back of the head stays (32° is the default head's upper forehead,
 * so its lean changes by exactly foreheadSlopeDeg). Each output coordinate depends on
 * its own input coordinate and those before it in the order (y, z, x), so the Jacobian is triangular and its
 * determinant, the product of three positive factors, never reaches 0 within the ranges below.
 */
export interface HeadShape {
  /** Every dimension times this (1 = the default head). */
  size: number;
  /** Front-to-back length relative to the head's size (1 = the default head's proportion). */
  length: number;
  /** Side-to-side breadth relative to the head's size (1 = the default head's proportion). */
  breadth: number;
  /** Degrees the upper forehead (where the hairline sits) leans back more than the default head's (negative: more upright). */
  foreheadSlopeDeg: number;
  /** Millimetres the crown stands higher above the ears than the default head's (negative: lower). */
  crownHeightMm: number;
}

export type HeadShapeParameter = keyof HeadShape;

export const HEAD_SHAPE_PARAMETERS = ['size', 'length', 'breadth', 'foreheadSlopeDeg', 'crownHeightMm'] as const satisfies readonly HeadShapeParameter[];

/** The default head itself: the warp is the identity. */
export const DEFAULT_HEAD_SHAPE: Readonly<HeadShape> = { size: 1, length: 1, breadth: 1, foreheadSlopeDeg: 0, crownHeightMm: 0 };

/**
 * How far each parameter goes among adults: `spread` is about one standard deviation (the fit's prior, so
 * that a few points cannot make a wild head), `min` and `max` the slider's ends, past which no adult head
 * goes. Figures from adult anthropometry (ANSUR II, Gordon et al. 2014; Farkas 1994), men and women pooled:
 *  - head circumference about 52–62 cm (SD about 1.6 cm on 56 cm, ~3 %; pooled with the sex difference ~4 %);
 *  - head length (glabella–opisthocranion) about 175–210 mm (SD about 7 mm, ~3.5 %; default head 195 mm);
 *  - head breadth about 135–165 mm (SD about 6 mm, ~4 %; default head 149 mm); the cephalic index
 *    (breadth / length) runs about 70–90, so length and breadth vary ±10 % against each other;
 *  - tragion–vertex height about 115–145 mm (SD about 6 mm; default head 132 mm);
 *  - the forehead's inclination from the vertical varies by roughly ±10° between adults.
 * Over the head's box (up to 140 mm high) the warp stays fold-free past these ends: for any crownHeightMm
 * above −59 and foreheadSlopeDeg below 17.
 */
export const HEAD_SHAPE_RANGES: Readonly<Record<HeadShapeParameter, { min: number; max: number; spread: number }>> = {
  size: { min: 0.88, max: 1.12, spread: 0.04 },
  length: { min: 0.9, max: 1.1, spread: 0.035 },
  breadth: { min: 0.9, max: 1.1, spread: 0.04 },
  foreheadSlopeDeg: { min: -12, max: 12, spread: 6 },
  crownHeightMm: { min: -18, max: 18, spread: 6 },
};

/** Brow level: the default head's glabella height; nothing below it moves with the forehead or the crown. */
export const BROW_HEIGHT_MM = 43;
/** The default head's vertex height: above it the crown moves up as a whole. */
export const VERTEX_HEIGHT_MM = 132;
/**
 * How far the default head's upper forehead leans back from the vertical: its midline profile between 20 and
 * 70 mm above the brow (measured on the mesh by the unit test).
 */
export const DEFAULT_FOREHEAD_LEAN_DEG = 32;
/** Height over which the forehead's lean sets in above the brow, so the brow ridge bends smoothly. */
const RECLINE_ONSET_MM = 20;
/** The forehead leans fully in front of this depth (the forehead and face)... */
const FOREHEAD_FRONT_Z_MM = 60;
/** ...and not at all behind this one (just in front of the ears), so the back of the head keeps its shape. */
const FOREHEAD_BACK_Z_MM = -10;

/** Cubic smoothstep from 0 at `a` to 1 at `b`, with its derivative (for the Jacobian). */
function smoothstepWithSlope(a: number, b: number, v: number): [number, number] {
  const t = Math.min(Math.max((v - a) / (b - a), 0), 1);
  return [t * t * (3 - 2 * t), (6 * t * (1 - t)) / (b - a)];
}

/** Height above the brow, rounded to start at slope 0 over the onset (C¹), with its derivative; 0 below the brow. */
function reclineWithSlope(y: number): [number, number] {
  const h = y - BROW_HEIGHT_MM;
  if (h <= 0) return [0, 0];
  if (h < RECLINE_ONSET_MM) return [(h * h) / (2 * RECLINE_ONSET_MM), h / RECLINE_ONSET_MM];
  return [h - RECLINE_ONSET_MM / 2, 1];
}

const tanDeg = (deg: number) => Math.tan((deg * Math.PI) / 180);

/** How much farther back the forehead goes per millimetre up, for this slope (`lean` in the Jacobian below). */
export const extraLean = (shape: HeadShape) => tanDeg(DEFAULT_FOREHEAD_LEAN_DEG + shape.foreheadSlopeDeg) - tanDeg(DEFAULT_FOREHEAD_LEAN_DEG);

/** The point of the default head at `p` moved onto the head of this shape. */
export function warpPoint(shape: HeadShape, p: Vec3): Vec3 {
  const [x, y, z] = p;
  const [lift] = smoothstepWithSlope(BROW_HEIGHT_MM, VERTEX_HEIGHT_MM, y);
  const [recline] = reclineWithSlope(y);
  const [front] = smoothstepWithSlope(FOREHEAD_BACK_Z_MM, FOREHEAD_FRONT_Z_MM, z);
  const s = shape.size;
  return [
    s * shape.breadth * x,
    s * (y + shape.crownHeightMm * lift),
    s * shape.length * (z - extraLean(shape) * recline * front),
  ];
}

/**
 * ∂warp/∂p at `p` (row-major 3 × 3): a shader turns normals with its inverse transpose. Triangular, so its
 * determinant is the product of the diagonal.
 */
export function warpJacobian(shape: HeadShape, p: Vec3): number[] {
  const [, y, z] = p;
  const [, liftSlope] = smoothstepWithSlope(BROW_HEIGHT_MM, VERTEX_HEIGHT_MM, y);
  const [recline, reclineSlope] = reclineWithSlope(y);
  const [front, frontSlope] = smoothstepWithSlope(FOREHEAD_BACK_Z_MM, FOREHEAD_FRONT_Z_MM, z);
  const s = shape.size, lean = extraLean(shape), depth = s * shape.length;
  return [
    s * shape.breadth, 0, 0,
    0, s * (1 + shape.crownHeightMm * liftSlope), 0,
    0, -depth * lean * reclineSlope * front, depth * (1 - lean * recline * frontSlope),
  ];
}

/** Named points (landmarks, photo points) of the default head moved onto the head of this shape. */
export function warpNamedPoints<K extends string>(shape: HeadShape, points: Readonly<Record<K, Vec3>>): Record<K, Vec3> {
  const out = {} as Record<K, Vec3>;
  for (const name of Object.keys(points) as K[]) out[name] = warpPoint(shape, points[name]);
  return out;
}

/** A warped copy of flat xyz positions (a mesh of the default head). */
export function warpPositions(shape: HeadShape, positions: ArrayLike<number>): Float32Array {
  const out = new Float32Array(positions.length);
  for (let i = 0; i < positions.length; i += 3) out.set(warpPoint(shape, [positions[i]!, positions[i + 1]!, positions[i + 2]!]), i);
  return out;
}

/** The shape with every parameter brought within its range. */
export function clampHeadShape(shape: HeadShape): HeadShape {
  const out = { ...shape };
  for (const name of HEAD_SHAPE_PARAMETERS) {
    const { min, max } = HEAD_SHAPE_RANGES[name];
    out[name] = Math.min(Math.max(shape[name], min), max);
  }
  return out;
}
