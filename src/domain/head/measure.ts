import { cross, normalize, sub } from '../geometry/vec3';
import type { Landmarks, Vec3 } from './landmarks';

/**
 * Pure measurements on indexed triangle meshes (positions xyz, indices in triples), used by the
 * generator to place landmarks and by tests and tools to check a head. Closest-point queries live in
 * `geometry/closestPoint.ts` (`createSurfaceQuery`, `closestPointOnTriangle`).
 */

/** Nearest hit of a ray with the mesh (Moller-Trumbore), or null. `dir` need not be unit length. */
export function raycast(positions: ArrayLike<number>, indices: ArrayLike<number>, origin: Vec3, dir: Vec3): { point: Vec3; t: number; triangle: number } | null {
  const [ox, oy, oz] = origin;
  const [dx, dy, dz] = dir;
  let best = Infinity, bestTri = -1;
  for (let t = 0; t < indices.length; t += 3) {
    const a = 3 * indices[t]!, b = 3 * indices[t + 1]!, c = 3 * indices[t + 2]!;
    const ax = positions[a]!, ay = positions[a + 1]!, az = positions[a + 2]!;
    const e1x = positions[b]! - ax, e1y = positions[b + 1]! - ay, e1z = positions[b + 2]! - az;
    const e2x = positions[c]! - ax, e2y = positions[c + 1]! - ay, e2z = positions[c + 2]! - az;
    const px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
    const det = e1x * px + e1y * py + e1z * pz;
    if (Math.abs(det) < 1e-12) continue;
    const inv = 1 / det;
    const sx = ox - ax, sy = oy - ay, sz = oz - az;
    const u = (sx * px + sy * py + sz * pz) * inv;
    if (u < 0 || u > 1) continue;
    const qx = sy * e1z - sz * e1y, qy = sz * e1x - sx * e1z, qz = sx * e1y - sy * e1x;
    const v = (dx * qx + dy * qy + dz * qz) * inv;
    if (v < 0 || u + v > 1) continue;
    const dist = (e2x * qx + e2y * qy + e2z * qz) * inv;
    if (dist > 0 && dist < best) {
      best = dist;
      bestTri = t / 3;
    }
  }
  if (bestTri < 0) return null;
  return { point: [ox + dx * best, oy + dy * best, oz + dz * best], t: best, triangle: bestTri };
}

/** Axis-aligned bounds of the vertices, optionally only those passing `keep`. */
export function bounds(positions: ArrayLike<number>, keep?: (x: number, y: number, z: number) => boolean): { min: Vec3; max: Vec3 } {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i += 3) {
    const x = positions[i]!, y = positions[i + 1]!, z = positions[i + 2]!;
    if (keep && !keep(x, y, z)) continue;
    min[0] = Math.min(min[0], x); min[1] = Math.min(min[1], y); min[2] = Math.min(min[2], z);
    max[0] = Math.max(max[0], x); max[1] = Math.max(max[1], y); max[2] = Math.max(max[2], z);
  }
  return { min, max };
}

/**
 * Cut the mesh with the plane through `point` with normal `normal` and return the closed loops of the
 * section as polylines (each point lies on a mesh edge; loops are chained through shared edges).
 */
export function sliceLoops(positions: ArrayLike<number>, indices: ArrayLike<number>, point: Vec3, normal: Vec3): Vec3[][] {
  const s = (i: number) =>
    (positions[3 * i]! - point[0]) * normal[0] + (positions[3 * i + 1]! - point[1]) * normal[1] + (positions[3 * i + 2]! - point[2]) * normal[2];
  const side = new Float64Array(positions.length / 3);
  for (let i = 0; i < side.length; i++) {
    const v = s(i);
    side[i] = v === 0 ? 1e-9 : v;
  }
  const edgeKey = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
  const pointOf = new Map<string, Vec3>();
  const next = new Map<string, string>();
  for (let t = 0; t < indices.length; t += 3) {
    const tri = [indices[t]!, indices[t + 1]!, indices[t + 2]!];
    // With consistent winding, each triangle's segment runs from the edge crossed downward (+ to -)
    // to the edge crossed upward, so segments chain head to tail around every loop.
    let down: string | null = null, up: string | null = null;
    for (let e = 0; e < 3; e++) {
      const a = tri[e]!, b = tri[(e + 1) % 3]!;
      const sa = side[a]!, sb = side[b]!;
      if (sa < 0 === sb < 0) continue;
      const key = edgeKey(a, b);
      if (!pointOf.has(key)) {
        const f = sa / (sa - sb);
        pointOf.set(key, [
          positions[3 * a]! + (positions[3 * b]! - positions[3 * a]!) * f,
          positions[3 * a + 1]! + (positions[3 * b + 1]! - positions[3 * a + 1]!) * f,
          positions[3 * a + 2]! + (positions[3 * b + 2]! - positions[3 * a + 2]!) * f,
        ]);
      }
      if (sa > 0) down = key;
      else up = key;
    }
    if (down !== null && up !== null) next.set(down, up);
  }
  const loops: Vec3[][] = [];
  const visited = new Set<string>();
  for (const start of next.keys()) {
    if (visited.has(start)) continue;
    const loop: Vec3[] = [];
    let key: string | undefined = start;
    while (key !== undefined && !visited.has(key)) {
      visited.add(key);
      loop.push(pointOf.get(key)!);
      key = next.get(key);
    }
    loops.push(loop);
  }
  return loops;
}

export function polylineLength(points: Vec3[], closed: boolean): number {
  let len = 0;
  for (let i = 1; i < points.length; i++) len += Math.sqrt(d2(points[i - 1]!, points[i]!));
  if (closed && points.length > 1) len += Math.sqrt(d2(points[points.length - 1]!, points[0]!));
  return len;
}

/**
 * Head circumference: the perimeter of the section through glabella and opisthocranion by the plane
 * that contains the left-right axis (the tape-measure loop), taking the loop that passes closest to
 * the glabella.
 */
export function headCircumference(positions: ArrayLike<number>, indices: ArrayLike<number>, glabella: Vec3, opisthocranion: Vec3): number {
  const along = sub(opisthocranion, glabella);
  const normal = normalize(cross([1, 0, 0], along));
  const loops = sliceLoops(positions, indices, glabella, normal);
  let best = 0, bestDist = Infinity;
  for (const loop of loops) {
    let nearest = Infinity;
    for (const p of loop) nearest = Math.min(nearest, d2(p, glabella));
    if (nearest < bestDist) {
      bestDist = nearest;
      best = polylineLength(loop, true);
    }
  }
  return best;
}

/**
 * Opisthocranion: the point of the midsagittal profile farthest from the glabella, searched on the
 * braincase (above `minY`, within `midlineTolerance` of x = 0).
 */
export function findOpisthocranion(positions: ArrayLike<number>, glabella: Vec3, minY: number, midlineTolerance = 3): Vec3 {
  let best: Vec3 = glabella;
  let bestD = -1;
  for (let i = 0; i < positions.length; i += 3) {
    const p: Vec3 = [positions[i]!, positions[i + 1]!, positions[i + 2]!];
    if (Math.abs(p[0]) > midlineTolerance || p[1] < minY) continue;
    const d = d2(p, glabella);
    if (d > bestD) {
      bestD = d;
      best = p;
    }
  }
  return best;
}

export type HeadMeasurements = {
  /** Maximum left-right breadth of the braincase (above the ears), mm. */
  breadth: number;
  /** Glabella to opisthocranion, mm. */
  length: number;
  /** Perimeter of the section through glabella and opisthocranion, mm. */
  circumference: number;
  /** Height from menton to vertex, mm. */
  mentonToVertex: number;
  opisthocranion: Vec3;
};

/** The standard head measurements, taken on a mesh in the head frame with its landmarks. */
export function measureHead(positions: ArrayLike<number>, indices: ArrayLike<number>, landmarks: Landmarks): HeadMeasurements {
  const { glabella, vertex, menton, leftTragus } = landmarks;
  // Above the brow the only thing that reaches sideways is the braincase: the ears sit lower.
  const above = bounds(positions, (_x, y) => y > glabella[1] + 5);
  const opisthocranion = findOpisthocranion(positions, glabella, leftTragus[1]);
  return {
    breadth: above.max[0] - above.min[0],
    length: Math.sqrt(d2(glabella, opisthocranion)),
    circumference: headCircumference(positions, indices, glabella, opisthocranion),
    mentonToVertex: vertex[1] - menton[1],
    opisthocranion,
  };
}

function d2(a: Vec3, b: Vec3): number {
  const x = a[0] - b[0], y = a[1] - b[1], z = a[2] - b[2];
  return x * x + y * y + z * z;
}
