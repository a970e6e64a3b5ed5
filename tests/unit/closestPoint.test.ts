import { describe, expect, it } from 'vitest';
import { areaWhere, closestPointOnTriangle, createSurfaceProjector, createSurfaceQuery, meshArea } from '../../src/domain/geometry/closestPoint';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { cubeSphereMesh, seededRandom } from './fixtures';

function randomDirection(r: () => number): Vec3 {
  const z = 2 * r() - 1, phi = 2 * Math.PI * r(), s = Math.sqrt(1 - z * z);
  return [s * Math.cos(phi), z, s * Math.sin(phi)];
}

const dist = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Closest point on an ellipsoid surface (axis-aligned, centred at the origin) by Newton on the Lagrange multiplier. */
function ellipsoidClosest(p: Vec3, radii: Vec3): Vec3 {
  const [a, b, c] = radii;
  const f = (t: number) => (a * p[0] / (t + a * a)) ** 2 + (b * p[1] / (t + b * b)) ** 2 + (c * p[2] / (t + c * c)) ** 2 - 1;
  // f is decreasing for t > -min(r²); bisection on a bracket, then the closed form for the point.
  let lo = -(Math.min(a, b, c) ** 2) + 1e-9, hi = 1;
  while (f(hi) > 0) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return [(a * a * p[0]) / (t + a * a), (b * b * p[1]) / (t + b * b), (c * c * p[2]) / (t + c * c)];
}

describe('createSurfaceProjector', () => {
  // A polyhedral mesh's closest point is well defined against the analytic one only near the surface:
  // from a point at height h the foot may slide sideways by up to h × (a face's angular radius). So
  // points are compared near the skin (where a projector snaps handles and curve samples) and
  // distances everywhere.
  it('projects onto a sphere mesh within 0.05 mm of the analytic closest point', () => {
    const R = 100, C: Vec3 = [3, -2, 5];
    const mesh = cubeSphereMesh(96, [R, R, R], C);
    const query = createSurfaceQuery(mesh.positions, mesh.indices);
    const r = seededRandom(1);
    let worstPoint = 0, worstDistance = 0;
    for (let i = 0; i < 400; i++) {
      const d = randomDirection(r);
      const exact: Vec3 = [C[0] + d[0] * R, C[1] + d[1] * R, C[2] + d[2] * R];
      const near = R - 2 + 4 * r();
      worstPoint = Math.max(worstPoint, dist(query.project([C[0] + d[0] * near, C[1] + d[1] * near, C[2] + d[2] * near]), exact));
      const far = 30 + 170 * r(); // deep inside to far outside
      const hit = query.closest([C[0] + d[0] * far, C[1] + d[1] * far, C[2] + d[2] * far]);
      worstDistance = Math.max(worstDistance, Math.abs(hit.distance - Math.abs(far - R)));
    }
    expect(worstPoint).toBeLessThan(0.05);
    expect(worstDistance).toBeLessThan(0.05);
  });

  it('projects onto an ellipsoid mesh within 0.05 mm of the analytic closest point', () => {
    const radii: Vec3 = [75, 100, 95];
    const mesh = cubeSphereMesh(96, radii);
    const query = createSurfaceQuery(mesh.positions, mesh.indices);
    const r = seededRandom(2);
    let worstPoint = 0, worstDistance = 0;
    for (let i = 0; i < 300; i++) {
      const d = randomDirection(r);
      const onSurface: Vec3 = [d[0] * radii[0], d[1] * radii[1], d[2] * radii[2]];
      for (const [s, limit] of [[1.01, 'point'], [1.3, 'distance']] as const) {
        // Outside the surface, where the analytic closest point is unique.
        const p: Vec3 = [onSurface[0] * s, onSurface[1] * s, onSurface[2] * s];
        const exact = ellipsoidClosest(p, radii);
        const hit = query.closest(p);
        if (limit === 'point') worstPoint = Math.max(worstPoint, dist(hit.point, exact));
        else worstDistance = Math.max(worstDistance, Math.abs(hit.distance - dist(p, exact)));
      }
    }
    expect(worstPoint).toBeLessThan(0.05);
    expect(worstDistance).toBeLessThan(0.05);
  });

  it('returns exactly the brute-force closest point, with its triangle', () => {
    const mesh = cubeSphereMesh(12, [60, 90, 80], [0, 10, -5]);
    const query = createSurfaceQuery(mesh.positions, mesh.indices);
    const v = (i: number): Vec3 => [mesh.positions[3 * i]!, mesh.positions[3 * i + 1]!, mesh.positions[3 * i + 2]!];
    const r = seededRandom(3);
    for (let q = 0; q < 100; q++) {
      const p: Vec3 = [300 * r() - 150, 300 * r() - 150, 300 * r() - 150];
      let best = Infinity;
      for (let t = 0; t < mesh.indices.length; t += 3) {
        const c = closestPointOnTriangle(p, v(mesh.indices[t]!), v(mesh.indices[t + 1]!), v(mesh.indices[t + 2]!));
        best = Math.min(best, dist(p, c));
      }
      const hit = query.closest(p);
      expect(hit.distance).toBeCloseTo(best, 6);
      expect(dist(p, hit.point)).toBeCloseTo(hit.distance, 6);
      const t = 3 * hit.triangle;
      const onTri = closestPointOnTriangle(hit.point, v(mesh.indices[t]!), v(mesh.indices[t + 1]!), v(mesh.indices[t + 2]!));
      expect(dist(onTri, hit.point)).toBeLessThan(1e-6);
    }
  });

  it('handles an empty mesh and degenerate triangles', () => {
    expect(createSurfaceQuery(new Float32Array(0), new Uint32Array(0)).closest([1, 2, 3]).distance).toBe(Infinity);
    // A zero-area triangle (all corners equal) next to a proper one.
    const positions = new Float32Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 10, 10, 0, 0, 10, 0]);
    const project = createSurfaceProjector(positions, new Uint32Array([0, 1, 2, 3, 4, 5]));
    expect(project([5, 6, 3])).toEqual([5, 6, 0]);
    expect(project([-1, -1, 0])).toEqual([0, 0, 0]);
  });
});

describe('meshArea and areaWhere', () => {
  const R = 100;
  const sphere = cubeSphereMesh(60, [R, R, R]);

  it('measures a sphere', () => {
    expect(meshArea(sphere.positions, sphere.indices) / (4 * Math.PI * R * R)).toBeCloseTo(1, 2);
    // Integral of a linear weight: ∫ (y + R) dA over the sphere = R · 4πR² by symmetry.
    const w = meshArea(sphere.positions, sphere.indices, (i) => sphere.positions[3 * i + 1]! + R);
    expect(w / (4 * Math.PI * R ** 3)).toBeCloseTo(1, 2);
  });

  it('measures a spherical cap within 1% of 2πRh', () => {
    const n = sphere.positions.length / 3;
    for (const h of [10, 35, 100, 160]) {
      const values = new Float32Array(n);
      for (let i = 0; i < n; i++) values[i] = sphere.positions[3 * i + 1]! - (R - h);
      const area = areaWhere(sphere.positions, sphere.indices, values);
      expect(Math.abs(area / (2 * Math.PI * R * h) - 1)).toBeLessThan(0.01);
    }
  });

  it('clips triangles exactly along a linear field, honouring the threshold', () => {
    // Unit square of two triangles; a field linear in x is linear on every triangle, so the clip is exact.
    const positions = new Float32Array([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0]);
    const indices = new Uint32Array([0, 1, 2, 0, 2, 3]);
    const x = new Float32Array([0, 1, 1, 0]);
    expect(areaWhere(positions, indices, x, 0.37)).toBeCloseTo(0.63, 6);
    expect(areaWhere(positions, indices, x, 0)).toBeCloseTo(1, 6);
    expect(areaWhere(positions, indices, x, 1.01)).toBe(0);
    // A diagonal field: x + y ≥ 0.5 cuts a corner triangle of area 0.125 off the square.
    const xy = new Float32Array([0, 1, 2, 1]);
    expect(areaWhere(positions, indices, xy, 0.5)).toBeCloseTo(1 - 0.125, 6);
    expect(areaWhere(positions, indices, xy.map((v) => -v), -0.5)).toBeCloseTo(0.125, 6);
  });
});
