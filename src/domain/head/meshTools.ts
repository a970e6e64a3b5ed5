import type { Sdf } from './sdf.ts';

/** An indexed triangle mesh, counter-clockwise winding seen from outside, in millimetres. */
export type MeshData = {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  /** Linear RGB per vertex, optional. */
  colors?: Float32Array;
};

/** Unit gradient of an implicit function by central differences (the outward normal on its surface). */
export function sdfNormal(f: Sdf, x: number, y: number, z: number, out: number[], eps = 0.05): void {
  const gx = f(x + eps, y, z) - f(x - eps, y, z);
  const gy = f(x, y + eps, z) - f(x, y - eps, z);
  const gz = f(x, y, z + eps) - f(x, y, z - eps);
  const len = Math.hypot(gx, gy, gz) || 1;
  out[0] = gx / len;
  out[1] = gy / len;
  out[2] = gz / len;
}

/** Vertex neighbours (one ring) as a CSR structure. */
export function vertexNeighbours(vertexCount: number, indices: Uint32Array): { offsets: Uint32Array; list: Uint32Array } {
  const sets: Set<number>[] = Array.from({ length: vertexCount }, () => new Set<number>());
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t]!, b = indices[t + 1]!, c = indices[t + 2]!;
    sets[a]!.add(b).add(c);
    sets[b]!.add(a).add(c);
    sets[c]!.add(a).add(b);
  }
  const offsets = new Uint32Array(vertexCount + 1);
  for (let i = 0; i < vertexCount; i++) offsets[i + 1] = offsets[i]! + sets[i]!.size;
  const list = new Uint32Array(offsets[vertexCount]!);
  for (let i = 0; i < vertexCount; i++) {
    let o = offsets[i]!;
    for (const n of sets[i]!) list[o++] = n;
  }
  return { offsets, list };
}

/**
 * Move vertices onto the zero set of f by damped Newton steps along the gradient. Steps are clamped so
 * a vertex cannot jump to a neighbouring sheet across a thin crease.
 */
export function projectToSurface(f: Sdf, positions: Float32Array, maxStep: number, iterations = 4): void {
  const eps = 0.05;
  for (let v = 0; v < positions.length; v += 3) {
    let x = positions[v]!, y = positions[v + 1]!, z = positions[v + 2]!;
    for (let it = 0; it < iterations; it++) {
      const d = f(x, y, z);
      if (Math.abs(d) < 1e-4) break;
      const gx = (f(x + eps, y, z) - f(x - eps, y, z)) / (2 * eps);
      const gy = (f(x, y + eps, z) - f(x, y - eps, z)) / (2 * eps);
      const gz = (f(x, y, z + eps) - f(x, y, z - eps)) / (2 * eps);
      const g2 = gx * gx + gy * gy + gz * gz;
      if (g2 < 1e-8) break;
      let s = d / g2;
      const stepLen = Math.abs(s) * Math.sqrt(g2);
      if (stepLen > maxStep) s *= maxStep / stepLen;
      x -= s * gx;
      y -= s * gy;
      z -= s * gz;
    }
    positions[v] = x;
    positions[v + 1] = y;
    positions[v + 2] = z;
  }
}

/**
 * Even out the triangles: move each vertex part way to the centroid of its neighbours within the
 * tangent plane (the normal comes from f), then snap back onto the surface. Shape is kept because the
 * surface itself is analytic; only the sampling improves.
 */
export function relaxOnSurface(f: Sdf, positions: Float32Array, indices: Uint32Array, iterations: number, maxStep: number): void {
  const count = positions.length / 3;
  const { offsets, list } = vertexNeighbours(count, indices);
  const next = new Float32Array(positions.length);
  const n = [0, 0, 0];
  for (let it = 0; it < iterations; it++) {
    for (let v = 0; v < count; v++) {
      const x = positions[3 * v]!, y = positions[3 * v + 1]!, z = positions[3 * v + 2]!;
      let cx = 0, cy = 0, cz = 0;
      const start = offsets[v]!, end = offsets[v + 1]!;
      for (let o = start; o < end; o++) {
        const u = list[o]!;
        cx += positions[3 * u]!;
        cy += positions[3 * u + 1]!;
        cz += positions[3 * u + 2]!;
      }
      const k = end - start || 1;
      let dx = cx / k - x, dy = cy / k - y, dz = cz / k - z;
      sdfNormal(f, x, y, z, n);
      const dn = dx * n[0]! + dy * n[1]! + dz * n[2]!;
      dx -= dn * n[0]!;
      dy -= dn * n[1]!;
      dz -= dn * n[2]!;
      next[3 * v] = x + 0.5 * dx;
      next[3 * v + 1] = y + 0.5 * dy;
      next[3 * v + 2] = z + 0.5 * dz;
    }
    positions.set(next);
    projectToSurface(f, positions, maxStep, 3);
  }
}

/**
 * For each vertex, the index of its mirror image across x = 0 (itself on the midline), or -1 when it
 * has none. Matches positions to within `tolerance` mm.
 */
export function mirrorPartners(positions: Float32Array, tolerance = 1e-3): Int32Array {
  const key = (x: number, y: number, z: number) => `${Math.round(x / tolerance)},${Math.round(y / tolerance)},${Math.round(z / tolerance)}`;
  const byKey = new Map<string, number>();
  for (let v = 0; v < positions.length / 3; v++) byKey.set(key(positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!), v);
  const partners = new Int32Array(positions.length / 3);
  for (let v = 0; v < partners.length; v++) {
    partners[v] = byKey.get(key(-positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!)) ?? -1;
  }
  return partners;
}

/** Make mirror pairs exact mirror images (undoing round-off and asymmetric triangulation on the midline). */
export function symmetrize(positions: Float32Array, partners: Int32Array): void {
  for (let v = 0; v < partners.length; v++) {
    const u = partners[v]!;
    if (u < 0 || u < v) continue;
    const x = (positions[3 * v]! - positions[3 * u]!) / 2;
    const y = (positions[3 * v + 1]! + positions[3 * u + 1]!) / 2;
    const z = (positions[3 * v + 2]! + positions[3 * u + 2]!) / 2;
    positions[3 * v] = u === v ? 0 : x;
    positions[3 * v + 1] = y;
    positions[3 * v + 2] = z;
    positions[3 * u] = u === v ? 0 : -x;
    positions[3 * u + 1] = y;
    positions[3 * u + 2] = z;
  }
}

/** Area-weighted vertex normals from the triangles. */
export function meshVertexNormals(positions: Float32Array, indices: Uint32Array): Float32Array {
  const normals = new Float32Array(positions.length);
  for (let t = 0; t < indices.length; t += 3) {
    const a = 3 * indices[t]!, b = 3 * indices[t + 1]!, c = 3 * indices[t + 2]!;
    const ux = positions[b]! - positions[a]!, uy = positions[b + 1]! - positions[a + 1]!, uz = positions[b + 2]! - positions[a + 2]!;
    const vx = positions[c]! - positions[a]!, vy = positions[c + 1]! - positions[a + 1]!, vz = positions[c + 2]! - positions[a + 2]!;
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    for (const i of [a, b, c]) {
      normals[i] = normals[i]! + nx;
      normals[i + 1] = normals[i + 1]! + ny;
      normals[i + 2] = normals[i + 2]! + nz;
    }
  }
  normalizeAll(normals);
  return normals;
}

/**
 * Normals from the implicit surface's gradient (smooth, free of faceting), falling back to the
 * triangle normal where the two disagree (tight creases the mesh cannot follow).
 */
export function surfaceNormals(f: Sdf, positions: Float32Array, indices: Uint32Array): Float32Array {
  const meshNormals = meshVertexNormals(positions, indices);
  const normals = new Float32Array(positions.length);
  const n = [0, 0, 0];
  for (let i = 0; i < positions.length; i += 3) {
    sdfNormal(f, positions[i]!, positions[i + 1]!, positions[i + 2]!, n);
    const mx = meshNormals[i]!, my = meshNormals[i + 1]!, mz = meshNormals[i + 2]!;
    const agree = n[0]! * mx + n[1]! * my + n[2]! * mz;
    const w = agree > 0.7 ? 1 : agree < 0.3 ? 0 : (agree - 0.3) / 0.4;
    normals[i] = w * n[0]! + (1 - w) * mx;
    normals[i + 1] = w * n[1]! + (1 - w) * my;
    normals[i + 2] = w * n[2]! + (1 - w) * mz;
  }
  normalizeAll(normals);
  return normals;
}

function normalizeAll(v: Float32Array): void {
  for (let i = 0; i < v.length; i += 3) {
    const len = Math.hypot(v[i]!, v[i + 1]!, v[i + 2]!) || 1;
    v[i] = v[i]! / len;
    v[i + 1] = v[i + 1]! / len;
    v[i + 2] = v[i + 2]! / len;
  }
}

/** Edges not shared by exactly two triangles (with opposite orientation); 0 for a closed manifold. */
export function countNonManifoldEdges(indices: Uint32Array): number {
  const uses = new Map<number, number>();
  const key = (a: number, b: number) => a * 4294967296 + b;
  for (let t = 0; t < indices.length; t += 3) {
    for (let e = 0; e < 3; e++) {
      const a = indices[t + e]!, b = indices[t + ((e + 1) % 3)]!;
      const k = key(a, b);
      uses.set(k, (uses.get(k) ?? 0) + 1);
    }
  }
  let bad = 0;
  for (const [k, n] of uses) {
    const a = Math.floor(k / 4294967296), b = k % 4294967296;
    if (n !== 1 || uses.get(key(b, a)) !== 1) bad++;
  }
  return bad;
}

/** Signed volume enclosed by a closed mesh (positive when triangles face outward). */
export function signedVolume(positions: Float32Array, indices: Uint32Array): number {
  let v = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const a = 3 * indices[t]!, b = 3 * indices[t + 1]!, c = 3 * indices[t + 2]!;
    const ax = positions[a]!, ay = positions[a + 1]!, az = positions[a + 2]!;
    const bx = positions[b]!, by = positions[b + 1]!, bz = positions[b + 2]!;
    const cx = positions[c]!, cy = positions[c + 1]!, cz = positions[c + 2]!;
    v += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  }
  return v / 6;
}
