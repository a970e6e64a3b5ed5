/**
 * The default head as a scanner might hand it over: re-meshed, turned, moved and written in another unit,
 * so that the right alignment is known exactly (scanImport tests, in node and in the browser).
 */
import { LANDMARK_NAMES, type Landmarks, type Vec3 } from '../../src/domain/head/landmarks';
import type { ScanUnit } from '../../src/domain/scan/align';
import { simplifyMesh } from '../../src/domain/scan/prepare';
import type { ScanFile, ScanFormat, ScanMesh } from '../../src/domain/scan/scanMesh';
import { loadDefaultHead } from '../unit/fixtures';
import { writeScanGlb, writeScanGltf, writeScanObj, writeScanPly, writeScanStl } from './scanFiles';

/** A rotation (row-major 3x3) about a unit axis. */
export function rotation(axis: Vec3, degrees: number): number[] {
  const [x, y, z] = axis.map((v) => v / Math.hypot(...axis)) as Vec3;
  const a = (degrees * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a), t = 1 - c;
  return [t * x * x + c, t * x * y - s * z, t * x * z + s * y, t * x * y + s * z, t * y * y + c, t * y * z - s * x, t * x * z - s * y, t * y * z + s * x, t * z * z + c];
}

export interface Placement {
  rotation: number[];
  /** File units per mm (0.001: metres). */
  scale: number;
  translation: Vec3;
}

export const place = (p: Vec3, m: Placement): Vec3 => {
  const r = m.rotation;
  return [0, 1, 2].map((i) => m.scale * (r[3 * i]! * p[0] + r[3 * i + 1]! * p[1] + r[3 * i + 2]! * p[2]) + m.translation[i]!) as Vec3;
};

/** The default head re-meshed to about `triangles`, made once per size (the scans below only place it). */
const remeshedHeads = new Map<number, ReturnType<typeof simplifyMesh>>();
function remeshedHead(triangles: number): ReturnType<typeof simplifyMesh> {
  let remeshed = remeshedHeads.get(triangles);
  if (!remeshed) {
    const head = loadDefaultHead();
    remeshed = simplifyMesh({ positions: head.skin.positions, indices: head.skin.indices }, triangles);
    remeshedHeads.set(triangles, remeshed);
  }
  return remeshed;
}

/** The default head, re-meshed to about `triangles`, placed in a file's coordinates. */
export function scanOfDefaultHead(placement: Placement, triangles = 30_000, colors = true): { mesh: ScanMesh; landmarks: Landmarks } {
  const head = loadDefaultHead();
  const remeshed = remeshedHead(triangles);
  const positions = new Float32Array(remeshed.positions.length);
  for (let i = 0; i < positions.length; i += 3) positions.set(place([remeshed.positions[i]!, remeshed.positions[i + 1]!, remeshed.positions[i + 2]!], placement), i);
  // Skin as a scanner records it: a warm tone, a little ruddier on the face, a little paler on the scalp.
  const mesh: ScanMesh = { positions, indices: remeshed.indices };
  if (colors) {
    mesh.colors = new Float32Array(positions.length);
    for (let i = 0; i < positions.length; i += 3) {
      const y = remeshed.positions[i + 1]!;
      const flush = Math.max(0, Math.min(1, (60 - y) / 80)) * (remeshed.positions[i + 2]! > 40 ? 1 : 0.4);
      mesh.colors.set([0.6 + 0.04 * flush, 0.4 - 0.07 * flush, 0.3 - 0.05 * flush], i);
    }
  }
  const landmarks = Object.fromEntries(LANDMARK_NAMES.map((n) => [n, place(head.landmarks[n], placement)])) as Landmarks;
  return { mesh, landmarks };
}

/** The default head written in every format, each in another unit and turned another way. */
export const FORMAT_CASES: { name: string; format: ScanFormat; placement: Placement; files: (mesh: ScanMesh) => ScanFile[]; unit: ScanUnit; colors: boolean }[] = [
  { name: 'GLB in metres, Z up', format: 'glb', placement: { rotation: rotation([1, 0, 0], 90), scale: 0.001, translation: [0.2, -0.1, 1.3] }, files: (m) => [{ name: 'head.glb', bytes: writeScanGlb(m) }], unit: 'm', colors: true },
  { name: 'glTF with a .bin, in cm, turned', format: 'gltf', placement: { rotation: rotation([0.3, 1, 0.2], 140), scale: 0.1, translation: [5, 60, -3] }, files: (m) => writeScanGltf(m, 'head'), unit: 'cm', colors: true },
  { name: 'OBJ in mm, upside down', format: 'obj', placement: { rotation: rotation([0, 0, 1], 180), scale: 1, translation: [40, 900, 12] }, files: (m) => writeScanObj(m, 'head'), unit: 'mm', colors: true },
  { name: 'binary PLY in inches', format: 'ply', placement: { rotation: rotation([1, 1, 1], 200), scale: 1 / 25.4, translation: [-3, 2, 10] }, files: (m) => [{ name: 'head.ply', bytes: writeScanPly(m, 'binary_little_endian') }], unit: 'in', colors: true },
  { name: 'ASCII STL in mm, lying on its side', format: 'stl', placement: { rotation: rotation([0, 1, 0], -90), scale: 1, translation: [0, 0, 0] }, files: (m) => [{ name: 'head.stl', bytes: writeScanStl(m, 'ascii') }], unit: 'mm', colors: false },
];
