import { areaWhere, createSurfaceQuery, triangleArea, type SurfaceQuery } from '../geometry/closestPoint';
import { distanceToSegment, len, lerp, sub } from '../geometry/vec3';
import { distance, mirrorX, type Landmarks, type Vec3 } from '../head/landmarks';
import { polylineLength, sliceLoops } from '../head/measure';
import { hairlineCenter, hairlineCurve, sampleHairline, walkOnSurface, type Hairline, type Projector } from './hairline';
import { signedDistanceToHairline } from './scalpDistance';
import type { PlanMeasurements } from '../measurements';
import { formatLength, formatLengthRange, type UnitSystem } from '../units';
import { inBothUnits, type PlanWarning, type WarningParams } from '../warnings';
import { estimateSessions, sessionHours } from '../workRate';

/**
 * Consultation figures for a hairline on a head: where the line sits (Garg's measures), how much skin
 * it encloses, how many impressions, sessions and hours that takes, and plain-language warnings.
 * Everything in head-frame millimetres (+Y up, +Z forward, +X the subject's left); areas in cm².
 * Figures and limits come from the domain notes ("Hairline design", "Scalp micropigmentation").
 */

export interface MeshLike {
  positions: ArrayLike<number>;
  indices: ArrayLike<number>;
}

/** Spline samples per control-point segment for measuring: ~2–3 mm apart on a 38-point loop. */
const SAMPLES = 12;

// ---------------------------------------------------------------------------------------------
// Where the line sits

/**
 * The mid-frontal point: where the front of the loop crosses the midsagittal plane x = 0, looked for on
 * the spline within one segment either side of points[0] (by convention the MFP handle, which a free
 * edit may have dragged off the midline). Falls back to points[0]. With `project` the point is snapped
 * to the skin (the spline between handles floats a little off it).
 */
export function midFrontalPoint(hairline: Hairline, project?: Projector): Vec3 {
  const first = hairline.points[0];
  if (!first) throw new Error('midFrontalPoint: empty hairline');
  const samples = sampleHairline(hairline, SAMPLES);
  const m = samples.length;
  // Window: the segment before points[0] (the last SAMPLES samples) then the one after it.
  const window = [...samples.slice(Math.max(0, m - SAMPLES)), ...samples.slice(0, SAMPLES + 1)];
  let best: Vec3 | null = null;
  for (let i = 0; i + 1 < window.length; i++) {
    const a = window[i]!, b = window[i + 1]!;
    if (a[0] === 0 && b[0] === 0) continue;
    if (a[0] <= 0 !== b[0] <= 0 || a[0] === 0) {
      const q = lerp(a, b, a[0] === b[0] ? 0 : a[0] / (a[0] - b[0]));
      if (!best || distance(q, first) < distance(best, first)) best = q;
    }
  }
  const p = best ?? first;
  return project ? project(p) : [p[0], p[1], p[2]];
}

/**
 * Height of the mid-frontal point above the glabella measured along the skin (Garg: ~80 mm; 70
 * aggressive, 100 conservative), in mm.
 *
 * With `mesh`: the arc length along the mesh's midsagittal section (x = 0) between the glabella and
 * the MFP, the shorter way round (exact for the mesh, ~10 ms). Without: the midline traced up from the
 * glabella with the surface query in 0.5 mm steps (a tape pulled over the forehead) to the closest
 * approach to the MFP; agrees with the section to well under a millimetre on the default head.
 */
export function hairlineHeightMm(hairline: Hairline, landmarks: Landmarks, query: SurfaceQuery, mesh?: MeshLike): number {
  const mfp = midFrontalPoint(hairline, query.project);
  const glabella = landmarks.glabella;
  if (mesh) {
    const loops = sliceLoops(mesh.positions, mesh.indices, [0, 0, 0], [1, 0, 0]);
    let bestLoop: Vec3[] | null = null, bestD = Infinity;
    for (const loop of loops) {
      const d = locateOnLoop(loop, glabella).distance;
      if (d < bestD) {
        bestD = d;
        bestLoop = loop;
      }
    }
    if (bestLoop && bestLoop.length > 2) {
      const total = polylineLength(bestLoop, true);
      const along = Math.abs(locateOnLoop(bestLoop, mfp).arc - locateOnLoop(bestLoop, glabella).arc);
      return Math.min(along, total - along);
    }
  }
  // Trace: walk the midline in short legs, tracking the closest approach to the MFP.
  const onMidline = (p: Vec3): Vec3 => [0, p[1], p[2]];
  const step = 0.5;
  let p = query.project(glabella);
  let walked = 0, bestWalked = 0, bestD = distance(p, mfp);
  let heading: Vec3 = [0, 1, 0];
  for (let i = 0; i < 800; i++) {
    const next = walkOnSurface(query.project, p, heading, step, onMidline, step);
    const moved = sub(next, p);
    const m = len(moved);
    if (m < 1e-6) break;
    walked += m;
    heading = moved;
    p = next;
    const d = distance(p, mfp);
    if (d < bestD) {
      bestD = d;
      bestWalked = walked;
    } else if (d > bestD + 5) break; // past it
  }
  return bestWalked + bestD;
}

/**
 * The frontotemporal points: walking the loop from the mid-frontal point toward each side, the first
 * point where the front hairline reaches the lateral epicanthal line (x = that side's lateral canthus
 * x), i.e. where it turns back at the temple (Garg). Null for a side whose line never gets that far.
 */
export function frontotemporalPoints(hairline: Hairline, landmarks: Landmarks, project?: Projector): { left: Vec3 | null; right: Vec3 | null } {
  const samples = sampleHairline(hairline, SAMPLES);
  const m = samples.length;
  const firstCrossing = (x: number, dir: 1 | -1): Vec3 | null => {
    for (let k = 0; k < m; k++) {
      const a = samples[(dir * k + m) % m]!, b = samples[(dir * (k + 1) + m) % m]!;
      if (a[0] - x <= 0 !== b[0] - x <= 0) {
        const q = lerp(a, b, (x - a[0]) / (b[0] - a[0]));
        return project ? project(q) : q;
      }
    }
    return null;
  };
  // The loop runs toward the subject's left (+X) first.
  return { left: firstCrossing(landmarks.leftLateralCanthus[0], 1), right: firstCrossing(landmarks.rightLateralCanthus[0], -1) };
}

/**
 * Frontotemporal width: the straight-line (caliper) distance between the two frontotemporal points of
 * `frontotemporalPoints`, mm; a chord, not the length along the line. Both points lie on the epicanthal
 * lines, so the width is at least the distance between the lateral canthi (~82 mm on the default head)
 * and grows only when the two corners sit at different heights or depths; how far the corners have
 * receded shows in the points themselves. NaN if a side has no such point.
 */
export function frontotemporalWidthMm(hairline: Hairline, landmarks: Landmarks, project?: Projector): number {
  const { left, right } = frontotemporalPoints(hairline, landmarks, project);
  return left && right ? distance(left, right) : NaN;
}

// ---------------------------------------------------------------------------------------------
// Area and impressions

/** Skin area where the signed distance to the hairline is ≥ 0 (triangles clipped at the line), cm². */
export function treatedAreaCm2(positions: ArrayLike<number>, indices: ArrayLike<number>, distances: ArrayLike<number>): number {
  return areaWhere(positions, indices, distances, 0) / 100;
}

export interface ImpressionOptions {
  positions: ArrayLike<number>;
  indices: ArrayLike<number>;
  /** Per-vertex signed distance to the hairline, mm (positive inside). */
  distances: ArrayLike<number>;
  /** Full density, impressions per cm². */
  densityPerCm2: number;
  /** Width of the transition zone, mm: density ramps as smoothstep(0, transitionMm, distance), like the shader. */
  transitionMm: number;
  /** Per-vertex density (impressions/cm²) replacing `densityPerCm2`, e.g. a painted map; averaged per triangle. */
  densityAt?: (vertex: number) => number;
}

/**
 * Number of impressions: ∫ density · smoothstep(0, T, d) over the skin, d the signed distance.
 *
 * Per triangle, d is linear, so the integral is exact: by the layer-cake formula
 * ∫ f(d) dA = ∫₀ᵀ f′(t) · A(d ≥ t) dt (f(0) = 0), where A(d ≥ t) — the triangle clipped at the
 * iso-line d = t — is a quadratic in t between the corner values; f′ is quadratic too, so 3-point
 * Gauss–Legendre per piece integrates it exactly. T = 0 is the hard edge: the area clipped at the line.
 * With a uniform density this equals density × area − density × perimeter × T/2 (the ramp is
 * symmetric) up to the line's curvature. Rounded to a whole impression.
 */
export function estimateImpressions(options: ImpressionOptions): number {
  const { positions: p, indices, distances, densityPerCm2, densityAt } = options;
  const T = Math.max(0, options.transitionMm);
  let sum = 0; // density(/cm²) × mm²
  for (let t = 0; t + 2 < indices.length; t += 3) {
    const ia = indices[t]!, ib = indices[t + 1]!, ic = indices[t + 2]!;
    const da = distances[ia]!, db = distances[ib]!, dc = distances[ic]!;
    if (da < 0 && db < 0 && dc < 0) continue;
    const area = triangleArea(p, ia, ib, ic);
    const rho = densityAt ? (densityAt(ia) + densityAt(ib) + densityAt(ic)) / 3 : densityPerCm2;
    sum += rho * area * rampMean(da, db, dc, T);
  }
  return Math.round(sum / 100);
}

/** Mean of smoothstep(0, T, d) over a triangle whose d is linear with corner values a, b, c. */
function rampMean(a: number, b: number, c: number, T: number): number {
  // Sort the corner values: lo ≤ mid ≤ hi.
  let lo = a, mid = b, hi = c, s: number;
  if (lo > mid) { s = lo; lo = mid; mid = s; }
  if (mid > hi) { s = mid; mid = hi; hi = s; }
  if (lo > mid) { s = lo; lo = mid; mid = s; }
  if (lo >= T) return 1;
  if (T === 0) return fractionAtLeast(lo, mid, hi, 0);
  if (hi <= 0) return 0;
  const ramp = (x: number): number => {
    const u = Math.max(0, Math.min(1, x / T));
    return u * u * (3 - 2 * u);
  };
  const slope = (x: number): number => {
    const u = x / T;
    return (6 * u * (1 - u)) / T;
  };
  // Pieces of [0, T]: below lo the whole triangle counts (∫ f′ · 1 = f), above hi nothing.
  const from = Math.max(0, lo), to = Math.min(T, hi);
  let total = ramp(from);
  const cuts = mid > from && mid < to ? [from, mid, to] : [from, to];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const t0 = cuts[i]!, t1 = cuts[i + 1]!;
    const h = (t1 - t0) / 2, m = (t0 + t1) / 2;
    for (const [x, w] of GAUSS3) {
      const t = m + h * x;
      total += h * w * slope(t) * fractionAtLeast(lo, mid, hi, t);
    }
  }
  return total;
}

const GAUSS3: readonly (readonly [number, number])[] = [
  [-Math.sqrt(3 / 5), 5 / 9],
  [0, 8 / 9],
  [Math.sqrt(3 / 5), 5 / 9],
];

/**
 * Share of a triangle's area where a linear field with sorted corner values lo ≤ mid ≤ hi is ≥ t: the
 * corner triangle cut off by the iso-line scales with the product of the two edge fractions (the same
 * clipping as `areaWhere`, here per triangle and as a function of the threshold).
 */
function fractionAtLeast(lo: number, mid: number, hi: number, t: number): number {
  if (t <= lo) return 1;
  if (t > hi) return 0;
  if (t <= mid) return 1 - ((t - lo) * (t - lo)) / ((mid - lo) * (hi - lo));
  return hi > mid ? ((hi - t) * (hi - t)) / ((hi - lo) * (hi - mid)) : 0;
}

// ---------------------------------------------------------------------------------------------
// Warnings

export interface WarningInput {
  hairline: Hairline;
  landmarks: Landmarks;
  query: SurfaceQuery;
  /** Mid-frontal height along the skin, mm; measured with `hairlineHeightMm` when omitted. */
  hairlineHeightMm?: number;
  /** True while the editor mirrors edits across the midline: then the line is symmetric by construction. */
  mirrored?: boolean;
  /** The hairline sampled on the skin (`hairlineCurve`); made here when omitted. */
  curve?: Vec3[];
}

/** The aggressive (youthful) limit clinics advise for the mid-frontal point, mm above the glabella. */
export const MIN_HAIRLINE_HEIGHT_MM = 70;
/** Mean left/right mismatch of the front hairline beyond which a free-hand line reads as lopsided, mm. */
export const ASYMMETRY_MEAN_MM = 6;
/** A single stretch this far from its mirror image is noticeable even if the rest matches, mm. */
export const ASYMMETRY_MAX_MM = 15;
/** A control point this far from the skin has been dragged off the head, mm. */
export const OFF_SKIN_MM = 3;
/**
 * A loop enclosing less skin than this encloses nothing to treat: its points sit on top of each other or
 * on one line (a plan from a page, or handles dragged together), cm².
 */
export const MIN_TREATED_AREA_CM2 = 1;

/** Said when the hairline encloses (almost) no skin, so there is nothing to place dots in or measure. */
export const NO_AREA_WARNING: PlanWarning = {
  id: 'no-area',
  message:
    'The hairline encloses no scalp: its points lie on top of each other or on one line, so no dots are placed and the figures mean nothing. Pick a preset, or drag the points apart.',
};

/**
 * Plain-language warnings for a hairline, following the notes:
 *  - low-hairline: the mid-frontal point below 70 mm above the glabella (the aggressive limit).
 *  - asymmetric (only when symmetry is off): the loop against its own mirror image across x = 0, every
 *    spline sample to the nearest point of the mirrored loop (so it does not depend on how the handles
 *    are numbered). Warns when the mean over the front hairline (ahead of the ears, above the brows:
 *    what is seen face to face; averaging over the whole loop would dilute it with the untouched nape)
 *    exceeds 6 mm, or when any stretch is more than 15 mm off its mirror image.
 *  - off-skin: a control point more than 3 mm from the skin.
 *  - on-face: the line runs below the brow line (8 mm above the glabella) in front of the temples, or
 *    the treatment area takes in the glabella, nasion or a lateral canthus.
 *  - on-ear: the line runs over the auricle (a box behind and around the tragus, outside the skull's
 *    width, scaled with the head) or the treatment area takes in a tragus.
 */
export function hairlineWarnings(input: WarningInput): PlanWarning[] {
  const { hairline, landmarks, query, mirrored = false } = input;
  const warnings: PlanWarning[] = [];
  if (hairline.points.length < 3) return [{ id: 'off-skin', params: { variant: 'too-few' }, message: 'The hairline needs at least three points.' }];
  const curve = input.curve ?? hairlineCurve(hairline, query.project, SAMPLES);
  const height = input.hairlineHeightMm ?? hairlineHeightMm(hairline, landmarks, query);
  const cm = (mm: number, units: UnitSystem, decimals = 1): string => (units === 'metric' ? `${(mm / 10).toFixed(decimals)} cm` : formatLength(mm, units, decimals - 1));
  const mm = (value: number, units: UnitSystem): string => formatLength(value, units, 0);
  const { glabella, inion } = landmarks;
  const k = distance(glabella, inion) / 193; // size relative to the reference head, as in buildHairline
  const browY = glabella[1] + 8 * k; // the brow line sits 8–10 mm above the glabella
  const center = hairlineCenter(landmarks);
  const tragusZ = (landmarks.leftTragus[2] + landmarks.rightTragus[2]) / 2;

  if (height < MIN_HAIRLINE_HEIGHT_MM) {
    warnings.push({
      id: 'low-hairline',
      params: { height: { cm: height, decimals: 1 }, limit: { cm: 70, decimals: 0 }, typical: { cm: 80, decimals: 0 }, conservative: { cm: 100, decimals: 0 } },
      ...inBothUnits(
        (u) =>
          `The mid-frontal point is ${cm(height, u)} above the glabella, lower than clinics advise: ${cm(70, u, 0)} is the ` +
          `aggressive limit (${cm(80, u, 0)} is typical, ${cm(100, u, 0)} conservative). A low line can look unnatural as the face ages.`,
      ),
    });
  }

  if (!mirrored) {
    const { mean, max } = mirrorMismatch(hairline, (p) => p[2] > tragusZ + 20 * k && p[1] > browY);
    if (mean > ASYMMETRY_MEAN_MM || max > ASYMMETRY_MAX_MM) {
      warnings.push({
        id: 'asymmetric',
        params: { variant: mean > ASYMMETRY_MEAN_MM ? 'mean' : 'stretch', mean: { mm: mean, decimals: 0 }, max: { mm: max, decimals: 0 } },
        ...inBothUnits(
          (u) =>
            (mean > ASYMMETRY_MEAN_MM
              ? `The left and right sides of the front hairline differ by ${mm(mean, u)} on average (up to ${mm(max, u)}). `
              : `One stretch of the hairline is ${mm(max, u)} away from the mirror image of the other side. `) +
            `Natural hairlines are close to symmetric; turn symmetry on or even out the sides unless this is intended.`,
        ),
      });
    }
  }

  let worst = 0, offCount = 0;
  for (const p of hairline.points) {
    const d = query.closest(p).distance;
    if (d > OFF_SKIN_MM) offCount++;
    worst = Math.max(worst, d);
  }
  if (offCount > 0) {
    warnings.push({
      id: 'off-skin',
      params: { variant: 'points', count: offCount, distance: { mm: worst, decimals: 0 } },
      ...inBothUnits(
        (u) =>
          `${offCount === 1 ? 'One point of the hairline is' : `${offCount} points of the hairline are`} off the ` +
          `scalp (up to ${mm(worst, u)} from the skin). Drag ${offCount === 1 ? 'it' : 'them'} back onto the head.`,
      ),
    });
  }

  const inside = (names: readonly (keyof Landmarks)[]): string[] => {
    const sd = signedDistanceToHairline(new Float32Array(names.flatMap((n) => landmarks[n])), curve, center);
    return names.filter((_, i) => sd[i]! > 0);
  };

  const faceHalfWidth = Math.max(Math.abs(landmarks.leftLateralCanthus[0]), Math.abs(landmarks.rightLateralCanthus[0])) + 12 * k;
  let faceLow = Infinity;
  for (const p of curve) {
    if (p[1] < browY && p[2] > tragusZ + 30 * k && Math.abs(p[0] - center[0]) < faceHalfWidth) faceLow = Math.min(faceLow, p[1]);
  }
  const faceIn = inside(['glabella', 'nasion', 'leftLateralCanthus', 'rightLateralCanthus']);
  if (faceLow < Infinity || faceIn.length > 0) {
    const why = (u: UnitSystem) =>
      faceLow < Infinity
        ? `it runs ${mm(browY - faceLow, u)} below the brow line, onto the face`
        : `the treated area takes in the ${faceIn.map(spaced).join(' and ')}`;
    const params: WarningParams =
      faceLow < Infinity ? { variant: 'below-brows', distance: { mm: browY - faceLow, decimals: 0 } } : { variant: 'landmarks', landmarks: faceIn };
    warnings.push({ id: 'on-face', params, ...inBothUnits((u) => `The hairline leaves the scalp: ${why(u)}. Move it back up above the brows.`) });
  }

  let onEar = 0;
  for (const p of curve) {
    for (const tragus of [landmarks.leftTragus, landmarks.rightTragus]) {
      const dy = p[1] - tragus[1], dz = p[2] - tragus[2];
      const outside = Math.sign(tragus[0] - center[0]) * (p[0] - center[0]) > Math.abs(tragus[0] - center[0]) - 1;
      if (outside && dy > -25 * k && dy < 36 * k && dz > -34 * k && dz < 2 * k) onEar++;
    }
  }
  const earIn = inside(['leftTragus', 'rightTragus']);
  if (onEar > 0 || earIn.length > 0) {
    warnings.push({
      id: 'on-ear',
      params: { variant: earIn.length > 0 ? 'landmarks' : 'line', landmarks: earIn, clearance: { mmRange: [10, 15], decimals: 0 } },
      ...inBothUnits(
        (u) =>
          `The hairline runs onto the ear${earIn.length > 0 ? ` (the treated area takes in the ${earIn.map(spaced).join(' and ')})` : ''}. ` +
          `Keep it ${formatLengthRange(10, 15, u, 0)} clear above and behind the ear.`,
      ),
    });
  }
  return warnings;
}

/** 'leftLateralCanthus' → 'left lateral canthus'. */
const spaced = (name: string): string => name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

/**
 * Mismatch between the loop and its mirror image across x = 0: for every spline sample, the distance to
 * the nearest segment of the mirrored loop, mm. `mean` over the samples passing `keep` (all by
 * default), `max` over all of them.
 */
export function mirrorMismatch(hairline: Hairline, keep?: (p: Vec3) => boolean): { mean: number; max: number } {
  const samples = sampleHairline(hairline, 6);
  const mirrored = samples.map(mirrorX);
  let sum = 0, count = 0, max = 0;
  for (const p of samples) {
    let best = Infinity;
    for (let j = 0; j < mirrored.length; j++) {
      const a = mirrored[j]!, b = mirrored[(j + 1) % mirrored.length]!;
      // Cheap reject: a segment whose start is farther than the best plus its length cannot win.
      if (distance(p, a) - distance(a, b) > best) continue;
      best = Math.min(best, distanceToSegment(p, a, b));
    }
    if (!keep || keep(p)) {
      sum += best;
      count++;
    }
    max = Math.max(max, best);
  }
  return { mean: count > 0 ? sum / count : 0, max };
}

// ---------------------------------------------------------------------------------------------
// All together

export interface MeasureInput {
  positions: Float32Array;
  indices: ArrayLike<number>;
  landmarks: Landmarks;
  hairline: Hairline;
  /** Full density, impressions/cm² (plan.dots.densityPerCm2). */
  densityPerCm2: number;
  /** Transition zone width, mm (density ramps from 0 at the line to full over it). */
  transitionMm: number;
  /** Surface query of the mesh; built here when omitted (~30 ms for the default head). */
  query?: SurfaceQuery;
  /** Per-vertex signed distances to the hairline (as drawn); computed here when omitted. */
  distances?: ArrayLike<number>;
  /** The editor mirrors edits (symmetry on). */
  mirrored?: boolean;
  densityAt?: (vertex: number) => number;
  scarsOrAlopecia?: boolean;
  /** The planned sessions' shares of the impressions (summing to 1); omitted: the suggested count, equal shares. */
  sessionShares?: readonly number[];
}

/**
 * Every consultation figure for a hairline on a head in one call: ~30 ms on the default head (48k
 * vertices) with `query` and `distances` given, plus ~100 ms to build the query and ~20 ms for the
 * distances when they are not.
 */
export function measureHairline(input: MeasureInput): PlanMeasurements {
  const { positions, indices, landmarks, hairline } = input;
  const query = input.query ?? createSurfaceQuery(positions, indices);
  // The same curve sampling as the treatment field (`hairlineCurve` default), so the area matches the dots.
  const curve = hairlineCurve(hairline, query.project);
  const distances = input.distances ?? signedDistanceToHairline(positions, curve, hairlineCenter(landmarks));
  const height = hairlineHeightMm(hairline, landmarks, query, { positions, indices });
  const area = treatedAreaCm2(positions, indices, distances);
  const impressions = estimateImpressions({
    positions,
    indices,
    distances,
    densityPerCm2: input.densityPerCm2,
    transitionMm: input.transitionMm,
    ...(input.densityAt ? { densityAt: input.densityAt } : {}),
  });
  const suggested = estimateSessions(impressions, area, { scarsOrAlopecia: input.scarsOrAlopecia ?? false });
  const shares = input.sessionShares ?? Array.from({ length: suggested }, () => 1 / suggested);
  const hours = sessionHours(impressions, shares);
  const lineWarnings = hairlineWarnings({ hairline, landmarks, query, hairlineHeightMm: height, mirrored: input.mirrored ?? false, curve });
  // Where the line encloses nothing, its height, symmetry and reach mean nothing either: say that alone
  // (and which points are off the skin, which is how it may have happened).
  const warnings = area < MIN_TREATED_AREA_CM2 ? [NO_AREA_WARNING, ...lineWarnings.filter((w) => w.id === 'off-skin')] : lineWarnings;
  if (shares.length < suggested) {
    warnings.push({
      id: 'few-sessions',
      params: { count: shares.length, suggested },
      message: `${shares.length} session${shares.length === 1 ? '' : 's'} planned; an area this size at this density usually takes ${suggested}, so expect a patchier result or longer sessions.`,
    });
  }
  const width = frontotemporalWidthMm(hairline, landmarks, query.project);
  return {
    hairlineHeightMm: height,
    frontotemporalWidthMm: Number.isFinite(width) ? width : 0,
    treatedAreaCm2: area,
    impressions,
    sessions: shares.length,
    suggestedSessions: suggested,
    sessionHours: hours,
    hours: hours.reduce((a, b) => a + b, 0),
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------

/** Arc-length position of the point of a closed polyline nearest to p, and its distance. */
function locateOnLoop(loop: Vec3[], p: Vec3): { arc: number; distance: number } {
  let arc = 0, bestArc = 0, bestD = Infinity;
  for (let i = 0; i < loop.length; i++) {
    const a = loop[i]!, b = loop[(i + 1) % loop.length]!;
    const ab = sub(b, a);
    const l = len(ab);
    const t = l > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1] + (p[2] - a[2]) * ab[2]) / (l * l))) : 0;
    const d = distance(p, lerp(a, b, t));
    if (d < bestD) {
      bestD = d;
      bestArc = arc + t * l;
    }
    arc += l;
  }
  return { arc: bestArc, distance: bestD };
}
