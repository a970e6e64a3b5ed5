import type { V3 } from './sdf.ts';
import type { MeshData } from './meshTools.ts';

/** Linear-RGB colours of the eye (glTF vertex colours are linear). */
const SCLERA: V3 = [0.8, 0.78, 0.74];
const IRIS_INNER: V3 = [0.2, 0.1, 0.035];
const IRIS_OUTER: V3 = [0.09, 0.05, 0.02];
const LIMBUS: V3 = [0.03, 0.02, 0.012];
const PUPIL: V3 = [0.006, 0.006, 0.006];

/**
 * One eyeball looking toward +Z: a sphere whose pole is the pupil, so the pupil and iris edges follow
 * rings of the mesh and stay crisp. The cornea bulges slightly over the iris.
 */
function eyeball(center: V3, radius: number, segments = 48): { positions: number[]; normals: number[]; colors: number[]; indices: number[] } {
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
  const positions: number[] = [], normals: number[] = [], colors: number[] = [], indices: number[] = [];
  const corneaEnd = iris + 0.15;
  for (const ring of rings) {
    const a = ring.angle;
    const bulge = a < corneaEnd ? 0.7 * (1 - (a / corneaEnd) ** 2) ** 2 : 0;
    const r = radius + bulge;
    const count = a === 0 || a === Math.PI ? 1 : segments;
    for (let s = 0; s < count; s++) {
      const phi = (2 * Math.PI * s) / segments;
      const nx = Math.sin(a) * Math.cos(phi), ny = Math.sin(a) * Math.sin(phi), nz = Math.cos(a);
      positions.push(center[0] + r * nx, center[1] + r * ny, center[2] + r * nz);
      normals.push(nx, ny, nz);
      colors.push(...ring.color);
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
  return { positions, normals, colors, indices };
}

/** Both eyeballs as one mesh: the left at `leftCenter`, the right mirrored across x = 0. */
export function createEyes(leftCenter: V3, radius: number): MeshData {
  const left = eyeball(leftCenter, radius);
  const right = eyeball([-leftCenter[0], leftCenter[1], leftCenter[2]], radius);
  const offset = left.positions.length / 3;
  return {
    positions: new Float32Array([...left.positions, ...right.positions]),
    normals: new Float32Array([...left.normals, ...right.normals]),
    colors: new Float32Array([...left.colors, ...right.colors]),
    indices: new Uint32Array([...left.indices, ...right.indices.map((i) => i + offset)]),
  };
}
