import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHairline, hairlineCenter, hairlineCurve, loopLength, type Hairline } from '../../src/domain/hairline/hairline';
import {
  estimateImpressions,
  frontotemporalPoints,
  frontotemporalWidthMm,
  hairlineHeightMm,
  hairlineWarnings,
  measureHairline,
  midFrontalPoint,
  treatedAreaCm2,
} from '../../src/domain/hairline/measurements';
import { warningText } from '../../src/domain/warnings';
import { estimateHours, estimateSessions } from '../../src/domain/workRate';
import { HAIRLINE_AGES, HAIRLINE_SHAPES, hairlinePreset } from '../../src/domain/hairline/presets';
import { signedDistanceToHairline } from '../../src/domain/hairline/scalpDistance';
import { distance, type Vec3 } from '../../src/domain/head/landmarks';
import { DEFAULT_HEAD_GLB, loadDefaultHead } from './fixtures';

/** Latitude–longitude sphere of radius R (rows × 2·rows quads, poles fanned). */
function uvSphere(R: number, rows: number): { positions: Float32Array; indices: Uint32Array } {
  const cols = 2 * rows;
  const pos: number[] = [];
  for (let i = 0; i <= rows; i++) {
    const phi = (Math.PI * i) / rows; // from +Y down
    for (let j = 0; j < cols; j++) {
      const th = (2 * Math.PI * j) / cols;
      pos.push(R * Math.sin(phi) * Math.cos(th), R * Math.cos(phi), R * Math.sin(phi) * Math.sin(th));
    }
  }
  const idx: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const a = i * cols + j, b = i * cols + ((j + 1) % cols), c = a + cols, d = b + cols;
      idx.push(a, c, b, b, c, d);
    }
  }
  return { positions: new Float32Array(pos), indices: new Uint32Array(idx) };
}

/**
 * Independent integral of f(d) over a mesh with per-vertex d: every triangle cut into n² pieces,
 * f taken at each piece's centroid (midpoint rule).
 */
function bruteIntegral(positions: ArrayLike<number>, indices: ArrayLike<number>, d: ArrayLike<number>, f: (x: number) => number, n: number): number {
  let sum = 0;
  const v = (i: number): Vec3 => [positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!];
  for (let t = 0; t < indices.length; t += 3) {
    const ia = indices[t]!, ib = indices[t + 1]!, ic = indices[t + 2]!;
    const a = v(ia), b = v(ib), c = v(ic);
    const u: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]], w: Vec3 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
    const area = 0.5 * Math.hypot(u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]);
    const da = d[ia]!, db = d[ib]!, dc = d[ic]!;
    if (Math.min(da, db, dc) >= 60 || Math.max(da, db, dc) < -1) {
      sum += area * f((da + db + dc) / 3); // far from any kink: f is constant there
      continue;
    }
    // Barycentric centroids of the n² sub-triangles (upward and downward).
    let s = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; i + j < n; j++) {
        const cents: [number, number][] = [[(i + 1 / 3) / n, (j + 1 / 3) / n]];
        if (i + j < n - 1) cents.push([(i + 2 / 3) / n, (j + 2 / 3) / n]);
        for (const [x, y] of cents) s += f(da + (db - da) * x + (dc - da) * y);
      }
    }
    sum += (area * s) / (n * n);
  }
  return sum;
}

const smoothstep = (T: number) => (x: number) => {
  if (T === 0) return x >= 0 ? 1 : 0;
  const u = Math.max(0, Math.min(1, x / T));
  return u * u * (3 - 2 * u);
};

describe('area and impressions on a sphere', () => {
  const R = 100, h = 40;
  const sphere = uvSphere(R, 96);
  const a = Math.sqrt(R * R - h * h);
  const circle: Vec3[] = Array.from({ length: 400 }, (_, i): Vec3 => [a * Math.cos((2 * Math.PI * i) / 400), h, a * Math.sin((2 * Math.PI * i) / 400)]);
  const sd = signedDistanceToHairline(sphere.positions, circle, [0, 0, 0]);
  const capCm2 = (2 * Math.PI * R * (R - h)) / 100;

  it('measures a spherical cap within 3% (and the mesh to 0.5%)', () => {
    const area = treatedAreaCm2(sphere.positions, sphere.indices, sd);
    expect(Math.abs(area - capCm2) / capCm2).toBeLessThan(0.03);
    // The faceted mesh is a little smaller than the sphere; compared with itself the clipping is exact.
    const brute = bruteIntegral(sphere.positions, sphere.indices, sd, smoothstep(0), 12) / 100;
    expect(Math.abs(area - brute) / brute).toBeLessThan(0.005);
  });

  it('counts density × area with a hard edge, and the transition ramp exactly', () => {
    const area = treatedAreaCm2(sphere.positions, sphere.indices, sd);
    const at = (transitionMm: number) => estimateImpressions({ ...sphere, distances: sd, densityPerCm2: 100, transitionMm });
    expect(Math.abs(at(0) - 100 * area)).toBeLessThanOrEqual(1);
    for (const T of [2, 8, 20]) {
      const brute = (100 * bruteIntegral(sphere.positions, sphere.indices, sd, smoothstep(T), 8)) / 100;
      expect(Math.abs(at(T) - brute) / brute, `T = ${T}`).toBeLessThan(0.002);
    }
    // The ramp removes about density × perimeter × T / 2 (symmetric smoothstep), up to the curvature.
    const perimeterCm = (2 * Math.PI * a) / 10;
    const drop = at(0) - at(8);
    expect(Math.abs(drop - 100 * perimeterCm * 0.4) / (100 * perimeterCm * 0.4)).toBeLessThan(0.05);
  });

  it('uses a per-vertex density where given', () => {
    const base = { ...sphere, distances: sd, densityPerCm2: 100, transitionMm: 8 };
    expect(estimateImpressions({ ...base, densityAt: () => 50 })).toBeCloseTo(estimateImpressions(base) / 2, -1);
    // Density only on the left half (+X): about half the impressions.
    const half = estimateImpressions({ ...base, densityAt: (v) => (sphere.positions[3 * v]! > 0 ? 100 : 0) });
    expect(Math.abs(half / estimateImpressions(base) - 0.5)).toBeLessThan(0.01);
  });
});

describe('sessions and hours', () => {
  it('plans about 3 sessions of up to ~5 hours for a full scalp at 100/cm²', () => {
    for (const cm2 of [550, 600, 650]) {
      const impressions = cm2 * 100;
      const sessions = estimateSessions(impressions, cm2);
      const hours = estimateHours(impressions, sessions);
      expect(sessions, `${cm2} cm²`).toBe(3);
      expect(hours / sessions).toBeGreaterThanOrEqual(3.5);
      expect(hours / sessions).toBeLessThanOrEqual(5);
      expect(Number.isInteger(2 * hours)).toBe(true); // booked in half hours
    }
  });

  it('stays within the notes: 2 for small areas, a 4th for scars or very dense work, never more than 4', () => {
    expect(estimateSessions(8_000, 80)).toBe(2); // a hairline-only job
    expect(estimateHours(8_000, 2)).toBe(4); // two sessions of the 2-hour minimum
    expect(estimateSessions(60_000, 600, { scarsOrAlopecia: true })).toBe(4);
    expect(estimateSessions(120_000, 600)).toBe(4);
    expect(estimateSessions(500_000, 2000)).toBe(4);
    expect(estimateSessions(0, 0)).toBe(0);
    expect(estimateHours(0, 0)).toBe(0);
    // ~14,000 impressions are one typical session: about 3 hours.
    expect(estimateHours(14_000, 1)).toBe(3);
  });
});

describe.skipIf(!existsSync(DEFAULT_HEAD_GLB))('measurements on the default head', () => {
  const { skin, landmarks, query } = loadDefaultHead();
  const mesh = { positions: skin.positions, indices: skin.indices };
  const center = hairlineCenter(landmarks);
  const mature = hairlinePreset(landmarks, query.project, 'mature', 'straight');
  const distancesOf = (h: Hairline) => signedDistanceToHairline(skin.positions, hairlineCurve(h, query.project), center);
  /** Move control points (by index) and snap them back to the skin. */
  const edit = (h: Hairline, moves: Record<number, Vec3>, snap = true): Hairline => ({
    closed: true,
    points: h.points.map((p, i) => {
      const m = moves[i];
      if (!m) return p;
      const q: Vec3 = [p[0] + m[0], p[1] + m[1], p[2] + m[2]];
      return snap ? query.project(q) : q;
    }),
  });

  it('finds the mid-frontal point on the midline and its height along the skin', () => {
    expect(distance(midFrontalPoint(mature), mature.points[0]!)).toBeLessThan(0.5);
    // A handle dragged 6 mm sideways: the MFP is still where the line crosses the midline.
    const dragged = edit(mature, { 0: [6, 0, 0] });
    expect(Math.abs(midFrontalPoint(dragged, query.project)[0])).toBeLessThan(0.5);
    const traced = hairlineHeightMm(mature, landmarks, query);
    const sliced = hairlineHeightMm(mature, landmarks, query, mesh);
    expect(Math.abs(sliced - 80)).toBeLessThan(1);
    expect(Math.abs(traced - sliced)).toBeLessThan(1);
    const low = buildHairline(landmarks, query.project, { midFrontalMm: 60 });
    expect(Math.abs(hairlineHeightMm(low, landmarks, query, mesh) - 60)).toBeLessThan(1);
  });

  it('measures the frontotemporal width between the points on the lateral epicanthal lines', () => {
    const { left, right } = frontotemporalPoints(mature, landmarks, query.project);
    expect(left![0]).toBeCloseTo(landmarks.leftLateralCanthus[0], 0);
    expect(right![0]).toBeCloseTo(landmarks.rightLateralCanthus[0], 0);
    expect(distance(left!, mature.points[4]!)).toBeLessThan(1); // the FTP handle of the preset
    const width = frontotemporalWidthMm(mature, landmarks, query.project);
    // At least the biocular width ex-ex (Farkas: ~91 mm in adult men), which the default head's canthi have.
    expect(width).toBeGreaterThan(75);
    expect(width).toBeLessThan(100);
    // The points stay on the epicanthal lines, so the chord is at least their spacing; a corner dragged
    // 15 mm back moves its point back with it.
    expect(width).toBeGreaterThanOrEqual(landmarks.leftLateralCanthus[0] - landmarks.rightLateralCanthus[0] - 0.5);
    const receded = frontotemporalPoints(edit(mature, { 4: [0, 5, -15] }), landmarks, query.project).left!;
    expect(receded[2]).toBeLessThan(left![2] - 8);
    expect(frontotemporalWidthMm(edit(mature, { 4: [0, 5, -15] }), landmarks, query.project)).toBeGreaterThan(width);
  });

  it('measures the area above a horizontal plane like an independent computation', () => {
    const y0 = 60;
    const field = new Float32Array(skin.positions.length / 3).map((_, i) => skin.positions[3 * i + 1]! - y0);
    const area = treatedAreaCm2(skin.positions, skin.indices, field);
    const brute = bruteIntegral(skin.positions, skin.indices, field, smoothstep(0), 8) / 100;
    expect(Math.abs(area - brute) / brute).toBeLessThan(0.003);
    expect(area).toBeGreaterThan(300);
  });

  it('counts impressions: density × area without a transition, minus density × perimeter × T/2 with one', () => {
    const d = distancesOf(mature);
    const area = treatedAreaCm2(skin.positions, skin.indices, d);
    const at = (transitionMm: number) => estimateImpressions({ ...mesh, distances: d, densityPerCm2: 100, transitionMm });
    expect(Math.abs(at(0) - 100 * area)).toBeLessThanOrEqual(1);
    const perimeterCm = loopLength(hairlineCurve(mature, query.project)) / 10;
    const expected = 100 * perimeterCm * 0.35; // T = 7 mm
    expect(Math.abs(at(0) - at(7) - expected) / expected).toBeLessThan(0.05);
  });

  it('gives a full-scalp plan for every preset without warnings, quickly', () => {
    for (const age of HAIRLINE_AGES) {
      for (const shape of HAIRLINE_SHAPES) {
        const m = measureHairline({ ...mesh, landmarks, hairline: hairlinePreset(landmarks, query.project, age, shape), densityPerCm2: 100, transitionMm: 7, query });
        expect(m.warnings, `${age} ${shape}`).toEqual([]);
        expect(m.treatedAreaCm2).toBeGreaterThan(500);
        expect(m.treatedAreaCm2).toBeLessThan(650);
        expect(m.sessions).toBe(3);
        expect(m.hours).toBeGreaterThanOrEqual(9);
        expect(m.hours).toBeLessThanOrEqual(15);
        expect(Number.isInteger(m.impressions)).toBe(true);
      }
    }
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      measureHairline({ ...mesh, landmarks, hairline: mature, densityPerCm2: 100, transitionMm: 7, query });
      runs.push(performance.now() - t0);
    }
    const median = runs.sort((x, y) => x - y)[2]!;
    console.info(`measureHairline on the default head (${skin.positions.length / 3} vertices): ${median.toFixed(0)} ms`);
    expect(median).toBeLessThan(300); // generous for shared CI; ~40 ms on a desktop
  });

  it('warns about a hairline lower than 7 cm', () => {
    const low = buildHairline(landmarks, query.project, { midFrontalMm: 60 });
    const warnings = hairlineWarnings({ hairline: low, landmarks, query });
    expect(warnings.map((w) => w.id)).toEqual(['low-hairline']);
    expect(warnings[0]!.message).toMatch(/6\.0 cm above the glabella/);
    expect(warnings[0]!.message).toMatch(/7 cm is the aggressive limit/);
  });

  it('says every warning that names lengths in inches too, with no metric unit left', () => {
    const low = buildHairline(landmarks, query.project, { midFrontalMm: 60 });
    const lopsided = edit(mature, { 4: [0, 6, -20] });
    const off = edit(mature, { 8: [12, 0, 0] }, false);
    const warnings = [low, lopsided, off].flatMap((hairline) => hairlineWarnings({ hairline, landmarks, query }));
    expect(warnings.map((w) => w.id)).toEqual(expect.arrayContaining(['low-hairline', 'asymmetric', 'off-skin']));
    for (const w of warnings) {
      expect(warningText(w, 'metric')).toBe(w.message);
      expect(warningText(w, 'imperial'), w.id).not.toMatch(/\b(mm|cm)\b/);
      expect(warningText(w, 'imperial'), w.id).toMatch(/\d in\b/);
    }
    expect(warningText(warnings[0]!, 'imperial')).toMatch(/2\.36 in above the glabella, lower than clinics advise: 2\.8 in is the aggressive limit/);
  });

  it('warns about a lopsided hairline only when symmetry is off', () => {
    // The whole left front and temple 12 mm further back than the right.
    const lopsided = edit(mature, { 1: [0, 4, -12], 2: [0, 4, -12], 3: [0, 4, -12], 4: [0, 4, -12], 5: [0, 0, -12], 6: [0, 0, -12] });
    expect(hairlineWarnings({ hairline: lopsided, landmarks, query, mirrored: false }).map((w) => w.id)).toEqual(['asymmetric']);
    expect(hairlineWarnings({ hairline: lopsided, landmarks, query, mirrored: true })).toEqual([]);
    // One corner 2 cm back is lopsided too, even though the rest of the loop matches.
    expect(hairlineWarnings({ hairline: edit(mature, { 4: [0, 6, -20] }), landmarks, query }).map((w) => w.id)).toEqual(['asymmetric']);
    // Small irregularities are not worth a warning.
    expect(hairlineWarnings({ hairline: edit(mature, { 2: [0, 2, -3] }), landmarks, query })).toEqual([]);
    expect(hairlineWarnings({ hairline: edit(mature, { 4: [0, 3, -8] }), landmarks, query })).toEqual([]);
  });

  it('warns about a point dragged off the scalp, onto the face or onto the ear', () => {
    const off = edit(mature, { 8: [12, 0, 0] }, false); // pulled 12 mm out from the side of the head
    const offWarnings = hairlineWarnings({ hairline: off, landmarks, query });
    expect(offWarnings.map((w) => w.id)).toContain('off-skin');
    expect(offWarnings.find((w) => w.id === 'off-skin')!.message).toMatch(/One point .* off the scalp \(up to 1[0-2] mm/);

    const canthus = landmarks.leftLateralCanthus;
    const face = edit(mature, { 4: [canthus[0] - mature.points[4]![0], canthus[1] + 15 - mature.points[4]![1], canthus[2] - mature.points[4]![2]] });
    expect(hairlineWarnings({ hairline: face, landmarks, query }).map((w) => w.id)).toContain('on-face');

    const tragus = landmarks.leftTragus;
    const over = mature.points[12]!; // above the front of the ear
    const ear = edit(mature, { 12: [tragus[0] + 8 - over[0], tragus[1] + 12 - over[1], tragus[2] - 12 - over[2]] });
    expect(hairlineWarnings({ hairline: ear, landmarks, query }).map((w) => w.id)).toContain('on-ear');
  });
});
