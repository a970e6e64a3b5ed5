import { describe, expect, it } from 'vitest';
import { HEAD_BOX } from '../../src/domain/head/headSdf';
import {
  DEFAULT_FOREHEAD_LEAN_DEG,
  DEFAULT_HEAD_SHAPE,
  HEAD_SHAPE_PARAMETERS,
  HEAD_SHAPE_RANGES,
  warpJacobian,
  warpNamedPoints,
  warpPoint,
  warpPositions,
  type HeadShape,
} from '../../src/domain/head/headShape';
import { mirrorX, type Vec3 } from '../../src/domain/head/landmarks';
import { measureHead, sliceLoops } from '../../src/domain/head/measure';
import { loadDefaultHead, seededRandom } from './fixtures';

const { skin, landmarks } = loadDefaultHead();
const defaultSize = measureHead(skin.positions, skin.indices, landmarks);

const shapeWith = (change: Partial<HeadShape>): HeadShape => ({ ...DEFAULT_HEAD_SHAPE, ...change });

/** Points spread through the head's box (a lattice, so every region is visited). */
function boxPoints(perAxis: number): Vec3[] {
  const out: Vec3[] = [];
  const at = (axis: 0 | 1 | 2, i: number) => HEAD_BOX.min[axis] + ((HEAD_BOX.max[axis] - HEAD_BOX.min[axis]) * i) / (perAxis - 1);
  for (let i = 0; i < perAxis; i++) for (let j = 0; j < perAxis; j++) for (let k = 0; k < perAxis; k++) out.push([at(0, i), at(1, j), at(2, k)]);
  return out;
}

/** Every combination of each parameter at the ends of its range: the shapes most likely to fold. */
function extremeShapes(): HeadShape[] {
  let shapes: HeadShape[] = [{ ...DEFAULT_HEAD_SHAPE }];
  for (const name of HEAD_SHAPE_PARAMETERS) {
    const { min, max } = HEAD_SHAPE_RANGES[name];
    shapes = shapes.flatMap((s) => [{ ...s, [name]: min }, { ...s, [name]: max }]);
  }
  return shapes;
}

function determinant(m: number[]): number {
  return m[0]! * (m[4]! * m[8]! - m[5]! * m[7]!) - m[1]! * (m[3]! * m[8]! - m[5]! * m[6]!) + m[2]! * (m[3]! * m[7]! - m[4]! * m[6]!);
}

/** ∂warp/∂p by central differences, independent of warpJacobian. */
function numericJacobian(shape: HeadShape, p: Vec3, h = 1e-3): number[] {
  const out = new Array<number>(9);
  for (let c = 0; c < 3; c++) {
    const plus = p.map((v, k) => (k === c ? v + h : v)) as Vec3, minus = p.map((v, k) => (k === c ? v - h : v)) as Vec3;
    const a = warpPoint(shape, plus), b = warpPoint(shape, minus);
    for (let r = 0; r < 3; r++) out[3 * r + c] = (a[r]! - b[r]!) / (2 * h);
  }
  return out;
}

describe('head shape parameters and the warp', () => {
  it('keeps the default head exactly as it is', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) {
      const p: Vec3 = [200 * random() - 100, 320 * random() - 180, 250 * random() - 112];
      expect(warpPoint(DEFAULT_HEAD_SHAPE, p)).toEqual(p);
    }
    expect(warpNamedPoints(DEFAULT_HEAD_SHAPE, landmarks)).toEqual(landmarks);
  });

  it('gives every range a default inside it and a spread that fits within it', () => {
    for (const name of HEAD_SHAPE_PARAMETERS) {
      const { min, max, spread } = HEAD_SHAPE_RANGES[name];
      expect(min).toBeLessThan(DEFAULT_HEAD_SHAPE[name]);
      expect(max).toBeGreaterThan(DEFAULT_HEAD_SHAPE[name]);
      expect(2 * spread).toBeLessThan(max - min);
    }
  });

  it('makes the head as long and as broad as its parameters say (within 2 %), and raises the crown by its millimetres', () => {
    for (const change of [
      { size: 1.08, length: 1.06, breadth: 0.93 },
      { size: 0.9, length: 0.92, breadth: 1.08 },
      { length: 1.05, breadth: 1.05, foreheadSlopeDeg: 12, crownHeightMm: 15 },
      { size: 1.1, foreheadSlopeDeg: -12, crownHeightMm: -15 },
    ]) {
      const shape = shapeWith(change);
      const warped = measureHead(warpPositions(shape, skin.positions), skin.indices, warpNamedPoints(shape, landmarks));
      const label = JSON.stringify(change);
      expect(Math.abs(warped.length / (defaultSize.length * shape.size * shape.length) - 1), `length ${label}`).toBeLessThan(0.02);
      expect(Math.abs(warped.breadth / (defaultSize.breadth * shape.size * shape.breadth) - 1), `breadth ${label}`).toBeLessThan(0.02);
      const vertexHeight = warpPoint(shape, landmarks.vertex)[1];
      expect(vertexHeight, `vertex ${label}`).toBeCloseTo(shape.size * (landmarks.vertex[1] + shape.crownHeightMm), 6);
    }
  });

  it('leans the upper forehead back by its degrees, about the brow, and leaves the face and the back of the head alone', () => {
    // Two points up the forehead on the midline: where the profile crosses 20 and 70 mm above the brow.
    const profile = sliceLoops(skin.positions, skin.indices, [0, 0, 0], [1, 0, 0]).flat();
    const foreheadAt = (y: number): Vec3 => profile.filter((p) => Math.abs(p[1] - y) < 1.5).reduce((a, b) => (b[2] > a[2] ? b : a));
    const low = foreheadAt(landmarks.glabella[1] + 20), high = foreheadAt(landmarks.glabella[1] + 70);
    const leanDeg = (a: Vec3, b: Vec3) => (Math.atan2(a[2] - b[2], b[1] - a[1]) * 180) / Math.PI;
    expect(Math.abs(leanDeg(low, high) - DEFAULT_FOREHEAD_LEAN_DEG)).toBeLessThan(1);
    for (const slope of [-12, -6, 6, 12]) {
      const shape = shapeWith({ foreheadSlopeDeg: slope });
      const change = leanDeg(warpPoint(shape, low), warpPoint(shape, high)) - leanDeg(low, high);
      expect(Math.abs(change - slope), `slope ${slope}°`).toBeLessThan(1);
      for (const still of [landmarks.glabella, landmarks.nasion, landmarks.menton, landmarks.leftLateralCanthus, landmarks.inion]) {
        expect(warpPoint(shape, still)).toEqual(still);
      }
    }
    const raised = shapeWith({ crownHeightMm: 15 });
    for (const still of [landmarks.glabella, landmarks.menton, landmarks.leftTragus, landmarks.inion]) expect(warpPoint(raised, still)).toEqual(still);
  });

  it('never folds: the Jacobian determinant stays positive over the head box at every corner of the ranges', () => {
    const points = boxPoints(9);
    for (const shape of extremeShapes()) {
      let smallest = Infinity;
      for (const p of points) smallest = Math.min(smallest, determinant(numericJacobian(shape, p)));
      expect(smallest, JSON.stringify(shape)).toBeGreaterThan(0.2);
    }
  });

  it('gives the Jacobian a shader can turn normals with (matches finite differences)', () => {
    const random = seededRandom(11);
    for (const shape of extremeShapes().filter((_, i) => i % 5 === 0)) {
      for (let i = 0; i < 40; i++) {
        const p: Vec3 = [200 * random() - 100, 318 * random() - 178, 247 * random() - 112];
        const exact = warpJacobian(shape, p), numeric = numericJacobian(shape, p);
        exact.forEach((v, k) => expect(v).toBeCloseTo(numeric[k]!, 4));
      }
    }
  });

  it('is symmetric: mirrored points stay mirrored', () => {
    const random = seededRandom(5);
    for (const shape of extremeShapes().filter((_, i) => i % 3 === 0)) {
      for (let i = 0; i < 20; i++) {
        const p: Vec3 = [100 * random(), 318 * random() - 178, 247 * random() - 112];
        expect(warpPoint(shape, mirrorX(p))).toEqual(mirrorX(warpPoint(shape, p)));
      }
      expect(warpPoint(shape, [0, 50, 50])[0]).toBe(0);
    }
  });
});
