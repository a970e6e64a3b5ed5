import { readFileSync } from 'node:fs';
import { createSurfaceQuery, type SurfaceQuery } from '../../src/domain/geometry/closestPoint';
import { parseLandmarks, type Landmarks, type Vec3 } from '../../src/domain/head/landmarks';
import { readGlb, readMesh } from '../../src/io/glb';

/**
 * Shared unit-test fixtures: analytic meshes, deterministic random numbers and the default head.
 */

export interface TestMesh {
  positions: Float32Array;
  indices: Uint32Array;
}

/**
 * Ellipsoid (or, with equal radii, sphere) mesh from a cube with n × n quads a face pushed onto the
 * surface: fairly uniform triangles, no poles, outward winding.
 */
export function cubeSphereMesh(n: number, radii: Vec3, center: Vec3 = [0, 0, 0]): TestMesh {
  const pos: number[] = [];
  const idx: number[] = [];
  const faces: [Vec3, Vec3, Vec3][] = [
    [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
    [[-1, 0, 0], [0, 0, 1], [0, 1, 0]],
    [[0, 1, 0], [0, 0, 1], [1, 0, 0]],
    [[0, -1, 0], [1, 0, 0], [0, 0, 1]],
    [[0, 0, 1], [1, 0, 0], [0, 1, 0]],
    [[0, 0, -1], [0, 1, 0], [1, 0, 0]],
  ];
  for (const [normal, u, v] of faces) {
    const base = pos.length / 3;
    for (let j = 0; j <= n; j++) {
      for (let i = 0; i <= n; i++) {
        const a = -1 + (2 * i) / n, b = -1 + (2 * j) / n;
        const x = normal[0] + a * u[0] + b * v[0], y = normal[1] + a * u[1] + b * v[1], z = normal[2] + a * u[2] + b * v[2];
        const l = Math.hypot(x, y, z);
        pos.push(center[0] + (radii[0] * x) / l, center[1] + (radii[1] * y) / l, center[2] + (radii[2] * z) / l);
      }
    }
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const k = base + j * (n + 1) + i;
        idx.push(k, k + 1, k + n + 2, k, k + n + 2, k + n + 1);
      }
    }
  }
  return { positions: new Float32Array(pos), indices: new Uint32Array(idx) };
}

/** Deterministic pseudo-random numbers in [0, 1) (a 32-bit LCG), so tests never flake. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** The generated default head shipped with the app (tests skip when it is absent). */
export const DEFAULT_HEAD_GLB = new URL('../../public/models/head.glb', import.meta.url);

export interface GltfNode {
  name?: string;
  children?: number[];
  mesh?: number;
  extras?: Record<string, unknown>;
}

export interface DefaultHead {
  glb: ReturnType<typeof readGlb>;
  nodes: GltfNode[];
  /** The 'Head' node, which carries the landmarks, units and frame in its extras. */
  headNode: GltfNode | undefined;
  skin: ReturnType<typeof readMesh>;
  landmarks: Landmarks;
  /** Closest-point query on the skin. */
  query: SurfaceQuery;
}

let defaultHead: DefaultHead | undefined;

/** The default head's GLB, skin mesh, landmarks and a surface query on the skin, loaded once per test file. */
export function loadDefaultHead(): DefaultHead {
  if (!defaultHead) {
    const glb = readGlb(new Uint8Array(readFileSync(DEFAULT_HEAD_GLB)));
    const nodes = glb.json.nodes as GltfNode[];
    const headNode = nodes.find((n) => n.name === 'Head');
    const skin = readMesh(glb, 'Skin');
    const landmarks = parseLandmarks(headNode?.extras?.landmarks);
    defaultHead = { glb, nodes, headNode, skin, landmarks, query: createSurfaceQuery(skin.positions, skin.indices) };
  }
  return defaultHead;
}
