import type { Vec3 } from '../head/landmarks';

/**
 * Closest-point queries and area measurements on indexed triangle meshes (positions xyz, indices in
 * triples), in the head frame's millimetres. Pure TypeScript so the same code runs in the app, in
 * workers and in Node tests.
 */

export interface ClosestHit {
  /** Closest point on the surface. */
  point: Vec3;
  /** Euclidean distance from the query to `point`, mm. */
  distance: number;
  /** Index of the triangle holding `point` (into `indices / 3`). */
  triangle: number;
}

export interface SurfaceQuery {
  closest(p: Vec3): ClosestHit;
  /** Closest point on the surface (a `project` for the hairline code). */
  project(p: Vec3): Vec3;
  /** Number of triangles indexed. */
  readonly triangleCount: number;
}

const LEAF_SIZE = 6;

/**
 * Build a bounding-volume hierarchy over the triangles once (O(n log n), ~tens of ms for 100k
 * triangles) so each closest-point query visits only a few dozen triangles. Midpoint splits on the
 * longest centroid axis suit the fairly uniform triangles of scans and meshed SDFs.
 */
export function createSurfaceQuery(positions: ArrayLike<number>, indices: ArrayLike<number>): SurfaceQuery {
  const triCount = Math.floor(indices.length / 3);
  // Triangle corners copied out in BVH order (9 floats each): queries then read memory sequentially.
  const centroid = new Float64Array(triCount * 3);
  const order = new Uint32Array(triCount);
  for (let t = 0; t < triCount; t++) {
    order[t] = t;
    const a = 3 * indices[3 * t]!, b = 3 * indices[3 * t + 1]!, c = 3 * indices[3 * t + 2]!;
    for (let k = 0; k < 3; k++) centroid[3 * t + k] = (positions[a + k]! + positions[b + k]! + positions[c + k]!) / 3;
  }

  // Node layout: boxes[6 * n ..] = min xyz, max xyz; left[n] = first child index (the second is
  // left + 1) or -1 for a leaf; start[n], count[n] = the leaf's range in `order`.
  const capacity = Math.max(2, Math.ceil((2 * triCount) / LEAF_SIZE) + 1);
  let boxes = new Float64Array(6 * capacity);
  let left = new Int32Array(capacity);
  let start = new Uint32Array(left.length);
  let count = new Uint32Array(left.length);
  let nodeCount = 0;
  const grow = (): void => {
    const n = left.length * 2;
    const b2 = new Float64Array(6 * n); b2.set(boxes); boxes = b2;
    const l2 = new Int32Array(n); l2.set(left); left = l2;
    const s2 = new Uint32Array(n); s2.set(start); start = s2;
    const c2 = new Uint32Array(n); c2.set(count); count = c2;
  };
  const newNode = (): number => {
    if (nodeCount >= left.length) grow();
    return nodeCount++;
  };

  const setBox = (node: number, from: number, to: number): void => {
    let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
    for (let i = from; i < to; i++) {
      const t = order[i]!;
      for (let v = 0; v < 3; v++) {
        const o = 3 * indices[3 * t + v]!;
        const x = positions[o]!, y = positions[o + 1]!, z = positions[o + 2]!;
        if (x < x0) x0 = x; if (x > x1) x1 = x;
        if (y < y0) y0 = y; if (y > y1) y1 = y;
        if (z < z0) z0 = z; if (z > z1) z1 = z;
      }
    }
    const o = 6 * node;
    boxes[o] = x0; boxes[o + 1] = y0; boxes[o + 2] = z0; boxes[o + 3] = x1; boxes[o + 4] = y1; boxes[o + 5] = z1;
  };

  // Iterative build: no recursion-depth limit on degenerate inputs.
  const root = newNode();
  const todo: [number, number, number][] = [[root, 0, triCount]];
  while (todo.length > 0) {
    const [node, from, to] = todo.pop()!;
    setBox(node, from, to);
    const n = to - from;
    if (n <= LEAF_SIZE) {
      left[node] = -1; start[node] = from; count[node] = n;
      continue;
    }
    let c0x = Infinity, c0y = Infinity, c0z = Infinity, c1x = -Infinity, c1y = -Infinity, c1z = -Infinity;
    for (let i = from; i < to; i++) {
      const t = 3 * order[i]!;
      const x = centroid[t]!, y = centroid[t + 1]!, z = centroid[t + 2]!;
      if (x < c0x) c0x = x; if (x > c1x) c1x = x;
      if (y < c0y) c0y = y; if (y > c1y) c1y = y;
      if (z < c0z) c0z = z; if (z > c1z) c1z = z;
    }
    const ex = c1x - c0x, ey = c1y - c0y, ez = c1z - c0z;
    const axis = ex >= ey && ex >= ez ? 0 : ey >= ez ? 1 : 2;
    const split = axis === 0 ? (c0x + c1x) / 2 : axis === 1 ? (c0y + c1y) / 2 : (c0z + c1z) / 2;
    let i = from, j = to - 1;
    while (i <= j) {
      if (centroid[3 * order[i]! + axis]! < split) i++;
      else {
        const tmp = order[i]!; order[i] = order[j]!; order[j] = tmp;
        j--;
      }
    }
    let mid = i;
    // All centroids equal along the axis (or coincident): halve the range instead.
    if (mid === from || mid === to) mid = (from + to) >> 1;
    const l = newNode();
    const r = newNode();
    left[node] = l;
    todo.push([l, from, mid], [r, mid, to]);
  }

  const tri = new Float64Array(triCount * 9);
  for (let i = 0; i < triCount; i++) {
    const t = order[i]!;
    for (let v = 0; v < 3; v++) {
      const o = 3 * indices[3 * t + v]!;
      tri[9 * i + 3 * v] = positions[o]!;
      tri[9 * i + 3 * v + 1] = positions[o + 1]!;
      tri[9 * i + 3 * v + 2] = positions[o + 2]!;
    }
  }

  const stack = new Int32Array(128);
  const cp = new Float64Array(3);

  const closest = (p: Vec3): ClosestHit => {
    const px = p[0], py = p[1], pz = p[2];
    let best = Infinity, bestI = -1, bx = px, by = py, bz = pz;
    if (triCount === 0) return { point: [px, py, pz], distance: Infinity, triangle: -1 };
    let sp = 0;
    stack[sp++] = root;
    while (sp > 0) {
      const node = stack[--sp]!;
      if (boxDist2(boxes, node, px, py, pz) >= best) continue;
      const l = left[node]!;
      if (l < 0) {
        const s = start[node]!, e = s + count[node]!;
        for (let i = s; i < e; i++) {
          const d2 = closestOnTriangle(tri, 9 * i, px, py, pz, cp);
          if (d2 < best) {
            best = d2; bestI = i; bx = cp[0]!; by = cp[1]!; bz = cp[2]!;
          }
        }
        continue;
      }
      // Push the farther child first so the nearer one is searched first and tightens `best` early.
      const dl = boxDist2(boxes, l, px, py, pz), dr = boxDist2(boxes, l + 1, px, py, pz);
      if (sp + 2 > stack.length) throw new Error('closestPoint: BVH too deep');
      if (dl <= dr) {
        if (dr < best) stack[sp++] = l + 1;
        if (dl < best) stack[sp++] = l;
      } else {
        if (dl < best) stack[sp++] = l;
        if (dr < best) stack[sp++] = l + 1;
      }
    }
    return { point: [bx, by, bz], distance: Math.sqrt(best), triangle: order[bestI]! };
  };

  return { closest, project: (p) => closest(p).point, triangleCount: triCount };
}

/** `(p) => closest point on the mesh`, with the acceleration structure built once. */
export function createSurfaceProjector(positions: ArrayLike<number>, indices: ArrayLike<number>): (p: Vec3) => Vec3 {
  return createSurfaceQuery(positions, indices).project;
}

function boxDist2(boxes: Float64Array, node: number, px: number, py: number, pz: number): number {
  const o = 6 * node;
  const dx = Math.max(boxes[o]! - px, 0, px - boxes[o + 3]!);
  const dy = Math.max(boxes[o + 1]! - py, 0, py - boxes[o + 4]!);
  const dz = Math.max(boxes[o + 2]! - pz, 0, pz - boxes[o + 5]!);
  return dx * dx + dy * dy + dz * dz;
}

/** Closest point on triangle abc to p (one triangle, allocating; the BVH query uses the same kernel). */
export function closestPointOnTriangle(p: Vec3, a: Vec3, b: Vec3, c: Vec3): Vec3 {
  const out = new Float64Array(3);
  closestOnTriangle(new Float64Array([...a, ...b, ...c]), 0, p[0], p[1], p[2], out);
  return [out[0]!, out[1]!, out[2]!];
}

/**
 * Closest point on the triangle stored at tri[o..o+9] to p, written to `out`; returns the squared
 * distance. Voronoi-region walk after Ericson, Real-Time Collision Detection §5.1.5, without
 * allocations because it runs in the innermost loop.
 */
function closestOnTriangle(tri: Float64Array, o: number, px: number, py: number, pz: number, out: Float64Array): number {
  const ax = tri[o]!, ay = tri[o + 1]!, az = tri[o + 2]!;
  const bx = tri[o + 3]!, by = tri[o + 4]!, bz = tri[o + 5]!;
  const cx = tri[o + 6]!, cy = tri[o + 7]!, cz = tri[o + 8]!;
  const abx = bx - ax, aby = by - ay, abz = bz - az;
  const acx = cx - ax, acy = cy - ay, acz = cz - az;
  const apx = px - ax, apy = py - ay, apz = pz - az;
  let qx: number, qy: number, qz: number;
  const d1 = abx * apx + aby * apy + abz * apz, d2 = acx * apx + acy * apy + acz * apz;
  if (d1 <= 0 && d2 <= 0) {
    qx = ax; qy = ay; qz = az;
  } else {
    const bpx = px - bx, bpy = py - by, bpz = pz - bz;
    const d3 = abx * bpx + aby * bpy + abz * bpz, d4 = acx * bpx + acy * bpy + acz * bpz;
    const vc = d1 * d4 - d3 * d2;
    const cpx = px - cx, cpy = py - cy, cpz = pz - cz;
    const d5 = abx * cpx + aby * cpy + abz * cpz, d6 = acx * cpx + acy * cpy + acz * cpz;
    const vb = d5 * d2 - d1 * d6;
    const va = d3 * d6 - d5 * d4;
    if (d3 >= 0 && d4 <= d3) {
      qx = bx; qy = by; qz = bz;
    } else if (vc <= 0 && d1 >= 0 && d3 <= 0) {
      const v = d1 / (d1 - d3);
      qx = ax + abx * v; qy = ay + aby * v; qz = az + abz * v;
    } else if (d6 >= 0 && d5 <= d6) {
      qx = cx; qy = cy; qz = cz;
    } else if (vb <= 0 && d2 >= 0 && d6 <= 0) {
      const w = d2 / (d2 - d6);
      qx = ax + acx * w; qy = ay + acy * w; qz = az + acz * w;
    } else if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
      const w = (d4 - d3) / (d4 - d3 + (d5 - d6));
      qx = bx + (cx - bx) * w; qy = by + (cy - by) * w; qz = bz + (cz - bz) * w;
    } else {
      const denom = va + vb + vc;
      // Degenerate (zero-area) triangle: fall back to its first corner rather than divide by zero.
      const inv = denom !== 0 ? 1 / denom : 0;
      const v = vb * inv, w = vc * inv;
      qx = ax + abx * v + acx * w; qy = ay + aby * v + acy * w; qz = az + abz * v + acz * w;
    }
  }
  out[0] = qx; out[1] = qy; out[2] = qz;
  const dx = px - qx, dy = py - qy, dz = pz - qz;
  return dx * dx + dy * dy + dz * dz;
}

/** Area (mm²) of the triangle with vertex indices ia, ib, ic (not float offsets: vertex i is at p[3i..3i+3]). */
export function triangleArea(p: ArrayLike<number>, ia: number, ib: number, ic: number): number {
  const a = 3 * ia, b = 3 * ib, c = 3 * ic;
  const ux = p[b]! - p[a]!, uy = p[b + 1]! - p[a + 1]!, uz = p[b + 2]! - p[a + 2]!;
  const vx = p[c]! - p[a]!, vy = p[c + 1]! - p[a + 1]!, vz = p[c + 2]! - p[a + 2]!;
  const cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
  return 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
}

/**
 * Surface area of the mesh, mm². With `weight` (a per-vertex value, linearly interpolated over each
 * triangle) it returns the integral of that weight over the surface: area × mean of the corner weights.
 */
export function meshArea(positions: ArrayLike<number>, indices: ArrayLike<number>, weight?: (vertex: number) => number): number {
  let sum = 0;
  for (let t = 0; t + 2 < indices.length; t += 3) {
    const ia = indices[t]!, ib = indices[t + 1]!, ic = indices[t + 2]!;
    const area = triangleArea(positions, ia, ib, ic);
    sum += weight ? (area * (weight(ia) + weight(ib) + weight(ic))) / 3 : area;
  }
  return sum;
}

/**
 * Surface area (mm²) where the per-vertex `values` are ≥ `threshold`. Values are taken as linear over
 * each triangle and the triangle is clipped by the iso-line, so the result converges with mesh
 * resolution instead of jumping by whole triangles as a vertex count would.
 */
export function areaWhere(positions: ArrayLike<number>, indices: ArrayLike<number>, values: ArrayLike<number>, threshold = 0): number {
  let sum = 0;
  for (let t = 0; t + 2 < indices.length; t += 3) {
    const ia = indices[t]!, ib = indices[t + 1]!, ic = indices[t + 2]!;
    const a = values[ia]! - threshold, b = values[ib]! - threshold, c = values[ic]! - threshold;
    const ina = a >= 0, inb = b >= 0, inc = c >= 0;
    const n = (ina ? 1 : 0) + (inb ? 1 : 0) + (inc ? 1 : 0);
    if (n === 0) continue;
    const area = triangleArea(positions, ia, ib, ic);
    if (n === 3) {
      sum += area;
      continue;
    }
    // The lone corner on one side and the two others: the part on its side is a similar corner
    // triangle whose area scales by the two edge fractions where the iso-line crosses.
    const [lone, o1, o2] = n === 1 ? (ina ? [a, b, c] : inb ? [b, c, a] : [c, a, b]) : !ina ? [a, b, c] : !inb ? [b, c, a] : [c, a, b];
    const f = (lone / (lone - o1)) * (lone / (lone - o2));
    sum += n === 1 ? area * f : area * (1 - f);
  }
  return sum;
}
