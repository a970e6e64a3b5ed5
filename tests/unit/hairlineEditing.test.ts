import { describe, expect, it } from 'vitest';
import { insertPoint, mirrorPartner, movePoint, removePoint } from '../../src/domain/hairline/editing';
import type { Vec3 } from '../../src/domain/head/landmarks';

/** A symmetric loop: mid-front, left side, nape, right side (point i mirrors point n − i). */
function loop(n: number): Vec3[] {
  return Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return [Math.round(80 * Math.sin(a) * 1e6) / 1e6, 100, Math.round(90 * Math.cos(a) * 1e6) / 1e6] as Vec3;
  });
}

const isSymmetric = (points: Vec3[]) =>
  points.every((p, i) => {
    const q = points[mirrorPartner(i, points.length)]!;
    return Math.abs(p[0] + q[0]) < 1e-9 && Math.abs(p[1] - q[1]) < 1e-9 && Math.abs(p[2] - q[2]) < 1e-9;
  });

const flatten = (p: Vec3): Vec3 => p;

describe('hairline editing', () => {
  it('moves a point and, mirrored, its partner; midline points stay on the midline', () => {
    const points = loop(12);
    const moved = movePoint(points, 2, [60, 105, 40], true, flatten);
    expect(moved[2]).toEqual([60, 105, 40]);
    expect(moved[10]).toEqual([-60, 105, 40]);
    expect(isSymmetric(moved)).toBe(true);
    expect(movePoint(points, 0, [5, 110, 95], true, flatten)[0]).toEqual([0, 110, 95]);
    const free = movePoint(points, 2, [60, 105, 40], false, flatten);
    expect(free[10]).toEqual(points[10]);
    expect(points[2]).not.toEqual([60, 105, 40]);
  });

  it('inserts a point on the nearest segment, mirrored on the other side', () => {
    const points = loop(12);
    const mid: Vec3 = [(points[1]![0] + points[2]![0]) / 2, 100, (points[1]![2] + points[2]![2]) / 2];
    const { points: out, index } = insertPoint(points, mid, true);
    expect(out).toHaveLength(14);
    expect(out[index]).toEqual(mid);
    expect(index).toBe(2);
    expect(isSymmetric(out)).toBe(true);
    const right = insertPoint(points, [-mid[0], mid[1], mid[2]], true);
    expect(isSymmetric(right.points)).toBe(true);
    expect(right.points[right.index]).toEqual([-mid[0], mid[1], mid[2]]);
    const single = insertPoint(points, mid, false);
    expect(single.points).toHaveLength(13);
    expect(single.points[2]).toEqual(mid);
  });

  it('removes a point with its partner, but never a midline point or below the minimum', () => {
    const points = loop(12);
    const out = removePoint(points, 3, true)!;
    expect(out).toHaveLength(10);
    expect(isSymmetric(out)).toBe(true);
    expect(removePoint(points, 0, true)).toBeNull();
    expect(removePoint(loop(8), 1, true)).toBeNull();
    expect(removePoint(points, 0, false)).toHaveLength(11);
  });
});
