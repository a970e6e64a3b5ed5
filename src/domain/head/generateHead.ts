import { createBody } from './body.ts';
import { createBrows } from './brows.ts';
import { createEyes, leftEyeExcess } from './eyes.ts';
import { EYE_CENTER, EYE_RADIUS, HEAD_BOX, createHeadSdf } from './headSdf.ts';
import type { Landmarks, Vec3 } from './landmarks.ts';
import { raycast } from './measure.ts';
import { countNonManifoldEdges, mirrorPartners, relaxOnSurface, surfaceNormals, symmetrize, type MeshData } from './meshTools.ts';
import { surfaceNets } from './surfaceNets.ts';

export type { MeshData } from './meshTools.ts';

/**
 * The default head: the skin (the only mesh the plan is drawn on), the eyes, the brows' hairs, and the
 * shoulders in a shirt.
 */
export type GeneratedHead = { skin: MeshData; eyes: MeshData; brows: MeshData; body: MeshData; landmarks: Landmarks };

/** Grid spacing of the mesher (mm): fine enough for lids, lips and ears, coarse enough for a small file. */
export const GRID_MM = 2.2;

/**
 * Build the project's default head: mesh the implicit head, even out its triangles on the exact
 * surface, take normals from the field, and locate the landmarks on the finished mesh.
 * Deterministic: the same code always gives the same head.
 */
export function generateHead(grid = GRID_MM): GeneratedHead {
  const sdf = createHeadSdf();
  const { positions, indices } = surfaceNets(sdf, HEAD_BOX, grid);
  const partners = mirrorPartners(positions);
  relaxOnSurface(sdf, positions, indices, 3, grid * 0.5);
  symmetrize(positions, partners);
  const normals = surfaceNormals(sdf, positions, indices);
  const bad = countNonManifoldEdges(indices);
  if (bad > 0) throw new Error(`generateHead: ${bad} non-manifold edges; thicken the thin features or refine the grid`);
  const skin: MeshData = { positions, normals, indices };
  return { skin, eyes: createEyes(EYE_CENTER, EYE_RADIUS), brows: createBrows(sdf), body: createBody(sdf), landmarks: locateLandmarks(skin) };
}

/**
 * A corner of the left eye opening: the most lateral (outer corner, the lateral canthus) or most medial
 * (inner corner, the medial canthus) point where the skin of the lid opening passes through the surface
 * of the left eyeball.
 */
export function leftEyeCorner(p: ArrayLike<number>, indices: ArrayLike<number>, corner: 'lateral' | 'medial'): Vec3 {
  const [cx, , cz] = EYE_CENTER;
  const excess = (v: number) => leftEyeExcess(EYE_CENTER, EYE_RADIUS, p[3 * v]!, p[3 * v + 1]!, p[3 * v + 2]!);
  const outward = (q: Vec3) => (corner === 'lateral' ? q[0] - cx : cx - q[0]);
  let best: Vec3 | null = null;
  for (let t = 0; t < indices.length; t += 3) {
    for (let e = 0; e < 3; e++) {
      const a = indices[t + e]!, b = indices[t + ((e + 1) % 3)]!;
      const ea = excess(a), eb = excess(b);
      if (ea < 0 === eb < 0) continue;
      const f = ea / (ea - eb);
      const q: Vec3 = [0, 1, 2].map((c) => p[3 * a + c]! + (p[3 * b + c]! - p[3 * a + c]!) * f) as Vec3;
      // (The outer corner wraps back almost to the eye's equator.)
      if (outward(q) < 0 || q[2] < cz - EYE_RADIUS / 2) continue;
      if (!best || outward(q) > outward(best)) best = q;
    }
  }
  if (!best) throw new Error(`${corner} canthus: the lids do not meet the eye`);
  return best;
}

function locateLandmarks(skin: MeshData): Landmarks {
  const { positions: p, indices: ix } = skin;
  const hit = (origin: Vec3, dir: Vec3): Vec3 => {
    const h = raycast(p, ix, origin, dir);
    if (!h) throw new Error(`landmark ray from ${origin.join(',')} missed the head`);
    return h.point;
  };
  /** Scan rays along one parameter and keep the hit that scores highest. */
  const scan = (from: number, to: number, step: number, ray: (s: number) => [Vec3, Vec3], score: (q: Vec3) => number): Vec3 => {
    let best: Vec3 | null = null;
    for (let s = from; s <= to + 1e-9; s += step) {
      const [o, d] = ray(s);
      const h = raycast(p, ix, o, d);
      if (h && (!best || score(h.point) > score(best))) best = h.point;
    }
    if (!best) throw new Error('landmark scan missed the head');
    return best;
  };
  const far = 400;
  // Midline profile points.
  const glabella = scan(30, 60, 0.25, (y) => [[0, y, far], [0, 0, -1]], (q) => q[2]);
  const nasion = scan(glabella[1] - 25, glabella[1], 0.25, (y) => [[0, y, far], [0, 0, -1]], (q) => -q[2]);
  const vertex = scan(-40, 40, 0.25, (z) => [[0, far, z], [0, -1, 0]], (q) => q[1]);
  const menton = scan(55, 100, 0.25, (z) => [[0, -far, z], [0, 1, 0]], (q) => -q[1]);
  const inion = hit([0, 2, -far], [0, 0, 1]);
  // Bilateral points, each found on the left and mirrored so the pair is exactly symmetric.
  const leftTragus = hit([far, 0, 0], [-1, 0, 0]);
  const leftCanthus = leftEyeCorner(p, ix, 'lateral');
  // Frontotemporal point: on the lateral epicanthal line where the forehead turns into the temple,
  // ~15 mm below a mid-frontal hairline set 70 mm above the glabella.
  const leftFrontotemporal = hit([leftCanthus[0], glabella[1] + 55, far], [0, 0, -1]);
  const mirror = (q: Vec3): Vec3 => [-q[0], q[1], q[2]];
  return {
    glabella,
    nasion,
    vertex,
    inion,
    menton,
    leftTragus,
    rightTragus: mirror(leftTragus),
    leftLateralCanthus: leftCanthus,
    rightLateralCanthus: mirror(leftCanthus),
    leftFrontotemporal,
    rightFrontotemporal: mirror(leftFrontotemporal),
  };
}
