/**
 * Signed distance primitives and smooth combinators (negative inside). Shapes are closures over
 * scalar coordinates so the hot meshing loop allocates nothing. Distances are approximate away from
 * the surface; the mesher only needs the sign and a gradient that is well behaved near zero.
 */
export type Sdf = (x: number, y: number, z: number) => number;

export type V3 = readonly [number, number, number];

/** Polynomial smooth minimum: blends two surfaces over a band of width k (mm). C1 continuous. */
export function smin(a: number, b: number, k: number): number {
  if (k <= 0) return Math.min(a, b);
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - h * h * k * 0.25;
}

export function smax(a: number, b: number, k: number): number {
  return -smin(-a, -b, k);
}

/** Row-major 3x3 rotation from Euler angles in degrees, applied as Rz * Ry * Rx. */
export function rotation(rxDeg: number, ryDeg: number, rzDeg: number): number[] {
  const [a, b, c] = [rxDeg, ryDeg, rzDeg].map((d) => (d * Math.PI) / 180) as [number, number, number];
  const ca = Math.cos(a), sa = Math.sin(a), cb = Math.cos(b), sb = Math.sin(b);
  const cc = Math.cos(c), sc = Math.sin(c);
  // Rz * Ry * Rx
  return [
    cc * cb, cc * sb * sa - sc * ca, cc * sb * ca + sc * sa,
    sc * cb, sc * sb * sa + cc * ca, sc * sb * ca - cc * sa,
    -sb, cb * sa, cb * ca,
  ];
}

/**
 * Ellipsoid with centre c, semi-axes r, optionally rotated (r is along the rotated axes).
 * Uses the gradient-normalised bound k0 (k0 - 1) / k1, accurate near the surface.
 */
export function ellipsoid(c: V3, r: V3, rot?: number[]): Sdf {
  const [cx, cy, cz] = c;
  const [rx, ry, rz] = r;
  const m = rot ?? [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = m as [number, number, number, number, number, number, number, number, number];
  return (x, y, z) => {
    const px = x - cx, py = y - cy, pz = z - cz;
    // local = R^T p
    const lx = m0 * px + m3 * py + m6 * pz;
    const ly = m1 * px + m4 * py + m7 * pz;
    const lz = m2 * px + m5 * py + m8 * pz;
    const ax = lx / rx, ay = ly / ry, az = lz / rz;
    const k0 = Math.sqrt(ax * ax + ay * ay + az * az);
    const bx = ax / rx, by = ay / ry, bz = az / rz;
    const k1 = Math.sqrt(bx * bx + by * by + bz * bz);
    if (k1 < 1e-12) return -Math.min(rx, ry, rz);
    return (k0 * (k0 - 1)) / k1;
  };
}

/**
 * A flat disc with an elliptical outline in the local y-z plane (semi-axes ry, rz), thickness along x,
 * and a fully rounded edge: like a coin, its rim is a tube of radius `rounding`.
 */
export function roundedDisc(c: V3, ry: number, rz: number, halfThickness: number, rounding: number): Sdf {
  const [cx, cy, cz] = c;
  const ey = ry - rounding, ez = rz - rounding;
  return (x, y, z) => {
    const py = y - cy, pz = z - cz;
    const ay = py / ey, az = pz / ez;
    const k0 = Math.sqrt(ay * ay + az * az);
    const by = ay / ey, bz = az / ez;
    const k1 = Math.sqrt(by * by + bz * bz);
    const outline = k1 < 1e-12 ? -Math.min(ey, ez) : (k0 * (k0 - 1)) / k1;
    const across = Math.abs(x - cx) - (halfThickness - rounding);
    return Math.min(Math.max(outline, across), 0) + Math.hypot(Math.max(outline, 0), Math.max(across, 0)) - rounding;
  };
}

/** Capsule whose radius varies linearly from ra at a to rb at b (gentle tapers only). */
export function taperedCapsule(a: V3, b: V3, ra: number, rb: number): Sdf {
  const [ax, ay, az] = a;
  const bax = b[0] - ax, bay = b[1] - ay, baz = b[2] - az;
  const len2 = bax * bax + bay * bay + baz * baz;
  return (x, y, z) => {
    const px = x - ax, py = y - ay, pz = z - az;
    let t = (px * bax + py * bay + pz * baz) / len2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const dx = px - bax * t, dy = py - bay * t, dz = pz - baz * t;
    return Math.sqrt(dx * dx + dy * dy + dz * dz) - (ra + (rb - ra) * t);
  };
}

/**
 * Quadratic Bezier tube (a bent capsule) sampled as a polyline of capsules; radius varies along it.
 * Used for rims and ridges such as the helix of the ear.
 */
export function bentTube(p0: V3, p1: V3, p2: V3, r0: number, r1: number, segments = 10): Sdf {
  const parts: Sdf[] = [];
  const at = (t: number): V3 => {
    const u = 1 - t;
    return [
      u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
      u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1],
      u * u * p0[2] + 2 * u * t * p1[2] + t * t * p2[2],
    ];
  };
  for (let i = 0; i < segments; i++) {
    const t0 = i / segments, t1 = (i + 1) / segments;
    parts.push(taperedCapsule(at(t0), at(t1), r0 + (r1 - r0) * t0, r0 + (r1 - r0) * t1));
  }
  return (x, y, z) => {
    let d = Infinity;
    for (const part of parts) d = Math.min(d, part(x, y, z));
    return d;
  };
}

/** Smooth union of two shapes mirrored across x = 0 (for paired features that meet at the midline). */
export function mirroredPair(f: Sdf, k: number): Sdf {
  return (x, y, z) => smin(f(x, y, z), f(-x, y, z), k);
}

/** A paired feature that never reaches the midline: evaluate it on |x|. */
export function bilateral(f: Sdf): Sdf {
  return (x, y, z) => f(Math.abs(x), y, z);
}
