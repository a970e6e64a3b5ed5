import { beforeAll, describe, expect, it } from 'vitest';
import { createSurfaceQuery } from '../../src/domain/geometry/closestPoint';
import { distance, LANDMARK_NAMES, type Landmarks, type Vec3 } from '../../src/domain/head/landmarks';
import { meshVertexNormals } from '../../src/domain/head/meshTools';
import {
  alignmentFromLandmarks,
  applySimilarity,
  applySimilarityToPoint,
  completeLandmarks,
  invertSimilarity,
  invertSimilarityPoint,
  measureScanSize,
  scaleFromMeasurement,
  type Similarity,
} from '../../src/domain/scan/align';
import { createTemplate, suggestLandmarks, type HeadTemplate } from '../../src/domain/scan/fit';
import { mergeDuplicateVertices, simplifyMesh, validateScan, weldForShading } from '../../src/domain/scan/prepare';
import type { ScanMesh } from '../../src/domain/scan/scanMesh';
import { cubeSphereMesh, loadDefaultHead, seededRandom, type DefaultHead, type TestMesh } from './fixtures';

/**
 * Importing a head scan: preparing the mesh, suggesting landmarks by fitting the default head, and
 * aligning into the head frame. The "scans" are the default head moved into other units, orientations
 * and origins, re-meshed and roughened, so the right answer is known exactly.
 */

const KEY = ['glabella', 'vertex', 'leftTragus', 'rightTragus'] as const;
const IDENTITY = [1, 0, 0, 0, 1, 0, 0, 0, 1];

let head: DefaultHead;
let template: HeadTemplate;
/** The default head re-meshed by clustering (a different triangulation, ~40k triangles). */
let remeshed: ScanMesh;

beforeAll(() => {
  head = loadDefaultHead();
  template = createTemplate(head.skin.positions, head.skin.indices, head.landmarks);
  remeshed = simplifyMesh({ positions: head.skin.positions, indices: head.skin.indices }, 40_000);
});

function randomRotation(random: () => number): number[] {
  const q = [random() - 0.5, random() - 0.5, random() - 0.5, random() - 0.5];
  const l = Math.hypot(...q);
  const [w, x, y, z] = q.map((c) => c / l) as [number, number, number, number];
  return [
    w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y),
    2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x),
    2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z,
  ];
}

function mapLandmarks(landmarks: Landmarks, s: Similarity): Landmarks {
  return Object.fromEntries(LANDMARK_NAMES.map((name) => [name, applySimilarityToPoint(landmarks[name], s)])) as Landmarks;
}

function withNoise(positions: Float32Array, mm: number, random: () => number): Float32Array {
  return positions.map((v) => v + (2 * random() - 1) * mm);
}

/** Split every triangle into four at its edge mid-points (same surface, four times the triangles). */
function subdivide(mesh: TestMesh): TestMesh {
  const pos = Array.from(mesh.positions);
  const idx: number[] = [];
  const mids = new Map<number, number>();
  const vertices = mesh.positions.length / 3;
  const mid = (a: number, b: number) => {
    const key = Math.min(a, b) * vertices + Math.max(a, b);
    let v = mids.get(key);
    if (v === undefined) {
      v = pos.length / 3;
      pos.push((pos[3 * a]! + pos[3 * b]!) / 2, (pos[3 * a + 1]! + pos[3 * b + 1]!) / 2, (pos[3 * a + 2]! + pos[3 * b + 2]!) / 2);
      mids.set(key, v);
    }
    return v;
  };
  for (let t = 0; t < mesh.indices.length; t += 3) {
    const a = mesh.indices[t]!, b = mesh.indices[t + 1]!, c = mesh.indices[t + 2]!;
    const ab = mid(a, b), bc = mid(b, c), ca = mid(c, a);
    idx.push(a, ab, ca, ab, b, bc, ca, bc, c, ab, bc, ca);
  }
  return { positions: new Float32Array(pos), indices: new Uint32Array(idx) };
}

/** A triangle soup: three vertices of its own for every triangle, as STL stores them. */
function unindex(mesh: TestMesh): TestMesh {
  const positions = new Float32Array(3 * mesh.indices.length);
  mesh.indices.forEach((v, i) => positions.set(mesh.positions.subarray(3 * v, 3 * v + 3), 3 * i));
  return { positions, indices: Uint32Array.from(mesh.indices, (_, i) => i) };
}

/** Two-sided RMS distance between two meshes' vertices and the other's surface. */
function rmsDistance(a: TestMesh, b: TestMesh): number {
  const one = (from: TestMesh, to: TestMesh) => {
    const query = createSurfaceQuery(to.positions, to.indices);
    let sum = 0;
    for (let i = 0; i < from.positions.length; i += 3) sum += query.closest([from.positions[i]!, from.positions[i + 1]!, from.positions[i + 2]!]).distance ** 2;
    return sum / (from.positions.length / 3);
  };
  return Math.sqrt((one(a, b) + one(b, a)) / 2);
}

function cubeMesh(half: number): TestMesh {
  const mesh = cubeSphereMesh(24, [1, 1, 1]);
  const p = mesh.positions;
  for (let i = 0; i < p.length; i += 3) {
    const m = Math.max(Math.abs(p[i]!), Math.abs(p[i + 1]!), Math.abs(p[i + 2]!));
    for (let k = 0; k < 3; k++) p[i + k] = (p[i + k]! / m) * half;
  }
  return mesh;
}

/** A closed cylinder along Y: `rings` segments of `sides` quads, and flat caps. */
function cylinderMesh(radius: number, length: number, sides = 48, rings = 100): TestMesh {
  const pos: number[] = [];
  const idx: number[] = [];
  for (let j = 0; j <= rings; j++) {
    for (let i = 0; i < sides; i++) {
      const a = (2 * Math.PI * i) / sides;
      pos.push(radius * Math.cos(a), -length / 2 + (length * j) / rings, radius * Math.sin(a));
    }
  }
  for (let j = 0; j < rings; j++) {
    for (let i = 0; i < sides; i++) {
      const a = j * sides + i, b = j * sides + ((i + 1) % sides);
      idx.push(a, b + sides, b, a, a + sides, b + sides);
    }
  }
  for (const [ring, y] of [[0, -length / 2], [rings, length / 2]] as const) {
    const centre = pos.length / 3;
    pos.push(0, y, 0);
    for (let i = 0; i < sides; i++) {
      const a = ring * sides + i, b = ring * sides + ((i + 1) % sides);
      idx.push(...(ring === 0 ? [centre, a, b] : [centre, b, a]));
    }
  }
  return { positions: new Float32Array(pos), indices: new Uint32Array(idx) };
}

describe('suggestLandmarks: fitting the default head as a template', () => {
  const random = seededRandom(11);
  // [label, rotation, file units per mm, the unit alignment should guess]
  const poses: [string, number[], number, string][] = [
    ['upside down, in metres', [1, 0, 0, 0, -1, 0, 0, 0, -1], 0.001, 'm'],
    ['Z up, in centimetres', [1, 0, 0, 0, 0, -1, 0, 1, 0], 0.1, 'cm'],
    ['turned at random, in inches', randomRotation(random), 1 / 25.4, 'in'],
    ['turned at random, in millimetres', randomRotation(random), 1, 'mm'],
    ['turned at random, in metres', randomRotation(random), 0.001, 'm'],
    ['turned at random, in an unknown unit', randomRotation(random), 0.05, 'unknown'],
  ];

  it.each(poses)('finds the landmarks of the re-meshed, roughened head %s', (_label, rotation, unitsPerMm, unit) => {
    const toFile: Similarity = { rotation, scale: unitsPerMm, translation: [(random() - 0.5) * 900 * unitsPerMm, (random() - 0.5) * 900 * unitsPerMm, 300 * unitsPerMm] };
    const scan = applySimilarity(withNoise(remeshed.positions, 1, random), toFile);
    const suggestion = suggestLandmarks(scan, remeshed.indices, template);
    expect(suggestion.looksLikeHead).toBe(true);
    expect(suggestion.fitErrorMm).toBeLessThan(1);

    const toHead = invertSimilarity(toFile);
    const query = createSurfaceQuery(scan, remeshed.indices);
    for (const name of LANDMARK_NAMES) {
      // Snapped onto the scan (the query's own distance is float round-off in file units).
      expect(query.closest(suggestion.landmarks[name]).distance / unitsPerMm).toBeLessThan(1e-3);
    }
    for (const name of KEY) expect(distance(applySimilarityToPoint(suggestion.landmarks[name], toHead), head.landmarks[name])).toBeLessThan(8);

    // The fitted transform is approximately the true file → head one.
    const origin = applySimilarityToPoint(applySimilarityToPoint([0, 50, 0], toFile), suggestion.transform);
    expect(distance(origin, [0, 50, 0])).toBeLessThan(5);

    // Aligning on the suggested landmarks recovers the head frame and the unit.
    const aligned = alignmentFromLandmarks(suggestion.landmarks, head.landmarks);
    expect(aligned.unit).toBe(unit);
    const trueInFile = mapLandmarks(head.landmarks, toFile);
    for (const name of LANDMARK_NAMES) {
      expect(distance(applySimilarityToPoint(trueInFile[name], aligned.similarity), head.landmarks[name])).toBeLessThan(8);
    }
  });

  it('fits a scan cut off below the nose (no chin or neck)', () => {
    const { positions, indices } = head.skin;
    const kept: number[] = [];
    for (let t = 0; t < indices.length; t += 3) {
      if ([0, 1, 2].every((k) => positions[3 * indices[t + k]! + 1]! > -30)) kept.push(indices[t]!, indices[t + 1]!, indices[t + 2]!);
    }
    const toFile: Similarity = { rotation: randomRotation(seededRandom(5)), scale: 1, translation: [10, 20, 30] };
    const suggestion = suggestLandmarks(applySimilarity(positions, toFile), new Uint32Array(kept), template);
    expect(suggestion.looksLikeHead).toBe(true);
    for (const name of KEY) expect(distance(invertSimilarityPoint(suggestion.landmarks[name], toFile), head.landmarks[name])).toBeLessThan(8);
  });

  it('accepts a head of other proportions (10 % wider, 8 % shorter front to back)', () => {
    const stretched = head.skin.positions.map((v, i) => (i % 3 === 0 ? v * 1.1 : i % 3 === 2 ? v * 0.92 : v));
    const suggestion = suggestLandmarks(stretched, head.skin.indices, template);
    expect(suggestion.looksLikeHead).toBe(true);
    const truth = (p: Vec3): Vec3 => [p[0] * 1.1, p[1], p[2] * 0.92];
    // A similarity cannot follow the stretch exactly: within a couple of centimetres is a useful start.
    for (const name of KEY) expect(distance(suggestion.landmarks[name], truth(head.landmarks[name]))).toBeLessThan(20);
  });

  it.each([
    ['a sphere', cubeSphereMesh(48, [100, 100, 100])],
    ['a cube', cubeMesh(100)],
    ['a long cylinder', cylinderMesh(60, 500)],
  ])('says %s does not look like a head', (_label, mesh) => {
    expect(suggestLandmarks(mesh.positions, mesh.indices, template).looksLikeHead).toBe(false);
  });

  it('fits a scan of 390k triangles (speed: npm run bench)', () => {
    const big = subdivide(head.skin);
    const similarity = { rotation: randomRotation(seededRandom(3)), scale: 0.001, translation: [0.2, -0.1, 1] as Vec3 };
    const scan = applySimilarity(big.positions, similarity);
    const suggestion = suggestLandmarks(scan, big.indices, template);
    expect(suggestion.looksLikeHead).toBe(true);
    const truth = applySimilarityToPoint(head.landmarks.glabella, similarity);
    expect(distance(suggestion.landmarks.glabella, truth) * 1000).toBeLessThan(8);
  });
});

describe('alignmentFromLandmarks', () => {
  it.each([
    ['mm', 1],
    ['cm', 0.1],
    ['m', 0.001],
    ['in', 1 / 25.4],
  ])('recovers the head frame from exact landmarks and guesses the unit %s', (unit, unitsPerMm) => {
    const toFile: Similarity = { rotation: randomRotation(seededRandom(unit.length * 7 + 1)), scale: unitsPerMm, translation: [40 * unitsPerMm, -700 * unitsPerMm, 5 * unitsPerMm] };
    const file = applySimilarity(head.skin.positions, toFile);
    const result = alignmentFromLandmarks(mapLandmarks(head.landmarks, toFile), head.landmarks);
    expect(result.unit).toBe(unit);
    expect(result.unitScale).toBeCloseTo(1 / unitsPerMm, 6);
    const aligned = applySimilarity(file, result.similarity);
    let worst = 0;
    for (let i = 0; i < aligned.length; i++) worst = Math.max(worst, Math.abs(aligned[i]! - head.skin.positions[i]!));
    expect(worst).toBeLessThan(3);
  });

  it('scales a scan in no known unit to the reference breadth, or as told', () => {
    const toFile: Similarity = { rotation: IDENTITY, scale: 0.05, translation: [1, 2, 3] };
    const landmarks = mapLandmarks(head.landmarks, toFile);
    const guessed = alignmentFromLandmarks(landmarks, head.landmarks);
    expect(guessed.unit).toBe('unknown');
    expect(guessed.unitScale).toBeCloseTo(20, 6);
    const told = alignmentFromLandmarks(landmarks, head.landmarks, { scaleMm: 25.4 });
    expect(told).toMatchObject({ unit: 'in', unitScale: 25.4 });
    expect(alignmentFromLandmarks(landmarks, head.landmarks, { scaleMm: 17 }).unit).toBe('unknown');
  });

  it('shares out differences in the glabella and vertex directions evenly (the bisector)', () => {
    // Glabella and vertex turned 5° about the X axis in opposite senses: their bisector, so the frame, is unchanged.
    const turn = (p: Vec3, deg: number): Vec3 => {
      const a = (deg * Math.PI) / 180;
      return [p[0], p[1] * Math.cos(a) - p[2] * Math.sin(a), p[1] * Math.sin(a) + p[2] * Math.cos(a)];
    };
    const file = { ...head.landmarks, glabella: turn(head.landmarks.glabella, 5), vertex: turn(head.landmarks.vertex, -5) };
    const { similarity } = alignmentFromLandmarks(file, head.landmarks);
    for (let i = 0; i < 9; i++) expect(similarity.rotation[i]).toBeCloseTo(IDENTITY[i]!, 2);
    const frontTurned = { ...head.landmarks, glabella: turn(head.landmarks.glabella, 10) };
    const half = alignmentFromLandmarks(frontTurned, head.landmarks).similarity;
    // Only the glabella turned by 10°: the frame turns back by half of it.
    expect(Math.atan2(half.rotation[7]!, half.rotation[8]!) * (180 / Math.PI)).toBeCloseTo(-5, 0);
  });

  it('refuses tragi at the same place', () => {
    const l = head.landmarks;
    expect(() => alignmentFromLandmarks({ ...l, rightTragus: l.leftTragus }, l)).toThrow(/tragus/);
  });
});

describe('completeLandmarks', () => {
  it('carries the reference landmarks over by the similarity of the given four, onto the scan', () => {
    const toFile: Similarity = { rotation: randomRotation(seededRandom(9)), scale: 0.01, translation: [3, 4, 5] };
    const scan = applySimilarity(head.skin.positions, toFile);
    const query = createSurfaceQuery(scan, head.skin.indices);
    const exact = mapLandmarks(head.landmarks, toFile);
    const given = { glabella: exact.glabella, vertex: exact.vertex, leftTragus: exact.leftTragus, rightTragus: exact.rightTragus };
    const complete = completeLandmarks(given, null, query, head.landmarks);
    for (const name of KEY) expect(complete[name]).toEqual(given[name]);
    for (const name of LANDMARK_NAMES) {
      expect(distance(complete[name], exact[name]) / 0.01).toBeLessThan(0.5);
      expect(query.closest(complete[name]).distance / 0.01).toBeLessThan(1e-3);
    }
  });

  it('takes the landmarks not given from the suggestion', () => {
    const query = head.query;
    const suggestion = mapLandmarks(head.landmarks, { rotation: IDENTITY, scale: 1, translation: [0, 0, 0] });
    const given = { glabella: [1, 2, 3] as Vec3, vertex: suggestion.vertex, leftTragus: suggestion.leftTragus, rightTragus: suggestion.rightTragus, menton: [0, -90, 80] as Vec3 };
    const complete = completeLandmarks(given, suggestion, query, head.landmarks);
    expect(complete.glabella).toEqual([1, 2, 3]);
    expect(complete.menton).toEqual([0, -90, 80]);
    expect(distance(complete.inion, suggestion.inion)).toBeLessThan(0.5);
  });
});

describe('scaleFromMeasurement', () => {
  const grown = () => ({
    positions: head.skin.positions.map((v) => v * 1.07),
    landmarks: mapLandmarks(head.landmarks, { rotation: IDENTITY, scale: 1.07, translation: [0, 0, 0] }),
  });

  it('corrects a scan 7 % too large from the true head circumference', () => {
    const truth = measureScanSize(head.skin.positions, head.skin.indices, head.landmarks).circumferenceMm;
    expect(truth).toBeGreaterThan(500);
    const { positions, landmarks } = grown();
    const factor = scaleFromMeasurement(positions, head.skin.indices, landmarks, { kind: 'circumference', mm: truth });
    expect(Math.abs(factor * 1.07 - 1)).toBeLessThan(0.01);
  });

  it('corrects it from the tragus-to-tragus distance', () => {
    const { positions, landmarks } = grown();
    const truth = distance(head.landmarks.leftTragus, head.landmarks.rightTragus);
    const factor = scaleFromMeasurement(positions, head.skin.indices, landmarks, { kind: 'tragusDistance', mm: truth });
    expect(factor * 1.07).toBeCloseTo(1, 6);
  });

  it('refuses measurements no head has', () => {
    const { positions, indices } = head.skin;
    expect(() => scaleFromMeasurement(positions, indices, head.landmarks, { kind: 'circumference', mm: 57 })).toThrow(/not plausible/);
    expect(() => scaleFromMeasurement(positions, indices, head.landmarks, { kind: 'circumference', mm: 900 })).toThrow(/350 and 700/);
    expect(() => scaleFromMeasurement(positions, indices, head.landmarks, { kind: 'tragusDistance', mm: 15 })).toThrow(/90 and 200/);
    expect(() => scaleFromMeasurement(positions, indices, head.landmarks, { kind: 'tragusDistance', mm: Number.NaN })).toThrow(/not plausible/);
  });
});

describe('preparing a scan', () => {
  it('simplifies 150k triangles to 20k within 15 % of the count, keeping the shape', () => {
    const fine = simplifyMesh(subdivide(head.skin), 150_000);
    expect(fine.indices.length / 3).toBeGreaterThan(150_000 * 0.85);
    const coarse = simplifyMesh(fine, 20_000);
    const count = coarse.indices.length / 3;
    expect(count).toBeGreaterThan(20_000 * 0.85);
    expect(count).toBeLessThan(20_000 * 1.15);
    expect(rmsDistance(coarse, fine)).toBeLessThan(1.5);
    expect(coarse.colors).toBeUndefined();
    // Every kept vertex is used by a triangle.
    const used = new Uint8Array(coarse.positions.length / 3);
    for (const v of coarse.indices) used[v] = 1;
    expect(used.every((u) => u === 1)).toBe(true);
  });

  it('bakes the texture (or averages the colours) into vertex colours, and drops the uvs', () => {
    const { positions, indices } = head.skin;
    const uvs = new Float32Array((positions.length / 3) * 2);
    for (let v = 0; v < positions.length / 3; v++) {
      uvs[2 * v] = (positions[3 * v]! + 100) / 200;
      uvs[2 * v + 1] = (positions[3 * v + 1]! + 170) / 310;
    }
    const mesh: ScanMesh = { positions, indices, uvs, texture: { bytes: new Uint8Array(4), mimeType: 'image/png' } };
    const simplified = simplifyMesh(mesh, 10_000, (u, v) => [u, v, 0.5]);
    expect(simplified.uvs).toBeUndefined();
    expect(simplified.texture).toBeUndefined();
    const colors = simplified.colors!;
    expect(colors.length).toBe(simplified.positions.length);
    let worst = 0;
    for (let v = 0; v < colors.length / 3; v++) {
      worst = Math.max(worst, Math.abs(colors[3 * v]! - (simplified.positions[3 * v]! + 100) / 200), Math.abs(colors[3 * v + 2]! - 0.5));
    }
    // A cell is a few millimetres, a hundredth of the gradient's 200 mm.
    expect(worst).toBeLessThan(0.02);

    const coloured = simplifyMesh({ positions, indices, colors: positions.map((p, i) => (i % 3 === 1 ? (p + 170) / 310 : 0.25)) }, 10_000);
    expect(coloured.colors!.length).toBe(coloured.positions.length);
    expect(Math.abs(coloured.colors![1]! - (coloured.positions[1]! + 170) / 310)).toBeLessThan(0.02);
  });

  it('simplifies 2 million triangles to the target (speed: npm run bench)', () => {
    const sphere = cubeSphereMesh(408, [90, 110, 100]);
    const simplified = simplifyMesh(sphere, 200_000);
    expect(Math.abs(simplified.indices.length / 3 / 200_000 - 1)).toBeLessThan(0.15);
  });

  it('returns a mesh already within the target as it is', () => {
    expect(simplifyMesh(remeshed, 100_000)).toBe(remeshed);
  });

  it('turns a triangle soup into an indexed mesh, averaging colours and dropping collapsed triangles', () => {
    const soup = unindex(head.skin);
    const corners = soup.positions.length / 3;
    const colors = new Float32Array(soup.positions.length);
    for (let v = 0; v < corners; v++) colors[3 * v] = v % 2;
    // What each original vertex's colour should average to: the mean over the corners it became.
    const sum = new Float64Array(head.skin.positions.length / 3), count = new Float64Array(sum.length);
    head.skin.indices.forEach((v, i) => {
      sum[v] = sum[v]! + colors[3 * i]!;
      count[v] = count[v]! + 1;
    });
    // One more triangle with two corners at the same place.
    const positions = new Float32Array([...soup.positions, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    const indices = new Uint32Array([...soup.indices, corners, corners + 1, corners + 2]);
    const merged = mergeDuplicateVertices({ positions, indices, colors: new Float32Array([...colors, 0, 0, 0, 0, 0, 0, 0, 0, 0]) });
    expect(merged.indices.length).toBe(head.skin.indices.length);
    expect(merged.positions.length / 3).toBe(new Set(head.skin.indices).size + 2);
    for (let i = 0; i < head.skin.indices.length; i += 997) {
      const a = head.skin.indices[i]!, b = merged.indices[i]!;
      expect(Array.from(merged.positions.subarray(3 * b, 3 * b + 3))).toEqual(Array.from(head.skin.positions.subarray(3 * a, 3 * a + 3)));
      expect(merged.colors![3 * b]).toBeCloseTo(sum[a]! / count[a]!, 6);
    }
  });

  it('keeps vertices at one place apart where their uvs differ (texture seams)', () => {
    const positions = new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0]);
    const uvs = new Float32Array([0, 0, 1, 0, 0, 1, 0.5, 0.5, 0, 1, 1, 1]);
    const merged = mergeDuplicateVertices({ positions, indices: new Uint32Array([0, 1, 2, 3, 5, 4]), uvs });
    // Vertex 4 repeats vertex 2 with the same uv; vertex 3 repeats vertex 1 with another.
    expect(merged.positions.length / 3).toBe(5);
    expect(Array.from(merged.indices)).toEqual([0, 1, 2, 3, 4, 2]);
  });

  it('shades a triangle soup smooth by welding coincident vertices', () => {
    const sphere = cubeSphereMesh(16, [100, 100, 100]);
    const soup = unindex(sphere);
    const normals = weldForShading(soup.positions, soup.indices);
    expect(normals.length).toBe(soup.positions.length);
    const faceted = meshVertexNormals(soup.positions, soup.indices);
    let worstWelded = 1, worstFaceted = 1;
    for (let i = 0; i < normals.length; i += 3) {
      const p = soup.positions, r = Math.hypot(p[i]!, p[i + 1]!, p[i + 2]!);
      const radial = (n: Float32Array) => (n[i]! * p[i]! + n[i + 1]! * p[i + 1]! + n[i + 2]! * p[i + 2]!) / r;
      worstWelded = Math.min(worstWelded, radial(normals));
      worstFaceted = Math.min(worstFaceted, radial(faceted));
    }
    expect(worstWelded).toBeGreaterThan(0.999);
    expect(worstFaceted).toBeLessThan(0.999);
  });

  it('accepts the default head and refuses what cannot be a head scan, saying why', () => {
    expect(() => validateScan({ positions: head.skin.positions, indices: head.skin.indices })).not.toThrow();
    const tri = new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(() => validateScan({ positions: tri, indices: new Uint32Array(0) })).toThrow(/no triangles/);
    expect(() => validateScan({ positions: new Float32Array([Number.NaN, ...tri.subarray(1)]), indices: new Uint32Array([0, 1, 2, 0, 2, 3]) })).toThrow(/not numbers/);
    expect(() => validateScan({ positions: tri, indices: new Uint32Array([0, 1, 7]) })).toThrow(/vertex 7/);
    expect(() => validateScan({ positions: new Float32Array(12).fill(5), indices: new Uint32Array([0, 1, 2, 1, 2, 3]) })).toThrow(/no size/);
    const sheet = cubeSphereMesh(8, [100, 100, 100]).positions.map((v, i) => (i % 3 === 2 ? 0 : v));
    expect(() => validateScan({ positions: sheet, indices: cubeSphereMesh(8, [1, 1, 1]).indices })).toThrow(/flat/);
    const line = new Float32Array([0, 0, 0, 50, 0, 0, 100, 0.001, 0, 150, 0, 0.001]);
    expect(() => validateScan({ positions: line, indices: new Uint32Array([0, 1, 2, 1, 2, 3]) })).toThrow(/flat/);
  });
});
