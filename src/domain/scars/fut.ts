/**
 * An FUT (strip) donor scar: a healed line of `widthMm` across the occiput, `lengthMm` long along the skin,
 * its middle `heightMm` above the inion and bowed `curveMm` upwards there (its ends lower by that much; at
 * most a fifth of the length).
 * The tips taper like the ends of the elliptical strip that was cut out.
 *
 * The centreline is walked on the skin from its middle towards each ear, at the height the bow asks for
 * at each point, and measured along the skin as it goes. It is then resampled at FUT_POINTS even angles
 * around the head's vertical axis: the shader (shaders/scars.glsl, the GPU twin of `futAmountAt`) finds
 * the stretch of line near a pixel from the pixel's angle alone, so a 3 mm scar is drawn exactly however
 * coarse the mesh is.
 */
import { add, dot, len, normalize, scale, sub } from '../geometry/vec3';
import { rayToSurface } from '../hairline/hairline';
import type { Vec3 } from '../head/landmarks';
import type { FutScar } from './scars';
import { scarSeed } from './fue';
import { angleAround, SCAR_EDGE_MM, scarAxis, scarEdge, type ScarSurface } from './surface';

/** Centreline points the shader gets per FUT scar (one row of its data texture). */
export const FUT_POINTS = 128;
/** The tips narrow to a point over this length (mm; at most a quarter of the scar). */
const TIP_MM = 12;
/** The bow is at most the length over this (a steeper line could not drop that far over its half-length). */
const MAX_BOW_PER_LENGTH = 5;
/** Step of the walk along the skin, mm. */
const STEP_MM = 0.5;

export interface FutShape {
  kind: 'fut';
  /** Centreline on the skin (head frame, mm), FUT_POINTS points at even angles around the scar axis. */
  points: Vec3[];
  /** Half the scar's width at each point, mm (tapering to 0 at the tips). */
  halfWidths: number[];
  /** Angle of the first point around the scar axis, and the step between points (radians). */
  angle0: number;
  angleStep: number;
  axis: { x: number; z: number };
  /** Lowest and highest point of the centreline, and the widest half-width (mm): cheap bounds for pixels. */
  yMin: number;
  yMax: number;
  halfWidthMax: number;
  /** Segments either side of a pixel's own that can hold its nearest centreline point. */
  window: number;
  /** Length of the centreline along the skin, mm. */
  lengthMm: number;
}

/** How much a healed strip's width wanders along it (± share of the width), and over which lengths (mm). */
const WIDTH_WANDER = 0.12;
const WANDER_WAVELENGTHS_MM = [47, 19, 8.5];

/**
 * Half-width (mm) at arc length `s` from the middle of a scar of length L and width W: W at the middle,
 * where the scalp's tension stretches a strip scar most, a quarter narrower towards the ends, wandering a
 * little along the way (`phases`: the scar's own), and tapering to a rounded point at the tips.
 */
function halfWidthAt(s: number, L: number, W: number, phases: readonly number[]): number {
  const tip = Math.min(TIP_MM, L / 4);
  const t = Math.min(1, Math.max(0, (L / 2 - Math.abs(s)) / tip));
  const u = (2 * s) / L;
  let wander = 0;
  WANDER_WAVELENGTHS_MM.forEach((lambda, i) => (wander += Math.sin((2 * Math.PI * s) / lambda + phases[i]!) - Math.sin(phases[i]!)));
  const along = (1 - 0.25 * u * u) * (1 + (WIDTH_WANDER / WANDER_WAVELENGTHS_MM.length) * wander);
  // A quarter ellipse: the rounded point of a healed strip excision.
  return (W / 2) * along * Math.sqrt(t * (2 - t));
}

/** The FUT scar's centreline and width profile on a head. */
export function futShape(scar: FutScar, surface: ScarSurface): FutShape {
  const { query, landmarks } = surface;
  const axis = scarAxis(landmarks);
  const L = scar.lengthMm;
  const yMiddle = landmarks.inion[1] + scar.heightMm;
  // A line cannot drop further than it runs: the bow is kept to a fifth of the length (slopes up to 39°).
  const bow = Math.sign(scar.curveMm) * Math.min(Math.abs(scar.curveMm), L / MAX_BOW_PER_LENGTH);
  const heightAt = (s: number) => yMiddle - bow * ((2 * s) / L) ** 2;
  const middle = rayToSurface(query.project, [axis.x, yMiddle, axis.z], [0, 0, -1], axis.z - landmarks.inion[2]);
  // Snaps a point to the skin at the height the bow asks for (the skin slopes, so snapping moves it a little).
  const onSkinAt = (p: Vec3, y: number): Vec3 => {
    let q = p;
    for (let i = 0; i < 3; i++) q = query.project([q[0], y, q[2]]);
    return q;
  };
  // Walk each half: towards the client's right (-X), then left (+X); `s` is the arc length walked.
  const half = (sign: 1 | -1): { point: Vec3; s: number }[] => {
    const out = [{ point: middle, s: 0 }];
    let p = middle;
    let dir: Vec3 = [sign, 0, 0];
    let s = 0;
    for (let guard = 0; s < L / 2 - 1e-9 && guard < 4 * Math.ceil(L / STEP_MM); guard++) {
      const h = Math.min(STEP_MM, L / 2 - s);
      let next = onSkinAt(add(p, scale(dir, h)), heightAt(sign * (s + h)));
      let moved = sub(next, p);
      let m = len(moved);
      if (m < 1e-6) break;
      if (s + m > L / 2) {
        next = onSkinAt(add(p, scale(moved, (L / 2 - s) / m)), heightAt(sign * (L / 2)));
        moved = sub(next, p);
        m = L / 2 - s;
      }
      s += m;
      dir = normalize(moved);
      p = next;
      out.push({ point: p, s: sign * s });
    }
    return out;
  };
  const dense = [...half(-1).reverse(), ...half(1).slice(1)];
  const lengthMm = dense.at(-1)!.s - dense[0]!.s;

  // Resample at even angles. The walk runs round the head, so the angle grows along it; a running maximum
  // keeps it monotonic should a crease make it stall.
  const angles: number[] = [];
  for (const d of dense) angles.push(Math.max(angles.at(-1) ?? -Infinity, angleAround(axis, d.point)));
  const angle0 = angles[0]!;
  const seed = scarSeed(scar.id);
  const phases = WANDER_WAVELENGTHS_MM.map((_, i) => ((seed >>> (8 * i)) & 0xff) * ((2 * Math.PI) / 256));
  const angleStep = (angles.at(-1)! - angle0) / (FUT_POINTS - 1);
  const points: Vec3[] = [];
  const halfWidths: number[] = [];
  let j = 0;
  for (let k = 0; k < FUT_POINTS; k++) {
    const a = angle0 + k * angleStep;
    while (j + 2 < dense.length && angles[j + 1]! < a) j++;
    const span = angles[j + 1]! - angles[j]!;
    const t = span > 0 ? Math.min(1, Math.max(0, (a - angles[j]!) / span)) : 0;
    const p0 = dense[j]!, p1 = dense[j + 1]!;
    points.push(add(p0.point, scale(sub(p1.point, p0.point), t)));
    halfWidths.push(halfWidthAt(p0.s + t * (p1.s - p0.s), L, scar.widthMm, phases));
  }

  let yMin = Infinity, yMax = -Infinity, minSegment = Infinity, maxSlope = 0;
  for (let k = 0; k < FUT_POINTS; k++) {
    yMin = Math.min(yMin, points[k]![1]);
    yMax = Math.max(yMax, points[k]![1]);
    if (k > 0) {
      const segment = sub(points[k]!, points[k - 1]!);
      const l = len(segment);
      minSegment = Math.min(minSegment, l);
      if (l > 0) maxSlope = Math.max(maxSlope, Math.abs(segment[1]) / l);
    }
  }
  const halfWidthMax = Math.max(...halfWidths);
  // A pixel beside a sloping stretch of line is nearest to a point a little way along it: at most its
  // distance from the line times the slope. Search that many segments either side (and one more).
  const window = Math.min(8, 1 + Math.ceil(((halfWidthMax + SCAR_EDGE_MM) * maxSlope) / Math.max(minSegment, 1e-3)));
  return { kind: 'fut', points, halfWidths, angle0, angleStep, axis, yMin, yMax, halfWidthMax, window, lengthMm };
}

/**
 * How much of the scar covers skin point `p` (0..1), judged across the skin: the distance to the
 * centreline is measured in the tangent plane of normal `n`, and the edge is SCAR_EDGE_MM soft (wider
 * when a pixel is wider, `edgeMm`, as the shader anti-aliases). The same steps as scars.glsl's futAmount.
 */
export function futAmountAt(shape: FutShape, p: Vec3, n: Vec3, edgeMm = SCAR_EDGE_MM / 2): number {
  const reach = shape.halfWidthMax + edgeMm;
  if (p[1] < shape.yMin - reach || p[1] > shape.yMax + reach) return 0;
  const f = Math.floor((angleAround(shape.axis, p) - shape.angle0) / shape.angleStep);
  if (f < -shape.window - 1 || f > FUT_POINTS - 1 + shape.window) return 0;
  const first = Math.max(0, Math.min(FUT_POINTS - 2, f - shape.window));
  const last = Math.max(0, Math.min(FUT_POINTS - 2, f + shape.window));
  let edge = Infinity;
  for (let k = first; k <= last; k++) {
    const a = shape.points[k]!, b = shape.points[k + 1]!;
    const ab = sub(b, a);
    const t = Math.max(0, Math.min(1, dot(sub(p, a), ab) / Math.max(dot(ab, ab), 1e-12)));
    const d = sub(p, add(a, scale(ab, t)));
    const across = len(sub(d, scale(n, dot(d, n))));
    edge = Math.min(edge, across - (shape.halfWidths[k]! + t * (shape.halfWidths[k + 1]! - shape.halfWidths[k]!)));
  }
  return scarEdge(edge, edgeMm);
}
