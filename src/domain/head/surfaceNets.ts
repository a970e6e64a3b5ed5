import type { Sdf } from './sdf.ts';

export type Box = { min: [number, number, number]; max: [number, number, number] };

/**
 * Naive surface nets: one vertex per grid cell the surface crosses (the mean of the cell's edge
 * crossings) and one quad per crossed grid edge. Closed and crack-free by construction; edges are
 * manifold wherever no cell face is ambiguous (features thicker than about two cells).
 *
 * The grid is laid out symmetrically about x = 0 with no node on the plane, so a function that is
 * mirror-symmetric in x gives a mirror-symmetric mesh.
 */
export function surfaceNets(f: Sdf, box: Box, h: number): { positions: Float32Array; indices: Uint32Array } {
  const halfX = Math.max(Math.abs(box.min[0]), Math.abs(box.max[0]));
  const nx = 2 * Math.ceil(halfX / h + 0.5);
  const ny = Math.ceil((box.max[1] - box.min[1]) / h) + 1;
  const nz = Math.ceil((box.max[2] - box.min[2]) / h) + 1;
  const x0 = -((nx - 1) / 2) * h;
  const y0 = box.min[1];
  const z0 = box.min[2];
  const sy = nx, sz = nx * ny;

  const values = new Float32Array(nx * ny * nz);
  for (let k = 0; k < nz; k++) {
    const z = z0 + k * h;
    for (let j = 0; j < ny; j++) {
      const y = y0 + j * h;
      const row = j * sy + k * sz;
      // Evaluate x >= 0 and mirror: keeps the field exactly symmetric and halves the work.
      for (let i = nx / 2; i < nx; i++) {
        let v = f(x0 + i * h, y, z);
        if (v === 0) v = 1e-7;
        values[row + i] = v;
        values[row + nx - 1 - i] = v;
      }
    }
  }

  // Cell vertices: one per connected piece of surface inside the cell, so thin features that put two
  // sheets in one cell still give a manifold mesh (as in dual marching cubes). Pieces are found by
  // linking the cell's crossed edges face by face; an ambiguous face (alternating signs) is resolved
  // from its centre value alone, so the two cells sharing it always agree.
  const pos: number[] = [];
  const cellSlots = new Map<number, number>(); // cell index -> offset of its 12 edge vertex ids
  const slots: number[] = [];
  const corner = new Float64Array(8);
  const parent = new Int8Array(12);
  const find = (e: number): number => {
    while (parent[e] !== e) e = parent[e]!;
    return e;
  };
  const sums = new Float64Array(12 * 4);
  const cy = nx - 1, cz = (nx - 1) * (ny - 1);
  for (let k = 0; k < nz - 1; k++) {
    for (let j = 0; j < ny - 1; j++) {
      for (let i = 0; i < nx - 1; i++) {
        let mask = 0;
        for (let c = 0; c < 8; c++) {
          const v = values[(i + (c & 1)) + (j + ((c >> 1) & 1)) * sy + (k + ((c >> 2) & 1)) * sz]!;
          corner[c] = v;
          if (v < 0) mask |= 1 << c;
        }
        if (mask === 0 || mask === 255) continue;
        for (let e = 0; e < 12; e++) parent[e] = e;
        for (let f = 0; f < 24; f += 4) {
          const crossed = [0, 1, 2, 3].filter((q) => {
            const e = FACE_EDGES[f + q]!;
            return corner[EDGE_CORNERS[2 * e]!]! < 0 !== corner[EDGE_CORNERS[2 * e + 1]!]! < 0;
          });
          if (crossed.length === 2) {
            union(parent, find, FACE_EDGES[f + crossed[0]!]!, FACE_EDGES[f + crossed[1]!]!);
          } else if (crossed.length === 4) {
            let centre = 0;
            for (let q = 0; q < 4; q++) centre += corner[FACE_CORNERS[f + q]!]!;
            const insideJoined = centre < 0;
            // Corner q sits between face edges q-1 and q; cut off the corners on the side that is not joined.
            for (let q = 0; q < 4; q++) {
              const isInside = corner[FACE_CORNERS[f + q]!]! < 0;
              if (isInside !== insideJoined) union(parent, find, FACE_EDGES[f + ((q + 3) % 4)]!, FACE_EDGES[f + q]!);
            }
          }
        }
        sums.fill(0);
        for (let e = 0; e < 12; e++) {
          const a = EDGE_CORNERS[2 * e]!, b = EDGE_CORNERS[2 * e + 1]!;
          const va = corner[a]!, vb = corner[b]!;
          if (va < 0 === vb < 0) continue;
          const t = va / (va - vb);
          const r = 4 * find(e);
          sums[r] = sums[r]! + (a & 1) + ((b & 1) - (a & 1)) * t;
          sums[r + 1] = sums[r + 1]! + ((a >> 1) & 1) + (((b >> 1) & 1) - ((a >> 1) & 1)) * t;
          sums[r + 2] = sums[r + 2]! + ((a >> 2) & 1) + (((b >> 2) & 1) - ((a >> 2) & 1)) * t;
          sums[r + 3] = sums[r + 3]! + 1;
        }
        const base = slots.length;
        cellSlots.set(i + j * cy + k * cz, base);
        for (let e = 0; e < 12; e++) slots.push(-1);
        for (let e = 0; e < 12; e++) {
          const root = find(e);
          const r = 4 * root;
          const n = sums[r + 3]!;
          if (n === 0) continue;
          if (slots[base + root] === -1) {
            slots[base + root] = pos.length / 3;
            pos.push(x0 + (i + sums[r]! / n) * h, y0 + (j + sums[r + 1]! / n) * h, z0 + (k + sums[r + 2]! / n) * h);
          }
          slots[base + e] = slots[base + root]!;
        }
      }
    }
  }

  const positions = new Float32Array(pos);
  const tris: number[] = [];
  const vertexOf = (i: number, j: number, k: number, edge: number) => slots[cellSlots.get(i + j * cy + k * cz)! + edge]!;
  const quad = (a: number, b: number, c: number, d: number, flip: boolean) => {
    if (flip) [b, d] = [d, b];
    // Split along the shorter diagonal for better-shaped triangles.
    const dac = dist2(positions, a, c), dbd = dist2(positions, b, d);
    if (dac <= dbd) tris.push(a, b, c, a, c, d);
    else tris.push(a, b, d, b, c, d);
  };
  for (let k = 1; k < nz - 1; k++) {
    for (let j = 1; j < ny - 1; j++) {
      for (let i = 1; i < nx - 1; i++) {
        const inside = values[i + j * sy + k * sz]! < 0;
        // Each crossed grid edge gives a quad joining the four cells around it, listed counter-clockwise
        // about the edge's axis, with the edge's local index in each cell.
        if (inside !== values[i + 1 + j * sy + k * sz]! < 0) {
          quad(vertexOf(i, j - 1, k - 1, 3), vertexOf(i, j, k - 1, 2), vertexOf(i, j, k, 0), vertexOf(i, j - 1, k, 1), !inside);
        }
        if (inside !== values[i + (j + 1) * sy + k * sz]! < 0) {
          quad(vertexOf(i - 1, j, k - 1, 7), vertexOf(i - 1, j, k, 5), vertexOf(i, j, k, 4), vertexOf(i, j, k - 1, 6), !inside);
        }
        if (inside !== values[i + j * sy + (k + 1) * sz]! < 0) {
          quad(vertexOf(i - 1, j - 1, k, 11), vertexOf(i, j - 1, k, 10), vertexOf(i, j, k, 8), vertexOf(i - 1, j, k, 9), !inside);
        }
      }
    }
  }
  return { positions, indices: new Uint32Array(tris) };
}

/**
 * Cube corners are numbered c = x + 2y + 4z. Edges 0-3 run along x, 4-7 along y, 8-11 along z.
 */
const EDGE_CORNERS = [0, 1, 2, 3, 4, 5, 6, 7, 0, 2, 1, 3, 4, 6, 5, 7, 0, 4, 1, 5, 2, 6, 3, 7];
/** The six faces as four corners in cyclic order; FACE_EDGES[q] joins FACE_CORNERS[q] and [q + 1]. */
const FACE_CORNERS = [0, 2, 6, 4, 1, 3, 7, 5, 0, 1, 5, 4, 2, 3, 7, 6, 0, 1, 3, 2, 4, 5, 7, 6];
const FACE_EDGES = [4, 10, 6, 8, 5, 11, 7, 9, 0, 9, 2, 8, 1, 11, 3, 10, 0, 5, 1, 4, 2, 7, 3, 6];

function union(parent: Int8Array, find: (e: number) => number, a: number, b: number): void {
  const ra = find(a), rb = find(b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

function dist2(p: Float32Array, a: number, b: number): number {
  const dx = p[3 * a]! - p[3 * b]!, dy = p[3 * a + 1]! - p[3 * b + 1]!, dz = p[3 * a + 2]! - p[3 * b + 2]!;
  return dx * dx + dy * dy + dz * dz;
}
