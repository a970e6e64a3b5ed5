import { add, dot, len, normalize, scale, sub } from '../geometry/vec3.ts';
import type { Landmarks, Vec3 } from '../head/landmarks.ts';

/**
 * The hairline: a closed loop of control points on the skin, in head-frame millimetres, enclosing the
 * whole area to treat (front hairline, temples, sideburns, around the ears, nape). Plain data so it
 * can be stored as `plan.hairline` and sent in links.
 *
 * Order: `points[0]` is the mid-frontal point; the loop then runs toward the subject's LEFT (+X)
 * first: left front hairline, left temple, in front of / over / behind the left ear, the nape, and
 * back up the right side to the mid-frontal point.
 */
export interface Hairline {
  points: Vec3[];
  closed: true;
}

/** Surface projector: the closest point on the head's skin to a point in space. */
export type Projector = (p: Vec3) => Vec3;

export interface DefaultHairlineOptions {
  /** Mid-frontal point above the glabella, along the skin (Garg: 80 mm; 70 aggressive, 100 conservative). */
  midFrontalMm?: number;
  /** Temporal peak distance from the frontotemporal point toward the lateral canthus (Garg: ~50 mm). */
  temporalPeakMm?: number;
  /** Clearance kept above and behind the ear (10–15 mm). */
  earClearanceMm?: number;
  /** Nape line at the midline, below the inion (50–70 mm). */
  napeBelowInionMm?: number;
}

/**
 * Shape of the front hairline between the frontotemporal points: how much higher up the skin than the
 * mid-frontal point (mm, measured like it: from brow level, along the skin, in a vertical plane) the
 * line sits at lateral fraction `s` (0 = midline, 1 = the lateral epicanthal line, where the FTP is).
 * `rise(0)` should be 0 so the mid-frontal point keeps its height. Positive = recessed.
 */
export type FrontProfile = (s: number) => number;

export interface HairlineBuildOptions extends DefaultHairlineOptions {
  /** Front shape; default: level (Garg), the FTP as high up the skin as the mid-frontal point. */
  frontRise?: FrontProfile;
}

/** Garg's level front: every point of the front line as far up the skin from brow level as the MFP. */
export const LEVEL_FRONT: FrontProfile = () => 0;

const DEFAULTS: Required<HairlineBuildOptions> = {
  midFrontalMm: 80,
  temporalPeakMm: 50,
  earClearanceMm: 12,
  napeBelowInionMm: 60,
  frontRise: LEVEL_FRONT,
};

/** Lateral fractions of the front control points between the MFP (0) and the FTP (1), per side. */
const FRONT_FRACTIONS = [0.25, 0.5, 0.75] as const;

/**
 * A point inside the cranium from which the whole scalp is "visible" as a star-shaped region: used to
 * place the default hairline (rays to the skin) and as the `center` of `signedDistanceToHairline`.
 * Between the tragi in x, a third of the way from tragus level to the vertex, halfway between glabella
 * and inion front to back.
 */
export function hairlineCenter(landmarks: Landmarks): Vec3 {
  const { leftTragus: lt, rightTragus: rt, vertex, glabella, inion } = landmarks;
  const tragusY = (lt[1] + rt[1]) / 2;
  return [(lt[0] + rt[0]) / 2, tragusY + 0.3 * (vertex[1] - tragusY), (glabella[2] + inion[2]) / 2];
}

/**
 * Walk `length` mm along the skin from `start`, heading first along `heading` and then straight on,
 * by small steps each snapped back onto the surface. `constrain` may pin a coordinate (e.g. stay on the
 * midline) before each snap. Returns the end point; the path length is the sum of the snapped chords.
 */
export function walkOnSurface(
  project: Projector,
  start: Vec3,
  heading: Vec3,
  length: number,
  constrain?: (p: Vec3) => Vec3,
  step = 1,
): Vec3 {
  let p = project(start);
  let dir = normalize(heading);
  let walked = 0;
  for (let guard = 0; walked < length - 1e-9 && guard < 10 * Math.ceil(length / step) + 10; guard++) {
    const h = Math.min(step, length - walked);
    let next = add(p, scale(dir, h));
    if (constrain) next = constrain(next);
    next = project(next);
    const moved = sub(next, p);
    const m = len(moved);
    if (m < 1e-6) break; // stuck (e.g. a crease): stop rather than loop
    // Snapping shortens the chord a little: scale the last step so the walked length lands on target.
    if (walked + m > length) {
      next = project(add(p, scale(moved, (length - walked) / m)));
      walked = length;
    } else walked += m;
    dir = scale(moved, 1 / m);
    p = next;
  }
  return p;
}

/**
 * Walk along the skin from `start` toward `target`, stopping after `length` mm (or at the target).
 * Each step heads at the target, so the path follows the surface like a tape pulled toward it.
 */
export function walkToward(project: Projector, start: Vec3, target: Vec3, length: number, step = 1): Vec3 {
  let p = project(start);
  let walked = 0;
  for (let guard = 0; walked < length - 1e-9 && guard < 10 * Math.ceil(length / step) + 10; guard++) {
    const toTarget = sub(target, p);
    const remaining = len(toTarget);
    if (remaining < 1e-6) break;
    const h = Math.min(step, length - walked, remaining);
    const next = project(add(p, scale(toTarget, h / remaining)));
    const m = len(sub(next, p));
    if (m < 1e-6) break;
    walked += m;
    p = next;
  }
  return p;
}

/**
 * First skin crossing of the ray from `origin` (inside the head) along `dir`, found with the closest-
 * point projector alone: Newton steps to the tangent plane at the current closest point. Converges in
 * 2–4 steps where the ray meets the skin at a reasonable angle (radial rays on a cranium).
 */
export function rayToSurface(project: Projector, origin: Vec3, dir: Vec3, guess: number): Vec3 {
  const d = normalize(dir);
  let r = guess;
  for (let i = 0; i < 24; i++) {
    const p = add(origin, scale(d, r));
    const off = sub(p, project(p));
    const h2 = dot(off, off);
    const along = dot(off, d);
    if (h2 < 1e-8) break;
    // Grazing ray: the tangent-plane step is unreliable; fall back to a damped radial step.
    const stepR = Math.abs(along) > 0.2 * Math.sqrt(h2) ? h2 / along : Math.sign(along || 1) * Math.sqrt(h2);
    r -= Math.max(-30, Math.min(30, stepR));
    if (Math.abs(stepR) < 1e-3) break;
  }
  return project(add(origin, scale(d, r)));
}

/**
 * A natural adult male hairline from the landmarks (Garg's method for the front; sideburn, ear and nape
 * lines from the tragus and inion), every control point snapped to the skin with `project`. The
 * "mature, straight" preset of `presets.ts`; `buildHairline` with its defaults.
 */
export function defaultHairline(landmarks: Landmarks, project: Projector, options: DefaultHairlineOptions = {}): Hairline {
  return buildHairline(landmarks, project, options);
}

/**
 * The hairline builder behind `defaultHairline` and the presets:
 *
 *  - Mid-frontal point (MFP): `midFrontalMm` (80) above the glabella along the skin, on the midline.
 *  - Front line: at lateral fractions 0.25, 0.5, 0.75 of the way to the lateral epicanthal line, and
 *    at the frontotemporal points (FTP) on that line, each point is walked up the skin from brow level
 *    in its vertical plane by `midFrontalMm + frontRise(s)`. With the level profile (Garg: the FTP as
 *    high as the MFP, both 8 cm) the line runs level and turns back at the corners; other profiles
 *    give the rounded, M, widow's peak and triangular shapes. Measuring every point the same way makes
 *    the shape independent of the head's forehead curvature.
 *  - Temporal peaks (TP): `temporalPeakMm` (50) from the FTP along the skin toward Garg's point E (80 mm
 *    lateral of the glabella at brow height, beside the lateral canthus): the anterior border of the
 *    temporal triangle.
 *  - Temple and sideburn down to just above the tragus, up in front of the ear, over the ear and behind
 *    it with `earClearanceMm`, down behind the ear to the mastoid, and the nape line 60 mm below the inion.
 *
 * Each side is built from its own landmarks, so a symmetric head gives a symmetric line and a scan
 * with a slightly asymmetric face still gets points on its own skin. Always 38 points: index 0 the
 * MFP, 1–3 the left front, 4 the left FTP, 5–6 the left temporal border, 7–16 left side, 17–18 left
 * nape, 19 the nape midpoint, then the right side in reverse (index n − i mirrors index i).
 */
export function buildHairline(landmarks: Landmarks, project: Projector, options: HairlineBuildOptions = {}): Hairline {
  const o = { ...DEFAULTS, ...options };
  const { glabella, inion } = landmarks;
  const center = hairlineCenter(landmarks);
  const midX = center[0];
  // Size relative to the reference adult head used for the offsets below (glabella–inion ~193 mm).
  const k = len(sub(glabella, inion)) / 193;

  const onMidline = (p: Vec3): Vec3 => [midX, p[1], p[2]];
  const mfp = walkOnSurface(project, glabella, [0, 1, 0], o.midFrontalMm + o.frontRise(0), onMidline);
  // Horizontal ray from the head's vertical axis: keeps the guide's height exactly (sides and nape are
  // specified by height, and the neck under the occiput would catch a downward-slanted ray too early).
  const level = (target: Vec3): Vec3 => {
    const origin: Vec3 = [center[0], target[1], center[2]];
    return rayToSurface(project, origin, sub(target, origin), len(sub(target, origin)));
  };

  const side = (sign: 1 | -1): Vec3[] => {
    const tragus = sign > 0 ? landmarks.leftTragus : landmarks.rightTragus;
    const canthus = sign > 0 ? landmarks.leftLateralCanthus : landmarks.rightLateralCanthus;
    // Front points: up the skin from brow level in the vertical plane at lateral fraction s. The
    // landmark frontotemporal point is not used: it marks a lower, juvenile corner on this head.
    const frontPoint = (s: number): Vec3 => {
      const x = midX + s * (canthus[0] - midX);
      const inPlane = (p: Vec3): Vec3 => [x, p[1], p[2]];
      const brow = rayToSurface(project, [x, glabella[1], center[2]], [0, 0, 1], glabella[2] - center[2]);
      return walkOnSurface(project, brow, [0, 1, 0], Math.max(0, o.midFrontalMm + o.frontRise(s)), inPlane);
    };
    const front = FRONT_FRACTIONS.map(frontPoint);
    const ftp = frontPoint(1);
    // Garg's point E: 80 mm along the skin from the glabella, level with it, toward this side.
    const e = walkOnSurface(project, glabella, [sign, 0, 0], 80 * k, (p) => [p[0], glabella[1], p[2]]);
    const tp = walkToward(project, ftp, e, o.temporalPeakMm * k);
    // Anterior border of the temporal triangle, FTP → TP, with a midpoint so the spline does not bulge.
    const ftpTp = walkToward(project, ftp, e, 0.5 * o.temporalPeakMm * k);

    // Offsets from the tragus (mm on the reference head, scaled): y up, z forward.
    const t = (dy: number, dz: number, dx = 0): Vec3 => [tragus[0] + sign * dx * k, tragus[1] + dy * k, tragus[2] + dz * k];
    const c = o.earClearanceMm;
    const sideGuides: Vec3[] = [
      t(32, 40), // temporal fringe: the border recedes from the peak down and back
      t(14, 26), // sideburn front edge
      t(6, 23), // sideburn bottom front (~15 mm wide, ending just above the tragus)
      t(6, 10), // sideburn bottom back
      t(22, 9), // up in front of the helix root
      t(38 + 0.5 * c, 0), // above the front of the ear
      t(36 + c, -18), // above the ear
      t(28 + 0.5 * c, -38 - 0.5 * c), // behind the top of the ear
      t(8, -44 - c), // behind the ear
      t(-18, -46 - c), // mastoid
    ];
    const sidePts = sideGuides.map(level);

    // Nape: from the mastoid round to the midline 60 mm below the inion; gently rounded, lowest just
    // beside the midline, rising toward the mastoids.
    const napeY = inion[1] - o.napeBelowInionMm * k;
    const nape: Vec3[] = [
      [midX + sign * 48 * k, napeY + 8 * k, inion[2] + 20 * k],
      [midX + sign * 28 * k, napeY - 2 * k, inion[2] + 10 * k],
    ].map((g) => level(g as Vec3));
    return [...front, ftp, ftpTp, tp, ...sidePts, ...nape];
  };

  const left = side(1);
  const right = side(-1);
  const napeMid = level([midX, inion[1] - o.napeBelowInionMm * k, inion[2]]);
  return { points: [mfp, ...left, napeMid, ...right.reverse()], closed: true };
}

/**
 * Closed centripetal Catmull-Rom spline through the control points (alpha = 1/2: no cusps or
 * self-loops between unevenly spaced handles). Returns `samplesPerSegment` points per segment,
 * starting at each control point; snap them to the skin with the projector before use.
 */
export function sampleHairline(h: Hairline, samplesPerSegment: number): Vec3[] {
  const pts = h.points;
  const n = pts.length;
  const per = Math.max(1, Math.floor(samplesPerSegment));
  if (n === 0) return [];
  if (n === 1) return [[...pts[0]!]];
  const out: Vec3[] = [];
  const knot = (a: Vec3, b: Vec3): number => Math.max(Math.sqrt(len(sub(b, a))), 1e-4);
  for (let i = 0; i < n; i++) {
    const p0 = pts[(i - 1 + n) % n]!, p1 = pts[i]!, p2 = pts[(i + 1) % n]!, p3 = pts[(i + 2) % n]!;
    const t0 = 0, t1 = t0 + knot(p0, p1), t2 = t1 + knot(p1, p2), t3 = t2 + knot(p2, p3);
    for (let s = 0; s < per; s++) {
      const t = t1 + ((t2 - t1) * s) / per;
      // Barry–Goldman pyramid: the centripetal Catmull-Rom point at parameter t.
      const lerp = (a: Vec3, b: Vec3, ta: number, tb: number): Vec3 => {
        const w = (t - ta) / (tb - ta);
        return [a[0] + (b[0] - a[0]) * w, a[1] + (b[1] - a[1]) * w, a[2] + (b[2] - a[2]) * w];
      };
      const a1 = lerp(p0, p1, t0, t1), a2 = lerp(p1, p2, t1, t2), a3 = lerp(p2, p3, t2, t3);
      const b1 = lerp(a1, a2, t0, t2), b2 = lerp(a2, a3, t1, t3);
      out.push(lerp(b1, b2, t1, t2));
    }
  }
  return out;
}

/** The hairline as a dense polyline on the skin: sampled and snapped back with the projector. */
export function hairlineCurve(h: Hairline, project: Projector, samplesPerSegment = 10): Vec3[] {
  return sampleHairline(h, samplesPerSegment).map(project);
}

/** Length of the closed polyline, mm. */
export function loopLength(points: Vec3[]): number {
  let total = 0;
  for (let i = 0; i < points.length; i++) total += len(sub(points[(i + 1) % points.length]!, points[i]!));
  return total;
}

/** Mirror across the head's midsagittal plane x = 0 (for symmetric editing of the line). */
export function mirrorHairline(h: Hairline): Hairline {
  const [first, ...rest] = h.points;
  if (!first) return { points: [], closed: true };
  return { points: [[-first[0], first[1], first[2]], ...rest.reverse().map((p): Vec3 => [-p[0], p[1], p[2]])], closed: true };
}
