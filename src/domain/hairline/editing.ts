/**
 * Edits of the hairline's control points, as pure functions on the point list. The loop is symmetric by
 * construction when mirrored: point i's partner is point (n − i) mod n, points 0 (mid-frontal) and n/2
 * (nape) lie on the midline. Every function returns a new list and keeps that structure.
 */
import { distanceToSegment } from '../geometry/vec3';
import { mirrorX, type Vec3 } from '../head/landmarks';

/** Fewest control points a hairline may have: below this it cannot go around the head. */
export const MIN_HAIRLINE_POINTS = 8;

export const mirrorPartner = (i: number, n: number): number => (n - i) % n;

/** Moves point i to p (already on the skin); with mirroring its partner follows, and midline points stay on it. */
export function movePoint(points: readonly Vec3[], i: number, p: Vec3, mirror: boolean, project: (p: Vec3) => Vec3): Vec3[] {
  const out = points.map((q) => [...q] as Vec3);
  const n = out.length;
  if (!mirror) {
    out[i] = p;
    return out;
  }
  const j = mirrorPartner(i, n);
  if (j === i) {
    out[i] = project([0, p[1], p[2]]);
    return out;
  }
  out[i] = p;
  out[j] = mirrorX(p);
  return out;
}

/** The segment (i, i+1) of the loop closest to p. */
export function nearestSegment(points: readonly Vec3[], p: Vec3): { index: number; distance: number } {
  let best = { index: 0, distance: Infinity };
  for (let i = 0; i < points.length; i++) {
    const d = distanceToSegment(p, points[i]!, points[(i + 1) % points.length]!);
    if (d < best.distance) best = { index: i, distance: d };
  }
  return best;
}

/** Inserts p into the loop on its nearest segment; with mirroring, its mirror image too. Returns the new list and p's index. */
export function insertPoint(points: readonly Vec3[], p: Vec3, mirror: boolean): { points: Vec3[]; index: number } {
  const n = points.length;
  if (!mirror) {
    const { index } = nearestSegment(points, p);
    const out = [...points.slice(0, index + 1), p, ...points.slice(index + 1)];
    return { points: out, index: index + 1 };
  }
  // Work on the left half (x ≥ 0, indices 0..n/2) and mirror the result into the right half.
  const left: Vec3 = p[0] >= 0 ? p : mirrorX(p);
  const half = points.slice(0, Math.floor(n / 2) + 1);
  const { index } = nearestSegment(half, left);
  const segment = Math.min(index, half.length - 2);
  const out = [...points];
  out.splice(segment + 1, 0, left);
  // The mirror of segment (k, k+1) is (n − k − 1, n − k); after the first insertion those moved up by one.
  const m = out.length;
  out.splice(m - segment, 0, mirrorX(left));
  return { points: out, index: p[0] >= 0 ? segment + 1 : m + 1 - (segment + 1) };
}

/** Removes point i (and its mirror partner when mirroring); midline points and too-short loops are kept. */
export function removePoint(points: readonly Vec3[], i: number, mirror: boolean): Vec3[] | null {
  const n = points.length;
  const j = mirrorPartner(i, n);
  if (mirror && j === i) return null;
  const drop = mirror ? new Set([i, j]) : new Set([i]);
  if (n - drop.size < MIN_HAIRLINE_POINTS) return null;
  return points.filter((_, k) => !drop.has(k));
}
