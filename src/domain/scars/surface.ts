/**
 * The skin that scars are placed on: one head's mesh with its surface query and landmarks, and the few
 * measures scars share (the vertical axis the back of the head is measured around, values read off the
 * mesh between its vertices).
 */
import type { SurfaceQuery } from '../geometry/closestPoint';
import { cross, normalize } from '../geometry/vec3';
import { hairlineCenter } from '../hairline/hairline';
import type { Landmarks, Vec3 } from '../head/landmarks';

/** Width of a scar's soft edge, mm: a healed scar fades into the skin over a fraction of a millimetre. */
export const SCAR_EDGE_MM = 0.3;

/**
 * How much scar (0..1) there is `outsideMm` beyond a scar's nominal edge (negative: inside it), over a
 * soft edge `halfEdgeMm` either side of the line (SCAR_EDGE_MM wide unless a pixel is wider).
 */
export function scarEdge(outsideMm: number, halfEdgeMm = SCAR_EDGE_MM / 2): number {
  const t = Math.min(1, Math.max(0, (outsideMm + halfEdgeMm) / (2 * halfEdgeMm)));
  return 1 - t * t * (3 - 2 * t);
}

export interface ScarSurface {
  positions: ArrayLike<number>;
  indices: ArrayLike<number>;
  query: SurfaceQuery;
  landmarks: Landmarks;
}

/**
 * The vertical axis (its x and z) that FUT and FUE scars are laid around: through the middle of the
 * cranium, so every point of the back and sides of the scalp has a well-defined angle around it.
 */
export function scarAxis(landmarks: Landmarks): { x: number; z: number } {
  const center = hairlineCenter(landmarks);
  return { x: center[0], z: center[2] };
}

/** Angle (radians) of a point around the scar axis: 0 straight behind, positive towards the client's left (+X). */
export function angleAround(axis: { x: number; z: number }, p: Vec3): number {
  return Math.atan2(p[0] - axis.x, -(p[2] - axis.z));
}


/** Unit normal of mesh triangle `t` (either side: scars only use it to measure across the skin). */
export function triangleNormal(surface: ScarSurface, t: number): Vec3 {
  const { positions: p, indices } = surface;
  const a = 3 * indices[3 * t]!, b = 3 * indices[3 * t + 1]!, c = 3 * indices[3 * t + 2]!;
  return normalize(cross([p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!], [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!]));
}

/**
 * A per-vertex value read at a point of triangle `t`, interpolated linearly between its corners as the
 * GPU interpolates vertex attributes, so the CPU sees what the shader draws.
 */
export function valueOnTriangle(surface: ScarSurface, t: number, point: Vec3, values: ArrayLike<number>): number {
  const { positions: p, indices } = surface;
  const ia = indices[3 * t]!, ib = indices[3 * t + 1]!, ic = indices[3 * t + 2]!;
  const a = 3 * ia, b = 3 * ib, c = 3 * ic;
  const v0 = [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!];
  const v1 = [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!];
  const v2 = [point[0] - p[a]!, point[1] - p[a + 1]!, point[2] - p[a + 2]!];
  const dot = (x: number[], y: number[]) => x[0]! * y[0]! + x[1]! * y[1]! + x[2]! * y[2]!;
  const d00 = dot(v0, v0), d01 = dot(v0, v1), d11 = dot(v1, v1), d20 = dot(v2, v0), d21 = dot(v2, v1);
  const det = d00 * d11 - d01 * d01;
  if (!(Math.abs(det) > 1e-12)) return (values[ia]! + values[ib]! + values[ic]!) / 3;
  const wb = (d11 * d20 - d01 * d21) / det;
  const wc = (d00 * d21 - d01 * d20) / det;
  return (1 - wb - wc) * values[ia]! + wb * values[ib]! + wc * values[ic]!;
}
