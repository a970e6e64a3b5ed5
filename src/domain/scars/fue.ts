/**
 * FUE extraction scars: `count` round pale dots of `diameterMm` scattered over a donor band of `areaCm2`
 * across the back and sides of the head between the ears (the classic donor area), so count / area is
 * their density.
 *
 * Where the dots go is the recipe of the SMP dots (src/domain/dots/placement.ts): a jittered 3D lattice,
 * sliced by the skin, with its own hash seed per scar. Two rules on top make it look like extractions:
 *  - Each lattice point has a random rank; only the lowest ranks are kept, the threshold set here so that
 *    exactly `count` dots land in the band (the lattice is laid out for count / FUE_KEEP).
 *  - No two extractions are closer than FUE_SPACING diameters, centre to centre: of two points that close,
 *    the one with the lower rank stays (Matérn's hard-core thinning), so dots never overlap.
 * `fueShape` lists the dots on the skin (for coverage, tests and `scarAt`); shaders/scars.glsl draws the
 * very same dots per pixel from the lattice, so nothing per dot is sent to the GPU and any count costs the
 * same to draw.
 */
import { areaWhere } from '../geometry/closestPoint';
import { distance, type Vec3 } from '../head/landmarks';
import { rayToSurface } from '../hairline/hairline';
import { LATTICE_JITTER, LATTICE_ROTATION, pcg3d, RANK_SALT } from '../dots/lattice';
import type { FueScar } from './scars';
import { angleAround, SCAR_EDGE_MM, scarAxis, scarEdge, type ScarSurface } from './surface';

/** The lattice holds count / FUE_KEEP points in the band; the rank threshold keeps `count` of them. */
export const FUE_KEEP = 0.6;
/** Closest two extraction scars come, centre to centre, in diameters: they never touch. */
export const FUE_SPACING = 1.25;
/** Middle of the donor band above the inion (mm on the reference head): the permanent occipital fringe. */
const BAND_ABOVE_INION_MM = 10;
/** The band reaches round to just behind the ears, this far either side of the back midline. */
const BAND_MAX_ANGLE = (65 * Math.PI) / 180;
/** A band is this many times wider than high until it reaches the ears; then it grows in height. */
const BAND_ASPECT = 5;

export interface FueShape {
  kind: 'fue';
  axis: { x: number; z: number };
  /** The donor band: heights within `halfHeight` of `yCenter`, angles within `maxAngle` of the back midline. */
  yCenter: number;
  halfHeight: number;
  maxAngle: number;
  /** Skin area of the band as measured on this head, cm². */
  bandAreaCm2: number;
  /** Lattice cell (mm), hash seed (24 bits, exact in a float uniform) and the kept ranks (below this). */
  cellMm: number;
  seed: number;
  rankThreshold: number;
  radiusMm: number;
  /** Closest distance between two dot centres, mm. */
  spacingMm: number;
  /** Every dot's centre on the skin. Fewer than `count` only when the band cannot hold that many apart. */
  dots: Vec3[];
  /** Share of the band the dots cover: the tint seen from too far away to make out single dots. */
  meanFraction: number;
  /** Dots binned by 2 mm cells, for `fueAmountAt`. */
  bins: Map<string, number[]>;
}

const BIN_MM = 2;
const binKey = (p: Vec3) => `${Math.floor(p[0] / BIN_MM)},${Math.floor(p[1] / BIN_MM)},${Math.floor(p[2] / BIN_MM)}`;

/** A 24-bit hash of the scar's id: its dots stay put when other scars are added, removed or reordered. */
export function scarSeed(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h & 0xffffff;
}

/** Rotates a head-frame point into the lattice frame (LATTICE_ROTATION, row-major), or back with `inverse`. */
function rotate(p: Vec3, inverse = false): Vec3 {
  const m = LATTICE_ROTATION;
  return inverse
    ? [m[0]! * p[0] + m[3]! * p[1] + m[6]! * p[2], m[1]! * p[0] + m[4]! * p[1] + m[7]! * p[2], m[2]! * p[0] + m[5]! * p[1] + m[8]! * p[2]]
    : [m[0]! * p[0] + m[1]! * p[1] + m[2]! * p[2], m[3]! * p[0] + m[4]! * p[1] + m[5]! * p[2], m[6]! * p[0] + m[7]! * p[1] + m[8]! * p[2]];
}

const U32 = 4294967296;

/** The feature point of lattice cell (i, j, k) for a seed: its position in lattice units and its rank. */
export function fueFeature(i: number, j: number, k: number, seed: number): { lattice: Vec3; rank: number } {
  const h = pcg3d((i ^ seed) >>> 0, (j ^ seed) >>> 0, (k ^ seed) >>> 0);
  const g = pcg3d(h[0] ^ RANK_SALT[0], h[1] ^ RANK_SALT[1], h[2] ^ RANK_SALT[2]);
  const jitter = (v: number) => 0.5 + LATTICE_JITTER * (v / U32 - 0.5);
  return { lattice: [i + jitter(h[0]), j + jitter(h[1]), k + jitter(h[2])], rank: g[2] / U32 };
}

/** The donor band, its extraction scars and the lattice parameters the shader needs. */
export function fueShape(scar: FueScar, surface: ScarSurface): FueShape {
  const { positions, indices, query, landmarks } = surface;
  const axis = scarAxis(landmarks);
  const k = distance(landmarks.glabella, landmarks.inion) / 193;
  const yCenter = landmarks.inion[1] + BAND_ABOVE_INION_MM * k;
  const targetMm2 = scar.areaCm2 * 100;

  // Width: the band's length along the skin at its middle height, measured round the back in 1° steps.
  const arc: number[] = [0];
  const steps = Math.ceil((BAND_MAX_ANGLE * 180) / Math.PI);
  let previous: Vec3 | null = null;
  for (let i = 0; i <= steps; i++) {
    const a = (Math.min(i, steps) / steps) * BAND_MAX_ANGLE;
    const p = rayToSurface(query.project, [axis.x, yCenter, axis.z], [Math.sin(a), 0, -Math.cos(a)], axis.z - landmarks.inion[2]);
    if (previous) arc.push(arc.at(-1)! + distance(previous, p));
    previous = p;
  }
  const halfWidth = Math.min(arc.at(-1)!, Math.sqrt(targetMm2 * BAND_ASPECT) / 2);
  let i = 1;
  while (i < steps && arc[i]! < halfWidth) i++;
  const maxAngle = ((i - 1 + (halfWidth - arc[i - 1]!) / Math.max(arc[i]! - arc[i - 1]!, 1e-9)) / steps) * BAND_MAX_ANGLE;

  // Height: the half-height whose band has the planned skin area (bisection on the clipped mesh area).
  const n = positions.length / 3;
  const ys = new Float32Array(n);
  const angles = new Float32Array(n);
  for (let v = 0; v < n; v++) {
    ys[v] = positions[3 * v + 1]!;
    angles[v] = angleAround(axis, [positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!]);
  }
  // Only the triangles round the back can be in the band.
  const near: number[] = [];
  const nearVertices = new Set<number>();
  for (let t = 0; t + 2 < indices.length; t += 3) {
    const corners = [indices[t]!, indices[t + 1]!, indices[t + 2]!];
    if (corners.some((v) => Math.abs(angles[v]!) < maxAngle + 0.1)) {
      near.push(...corners);
      for (const v of corners) nearVertices.add(v);
    }
  }
  const nearList = [...nearVertices];
  const inside = new Float32Array(n);
  // Inside the band where both margins are positive; the angular margin in mm-ish units keeps clipping even.
  const bandArea = (halfHeight: number) => {
    for (const v of nearList) inside[v] = Math.min(halfHeight - Math.abs(ys[v]! - yCenter), 80 * (maxAngle - Math.abs(angles[v]!)));
    return areaWhere(positions, near, inside, 0);
  };
  let lo = 0, hi = 120;
  for (let it = 0; it < 30; it++) {
    const mid = (lo + hi) / 2;
    if (bandArea(mid) < targetMm2) lo = mid;
    else hi = mid;
  }
  const halfHeight = (lo + hi) / 2;
  const bandMm2 = bandArea(halfHeight);
  const inBand = (p: Vec3) => Math.abs(p[1] - yCenter) <= halfHeight && Math.abs(angleAround(axis, p)) <= maxAngle;

  const radiusMm = scar.diameterMm / 2;
  const spacingMm = FUE_SPACING * scar.diameterMm;
  // Never finer than the spacing: denser than that the band cannot hold the dots apart anyway.
  const cellMm = Math.max(spacingMm, Math.sqrt((FUE_KEEP * bandMm2) / scar.count));
  const seed = scarSeed(scar.id);

  // The lattice cells that can hold a feature point within half a cell of the band's skin: a point that
  // close to a triangle lies in the triangle's box (lattice frame) grown by half a cell, and within half a
  // cell of its plane, so the cells under the grown boxes of the triangles reaching into the band, near
  // their planes, hold every candidate. (A cube of cells round each vertex instead holds several times as
  // many, each costing a closest-point query.)
  const OFFSET = 1 << 11;
  const cellKey = (i: number, j: number, k: number) => ((i + OFFSET) * 2 * OFFSET + (j + OFFSET)) * 2 * OFFSET + (k + OFFSET);
  const inLattice = new Float64Array(3 * n);
  for (const v of nearList) inLattice.set(rotate([positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!]), 3 * v);
  const cells = new Set<number>();
  const half = cellMm / 2;
  for (let t = 0; t < near.length; t += 3) {
    const a = near[t]!, b = near[t + 1]!, c = near[t + 2]!;
    if (Math.min(ys[a]!, ys[b]!, ys[c]!) > yCenter + halfHeight || Math.max(ys[a]!, ys[b]!, ys[c]!) < yCenter - halfHeight) continue;
    const A: Vec3 = [inLattice[3 * a]!, inLattice[3 * a + 1]!, inLattice[3 * a + 2]!];
    const B: Vec3 = [inLattice[3 * b]!, inLattice[3 * b + 1]!, inLattice[3 * b + 2]!];
    const C: Vec3 = [inLattice[3 * c]!, inLattice[3 * c + 1]!, inLattice[3 * c + 2]!];
    const range = (x: 0 | 1 | 2) => [Math.floor((Math.min(A[x], B[x], C[x]) - half) / cellMm), Math.floor((Math.max(A[x], B[x], C[x]) + half) / cellMm)] as const;
    const [i0, i1] = range(0), [j0, j1] = range(1), [k0, k1] = range(2);
    // The plane: a cell whose centre is further from it than half a cell plus the cell's own reach
    // across it holds no point within half a cell of the triangle. (A sliver without a normal: no test.)
    const e1 = [B[0] - A[0], B[1] - A[1], B[2] - A[2]], e2 = [C[0] - A[0], C[1] - A[1], C[2] - A[2]];
    const nx = e1[1]! * e2[2]! - e1[2]! * e2[1]!, ny = e1[2]! * e2[0]! - e1[0]! * e2[2]!, nz = e1[0]! * e2[1]! - e1[1]! * e2[0]!;
    const nl = Math.hypot(nx, ny, nz);
    const slack = nl > 0 ? half + half * ((Math.abs(nx) + Math.abs(ny) + Math.abs(nz)) / nl) + 1e-6 : Infinity;
    const offset = nl > 0 ? (nx * A[0] + ny * A[1] + nz * A[2]) / nl : 0;
    for (let ci = i0; ci <= i1; ci++) {
      for (let cj = j0; cj <= j1; cj++) {
        for (let ck = k0; ck <= k1; ck++) {
          if (nl > 0 && Math.abs((nx * (ci + 0.5) + ny * (cj + 0.5) + nz * (ck + 0.5)) * (cellMm / nl) - offset) > slack) continue;
          cells.add(cellKey(ci, cj, ck));
        }
      }
    }
  }

  // Candidates: feature points within half a cell of the skin (the shader's slab), each seen as a dot
  // where it projects onto the skin, that dot's centre in the band.
  const candidates: { center: Vec3; rank: number }[] = [];
  for (const key of cells) {
    const ck = (key % (2 * OFFSET)) - OFFSET;
    const cj = (Math.floor(key / (2 * OFFSET)) % (2 * OFFSET)) - OFFSET;
    const ci = Math.floor(key / (4 * OFFSET * OFFSET)) - OFFSET;
    const f = fueFeature(ci, cj, ck, seed);
    const q = rotate([f.lattice[0] * cellMm, f.lattice[1] * cellMm, f.lattice[2] * cellMm], true);
    // Cheap test first (the point is within half a cell of its dot), then the dot's own centre.
    if (Math.abs(q[1] - yCenter) > halfHeight + cellMm || Math.abs(angleAround(axis, q)) > maxAngle + 0.1) continue;
    const hit = query.closest(q);
    if (hit.distance >= cellMm / 2 || !inBand(hit.point)) continue;
    candidates.push({ center: hit.point, rank: f.rank });
  }

  // Hard-core thinning: a candidate with a lower-ranked one within the spacing gives way.
  const grid = new Map<number, number[]>();
  const gridKey = (p: Vec3, dx = 0, dy = 0, dz = 0) =>
    cellKey(Math.floor(p[0] / spacingMm) + dx, Math.floor(p[1] / spacingMm) + dy, Math.floor(p[2] / spacingMm) + dz);
  candidates.forEach((c, index) => {
    const key = gridKey(c.center);
    const list = grid.get(key);
    if (list) list.push(index);
    else grid.set(key, [index]);
  });
  const survivors = candidates.filter((c) => {
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (let dz = -1; dz <= 1; dz++) {
          for (const other of grid.get(gridKey(c.center, dx, dy, dz)) ?? []) {
            const o = candidates[other]!;
            if (o.rank < c.rank && distance(o.center, c.center) < spacingMm) return false;
          }
        }
      }
    }
    return true;
  });
  survivors.sort((a, b) => a.rank - b.rank);
  const kept = survivors.slice(0, scar.count);
  // Halfway between the last rank kept and the first left out: robust to the GPU's float rounding.
  const rankThreshold = survivors.length > scar.count ? (survivors[scar.count - 1]!.rank + survivors[scar.count]!.rank) / 2 : 1;
  const dots = kept.map((c) => c.center);
  const bins = new Map<string, number[]>();
  dots.forEach((d, index) => {
    const key = binKey(d);
    const list = bins.get(key);
    if (list) list.push(index);
    else bins.set(key, [index]);
  });
  return {
    kind: 'fue',
    axis,
    yCenter,
    halfHeight,
    maxAngle,
    bandAreaCm2: bandMm2 / 100,
    cellMm,
    seed,
    rankThreshold,
    radiusMm,
    spacingMm,
    dots,
    meanFraction: Math.min(1, (dots.length * Math.PI * radiusMm * radiusMm) / bandMm2),
    bins,
  };
}

/** How much extraction scar covers skin point `p` (0..1): the nearest dot's disc with its soft edge. */
export function fueAmountAt(shape: FueShape, p: Vec3, halfEdgeMm = SCAR_EDGE_MM / 2): number {
  let amount = 0;
  const base = [0, 1, 2].map((c) => Math.floor(p[c]! / BIN_MM));
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dz = -1; dz <= 1; dz++) {
        for (const index of shape.bins.get(`${base[0]! + dx},${base[1]! + dy},${base[2]! + dz}`) ?? []) {
          amount = Math.max(amount, scarEdge(distance(shape.dots[index]!, p) - shape.radiusMm, halfEdgeMm));
        }
      }
    }
  }
  return amount;
}
