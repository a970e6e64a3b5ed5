import type { SurfaceQuery } from '../geometry/closestPoint';
import { add, cross, dot, normalize, scale, sub } from '../geometry/vec3';
import { distance, LANDMARK_NAMES, midpoint, type Landmarks, type Vec3 } from '../head/landmarks';
import { findOpisthocranion, headCircumference } from '../head/measure';
import { message, TextError } from '../textError';

/**
 * Bringing a scan from its file's units, axes and origin into the head frame (millimetres, +X to the
 * subject's left, +Y up, +Z forward, origin mid-tragus), from landmarks placed on it. Also the small
 * dense linear algebra (symmetric eigenproblems, closed-form similarity fits) that fitting shares.
 */

/** p → scale · R p + translation, R a proper rotation (3 × 3, row-major). */
export type Similarity = { rotation: number[]; scale: number; translation: Vec3 };

export type ScanUnit = 'mm' | 'cm' | 'm' | 'in' | 'unknown';

/** The four landmarks alignment needs; the others are optional. */
export type AlignmentLandmarks = Pick<Landmarks, 'glabella' | 'vertex' | 'leftTragus' | 'rightTragus'> & Partial<Landmarks>;

/** Millimetres per file unit for the units a scan is plausibly stored in. */
const UNIT_SCALES: readonly (readonly [Exclude<ScanUnit, 'unknown'>, number])[] = [
  ['mm', 1],
  ['cm', 10],
  ['m', 1000],
  ['in', 25.4],
];

/** Bitragion breadths of real heads, children to large adults (mm): what a correct unit must give. */
const BITRAGION_RANGE_MM: readonly [number, number] = [110, 185];
const CIRCUMFERENCE_RANGE_MM: readonly [number, number] = [350, 700];
const TRAGUS_DISTANCE_RANGE_MM: readonly [number, number] = [90, 200];

export function applySimilarityToPoint(p: Vec3, s: Similarity): Vec3 {
  const r = s.rotation;
  return [
    s.scale * (r[0]! * p[0] + r[1]! * p[1] + r[2]! * p[2]) + s.translation[0],
    s.scale * (r[3]! * p[0] + r[4]! * p[1] + r[5]! * p[2]) + s.translation[1],
    s.scale * (r[6]! * p[0] + r[7]! * p[1] + r[8]! * p[2]) + s.translation[2],
  ];
}

/** A transformed copy of flat xyz positions. */
export function applySimilarity(positions: Float32Array, s: Similarity): Float32Array {
  const out = new Float32Array(positions.length);
  const r = s.rotation, k = s.scale, [tx, ty, tz] = s.translation;
  const r0 = k * r[0]!, r1 = k * r[1]!, r2 = k * r[2]!, r3 = k * r[3]!, r4 = k * r[4]!, r5 = k * r[5]!, r6 = k * r[6]!, r7 = k * r[7]!, r8 = k * r[8]!;
  for (let i = 0; i < positions.length; i += 3) {
    const x = positions[i]!, y = positions[i + 1]!, z = positions[i + 2]!;
    out[i] = r0 * x + r1 * y + r2 * z + tx;
    out[i + 1] = r3 * x + r4 * y + r5 * z + ty;
    out[i + 2] = r6 * x + r7 * y + r8 * z + tz;
  }
  return out;
}

export function invertSimilarity(s: Similarity): Similarity {
  const r = s.rotation;
  const rt = [r[0]!, r[3]!, r[6]!, r[1]!, r[4]!, r[7]!, r[2]!, r[5]!, r[8]!];
  const inv: Similarity = { rotation: rt, scale: 1 / s.scale, translation: [0, 0, 0] };
  inv.translation = scale(applySimilarityToPoint(s.translation, inv), -1);
  return inv;
}

/** The file point that `s` takes to `p` (e.g. a landmark picked on the aligned scan). */
export function invertSimilarityPoint(p: Vec3, s: Similarity): Vec3 {
  return applySimilarityToPoint(p, invertSimilarity(s));
}

/**
 * Eigen-decomposition of a symmetric n × n matrix (row-major) by cyclic Jacobi rotations: exact to
 * round-off and unconditionally stable, which matters more than speed at n ≤ 4.
 * Returns eigenvalues in descending order with their unit eigenvectors.
 */
function symmetricEigen(matrix: ArrayLike<number>, n: number): { values: number[]; vectors: number[][] } {
  const a = Array.from(matrix);
  const v = Array.from({ length: n * n }, (_, i): number => (i % (n + 1) === 0 ? 1 : 0));
  let total = 0;
  for (const x of a) total += x * x;
  for (let sweep = 0; sweep < 64; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!, akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!, aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!, vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j]! - a[i * n + i]!);
  return {
    values: order.map((i) => a[i * n + i]!),
    vectors: order.map((i) => Array.from({ length: n }, (_, k) => v[k * n + i]!)),
  };
}

/** Centroid, principal axes (descending variance, a right-handed frame) and RMS radius of flat xyz points. */
export function principalAxes(points: ArrayLike<number>): { centroid: Vec3; axes: [Vec3, Vec3, Vec3]; variances: number[]; rmsRadius: number } {
  const n = points.length / 3;
  let cx = 0, cy = 0, cz = 0;
  for (let i = 0; i < points.length; i += 3) {
    cx += points[i]!; cy += points[i + 1]!; cz += points[i + 2]!;
  }
  cx /= n; cy /= n; cz /= n;
  let xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
  for (let i = 0; i < points.length; i += 3) {
    const x = points[i]! - cx, y = points[i + 1]! - cy, z = points[i + 2]! - cz;
    xx += x * x; xy += x * y; xz += x * z; yy += y * y; yz += y * z; zz += z * z;
  }
  const { values, vectors } = symmetricEigen([xx, xy, xz, xy, yy, yz, xz, yz, zz].map((c) => c / n), 3);
  const a0 = vectors[0] as Vec3, a1 = vectors[1] as Vec3;
  return {
    centroid: [cx, cy, cz],
    axes: [a0, a1, cross(a0, a1)],
    variances: values,
    rmsRadius: Math.sqrt((xx + yy + zz) / n),
  };
}

/**
 * The similarity minimising Σ |s R src_i + t − dst_i|² over paired flat xyz points: Horn's
 * quaternion method, which always yields a proper rotation (no reflection fix-up as with an SVD).
 */
export function fitSimilarity(src: ArrayLike<number>, dst: ArrayLike<number>): Similarity {
  const n = src.length / 3;
  const cs: Vec3 = [0, 0, 0], cd: Vec3 = [0, 0, 0];
  for (let i = 0; i < 3 * n; i += 3) {
    cs[0] += src[i]! / n; cs[1] += src[i + 1]! / n; cs[2] += src[i + 2]! / n;
    cd[0] += dst[i]! / n; cd[1] += dst[i + 1]! / n; cd[2] += dst[i + 2]! / n;
  }
  // s_ab = Σ src'_a dst'_b over the centred points.
  let sxx = 0, sxy = 0, sxz = 0, syx = 0, syy = 0, syz = 0, szx = 0, szy = 0, szz = 0;
  let srcSq = 0;
  for (let i = 0; i < n; i++) {
    const ax = src[3 * i]! - cs[0], ay = src[3 * i + 1]! - cs[1], az = src[3 * i + 2]! - cs[2];
    const bx = dst[3 * i]! - cd[0], by = dst[3 * i + 1]! - cd[1], bz = dst[3 * i + 2]! - cd[2];
    sxx += ax * bx; sxy += ax * by; sxz += ax * bz;
    syx += ay * bx; syy += ay * by; syz += ay * bz;
    szx += az * bx; szy += az * by; szz += az * bz;
    srcSq += ax * ax + ay * ay + az * az;
  }
  if (!(srcSq > 0)) throw new Error('fitSimilarity: the source points coincide');
  const nMat = [
    sxx + syy + szz, syz - szy, szx - sxz, sxy - syx,
    syz - szy, sxx - syy - szz, sxy + syx, szx + sxz,
    szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy,
    sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz,
  ];
  const { values, vectors } = symmetricEigen(nMat, 4);
  const [w, x, y, z] = vectors[0] as [number, number, number, number];
  const rotation = [
    w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y),
    2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x),
    2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z,
  ];
  // The top eigenvalue is Σ dst'·R src', so the least-squares scale is that over Σ |src'|².
  const s = Math.max(values[0]!, 0) / srcSq || 1;
  const rotated = applySimilarityToPoint(cs, { rotation, scale: s, translation: [0, 0, 0] });
  return { rotation, scale: s, translation: sub(cd, rotated) };
}

/** Flat xyz of the points, in order. */
function flatten(points: Vec3[]): Float64Array {
  const out = new Float64Array(points.length * 3);
  points.forEach((p, i) => out.set(p, 3 * i));
  return out;
}

/**
 * The unit direction, within the plane orthogonal to `x`, that bisects the directions from `origin` to
 * the glabella and to the vertex. Matching these bisectors is the least-squares choice of the rotation
 * about X for the two directions: each then misses its reference by the same angle, in opposite senses,
 * so a head whose brow sits higher or lower than the reference's shares the difference evenly.
 */
function sagittalBisector(origin: Vec3, x: Vec3, glabella: Vec3, vertex: Vec3): Vec3 {
  const inPlane = (p: Vec3): Vec3 => {
    const d = sub(p, origin);
    return normalize(sub(d, scale(x, dot(d, x))));
  };
  const b = normalize(add(inPlane(glabella), inPlane(vertex)));
  if (b[0] === 0 && b[1] === 0 && b[2] === 0) throw new TextError(message('scan.align.inLine'), 'The glabella and vertex landmarks must not lie on the line through the tragi.');
  return b;
}

/**
 * The similarity taking file coordinates into the head frame, from the glabella, vertex and tragi
 * placed on the scan: origin at the mid-point of the tragi, +X towards the left tragus, the rotation
 * about X matching the glabella/vertex bisector to the reference head's (see `sagittalBisector`).
 *
 * Scale: `scaleMm` (mm per file unit) when given; otherwise the file unit is guessed as the one that
 * puts the bitragion breadth in the range of real heads, preferring the one closest to the reference
 * head's; when no unit does, 'unknown' and the scan is scaled to the reference's breadth.
 */
export function alignmentFromLandmarks(
  file: AlignmentLandmarks,
  reference: Landmarks,
  options: { scaleMm?: number } = {},
): { similarity: Similarity; unit: ScanUnit; unitScale: number } {
  const origin = midpoint(file.leftTragus, file.rightTragus);
  const breadth = distance(file.leftTragus, file.rightTragus);
  if (!(breadth > 0)) throw new TextError(message('scan.align.sameTragi'), 'The two tragus landmarks must be at different places.');
  const x = normalize(sub(file.leftTragus, file.rightTragus));
  const fileUp = sagittalBisector(origin, x, file.glabella, file.vertex);
  // The reference is in the head frame, so its X axis is +X and its origin (0, 0, 0) by definition.
  const refUp = sagittalBisector([0, 0, 0], [1, 0, 0], reference.glabella, reference.vertex);
  // R = B_ref · B_fileᵀ with B = [x, up, x × up] as columns.
  const fileZ = cross(x, fileUp), refZ = cross([1, 0, 0], refUp);
  const fileBasis = [x, fileUp, fileZ], refBasis: Vec3[] = [[1, 0, 0], refUp, refZ];
  const rotation: number[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) rotation.push(fileBasis.reduce((sum, f, k) => sum + refBasis[k]![i]! * f[j]!, 0));
  }

  const refBreadth = distance(reference.leftTragus, reference.rightTragus);
  let unit: ScanUnit = 'unknown', unitScale = refBreadth / breadth;
  if (options.scaleMm !== undefined) {
    if (!(options.scaleMm > 0) || !Number.isFinite(options.scaleMm)) throw new Error('The scan scale must be a positive number.');
    unitScale = options.scaleMm;
    unit = UNIT_SCALES.find(([, f]) => Math.abs(f / unitScale - 1) < 1e-9)?.[0] ?? 'unknown';
  } else {
    let bestMiss = Infinity;
    for (const [name, f] of UNIT_SCALES) {
      const mm = breadth * f;
      if (mm < BITRAGION_RANGE_MM[0] || mm > BITRAGION_RANGE_MM[1]) continue;
      const miss = Math.abs(Math.log(mm / refBreadth));
      if (miss < bestMiss) {
        bestMiss = miss;
        unit = name;
        unitScale = f;
      }
    }
  }
  const linear: Similarity = { rotation, scale: unitScale, translation: [0, 0, 0] };
  return { similarity: { ...linear, translation: scale(applySimilarityToPoint(origin, linear), -1) }, unit, unitScale };
}

/**
 * All landmarks on the scan (file coordinates) from those given: the given ones as they are, the rest
 * from `suggestion` when there is one, else from the reference head carried over by the similarity
 * fitted to the given pairs; either way snapped onto the scan surface.
 */
export function completeLandmarks(given: AlignmentLandmarks, suggestion: Landmarks | null, scanQuery: SurfaceQuery, reference: Landmarks): Landmarks {
  const givenNames = LANDMARK_NAMES.filter((name) => given[name] !== undefined);
  const referenceToFile = suggestion
    ? null
    : fitSimilarity(flatten(givenNames.map((name) => reference[name])), flatten(givenNames.map((name) => given[name]!)));
  const out = {} as Landmarks;
  for (const name of LANDMARK_NAMES) {
    const own = given[name];
    if (own) out[name] = [own[0], own[1], own[2]];
    else out[name] = scanQuery.project(suggestion ? suggestion[name] : applySimilarityToPoint(reference[name], referenceToFile!));
  }
  return out;
}

/**
 * Head circumference on a mesh in the head frame, as a tape goes: through the glabella and the
 * opisthocranion (found above the tragi); 0 when the mesh has no midline behind to measure to.
 */
function circumferenceOnMesh(positions: Float32Array, indices: Uint32Array, glabella: Vec3, tragusHeight: number): number {
  const back = findOpisthocranion(positions, glabella, tragusHeight);
  return back === glabella ? 0 : headCircumference(positions, indices, glabella, back);
}

/** The aligned scan measured as a tape measure and callipers would (mm; circumference 0 when it cannot be measured). */
export function measureScanSize(
  alignedPositions: Float32Array,
  indices: Uint32Array,
  alignedLandmarks: Pick<Landmarks, 'glabella' | 'leftTragus' | 'rightTragus'>,
): { circumferenceMm: number; tragusDistanceMm: number } {
  const { glabella, leftTragus, rightTragus } = alignedLandmarks;
  return {
    circumferenceMm: circumferenceOnMesh(alignedPositions, indices, glabella, leftTragus[1]),
    tragusDistanceMm: distance(leftTragus, rightTragus),
  };
}

/**
 * The factor to multiply the scan's current scale by so that it matches a measurement taken on the
 * client: the head circumference (measured on the mesh as a tape goes, through the glabella and the
 * opisthocranion) or the straight tragus-to-tragus distance. Positions and landmarks are in the head
 * frame at the current scale.
 */
export function scaleFromMeasurement(
  alignedPositions: Float32Array,
  indices: Uint32Array,
  alignedLandmarks: Pick<Landmarks, 'glabella' | 'leftTragus' | 'rightTragus'>,
  measurement: { kind: 'circumference' | 'tragusDistance'; mm: number },
): number {
  const { kind, mm } = measurement;
  const [lo, hi] = kind === 'circumference' ? CIRCUMFERENCE_RANGE_MM : TRAGUS_DISTANCE_RANGE_MM;
  const what = kind === 'circumference' ? 'head circumference' : 'tragus-to-tragus distance';
  if (!Number.isFinite(mm) || mm < lo || mm > hi) {
    throw new TextError(message(`scan.align.implausible.${kind}`, { mm, lo, hi }), `A ${what} of ${mm} mm is not plausible: it should be between ${lo} and ${hi} mm.`);
  }
  const { glabella, leftTragus, rightTragus } = alignedLandmarks;
  const onMesh = kind === 'circumference' ? circumferenceOnMesh(alignedPositions, indices, glabella, leftTragus[1]) : distance(leftTragus, rightTragus);
  if (!(onMesh > 0)) throw new TextError(message(`scan.align.unmeasurable.${kind}`), `The ${what} could not be measured on this scan.`);
  return mm / onMesh;
}
