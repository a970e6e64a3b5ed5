import type { MeshData } from './meshTools.ts';
import { sdfNormal } from './meshTools.ts';
import type { Sdf } from './sdf.ts';

/**
 * The eyebrows as hair fibres: thin tapered ribbons rooted on the skin, lying almost flat along the brow's
 * growth pattern, so they read as hair near and far and are never part of the skin (no SMP, no treatment
 * area). Deterministic: a seeded generator places every hair.
 *
 * Anatomy (adult male): the brow lies on the supraorbital rim, its lower edge 10-15 mm above the upper lid
 * crease and about 50 mm long; Westmore's ideal brow (1974), still the surgeons' reference, starts above the
 * inner corner of the eye, peaks over the lateral limbus and ends on the line from the ala through the outer
 * corner. The medial head is the thickest part (~10 mm) and the tail tapers. Hairs of the head grow upward,
 * those of the body outward, the lower rows slanting up and the upper rows down so they meet along the
 * middle, and the tail's outward and a little down. A brow has a few hundred hairs (about 250 is the figure
 * usually quoted), a twentieth to a tenth of a millimetre thick and up to about 10 mm long.
 */

/** The left brow's outline seen from the front (head frame, mm): lower and upper edge heights along x. */
const BROW_OUTLINE: readonly (readonly [x: number, lower: number, upper: number])[] = [
  [14, 36.5, 46],
  [22, 37.5, 47.5],
  [32, 39.5, 48.5],
  [41, 41, 48.5],
  [50, 40.5, 46.5],
  [57, 38.5, 43],
  [63, 36, 38],
];

const HAIRS_PER_BROW = 520;
/**
 * Hair width at the root and the tip (mm), and the count above: about twice a real hair's width and count,
 * since ribbons carry no shadow of their own and a real brow reads darker than its hairs' area alone.
 */
const ROOT_WIDTH = 0.18;
const TIP_WIDTH = 0.05;
/** Hair length lying on the skin (mm), shorter in the medial head. */
const LENGTH_HEAD = 5.5;
const LENGTH_BODY = 8;
/** How high a hair arches off the skin, as a share of its length. */
const ARCH = 0.07;
/** Cross sections along each hair (the ribbon's segments + 1). */
const SECTIONS = 3;

/** A small seeded generator (mulberry32): the same brows every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The outline's lower and upper edges at x, or null outside the brow. */
function edgesAt(x: number): { lower: number; upper: number; along: number } | null {
  const first = BROW_OUTLINE[0]!, last = BROW_OUTLINE[BROW_OUTLINE.length - 1]!;
  if (x < first[0] || x > last[0]) return null;
  for (let i = 1; i < BROW_OUTLINE.length; i++) {
    const a = BROW_OUTLINE[i - 1]!, b = BROW_OUTLINE[i]!;
    if (x > b[0]) continue;
    const f = (x - a[0]) / (b[0] - a[0]);
    return { lower: a[1] + (b[1] - a[1]) * f, upper: a[2] + (b[2] - a[2]) * f, along: (x - first[0]) / (last[0] - first[0]) };
  }
  return null;
}

/** Where a ray toward -z from in front of the face first meets the skin, or null. */
function skinInFront(sdf: Sdf, x: number, y: number): [number, number, number] | null {
  let z = 200;
  for (let i = 0; i < 400 && z > 0; i++) {
    const d = sdf(x, y, z);
    if (d < 0.01) return [x, y, z];
    z -= Math.max(d * 0.8, 0.02);
  }
  return null;
}

/** Both brows' hair fibres as one mesh; the right brow is the left one mirrored. */
export function createBrows(sdf: Sdf): MeshData {
  const rand = random(0x5eed_b0);
  const positions: number[] = [], normals: number[] = [], indices: number[] = [];
  const n = [0, 0, 0];
  let placed = 0;
  for (let tries = 0; placed < HAIRS_PER_BROW && tries < 100 * HAIRS_PER_BROW; tries++) {
    const x = BROW_OUTLINE[0]![0] + rand() * (BROW_OUTLINE[BROW_OUTLINE.length - 1]![0] - BROW_OUTLINE[0]![0]);
    const edges = edgesAt(x);
    if (!edges) continue;
    const { lower, upper, along } = edges;
    const y = lower - 0.5 + rand() * (upper - lower + 1);
    // Across the brow: 0 at the lower edge, 1 at the upper; the edges are feathered, not cut.
    const across = (y - lower) / (upper - lower);
    const edge = Math.min(across, 1 - across, along * 4, (1 - along) * 2.5);
    if (rand() > Math.min(Math.max((edge + 0.12) / 0.3, 0), 1)) continue;
    const root = skinInFront(sdf, x, y);
    if (!root) continue;
    sdfNormal(sdf, root[0], root[1], root[2], n);
    placed++;
    // Growth direction in the front view: upward in the head, outward in the body with the rows meeting
    // along the middle, outward and down in the tail.
    const headShare = Math.min(Math.max((0.2 - along) / 0.12, 0), 1);
    const body = (0.45 - 0.75 * across) * (1 - along * 0.6) - 0.35 * Math.max(along - 0.7, 0);
    const angle = headShare * (1.3 - 0.25 * across) + (1 - headShare) * body + 0.18 * (rand() - 0.5);
    let gx = Math.cos(angle), gy = Math.sin(angle), gz = 0;
    // Into the skin's tangent plane.
    const dn = gx * n[0]! + gy * n[1]! + gz * n[2]!;
    gx -= dn * n[0]!;
    gy -= dn * n[1]!;
    gz -= dn * n[2]!;
    const gl = Math.hypot(gx, gy, gz) || 1;
    gx /= gl;
    gy /= gl;
    gz /= gl;
    // Width lies along the skin, across the hair.
    const sx = n[1]! * gz - n[2]! * gy, sy = n[2]! * gx - n[0]! * gz, sz = n[0]! * gy - n[1]! * gx;
    const length = (headShare * LENGTH_HEAD + (1 - headShare) * LENGTH_BODY) * (0.7 + 0.5 * rand());
    const base = positions.length / 3;
    const m = [0, 0, 0];
    for (let k = 0; k < SECTIONS; k++) {
      const s = k / (SECTIONS - 1);
      const lift = 0.05 + length * ARCH * 4 * s * (1 - s) + 0.1 * s;
      const half = 0.5 * (ROOT_WIDTH + (TIP_WIDTH - ROOT_WIDTH) * s);
      // Along the tangent plane, then back onto the skin: the hair follows the brow round the temple.
      let px = root[0] + gx * length * s, py = root[1] + gy * length * s, pz = root[2] + gz * length * s;
      sdfNormal(sdf, px, py, pz, m);
      const off = sdf(px, py, pz) - lift;
      px -= m[0]! * off;
      py -= m[1]! * off;
      pz -= m[2]! * off;
      positions.push(px - sx * half, py - sy * half, pz - sz * half, px + sx * half, py + sy * half, pz + sz * half);
      normals.push(m[0]!, m[1]!, m[2]!, m[0]!, m[1]!, m[2]!);
    }
    for (let k = 0; k < SECTIONS - 1; k++) {
      const a = base + 2 * k;
      indices.push(a, a + 1, a + 3, a, a + 3, a + 2);
    }
  }
  // The right brow: mirrored across x = 0, its triangles turned to keep their winding.
  const count = positions.length / 3;
  const mirroredPositions = positions.slice(), mirroredNormals = normals.slice();
  for (let i = 0; i < positions.length; i += 3) {
    mirroredPositions[i] = -positions[i]!;
    mirroredNormals[i] = -normals[i]!;
  }
  const mirroredIndices: number[] = [];
  for (let t = 0; t < indices.length; t += 3) mirroredIndices.push(indices[t]! + count, indices[t + 2]! + count, indices[t + 1]! + count);
  return {
    positions: new Float32Array([...positions, ...mirroredPositions]),
    normals: new Float32Array([...normals, ...mirroredNormals]),
    indices: new Uint32Array([...indices, ...mirroredIndices]),
  };
}
