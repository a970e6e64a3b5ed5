/**
 * The default head reshaped by the plan's head shape (./headShape.ts), as the app shows and measures it.
 *
 * The plan keeps its points (hairline, painting, scars) in the default head's own frame, the "plan frame",
 * and the per-vertex layers are computed on the default head's mesh: they follow the skin whatever the
 * shape. What the user sees and points at is the warped head, the "shown frame": a hit on it comes back to
 * the plan frame through `unwarpPoint`, and a plan point goes to the screen through `warpPoint`.
 */
import type { ClosestHit, SurfaceQuery } from '../geometry/closestPoint';
import type { Hairline } from '../hairline/hairline';
import { sameData } from '../plainData';
import { DEFAULT_HEAD_SHAPE, extraLean, warpJacobian, warpNamedPoints, warpPoint, warpPositions, type HeadShape } from './headShape';
import { distance, type Landmarks, type Vec3 } from './landmarks';

/** The shape is the default head's own: nothing to warp. */
export const isDefaultShape = (shape: HeadShape): boolean => sameData(shape, DEFAULT_HEAD_SHAPE);

/** The warp's Jacobian's non-zero entries (it is lower triangular, see headShape.ts): x, y and z scales and ∂z′/∂y. */
function jacobianParts(shape: HeadShape, p: Vec3): { a: number; d: number; f: number; g: number } {
  const j = warpJacobian(shape, p);
  return { a: j[0]!, d: j[4]!, f: j[7]!, g: j[8]! };
}

/**
 * The point of the default head that the warp takes to `q` (the inverse of `warpPoint`): Newton's method on
 * the triangular system, which converges in a few steps as the warp is monotone in each coordinate.
 */
export function unwarpPoint(shape: HeadShape, q: Vec3): Vec3 {
  const p: Vec3 = [q[0] / (shape.size * shape.breadth), q[1] / shape.size, q[2] / (shape.size * shape.length)];
  for (let i = 0; i < 30; i++) {
    const w = warpPoint(shape, p);
    const r0 = w[0] - q[0], r1 = w[1] - q[1], r2 = w[2] - q[2];
    if (Math.abs(r0) + Math.abs(r1) + Math.abs(r2) < 1e-7) break;
    const { a, d, f, g } = jacobianParts(shape, p);
    const d0 = r0 / a, d1 = r1 / d;
    p[0] -= d0;
    p[1] -= d1;
    p[2] -= (r2 - f * d1) / g;
  }
  return p;
}

const normalized = (x: number, y: number, z: number): Vec3 => {
  const l = Math.hypot(x, y, z) || 1;
  return [x / l, y / l, z / l];
};

/** A surface normal at `p` of the default head, turned onto the warped head (by the Jacobian's inverse transpose). */
export function warpNormal(shape: HeadShape, p: Vec3, n: Vec3): Vec3 {
  const { a, d, f, g } = jacobianParts(shape, p);
  const z = n[2] / g;
  return normalized(n[0] / a, (n[1] - f * z) / d, z);
}

/** A normal of the warped head at the default head's point `p`, turned back onto the default head (the Jacobian's transpose). */
export function unwarpNormal(shape: HeadShape, p: Vec3, n: Vec3): Vec3 {
  const { a, d, f, g } = jacobianParts(shape, p);
  return normalized(a * n[0], d * n[1] + f * n[2], g * n[2]);
}

/** Flat xyz normals of a mesh of the default head (at its flat xyz `positions`), turned onto the warped head. */
export function warpNormals(shape: HeadShape, positions: ArrayLike<number>, normals: ArrayLike<number>): Float32Array {
  const out = new Float32Array(normals.length);
  for (let i = 0; i < normals.length; i += 3) {
    out.set(warpNormal(shape, [positions[i]!, positions[i + 1]!, positions[i + 2]!], [normals[i]!, normals[i + 1]!, normals[i + 2]!]), i);
  }
  return out;
}

/**
 * A mesh of the default head warped again and again (a slider drag), with nothing allocated per vertex. The
 * warp's profile terms (how much of the crown's lift and of the forehead's lean each vertex takes, and their
 * slopes) depend on the vertex alone, not on the shape: they are read once from `warpPoint` and
 * `warpJacobian` with unit shapes, and each shape then costs a few multiplications a vertex.
 */
export class MeshWarp {
  private readonly lift: Float64Array;
  private readonly liftSlope: Float64Array;
  /** recline(y) · front(z), and its derivatives along y and z (see headShape.ts). */
  private readonly lean: Float64Array;
  private readonly leanSlopeY: Float64Array;
  private readonly leanSlopeZ: Float64Array;

  constructor(readonly positions: Float32Array) {
    const count = positions.length / 3;
    this.lift = new Float64Array(count);
    this.liftSlope = new Float64Array(count);
    this.lean = new Float64Array(count);
    this.leanSlopeY = new Float64Array(count);
    this.leanSlopeZ = new Float64Array(count);
    const crown: HeadShape = { ...DEFAULT_HEAD_SHAPE, crownHeightMm: 1 };
    const forehead: HeadShape = { ...DEFAULT_HEAD_SHAPE, foreheadSlopeDeg: 10 };
    const lean = extraLean(forehead);
    for (let v = 0; v < count; v++) {
      const p: Vec3 = [positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!];
      this.lift[v] = warpPoint(crown, p)[1] - p[1];
      this.liftSlope[v] = warpJacobian(crown, p)[4]! - 1;
      const j = warpJacobian(forehead, p);
      this.lean[v] = (p[2] - warpPoint(forehead, p)[2]) / lean;
      this.leanSlopeY[v] = -j[7]! / lean;
      this.leanSlopeZ[v] = (1 - j[8]!) / lean;
    }
  }

  /** Writes the mesh warped by `shape` into `out`, and its `normals` (at the same vertices) turned with it into `outNormals`. */
  warp(shape: HeadShape, out: Float32Array, normals?: ArrayLike<number>, outNormals?: Float32Array): void {
    const { positions } = this;
    const s = shape.size, a = s * shape.breadth, depth = s * shape.length, c = shape.crownHeightMm, lean = extraLean(shape);
    for (let v = 0, i = 0; i < positions.length; v++, i += 3) {
      out[i] = a * positions[i]!;
      out[i + 1] = s * (positions[i + 1]! + c * this.lift[v]!);
      out[i + 2] = depth * (positions[i + 2]! - lean * this.lean[v]!);
      if (!normals || !outNormals) continue;
      // The Jacobian's inverse transpose, as in warpNormal.
      const d = s * (1 + c * this.liftSlope[v]!), f = -depth * lean * this.leanSlopeY[v]!, g = depth * (1 - lean * this.leanSlopeZ[v]!);
      const z = normals[i + 2]! / g, y = (normals[i + 1]! - f * z) / d, x = normals[i]! / a;
      const l = Math.hypot(x, y, z) || 1;
      outNormals[i] = x / l;
      outNormals[i + 1] = y / l;
      outNormals[i + 2] = z / l;
    }
  }
}

/**
 * Closest-point queries on the warped head, through the default head's own: a point is taken back to the
 * plan frame, its closest point found there and warped again. The warp is smooth and mild (within 12 % of a
 * similarity), so for points near the skin this is the warped mesh's closest point to well under 0.1 mm, with
 * no second search structure to build each time the shape changes.
 */
function warpedQuery(shape: HeadShape, query: SurfaceQuery): SurfaceQuery {
  const closest = (p: Vec3): ClosestHit => {
    const hit = query.closest(unwarpPoint(shape, p));
    const point = warpPoint(shape, hit.point);
    return { point, distance: distance(p, point), triangle: hit.triangle };
  };
  return { closest, project: (p) => closest(p).point, triangleCount: query.triangleCount };
}

/** The default head's mesh and landmarks as the warp shows them. */
export interface ShapedSurface {
  shape: HeadShape;
  positions: Float32Array;
  indices: ArrayLike<number>;
  landmarks: Landmarks;
  query: SurfaceQuery;
  /** A hairline of the plan frame, its control points warped. */
  hairline(line: Hairline): Hairline;
}

/**
 * The default head's surface under the plan's head shape, for measuring on the head the user sees; the last
 * shape's is kept, so the figures of one shape cost one warp of the mesh.
 */
export class ShapedSurfaces {
  private last: ShapedSurface | null = null;

  constructor(
    private readonly rest: { positions: ArrayLike<number>; indices: ArrayLike<number>; landmarks: Landmarks; query: SurfaceQuery },
  ) {}

  at(shape: HeadShape): ShapedSurface {
    if (this.last && sameData(this.last.shape, shape)) return this.last;
    const fixed = { ...shape };
    this.last = {
      shape: fixed,
      positions: warpPositions(fixed, this.rest.positions),
      indices: this.rest.indices,
      landmarks: warpNamedPoints(fixed, this.rest.landmarks),
      query: warpedQuery(fixed, this.rest.query),
      hairline: (line) => ({ ...line, points: line.points.map((p) => warpPoint(fixed, p)) }),
    };
    return this.last;
  }
}
