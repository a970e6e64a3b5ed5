import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultHairline, hairlineCenter, hairlineCurve, mirrorHairline, type Hairline } from '../../src/domain/hairline/hairline';
import { AGE_SPECS, HAIRLINE_AGES, HAIRLINE_SHAPES, hairlinePreset, type HairlineAge, type HairlineShape } from '../../src/domain/hairline/presets';
import { signedDistanceToHairline } from '../../src/domain/hairline/scalpDistance';
import { distance, type Vec3 } from '../../src/domain/head/landmarks';
import { polylineLength, sliceLoops } from '../../src/domain/head/measure';
import { DEFAULT_HEAD_GLB, loadDefaultHead } from './fixtures';

/** Index of the left frontotemporal point in the 38-point loop (see `buildHairline`). */
const FTP = 4;

describe.skipIf(!existsSync(DEFAULT_HEAD_GLB))('hairline presets on the default head', () => {
  const { skin, landmarks, query } = loadDefaultHead();
  const center = hairlineCenter(landmarks);

  const presets = new Map<string, Hairline>();
  const preset = (age: HairlineAge, shape: HairlineShape): Hairline => {
    const key = `${age}/${shape}`;
    if (!presets.has(key)) presets.set(key, hairlinePreset(landmarks, query.project, age, shape));
    return presets.get(key)!;
  };
  const all = HAIRLINE_AGES.flatMap((age) => HAIRLINE_SHAPES.map((shape) => [age, shape] as const));

  // Independent along-the-skin measure: arc length on the mesh's midsagittal section.
  const midline = sliceLoops(skin.positions, skin.indices, [0, 0, 0], [1, 0, 0]).reduce((best, loop) =>
    Math.min(...loop.map((p) => distance(p, landmarks.glabella))) < Math.min(...best.map((p) => distance(p, landmarks.glabella))) ? loop : best,
  );
  const nearestIndex = (p: Vec3) => midline.reduce((best, q, i) => (distance(q, p) < distance(midline[best]!, p) ? i : best), 0);
  const arcFromGlabella = (p: Vec3): number => {
    const i = nearestIndex(landmarks.glabella), j = nearestIndex(p);
    const lo = Math.min(i, j), hi = Math.max(i, j);
    const part = polylineLength(midline.slice(lo, hi + 1), false);
    return Math.min(part, polylineLength(midline, true) - part);
  };

  // Auricle: skin standing out more than 6 mm beyond the side of the cranium (as in hairline.test.ts).
  const ear = (() => {
    const p = skin.positions;
    let skullX = 0;
    for (let i = 0; i < p.length; i += 3) {
      if (p[i + 1]! > landmarks.leftTragus[1] + 60 && p[i + 1]! < landmarks.leftTragus[1] + 70) skullX = Math.max(skullX, Math.abs(p[i]!));
    }
    const out: number[] = [];
    for (let i = 0; i < p.length; i += 3) if (Math.abs(p[i]!) > skullX + 6 && Math.abs(p[i + 1]!) < 60) out.push(p[i]!, p[i + 1]!, p[i + 2]!);
    return new Float32Array(out);
  })();
  const faceNames = ['glabella', 'nasion', 'menton', 'leftTragus', 'rightTragus', 'leftLateralCanthus', 'rightLateralCanthus'] as const;
  const faceLandmarks = new Float32Array(faceNames.flatMap((n) => landmarks[n]));

  it('exports three ages and five shapes', () => {
    expect([...HAIRLINE_AGES]).toEqual(['juvenile', 'mature', 'conservative']);
    expect([...HAIRLINE_SHAPES]).toEqual(['straight', 'rounded', 'm-shaped', 'widows-peak', 'triangular']);
  });

  it('mature straight is the default hairline', () => {
    const d = defaultHairline(landmarks, query.project);
    preset('mature', 'straight').points.forEach((p, i) => expect(distance(p, d.points[i]!)).toBeLessThan(1e-9));
  });

  it.each(all)('%s %s: same loop structure, symmetric and on the skin', (age, shape) => {
    const h = preset(age, shape);
    expect(h.closed).toBe(true);
    expect(h.points).toHaveLength(38);
    expect(JSON.parse(JSON.stringify(h))).toEqual(h);
    expect(Math.abs(h.points[0]![0])).toBeLessThan(0.5); // points[0]: the mid-frontal point on the midline
    expect(h.points[1]![0]).toBeGreaterThan(5); // then toward the subject's left (+X)
    expect(h.points[FTP]![0]).toBeCloseTo(landmarks.leftLateralCanthus[0], 0); // FTP on the lateral epicanthal line
    mirrorHairline(h).points.forEach((p, i) => expect(distance(p, h.points[i]!)).toBeLessThan(0.5));
    for (const p of h.points) expect(query.closest(p).distance).toBeLessThan(0.01);
  });

  it.each(all)('%s %s: encloses the vertex, excludes face and ears, mid-frontal height on target', (age, shape) => {
    const h = preset(age, shape);
    const curve = hairlineCurve(h, query.project, 8);
    const vertex = signedDistanceToHairline(new Float32Array(landmarks.vertex), curve, center);
    expect(vertex[0]).toBeGreaterThan(30);
    const face = signedDistanceToHairline(faceLandmarks, curve, center);
    faceNames.forEach((name, k) => expect(face[k], name).toBeLessThan(-3));
    expect(Math.max(...signedDistanceToHairline(ear, curve, center))).toBeLessThan(-8);
    // Neighbouring samples stay close: the loop never jumps across the head.
    for (let i = 0; i < curve.length; i++) expect(distance(curve[i]!, curve[(i + 1) % curve.length]!)).toBeLessThan(12);
    expect(Math.abs(arcFromGlabella(h.points[0]!) - AGE_SPECS[age].midFrontalMm)).toBeLessThan(5);
  });

  it('sets heights by age: juvenile 70, mature 80 (1 cm higher, corners receded more), conservative 95 mm', () => {
    expect(AGE_SPECS.juvenile.midFrontalMm).toBe(70);
    expect(AGE_SPECS.mature.midFrontalMm).toBe(80);
    expect(AGE_SPECS.conservative.midFrontalMm).toBe(95);
    for (const shape of HAIRLINE_SHAPES) {
      const [j, m, c] = HAIRLINE_AGES.map((age) => preset(age, shape));
      const rise = (a: Hairline, b: Hairline, i: number) => arcFromGlabella(b.points[i]!) - arcFromGlabella(a.points[i]!);
      expect(rise(j!, m!, 0)).toBeGreaterThan(8);
      expect(rise(j!, m!, 0)).toBeLessThan(15);
      expect(rise(m!, c!, 0)).toBeGreaterThan(10);
      // Corners: the mature line has receded further at the temples than at the centre.
      expect(distance(j!.points[FTP]!, m!.points[FTP]!)).toBeGreaterThan(distance(j!.points[0]!, m!.points[0]!) + 3);
      expect(m!.points[FTP]![2]).toBeLessThan(j!.points[FTP]![2]);
    }
  });

  it('makes the shapes distinguishable', () => {
    const canthusX = landmarks.leftLateralCanthus[0];
    for (const age of HAIRLINE_AGES) {
      const front = (shape: HairlineShape) =>
        hairlineCurve(preset(age, shape), query.project, 8).filter((p) => p[2] > 0 && p[1] > landmarks.glabella[1] && Math.abs(p[0]) < 0.75 * canthusX);
      const lowest = (pts: Vec3[]) => pts.reduce((low, p) => (p[1] < low[1] ? p : low));
      const yAt = (pts: Vec3[], x: number) => pts.reduce((best, p) => (Math.abs(p[0] - x) < Math.abs(best[0] - x) ? p : best))[1];

      // Straight: level across the centre.
      const straight = front('straight');
      const ys = straight.map((p) => p[1]);
      expect(Math.max(...ys) - Math.min(...ys), `${age} straight`).toBeLessThan(3);

      // Widow's peak: a V whose lowest point is at the midline, the line beside it ~1 cm further up the
      // skin than the straight line's while the peak itself stays at the age's height.
      const peak = front('widows-peak');
      expect(Math.abs(lowest(peak)[0]), `${age} widow's peak`).toBeLessThan(2);
      expect(yAt(peak, 20)).toBeGreaterThan(lowest(peak)[1] + 1);
      const s = preset(age, 'straight').points, v = preset(age, 'widows-peak').points;
      expect(distance(v[0]!, s[0]!)).toBeLessThan(0.5);
      expect(distance(v[2]!, s[2]!)).toBeGreaterThan(8);
      expect(v[2]![2]).toBeLessThan(s[2]![2]);

      const corner = (shape: HairlineShape) => preset(age, shape).points[FTP]!;
      // M: the corners ≥ 10 mm more recessed than the straight line's, the central lobe where it was.
      expect(distance(corner('m-shaped'), s[FTP]!), `${age} M`).toBeGreaterThanOrEqual(10);
      expect(corner('m-shaped')[2]).toBeLessThan(s[FTP]![2] - 8);
      expect(distance(preset(age, 'm-shaped').points[1]!, s[1]!)).toBeLessThan(2);
      // Rounded: corners set back, and an arch: the centre stays, the mid-span drops back a little.
      expect(corner('rounded')[2]).toBeLessThan(s[FTP]![2] - 5);
      // Triangular: pointed centre sloping straight back; already behind the rounded arch at mid-span.
      const tri = preset(age, 'triangular').points, round = preset(age, 'rounded').points;
      expect(tri[2]![2]).toBeLessThan(round[2]![2] - 2);
      expect(tri[1]![2]).toBeLessThan(tri[0]![2] - 1);
    }
  });
});
