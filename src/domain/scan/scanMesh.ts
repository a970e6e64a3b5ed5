/**
 * A head scan as read from a file, before alignment: the file's own units, axes and origin. Every format
 * (glTF/GLB, OBJ, PLY, STL) is read into this one shape, so alignment and storage know nothing of formats.
 */
export interface ScanTexture {
  /** The encoded image as stored in the file (PNG or JPEG), sRGB. */
  bytes: Uint8Array;
  mimeType: string;
}

export interface ScanMesh {
  /** x, y, z per vertex, in the file's units and axes (node transforms already applied). */
  positions: Float32Array;
  /** Three vertex indices per triangle. */
  indices: Uint32Array;
  /** Linear RGB (0–1) per vertex, where the file has vertex colours. */
  colors?: Float32Array;
  /** u, v per vertex (glTF convention: v = 0 at the image's top), where the file has a texture. */
  uvs?: Float32Array;
  /** The base-colour image the uvs refer to. Present only together with `uvs`. */
  texture?: ScanTexture;
}

/** The file formats a scan may come in, named as the user sees them. */
export const SCAN_FORMATS = ['glb', 'gltf', 'obj', 'ply', 'stl'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** A file the user gave: its name (for the format and companion files) and its bytes. */
export interface ScanFile {
  name: string;
  bytes: Uint8Array;
}

export function triangleCount(mesh: Pick<ScanMesh, 'indices'>): number {
  return mesh.indices.length / 3;
}
