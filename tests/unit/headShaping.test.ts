/**
 * The default head on screen under the plan's head shape: the warp's inverse and its normals, the meshes the
 * scene shows (the plan and the treatment area stay on the default head), hits taken back to the plan's
 * frame, and the figures measured on the head as shown.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { DEFAULT_HEAD_SHAPE, warpPoint, warpPositions, type HeadShape } from '../../src/domain/head/headShape';
import { MeshWarp, unwarpNormal, unwarpPoint, warpNormal, warpNormals } from '../../src/domain/head/shapedHead';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { defaultPlan, type Plan } from '../../src/domain/plan';
import type { LoadedHead } from '../../src/scene/loadedHead';
import { cameraShowingWholeHead } from '../../src/scene/viewCameras';
import { defaultLoadedHead } from '../support/loadedHead';

const WIDE: HeadShape = { size: 1.12, length: 0.9, breadth: 1.1, foreheadSlopeDeg: 12, crownHeightMm: 18 };
const NARROW: HeadShape = { size: 0.88, length: 1.1, breadth: 0.9, foreheadSlopeDeg: -12, crownHeightMm: -18 };

const positionsOf = (head: LoadedHead): Float32Array => (head.skin.geometry as THREE.BufferGeometry).getAttribute('position').array as Float32Array;
/** Whether two long arrays hold the same numbers (vitest's deep equality is slow on 150,000 of them). */
const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.prototype.every.call(a, (x: number, i: number) => x === b[i]);
const planWith = (headShape: HeadShape): Plan => ({ ...defaultPlan(), headShape });

let head: LoadedHead;
beforeAll(() => {
  head = defaultLoadedHead();
});

describe('the warp both ways', () => {
  it('takes a shown point back to the default head’s point, at the slider ends and within the head’s box', () => {
    let worst = 0;
    for (const shape of [WIDE, NARROW, { ...DEFAULT_HEAD_SHAPE, crownHeightMm: 10 }]) {
      for (let i = 0; i < 400; i++) {
        const p: Vec3 = [((i * 37) % 160) - 80, ((i * 53) % 240) - 100, ((i * 71) % 220) - 110];
        const back = unwarpPoint(shape, warpPoint(shape, p));
        worst = Math.max(worst, Math.hypot(back[0] - p[0], back[1] - p[1], back[2] - p[2]));
      }
    }
    expect(worst).toBeLessThan(1e-5);
  });

  it('turns normals with the skin: a warped triangle’s own normal is the warped normal, and back', () => {
    const positions = head.treatment.positions, indices = head.treatment.indices;
    let worstDeg = 0;
    for (let t = 0; t < indices.length; t += 3 * 97) {
      const corner = (k: number): Vec3 => {
        const v = 3 * indices[t + k]!;
        return [positions[v]!, positions[v + 1]!, positions[v + 2]!];
      };
      const [a, b, c] = [corner(0), corner(1), corner(2)];
      const faceNormal = (p: Vec3, q: Vec3, r: Vec3): Vec3 => {
        const u = [q[0] - p[0], q[1] - p[1], q[2] - p[2]], v = [r[0] - p[0], r[1] - p[1], r[2] - p[2]];
        const n: Vec3 = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
        const l = Math.hypot(...n);
        return [n[0] / l, n[1] / l, n[2] / l];
      };
      const centre: Vec3 = [(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3, (a[2] + b[2] + c[2]) / 3];
      const rest = faceNormal(a, b, c);
      const shown = faceNormal(warpPoint(WIDE, a), warpPoint(WIDE, b), warpPoint(WIDE, c));
      const angle = (n: Vec3, m: Vec3) => (Math.acos(Math.min(1, n[0] * m[0] + n[1] * m[1] + n[2] * m[2])) * 180) / Math.PI;
      worstDeg = Math.max(worstDeg, angle(warpNormal(WIDE, centre, rest), shown), angle(unwarpNormal(WIDE, centre, shown), rest));
    }
    expect(worstDeg).toBeLessThan(1);
  });
});

describe('the mesh warped for the screen', () => {
  it('is the warp of every vertex and normal, for any shape, without a search', () => {
    const positions = head.treatment.positions;
    const normals = new Float32Array(positions.length);
    for (let i = 0; i < normals.length; i += 3) normals.set([0.48, 0.6, 0.64], i);
    const mesh = new MeshWarp(positions);
    for (const shape of [WIDE, NARROW]) {
      const out = new Float32Array(positions.length), outNormals = new Float32Array(positions.length);
      mesh.warp(shape, out, normals, outNormals);
      const expected = warpPositions(shape, positions), expectedNormals = warpNormals(shape, positions, normals);
      let worst = 0, worstNormal = 0;
      for (let i = 0; i < out.length; i++) {
        worst = Math.max(worst, Math.abs(out[i]! - expected[i]!));
        worstNormal = Math.max(worstNormal, Math.abs(outNormals[i]! - expectedNormals[i]!));
      }
      expect(worst).toBeLessThan(1e-4);
      expect(worstNormal).toBeLessThan(1e-5);
    }
  });
});

describe('the default head shown in a shape', () => {
  it('warps the shown meshes, keeps the treatment area’s (the plan’s) on the default head, and comes back exactly', () => {
    const rest = Float32Array.from(head.treatment.positions);
    expect(head.shaping!.apply(WIDE)).toBe(true);
    expect(head.shaping!.apply({ ...WIDE })).toBe(false);
    const shown = positionsOf(head);
    for (const v of [0, 1000, 20000]) expect([shown[3 * v], shown[3 * v + 1], shown[3 * v + 2]]).toEqual(warpPoint(WIDE, [rest[3 * v]!, rest[3 * v + 1]!, rest[3 * v + 2]!]).map(Math.fround));
    expect(same(head.treatment.positions, rest)).toBe(true);
    // A hit on the shown skin is the plan's point under it, and the other way round.
    const onSkin = head.treatment.query.project([30, 150, 60]);
    const hit = head.shaping!.hitToScene({ point: onSkin, normal: [0, 1, 0] });
    const back = head.shaping!.hitToPlan(hit);
    expect(Math.hypot(back.point[0] - onSkin[0], back.point[1] - onSkin[1], back.point[2] - onSkin[2])).toBeLessThan(1e-5);
    expect(back.normal[1]).toBeCloseTo(1, 6);
    // A brush's ring is drawn as large as the radius it paints on the default head comes out on this one.
    head.shaping!.apply({ ...DEFAULT_HEAD_SHAPE, size: 1.1 });
    expect(head.shaping!.scaleAt(onSkin)).toBeCloseTo(1.1, 9);
    head.shaping!.apply(DEFAULT_HEAD_SHAPE);
    expect(same(positionsOf(head), rest)).toBe(true);
    expect(head.shaping!.scaleAt(onSkin)).toBe(1);
  });

  it('is not applied to a scan: a scan head has no shaping, and its figures ignore the plan’s shape', async () => {
    const { TreatmentArea } = await import('../../src/domain/hairline/treatmentArea');
    const scanLike = new TreatmentArea(head.treatment.positions, head.treatment.indices, head.treatment.landmarks);
    expect(scanLike.measure(planWith(WIDE)).treatedAreaCm2).toBeCloseTo(scanLike.measure(defaultPlan()).treatedAreaCm2, 6);
  });

  it('measures the head as shown: a larger head has a longer, higher hairline and more skin to treat', () => {
    const base = head.treatment.measure(defaultPlan());
    const larger = head.treatment.measure(planWith({ ...DEFAULT_HEAD_SHAPE, size: 1.1 }));
    expect(larger.hairlineHeightMm / base.hairlineHeightMm).toBeCloseTo(1.1, 2);
    expect(larger.frontotemporalWidthMm / base.frontotemporalWidthMm).toBeCloseTo(1.1, 2);
    expect(larger.treatedAreaCm2 / base.treatedAreaCm2).toBeCloseTo(1.21, 2);
    expect(larger.impressions / base.impressions).toBeGreaterThan(1.15);
    // Breadth widens the line, not its height on the midline.
    const broader = head.treatment.measure(planWith({ ...DEFAULT_HEAD_SHAPE, breadth: 1.08 }));
    expect(broader.frontotemporalWidthMm / base.frontotemporalWidthMm).toBeCloseTo(1.08, 2);
    expect(broader.hairlineHeightMm).toBeCloseTo(base.hairlineHeightMm, 3);
    expect(broader.treatedAreaCm2).toBeGreaterThan(base.treatedAreaCm2 * 1.03);
    // Back to the default head: the very same figures.
    expect(head.treatment.measure(defaultPlan())).toEqual(base);
  });

  it('keeps the skin’s bounds with the shape: a ray at the rim of an enlarged head hits it, and whole-head pictures frame it', () => {
    const large: HeadShape = { ...DEFAULT_HEAD_SHAPE, size: 1.12 };
    const geometry = head.skin.geometry as THREE.BufferGeometry;
    // As three leaves the skin after the first framing (Box3.setFromObject) or raycast: a box kept on the geometry.
    const defaultCamera = cameraShowingWholeHead('front', head, 800, 600);
    expect(geometry.boundingBox).not.toBeNull();
    head.shaping!.apply(large);
    const top = new THREE.Box3().setFromBufferAttribute(geometry.getAttribute('position') as THREE.BufferAttribute);
    expect(geometry.boundingBox!.equals(top)).toBe(true);
    // A ray from the front grazing the top of the enlarged head, above the default head's top.
    const highest = positionsOf(head).reduce((best, y, i) => (i % 3 === 1 && y > best.y ? { y, i } : best), { y: -Infinity, i: -1 });
    const x = positionsOf(head)[highest.i - 1]!;
    const raycaster = new THREE.Raycaster(new THREE.Vector3(x, highest.y - 1, 1000), new THREE.Vector3(0, 0, -1));
    head.skin.updateMatrixWorld(true);
    expect(raycaster.intersectObject(head.skin).length).toBeGreaterThan(0);
    // The whole-head camera stands back by the head's growth (its framing's box is measured again).
    const largeCamera = cameraShowingWholeHead('front', head, 800, 600);
    const reach = (camera: THREE.PerspectiveCamera) => camera.position.z;
    expect(reach(largeCamera) / reach(defaultCamera)).toBeGreaterThan(1.08);
    head.shaping!.apply(DEFAULT_HEAD_SHAPE);
    expect(cameraShowingWholeHead('front', head, 800, 600).position.toArray()).toEqual(defaultCamera.position.toArray());
  });

  it('draws a picture in another shape and leaves the head as it was, even when the drawing fails', () => {
    const shaping = head.shaping!;
    shaping.apply(NARROW);
    const narrow = Float32Array.from(positionsOf(head));
    const reshaped: HeadShape[] = [];
    const follow = () => reshaped.push(shaping.shape);
    const drawn = shaping.whileShowing(WIDE, () => Float32Array.from(positionsOf(head)), follow);
    expect(drawn[3000]).toBe(Math.fround(warpPoint(WIDE, [head.treatment.positions[3000]!, head.treatment.positions[3001]!, head.treatment.positions[3002]!])[0]));
    expect(same(positionsOf(head), narrow)).toBe(true);
    expect(reshaped).toEqual([WIDE, NARROW]);
    expect(() => shaping.whileShowing(WIDE, () => { throw new Error('lost'); }, follow)).toThrow('lost');
    expect(shaping.shape).toEqual(NARROW);
    expect(same(positionsOf(head), narrow)).toBe(true);
    // In the shape shown already: drawn as it is, nothing to follow.
    reshaped.length = 0;
    expect(shaping.whileShowing(NARROW, () => 'drawn', follow)).toBe('drawn');
    expect(reshaped).toEqual([]);
    shaping.apply(DEFAULT_HEAD_SHAPE);
  });
});
