import { meshVertexNormals, type MeshData } from './meshTools.ts';
import type { Sdf } from './sdf.ts';

/**
 * The base of the neck, the shoulders and the upper chest, in a plain crew-neck T-shirt: what makes the
 * head read as a person from across a room, as a bust is cut. A shirt rather than bare skin, because the
 * skin's tone, relief and SMP belong to the head's skin mesh alone: clothing keeps the body out of the
 * scalp's shading and treatment area, and a client is photographed dressed. A low-poly loft of closed
 * cross-sections (a few hundred vertices), its collar fitted round the neck of the head's implicit surface.
 *
 * Adult male proportions (head frame, mm; origin between the tragi, vertex at y ~132): shoulder breadth
 * over the deltoids ~450 (bideltoid), acromia ~200 below the tragi, the suprasternal notch ~190 below,
 * chest depth ~230 (NASA-STD-3000 / ANSUR-style anthropometry of adult men, rounded).
 */

/** Points round each section; even, so every section is mirror-symmetric about x = 0. */
const AROUND = 56;

/** The collar's top edge: its height at the front, sides and back of the neck (mm), a crew neck dipping at the front. */
const COLLAR = { front: -158, side: -149, back: -140 };
/** How far the collar stands off the neck (mm) and how thick its rolled band is. */
const COLLAR_GAP = 1.2;
const COLLAR_ROLL = 3;

/**
 * Sections below the collar: height, half-width, depth in front of and behind the centre (z), the centre's
 * z and the superellipse exponent (2 round, higher squarer).
 */
const SECTIONS: readonly (readonly [y: number, halfWidth: number, front: number, back: number, centreZ: number, exponent: number])[] = [
  [-166, 86, 66, 68, -20, 2.1],
  [-174, 120, 72, 74, -22, 2.2],
  [-184, 156, 80, 80, -24, 2.3],
  [-196, 188, 88, 86, -26, 2.4],
  [-210, 210, 96, 92, -28, 2.5],
  [-228, 223, 102, 96, -28, 2.6],
  [-258, 225, 106, 98, -28, 2.6],
  [-296, 218, 106, 97, -28, 2.5],
  [-330, 206, 102, 94, -28, 2.4],
];

/** Linear-RGB colour of the shirt: a neutral mid grey (about sRGB #76797c), neither warming nor cooling the skin beside it. */
export const SHIRT_COLOR = [0.18, 0.19, 0.2] as const;

/** The neck's surface at height y toward angle θ (0 front, +π/2 the subject's left): its point, found on the field. */
function neckPoint(sdf: Sdf, y: number, theta: number, centreZ: number): [number, number, number] {
  const dx = Math.sin(theta), dz = Math.cos(theta);
  // From outside toward the neck's axis: the first point inside the skin.
  let lo = 0, hi = 160;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (sdf(dx * mid, y, centreZ + dz * mid) > 0) hi = mid;
    else lo = mid;
  }
  return [dx * hi, y, centreZ + dz * hi];
}

export function createBody(sdf: Sdf): MeshData {
  const rings: number[][] = [];
  const neckCentreZ = -18;
  const collarAt = (theta: number) => {
    const c = Math.cos(theta);
    return c >= 0 ? COLLAR.side + (COLLAR.front - COLLAR.side) * c * c : COLLAR.side + (COLLAR.back - COLLAR.side) * c * c;
  };
  const collarRing = (down: number, out: number) => {
    const ring: number[] = [];
    for (let i = 0; i < AROUND; i++) {
      const theta = (2 * Math.PI * i) / AROUND;
      const y = collarAt(theta) - down;
      const [x, , z] = neckPoint(sdf, y, theta, neckCentreZ);
      const r = Math.hypot(x, z - neckCentreZ);
      const k = (r + out) / r;
      ring.push(x * k, y, neckCentreZ + (z - neckCentreZ) * k);
    }
    return ring;
  };
  // The collar: its inside edge tucked into the shirt, its top, and the rolled band's outside.
  rings.push(collarRing(8, COLLAR_GAP), collarRing(0, COLLAR_GAP), collarRing(0.6, COLLAR_GAP + COLLAR_ROLL * 0.8), collarRing(COLLAR_ROLL + 1, COLLAR_GAP + COLLAR_ROLL));
  for (const [y, halfWidth, front, back, centreZ, exponent] of SECTIONS) {
    const ring: number[] = [];
    for (let i = 0; i < AROUND; i++) {
      const theta = (2 * Math.PI * i) / AROUND;
      const s = Math.sin(theta), c = Math.cos(theta);
      const e = 2 / exponent;
      const x = halfWidth * Math.sign(s) * Math.pow(Math.abs(s), e);
      const z = centreZ + (c >= 0 ? front : back) * Math.sign(c) * Math.pow(Math.abs(c), e);
      ring.push(x, y, z);
    }
    rings.push(ring);
  }
  const positions: number[] = rings.flat();
  const indices: number[] = [];
  const at = (ring: number, i: number) => ring * AROUND + (i % AROUND);
  for (let r = 0; r + 1 < rings.length; r++) {
    for (let i = 0; i < AROUND; i++) {
      const a = at(r, i), b = at(r, i + 1), c = at(r + 1, i), d = at(r + 1, i + 1);
      // Counter-clockwise seen from outside: θ grows toward +x from the front, sections go down.
      indices.push(a, c, b, b, c, d);
    }
  }
  // A flat bottom, closing the bust.
  const last = rings[rings.length - 1]!;
  const bottom = positions.length / 3;
  positions.push(0, last[1]!, SECTIONS[SECTIONS.length - 1]![4]);
  for (let i = 0; i < AROUND; i++) indices.push(at(rings.length - 1, i + 1), at(rings.length - 1, i), bottom);
  const p = new Float32Array(positions);
  const ix = new Uint32Array(indices);
  return { positions: p, normals: meshVertexNormals(p, ix), indices: ix };
}
