import type { V3 } from './sdf.ts';
import { meshVertexNormals, type MeshData } from './meshTools.ts';

/** Linear-RGB colours of the eye (glTF vertex colours are linear). */
const SCLERA: V3 = [0.8, 0.78, 0.74];
const IRIS_INNER: V3 = [0.2, 0.1, 0.035];
const IRIS_OUTER: V3 = [0.09, 0.05, 0.02];
const LIMBUS: V3 = [0.03, 0.02, 0.012];
const PUPIL: V3 = [0.006, 0.006, 0.006];
/** The caruncle and the conjunctiva of the medial corner (the pink of the inner angle), and the shadowed sclera at the corners. */
const CARUNCLE: V3 = [0.55, 0.22, 0.19];
const CORNER_SCLERA: V3 = [0.55, 0.45, 0.4];

/**
 * The visible eye is wider than the 24 mm globe: an adult's palpebral fissure is about 30 mm long (en-ex;
 * Farkas, Anthropometry of the Head and Face, 1994, and Hall et al., Handbook of Physical Measurements, 2007)
 * because its inner angle (the lacus lacrimalis with the caruncle) lies medial to the globe and its outer
 * angle wraps back to the globe's equator. So the eye's surface swells toward its corners by these shares of its radius, from the
 * direction 60° off its axis, and stays a sphere over the iris and cornea.
 */
export const EYE_MEDIAL_SWELL = 0.36;
export const EYE_LATERAL_SWELL = 0.27;
const SWELL_FROM = 0.5;

/**
 * Radius of the left eye's surface toward the unit direction whose x component is `ux` (+x lateral for the
 * left eye; the right eye is its mirror image), as a multiple of the globe's radius.
 */
export function eyeRadiusScale(ux: number): number {
  const s = Math.max(Math.abs(ux) - SWELL_FROM, 0) / (1 - SWELL_FROM);
  return 1 + (ux < 0 ? EYE_MEDIAL_SWELL : EYE_LATERAL_SWELL) * s * s;
}

/** How far a point lies outside the left eye's surface (mm; negative inside), the eye centred at `center`. */
export function leftEyeExcess(center: V3, radius: number, x: number, y: number, z: number): number {
  const dx = x - center[0], dy = y - center[1], dz = z - center[2];
  const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
  if (r < 1e-9) return -radius;
  return r - radius * eyeRadiusScale(dx / r);
}

const mix = (a: V3, b: V3, t: number): V3 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const smoothstep = (a: number, b: number, x: number) => {
  const t = Math.min(Math.max((x - a) / (b - a), 0), 1);
  return t * t * (3 - 2 * t);
};

/**
 * One eye looking toward +Z: a sphere whose pole is the pupil, so the pupil and iris edges follow rings of
 * the mesh and stay crisp, swollen toward its corners (eyeRadiusScale). The cornea bulges slightly over the
 * iris. `lateral` is +1 for the left eye (lateral is +x) and -1 for the right.
 */
function eyeball(center: V3, radius: number, lateral: 1 | -1, segments = 48): { positions: number[]; colors: number[]; indices: number[] } {
  const pupil = Math.asin(2.0 / radius);
  const iris = Math.asin(5.8 / radius);
  const d = 0.012;
  // Polar angles from the front pole; doubled rings at colour edges keep the edges sharp.
  const rings: { angle: number; color: V3 }[] = [
    { angle: 0, color: PUPIL },
    { angle: pupil - d, color: PUPIL },
    { angle: pupil + d, color: IRIS_INNER },
    { angle: (pupil + iris) / 2, color: IRIS_OUTER },
    { angle: iris - 0.05, color: IRIS_OUTER },
    { angle: iris - d, color: LIMBUS },
    { angle: iris + d, color: SCLERA },
  ];
  const scleraRings = 18;
  for (let i = 1; i <= scleraRings; i++) {
    rings.push({ angle: iris + d + ((Math.PI - iris - d) * i) / scleraRings, color: SCLERA });
  }
  const positions: number[] = [], colors: number[] = [], indices: number[] = [];
  const corneaEnd = iris + 0.15;
  for (const ring of rings) {
    const a = ring.angle;
    const bulge = a < corneaEnd ? 0.7 * (1 - (a / corneaEnd) ** 2) ** 2 : 0;
    const count = a === 0 || a === Math.PI ? 1 : segments;
    for (let s = 0; s < count; s++) {
      const phi = (2 * Math.PI * s) / segments;
      const nx = Math.sin(a) * Math.cos(phi), ny = Math.sin(a) * Math.sin(phi), nz = Math.cos(a);
      const ux = lateral * nx;
      const r = radius * eyeRadiusScale(ux) + bulge;
      positions.push(center[0] + r * nx, center[1] + r * ny, center[2] + r * nz);
      // The white darkens into the corners' shadow and turns pink in the inner angle.
      const corner = ring.color === SCLERA ? mix(SCLERA, CORNER_SCLERA, smoothstep(0.55, 0.9, Math.abs(ux))) : ring.color;
      colors.push(...(ux < 0 && ring.color === SCLERA ? mix(corner, CARUNCLE, smoothstep(0.82, 0.95, -ux)) : corner));
    }
  }
  // Ring 0 and the last ring are single pole vertices.
  const ringStart = (i: number) => (i === 0 ? 0 : 1 + (i - 1) * segments);
  const last = rings.length - 1;
  for (let s = 0; s < segments; s++) {
    const s1 = (s + 1) % segments;
    indices.push(0, ringStart(1) + s, ringStart(1) + s1);
  }
  for (let i = 1; i < last - 1; i++) {
    const a = ringStart(i), b = ringStart(i + 1);
    for (let s = 0; s < segments; s++) {
      const s1 = (s + 1) % segments;
      indices.push(a + s, b + s1, a + s1, a + s, b + s, b + s1);
    }
  }
  const pole = ringStart(last - 1) + segments;
  for (let s = 0; s < segments; s++) {
    const s1 = (s + 1) % segments;
    indices.push(ringStart(last - 1) + s, pole, ringStart(last - 1) + s1);
  }
  return { positions, colors, indices };
}

/** Both eyes as one mesh: the left at `leftCenter`, the right mirrored across x = 0. */
export function createEyes(leftCenter: V3, radius: number): MeshData {
  const left = eyeball(leftCenter, radius, 1);
  const right = eyeball([-leftCenter[0], leftCenter[1], leftCenter[2]], radius, -1);
  const offset = left.positions.length / 3;
  const positions = new Float32Array([...left.positions, ...right.positions]);
  const indices = new Uint32Array([...left.indices, ...right.indices.map((i) => i + offset)]);
  return { positions, normals: meshVertexNormals(positions, indices), colors: new Float32Array([...left.colors, ...right.colors]), indices };
}
