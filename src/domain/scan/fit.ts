import { createSurfaceQuery, triangleArea, type SurfaceQuery } from '../geometry/closestPoint';
import { normalize, scale, sub } from '../geometry/vec3';
import { LANDMARK_NAMES, type Landmarks, type Vec3 } from '../head/landmarks';
import { applySimilarityToPoint, fitSimilarity, invertSimilarity, principalAxes, type Similarity } from './align';
import { simplifyMesh } from './prepare';

/**
 * Suggesting a scan's landmarks by fitting the default head to it as a template: a similarity (rotation,
 * uniform scale, translation) found by trimmed ICP from the 24 ways the principal axes can pair up,
 * then the template's landmarks carried back onto the scan. Works in any unit, orientation and origin.
 */

/** A surface to fit to: closest points, and the unit normal of each triangle for point-to-plane steps. */
interface FitSurface {
  query: SurfaceQuery;
  triangleNormals: Float64Array;
}

export interface HeadTemplate {
  /** The template itself, for the final refinement. */
  fine: FitSurface;
  /** A coarse copy (a few thousand triangles) for the 24 trial fits, which make most of the queries, many far from the surface. */
  coarse: FitSurface;
  landmarks: Landmarks;
  centroid: Vec3;
  axes: [Vec3, Vec3, Vec3];
  rmsRadius: number;
  area: number;
}

export interface LandmarkSuggestion {
  /** In the scan file's own coordinates, each on the scan surface. */
  landmarks: Landmarks;
  /** File → head frame, as good as a template fit gets (the landmarks decide the real alignment). */
  transform: Similarity;
  /** RMS distance (template mm) from the scan to the template after the fit, over the best-fitting 80 % of the scan. */
  fitErrorMm: number;
  looksLikeHead: boolean;
}

const SAMPLES = 2000;
/** Every n-th sample for the trial fits. */
const TRIAL_STRIDE = 7;
/** Trial fits from each of the 24 starts: point-to-point steps to get near, then point-to-plane ones to settle. */
const TRIAL_POINT_STEPS = 3;
const TRIAL_PLANE_STEPS = 6;
const REFINE_STEPS = 30;
const COARSE_TEMPLATE_TRIANGLES = 3000;
/** Share of samples kept each ICP step: the rest (a neck or shoulders cut differently, hair, clothing) would pull the fit. */
const KEEP = 0.8;
/**
 * Largest 90th-percentile distance of the scan to the fitted template, as a fraction of the template's
 * RMS radius, for a head. The tail rather than the RMS: a head differs from the template a little
 * everywhere, a sphere, a cube or a cylinder a lot where the face and neck should be. The default head
 * under noise and re-meshing gives about 0.01, heads 10 % wider or longer about 0.09; a sphere about
 * 0.19, a cube 0.2, a long cylinder 0.3.
 */
const HEAD_FIT_LIMIT = 0.13;
/**
 * Surface area of the fitted scan relative to the template's, for a head: from a face alone to a head
 * with shoulders. A shape that fits only by shrinking onto a part of the template falls below, a whole
 * body above.
 */
const HEAD_AREA_RANGE: readonly [number, number] = [0.2, 4];

/** What fitting needs of the default head (built once; the skin mesh in the head frame and its landmarks). */
export function createTemplate(positions: Float32Array, indices: Uint32Array, landmarks: Landmarks): HeadTemplate {
  const coarse = simplifyMesh({ positions, indices }, COARSE_TEMPLATE_TRIANGLES);
  const { points, area } = sampleSurface(positions, indices, SAMPLES, seededRandom(1));
  const { centroid, axes, rmsRadius } = principalAxes(points);
  return { fine: fitSurface(positions, indices), coarse: fitSurface(coarse.positions, coarse.indices), landmarks, centroid, axes, rmsRadius, area };
}

function fitSurface(positions: Float32Array, indices: Uint32Array): FitSurface {
  const triangleNormals = new Float64Array(indices.length);
  for (let t = 0; t < indices.length; t += 3) {
    const a = 3 * indices[t]!, b = 3 * indices[t + 1]!, c = 3 * indices[t + 2]!;
    const u: Vec3 = [positions[b]! - positions[a]!, positions[b + 1]! - positions[a + 1]!, positions[b + 2]! - positions[a + 2]!];
    const v: Vec3 = [positions[c]! - positions[a]!, positions[c + 1]! - positions[a + 1]!, positions[c + 2]! - positions[a + 2]!];
    triangleNormals.set(normalize([u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]]), t);
  }
  return { query: createSurfaceQuery(positions, indices), triangleNormals };
}

/**
 * Fit the template to the scan and carry its landmarks over. `scanQuery` (closest points on the scan)
 * is built when not given.
 */
export function suggestLandmarks(scanPositions: Float32Array, scanIndices: Uint32Array, template: HeadTemplate, scanQuery?: SurfaceQuery): LandmarkSuggestion {
  const { points: samples, area } = sampleSurface(scanPositions, scanIndices, SAMPLES, seededRandom(2));
  const trialSamples = samples.filter((_, i) => Math.floor(i / 3) % TRIAL_STRIDE === 0);
  const scan = principalAxes(samples);
  const s0 = template.rmsRadius / scan.rmsRadius;
  const trials = properSignedPermutations().map((p) => {
    // R = A_t · P · A_sᵀ, the axes as columns: scan axis j goes to ±(the template axis P maps it to).
    const rotation: number[] = [];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) sum += template.axes[a]![i]! * p[3 * a + b]! * scan.axes[b]![j]!;
        rotation.push(sum);
      }
    }
    const moved = sub(template.centroid, applySimilarityToPoint(scan.centroid, { rotation, scale: s0, translation: [0, 0, 0] }));
    const start: Similarity = { rotation, scale: s0, translation: moved };
    const near = trimmedIcp(trialSamples, template.coarse, start, TRIAL_POINT_STEPS, 'point');
    return trimmedIcp(trialSamples, template.coarse, near.similarity, TRIAL_PLANE_STEPS, 'plane');
  });
  // Ranked by the error in the scan's own units: in the template's, shrinking the scan onto a patch of the template would win.
  const best = trials.reduce((a, b) => (b.rms / b.similarity.scale < a.rms / a.similarity.scale ? b : a));
  const fit = trimmedIcp(samples, template.fine, best.similarity, REFINE_STEPS, 'plane');
  const toFile = invertSimilarity(fit.similarity);
  const query = scanQuery ?? createSurfaceQuery(scanPositions, scanIndices);
  const landmarks = {} as Landmarks;
  for (const name of LANDMARK_NAMES) landmarks[name] = query.project(applySimilarityToPoint(template.landmarks[name], toFile));
  const areaRatio = (area * fit.similarity.scale ** 2) / template.area;
  return {
    landmarks,
    transform: fit.similarity,
    fitErrorMm: fit.rms,
    looksLikeHead: fit.p90 < HEAD_FIT_LIMIT * template.rmsRadius && areaRatio > HEAD_AREA_RANGE[0] && areaRatio < HEAD_AREA_RANGE[1],
  };
}

interface IcpResult {
  similarity: Similarity;
  /** RMS distance of the best-fitting KEEP share of the samples to the template (template units). */
  rms: number;
  /** 90th percentile of the samples' distances to the template. */
  p90: number;
}

/**
 * Similarity ICP from `start`: each step pairs every sample with its closest template point, keeps the
 * best-fitting KEEP share and solves for the similarity: point to point in closed form (robust far from
 * the answer), or point to plane, linearised (a few steps near the answer, where point to point crawls
 * along the surface). Returns the best similarity evaluated with its errors.
 */
function trimmedIcp(samples: Float64Array, surface: FitSurface, start: Similarity, steps: number, metric: 'point' | 'plane'): IcpResult {
  const n = samples.length / 3;
  const keep = Math.max(3, Math.floor(KEEP * n));
  const moved = new Float64Array(3 * n), closest = new Float64Array(3 * n), normals = new Float64Array(3 * n);
  const dist = new Float64Array(n);
  const src = new Float64Array(3 * keep), dst = new Float64Array(3 * keep), nrm = new Float64Array(3 * keep);
  let similarity = start;
  let best: IcpResult = { similarity, rms: Infinity, p90: Infinity };
  for (let step = 0; ; step++) {
    for (let i = 0; i < n; i++) {
      const p = applySimilarityToPoint([samples[3 * i]!, samples[3 * i + 1]!, samples[3 * i + 2]!], similarity);
      const hit = surface.query.closest(p);
      moved.set(p, 3 * i);
      closest.set(hit.point, 3 * i);
      normals.set(surface.triangleNormals.subarray(3 * hit.triangle, 3 * hit.triangle + 3), 3 * i);
      dist[i] = hit.distance;
    }
    const sorted = dist.slice().sort();
    const cutoff = sorted[keep - 1]!;
    let m = 0, sq = 0;
    for (let i = 0; i < n && m < keep; i++) {
      if (dist[i]! > cutoff) continue;
      src.set((metric === 'plane' ? moved : samples).subarray(3 * i, 3 * i + 3), 3 * m);
      dst.set(closest.subarray(3 * i, 3 * i + 3), 3 * m);
      nrm.set(normals.subarray(3 * i, 3 * i + 3), 3 * m);
      sq += dist[i]! ** 2;
      m++;
    }
    const rms = Math.sqrt(sq / m);
    // Stop when a step no longer improves the fit by 0.1 %.
    const improved = rms < best.rms * 0.999;
    if (rms < best.rms) best = { similarity, rms, p90: sorted[Math.floor(0.9 * (n - 1))]! };
    if (step === steps || !improved) return best;
    if (metric === 'point') {
      similarity = fitSimilarity(src.subarray(0, 3 * m), dst.subarray(0, 3 * m));
      continue;
    }
    const update = pointToPlaneUpdate(src.subarray(0, 3 * m), dst.subarray(0, 3 * m), nrm.subarray(0, 3 * m));
    if (!update) return best;
    similarity = compose(update, similarity);
  }
}

/**
 * The small similarity x → c + (1 + σ) R(ω) (x − c) + τ (c the points' centroid) that best moves the
 * points onto the planes through their targets: least squares of the linearised residuals
 * n·(x − q) + σ n·(x − c) + ω·((x − c) × n) + τ·n over (ω, τ, σ). Null when the normals leave it
 * undetermined or the step too large to trust.
 */
function pointToPlaneUpdate(points: Float64Array, targets: Float64Array, normals: Float64Array): Similarity | null {
  const m = points.length / 3;
  const c: Vec3 = [0, 0, 0];
  for (let i = 0; i < points.length; i += 3) {
    c[0] += points[i]! / m; c[1] += points[i + 1]! / m; c[2] += points[i + 2]! / m;
  }
  const ata = new Float64Array(49), atb = new Float64Array(7), j = new Float64Array(7);
  for (let i = 0; i < points.length; i += 3) {
    const nx = normals[i]!, ny = normals[i + 1]!, nz = normals[i + 2]!;
    const yx = points[i]! - c[0], yy = points[i + 1]! - c[1], yz = points[i + 2]! - c[2];
    const r = nx * (points[i]! - targets[i]!) + ny * (points[i + 1]! - targets[i + 1]!) + nz * (points[i + 2]! - targets[i + 2]!);
    j[0] = yy * nz - yz * ny; j[1] = yz * nx - yx * nz; j[2] = yx * ny - yy * nx;
    j[3] = nx; j[4] = ny; j[5] = nz;
    j[6] = nx * yx + ny * yy + nz * yz;
    for (let a = 0; a < 7; a++) {
      atb[a] = atb[a]! - j[a]! * r;
      for (let b = 0; b < 7; b++) ata[7 * a + b] = ata[7 * a + b]! + j[a]! * j[b]!;
    }
  }
  const u = solveLinear(ata, atb, 7);
  // A step that would halve or double the scale has left the linearisation's reach (a scan shrinking onto a patch).
  if (!u || !(Math.abs(u[6]!) < 0.5)) return null;
  const rotation = axisAngleRotation([u[0]!, u[1]!, u[2]!]);
  const k = 1 + u[6]!;
  const rc = applySimilarityToPoint(c, { rotation, scale: k, translation: [0, 0, 0] });
  return { rotation, scale: k, translation: [c[0] - rc[0] + u[3]!, c[1] - rc[1] + u[4]!, c[2] - rc[2] + u[5]!] };
}

/** a ∘ b: first b, then a. */
function compose(a: Similarity, b: Similarity): Similarity {
  const rotation: number[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) rotation.push(a.rotation[3 * i]! * b.rotation[j]! + a.rotation[3 * i + 1]! * b.rotation[3 + j]! + a.rotation[3 * i + 2]! * b.rotation[6 + j]!);
  }
  return { rotation, scale: a.scale * b.scale, translation: applySimilarityToPoint(b.translation, a) };
}

/** Rotation by |ω| radians about ω (Rodrigues), row-major. */
export function axisAngleRotation(w: Vec3): number[] {
  const angle = Math.hypot(w[0], w[1], w[2]);
  if (angle === 0) return [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const [x, y, z] = scale(w, 1 / angle);
  const c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
  return [
    c + x * x * t, x * y * t - z * s, x * z * t + y * s,
    y * x * t + z * s, c + y * y * t, y * z * t - x * s,
    z * x * t - y * s, z * y * t + x * s, c + z * z * t,
  ];
}

/** Solve the n × n system a x = b (row-major) by Gaussian elimination with partial pivoting; null when singular. */
export function solveLinear(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const m = a.slice(), x = b.slice();
  let largest = 0;
  for (const v of m) largest = Math.max(largest, Math.abs(v));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]!) > Math.abs(m[pivot * n + col]!)) pivot = r;
    if (!(Math.abs(m[pivot * n + col]!) > 1e-12 * largest)) return null;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        const tmp = m[col * n + k]!; m[col * n + k] = m[pivot * n + k]!; m[pivot * n + k] = tmp;
      }
      const tmp = x[col]!; x[col] = x[pivot]!; x[pivot] = tmp;
    }
    for (let r = col + 1; r < n; r++) {
      const f = m[r * n + col]! / m[col * n + col]!;
      if (f === 0) continue;
      for (let k = col; k < n; k++) m[r * n + k] = m[r * n + k]! - f * m[col * n + k]!;
      x[r] = x[r]! - f * x[col]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let sum = x[r]!;
    for (let k = r + 1; k < n; k++) sum -= m[r * n + k]! * x[k]!;
    x[r] = sum / m[r * n + r]!;
  }
  return x;
}

/** The 24 signed 3 × 3 permutation matrices (row-major) with determinant +1: every proper pairing of two sets of axes. */
function properSignedPermutations(): number[][] {
  const perms = [[0, 1, 2], [1, 2, 0], [2, 0, 1], [0, 2, 1], [2, 1, 0], [1, 0, 2]];
  const out: number[][] = [];
  perms.forEach((perm, k) => {
    const parity = k < 3 ? 1 : -1;
    for (let signs = 0; signs < 8; signs++) {
      const sign = (i: number) => ((signs >> i) & 1 ? -1 : 1);
      if (parity * sign(0) * sign(1) * sign(2) < 0) continue;
      const m = new Array<number>(9).fill(0);
      for (let i = 0; i < 3; i++) m[3 * i + perm[i]!] = sign(i);
      out.push(m);
    }
  });
  return out;
}

/**
 * `count` points spread over the surface in proportion to area, and the total area: systematic sampling along the running
 * area total (one jittered target per equal share), so the points cover the surface evenly at any
 * triangle count and the result depends only on the seed.
 */
function sampleSurface(positions: ArrayLike<number>, indices: ArrayLike<number>, count: number, random: () => number): { points: Float64Array; area: number } {
  const triangles = indices.length / 3;
  const running = new Float64Array(triangles);
  let total = 0;
  for (let t = 0; t < triangles; t++) {
    total += triangleArea(positions, indices[3 * t]!, indices[3 * t + 1]!, indices[3 * t + 2]!);
    running[t] = total;
  }
  const out = new Float64Array(3 * count);
  let t = 0;
  for (let k = 0; k < count; k++) {
    const target = ((k + random()) / count) * total;
    while (t < triangles - 1 && running[t]! < target) t++;
    let u = random(), v = random();
    if (u + v > 1) {
      u = 1 - u;
      v = 1 - v;
    }
    const a = 3 * indices[3 * t]!, b = 3 * indices[3 * t + 1]!, c = 3 * indices[3 * t + 2]!;
    for (let i = 0; i < 3; i++) out[3 * k + i] = positions[a + i]! + u * (positions[b + i]! - positions[a + i]!) + v * (positions[c + i]! - positions[a + i]!);
  }
  return { points: out, area: total };
}

/** Deterministic numbers in [0, 1) (a 32-bit LCG): the same scan always gets the same suggestion. */
function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
