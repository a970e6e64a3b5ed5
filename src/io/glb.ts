import { SHIRT_COLOR } from '../domain/head/body.ts';
import type { GeneratedHead, MeshData } from '../domain/head/generateHead.ts';

/**
 * glTF 2.0 binary (GLB) writer for the generated head, and a minimal reader for tests and tools.
 * Layout: scene -> "Head" (extras: units, frame, landmarks) -> "Skin", "Eyes", "Brows" and "Body" mesh nodes.
 */

const GLB_MAGIC = 0x46546c67; // "glTF"
const CHUNK_JSON = 0x4e4f534a; // "JSON"
const CHUNK_BIN = 0x004e4942; // "BIN\0"
const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const FLOAT = 5126;
const UNSIGNED_SHORT = 5123;
const UNSIGNED_INT = 5125;
const TRIANGLES = 4;

export const HEAD_FRAME = 'x-left y-up z-forward, origin mid-tragus';

/** Neutral light skin, linear RGB (about sRGB #e0b9a0). */
const SKIN_COLOR = [0.745, 0.485, 0.35, 1];
/** Dark brown brow hair, linear RGB (about sRGB #2e2219). */
const BROW_COLOR = [0.027, 0.016, 0.01, 1];

type Json = Record<string, unknown>;

class BinaryBuilder {
  private parts: Uint8Array[] = [];
  private length = 0;
  readonly bufferViews: Json[] = [];
  readonly accessors: Json[] = [];

  /** Append a typed array as its own 4-byte aligned buffer view; returns the accessor index. */
  add(data: Float32Array | Uint32Array | Uint16Array, accessor: Json, target: number): number {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const offset = this.length;
    this.parts.push(bytes);
    this.length += bytes.byteLength;
    const pad = (4 - (this.length % 4)) % 4;
    if (pad) {
      this.parts.push(new Uint8Array(pad));
      this.length += pad;
    }
    this.bufferViews.push({ buffer: 0, byteOffset: offset, byteLength: bytes.byteLength, target });
    this.accessors.push({ bufferView: this.bufferViews.length - 1, byteOffset: 0, ...accessor });
    return this.accessors.length - 1;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.byteLength;
    }
    return out;
  }
}

function vec3Bounds(values: Float32Array): { min: number[]; max: number[] } {
  const min = [Infinity, Infinity, Infinity], max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < values.length; i += 3) {
    for (let c = 0; c < 3; c++) {
      // Bounds must match the stored float32 values exactly.
      const v = values[i + c]!;
      if (v < min[c]!) min[c] = v;
      if (v > max[c]!) max[c] = v;
    }
  }
  return { min, max };
}

function addMesh(bin: BinaryBuilder, mesh: MeshData, material: number, name: string): Json {
  const count = mesh.positions.length / 3;
  const attributes: Record<string, number> = {
    POSITION: bin.add(mesh.positions, { componentType: FLOAT, count, type: 'VEC3', ...vec3Bounds(mesh.positions) }, ARRAY_BUFFER),
    NORMAL: bin.add(mesh.normals, { componentType: FLOAT, count, type: 'VEC3' }, ARRAY_BUFFER),
  };
  if (mesh.colors) attributes.COLOR_0 = bin.add(mesh.colors, { componentType: FLOAT, count, type: 'VEC3' }, ARRAY_BUFFER);
  // 16-bit indices when they fit: halves the index data of a mesh under 65536 vertices.
  const small = count <= 65535;
  const indexData = small ? Uint16Array.from(mesh.indices) : mesh.indices;
  const indices = bin.add(
    indexData,
    { componentType: small ? UNSIGNED_SHORT : UNSIGNED_INT, count: mesh.indices.length, type: 'SCALAR' },
    ELEMENT_ARRAY_BUFFER,
  );
  return { name, primitives: [{ attributes, indices, material, mode: TRIANGLES }] };
}

export function writeGlb(head: GeneratedHead): Uint8Array {
  const bin = new BinaryBuilder();
  const meshes = [addMesh(bin, head.skin, 0, 'Skin'), addMesh(bin, head.eyes, 1, 'Eyes'), addMesh(bin, head.brows, 2, 'Brows'), addMesh(bin, head.body, 3, 'Body')];
  const binBytes = bin.bytes();
  const landmarks: Record<string, number[]> = {};
  for (const [name, p] of Object.entries(head.landmarks)) landmarks[name] = p.map((v) => Math.round(v * 1000) / 1000);
  const json: Json = {
    asset: { version: '2.0', generator: 'smp-simulator head generator' },
    scene: 0,
    scenes: [{ name: 'Scene', nodes: [0] }],
    nodes: [
      { name: 'Head', children: [1, 2, 3, 4], extras: { units: 'mm', frame: HEAD_FRAME, landmarks } },
      { name: 'Skin', mesh: 0 },
      { name: 'Eyes', mesh: 1 },
      { name: 'Brows', mesh: 2 },
      { name: 'Body', mesh: 3 },
    ],
    meshes,
    materials: [
      { name: 'skin', pbrMetallicRoughness: { baseColorFactor: SKIN_COLOR, metallicFactor: 0, roughnessFactor: 0.6 } },
      { name: 'eyes', pbrMetallicRoughness: { baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: 0.08 } },
      // Hair ribbons are seen from either side.
      { name: 'brows', doubleSided: true, pbrMetallicRoughness: { baseColorFactor: BROW_COLOR, metallicFactor: 0, roughnessFactor: 0.7 } },
      { name: 'shirt', pbrMetallicRoughness: { baseColorFactor: [...SHIRT_COLOR, 1], metallicFactor: 0, roughnessFactor: 0.95 } },
    ],
    buffers: [{ byteLength: binBytes.byteLength }],
    bufferViews: bin.bufferViews,
    accessors: bin.accessors,
  };
  let jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const jsonPad = (4 - (jsonBytes.byteLength % 4)) % 4;
  if (jsonPad) {
    const padded = new Uint8Array(jsonBytes.byteLength + jsonPad).fill(0x20); // spaces, per spec
    padded.set(jsonBytes);
    jsonBytes = padded;
  }
  const total = 12 + 8 + jsonBytes.byteLength + 8 + binBytes.byteLength;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, GLB_MAGIC, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonBytes.byteLength, true);
  view.setUint32(16, CHUNK_JSON, true);
  out.set(jsonBytes, 20);
  const binStart = 20 + jsonBytes.byteLength;
  view.setUint32(binStart, binBytes.byteLength, true);
  view.setUint32(binStart + 4, CHUNK_BIN, true);
  out.set(binBytes, binStart + 8);
  return out;
}

/** Parse a GLB container into its JSON and binary chunk (no validation beyond the container). */
export function readGlb(bytes: Uint8Array): { json: Json; bin: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== GLB_MAGIC) throw new Error('readGlb: not a GLB file');
  if (view.getUint32(4, true) !== 2) throw new Error('readGlb: only glTF 2.0 is supported');
  const total = view.getUint32(8, true);
  let offset = 12;
  let json: Json | null = null;
  let bin: Uint8Array = new Uint8Array(0);
  while (offset + 8 <= total) {
    const length = view.getUint32(offset, true);
    const type = view.getUint32(offset + 4, true);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === CHUNK_JSON) json = JSON.parse(new TextDecoder().decode(data)) as Json;
    else if (type === CHUNK_BIN) bin = data;
    offset += 8 + length;
  }
  if (!json) throw new Error('readGlb: no JSON chunk');
  return { json, bin };
}

/** Read one accessor of a parsed GLB as a typed array (tightly packed, as this writer stores them). */
export function readAccessor(glb: { json: Json; bin: Uint8Array }, index: number): Float32Array | Uint32Array | Uint16Array {
  const accessors = glb.json.accessors as { bufferView: number; byteOffset?: number; componentType: number; count: number; type: string }[];
  const views = glb.json.bufferViews as { byteOffset?: number; byteLength: number }[];
  const acc = accessors[index];
  if (!acc) throw new Error(`readAccessor: no accessor ${index}`);
  const view = views[acc.bufferView]!;
  const components = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 }[acc.type] ?? 1;
  const start = (view.byteOffset ?? 0) + (acc.byteOffset ?? 0);
  const n = acc.count * components;
  const slice = glb.bin.slice(start, start + n * (acc.componentType === UNSIGNED_SHORT ? 2 : 4));
  if (acc.componentType === FLOAT) return new Float32Array(slice.buffer, 0, n);
  if (acc.componentType === UNSIGNED_INT) return new Uint32Array(slice.buffer, 0, n);
  if (acc.componentType === UNSIGNED_SHORT) return new Uint16Array(slice.buffer, 0, n);
  throw new Error(`readAccessor: unsupported component type ${acc.componentType}`);
}

/** The vertices and triangles of a named mesh node in a parsed GLB (first primitive). */
export function readMesh(glb: { json: Json; bin: Uint8Array }, nodeName: string): { positions: Float32Array; normals: Float32Array; indices: Uint32Array; colors?: Float32Array } {
  const nodes = glb.json.nodes as { name?: string; mesh?: number }[];
  const node = nodes.find((n) => n.name === nodeName);
  if (node?.mesh === undefined) throw new Error(`readMesh: no mesh node "${nodeName}"`);
  const meshes = glb.json.meshes as { primitives: { attributes: Record<string, number>; indices: number }[] }[];
  const prim = meshes[node.mesh]!.primitives[0]!;
  const positions = readAccessor(glb, prim.attributes.POSITION!) as Float32Array;
  const normals = readAccessor(glb, prim.attributes.NORMAL!) as Float32Array;
  const indices = Uint32Array.from(readAccessor(glb, prim.indices));
  const colors = prim.attributes.COLOR_0 !== undefined ? (readAccessor(glb, prim.attributes.COLOR_0) as Float32Array) : undefined;
  return colors ? { positions, normals, indices, colors } : { positions, normals, indices };
}
