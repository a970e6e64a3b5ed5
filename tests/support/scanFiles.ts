import { linearToHex } from '../../src/domain/color';
import type { ScanFile, ScanMesh } from '../../src/domain/scan/scanMesh';

/**
 * Scan files made by the tests themselves, in every format the simulator reads. Only Uint8Array,
 * DataView and TextEncoder are used, so the writers work in a browser page as well as in node.
 * Colours are linear in the mesh; formats that store sRGB (OBJ, PLY) get them converted, 8 bits a channel.
 */

export interface NodeTransform {
  /** Column-major 4×4, as glTF stores it. */
  matrix?: number[];
  translation?: number[];
  /** Quaternion x, y, z, w. */
  rotation?: number[];
  scale?: number[];
}

export interface GltfOptions {
  /** The transform of the node holding the mesh. */
  node?: NodeTransform;
  /** A parent node's transform, to test transforms through the hierarchy. */
  parent?: NodeTransform;
}

const encoder = new TextEncoder();
const text = (s: string) => encoder.encode(s);
/** Nine significant digits: enough for a float32 to read back exactly. */
const num = (x: number) => String(Number(x.toPrecision(9)));
const textureExtension = (mesh: ScanMesh) => (mesh.texture?.mimeType === 'image/jpeg' ? 'jpg' : 'png');

/** Linear colour of vertex v as sRGB bytes. */
function srgbBytes(colors: Float32Array, v: number): [number, number, number] {
  const hex = linearToHex([colors[3 * v]!, colors[3 * v + 1]!, colors[3 * v + 2]!]);
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

const bytesOf = (a: Float32Array | Uint32Array | Uint8Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const padded = (bytes: Uint8Array, fill = 0) => {
  const out = new Uint8Array(Math.ceil(bytes.length / 4) * 4).fill(fill);
  out.set(bytes);
  return out;
};

/** The glTF JSON and its one binary buffer; the image goes in the buffer unless `imageUri` names a file. */
function gltfParts(mesh: ScanMesh, options: GltfOptions, imageUri?: string): { json: Record<string, unknown>; bin: Uint8Array } {
  const chunks: Uint8Array[] = [];
  const bufferViews: Record<string, unknown>[] = [];
  const accessors: Record<string, unknown>[] = [];
  let length = 0;
  const addView = (bytes: Uint8Array) => {
    bufferViews.push({ buffer: 0, byteOffset: length, byteLength: bytes.length });
    const aligned = padded(bytes);
    chunks.push(aligned);
    length += aligned.length;
    return bufferViews.length - 1;
  };
  const addAccessor = (data: Float32Array | Uint32Array, type: string, extra: Record<string, unknown> = {}) => {
    const components = { SCALAR: 1, VEC2: 2, VEC3: 3 }[type]!;
    accessors.push({ bufferView: addView(bytesOf(data)), componentType: data instanceof Float32Array ? 5126 : 5125, count: data.length / components, type, ...extra });
    return accessors.length - 1;
  };
  const min = [Infinity, Infinity, Infinity], max = [-Infinity, -Infinity, -Infinity];
  mesh.positions.forEach((x, i) => {
    min[i % 3] = Math.min(min[i % 3]!, x);
    max[i % 3] = Math.max(max[i % 3]!, x);
  });
  const attributes: Record<string, number> = { POSITION: addAccessor(mesh.positions, 'VEC3', { min, max }) };
  if (mesh.colors) attributes.COLOR_0 = addAccessor(mesh.colors, 'VEC3');
  if (mesh.uvs) attributes.TEXCOORD_0 = addAccessor(mesh.uvs, 'VEC2');
  const indices = addAccessor(mesh.indices, 'SCALAR');
  const json: Record<string, unknown> = {
    asset: { version: '2.0', generator: 'smp-simulator scan tests' },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: options.parent ? [{ ...options.parent, children: [1] }, { ...options.node, mesh: 0 }] : [{ ...options.node, mesh: 0 }],
    meshes: [{ primitives: [{ attributes, indices, material: 0, mode: 4 }] }],
    materials: [{ pbrMetallicRoughness: { baseColorFactor: [1, 1, 1, 1], ...(mesh.texture && { baseColorTexture: { index: 0 } }) } }],
    accessors,
    bufferViews,
  };
  if (mesh.texture) {
    json.textures = [{ source: 0 }];
    json.images = [imageUri ? { uri: imageUri } : { bufferView: addView(mesh.texture.bytes), mimeType: mesh.texture.mimeType }];
  }
  const bin = concat(chunks);
  json.buffers = [{ byteLength: bin.length }];
  return { json, bin };
}

export function writeScanGlb(mesh: ScanMesh, options: GltfOptions = {}): Uint8Array {
  const { json, bin } = gltfParts(mesh, options);
  const jsonBytes = padded(text(JSON.stringify(json)), 0x20);
  const header = new DataView(new ArrayBuffer(20));
  header.setUint32(0, 0x46546c67, true); // "glTF"
  header.setUint32(4, 2, true);
  header.setUint32(8, 12 + 8 + jsonBytes.length + 8 + bin.length, true);
  header.setUint32(12, jsonBytes.length, true);
  header.setUint32(16, 0x4e4f534a, true); // "JSON"
  const binHeader = new DataView(new ArrayBuffer(8));
  binHeader.setUint32(0, bin.length, true);
  binHeader.setUint32(4, 0x004e4942, true); // "BIN\0"
  return concat([new Uint8Array(header.buffer), jsonBytes, new Uint8Array(binHeader.buffer), bin]);
}

/**
 * A .gltf with its buffer in `<name>.bin` and its texture in `<name>.png` (or .jpg), the .gltf first; or,
 * `embedded`, one .gltf with both as data: URIs.
 */
export function writeScanGltf(mesh: ScanMesh, name = 'scan', options: GltfOptions & { embedded?: boolean } = {}): ScanFile[] {
  const imageName = `${name}.${textureExtension(mesh)}`;
  const { json, bin } = gltfParts(mesh, options, mesh.texture ? imageName : undefined);
  const dataUri = (mime: string, bytes: Uint8Array) => `data:${mime};base64,${btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))}`;
  if (options.embedded) {
    json.buffers = [{ byteLength: bin.length, uri: dataUri('application/octet-stream', bin) }];
    if (mesh.texture) json.images = [{ uri: dataUri(mesh.texture.mimeType, mesh.texture.bytes) }];
    return [{ name: `${name}.gltf`, bytes: text(JSON.stringify(json)) }];
  }
  json.buffers = [{ byteLength: bin.length, uri: `${name}.bin` }];
  const files: ScanFile[] = [
    { name: `${name}.gltf`, bytes: text(JSON.stringify(json)) },
    { name: `${name}.bin`, bytes: bin },
  ];
  if (mesh.texture) files.push({ name: imageName, bytes: mesh.texture.bytes });
  return files;
}

/** `<name>.obj`, with `<name>.mtl` and the texture when the mesh has one; colours as "v x y z r g b". */
export function writeScanObj(mesh: ScanMesh, name = 'scan'): ScanFile[] {
  const { positions, indices, colors, uvs, texture } = mesh;
  const lines: string[] = ['# scan written by the smp-simulator tests'];
  const imageName = `${name}.${textureExtension(mesh)}`;
  if (texture) lines.push(`mtllib ${name}.mtl`, 'usemtl skin');
  for (let v = 0; v < positions.length / 3; v++) {
    const xyz = `v ${num(positions[3 * v]!)} ${num(positions[3 * v + 1]!)} ${num(positions[3 * v + 2]!)}`;
    lines.push(colors ? `${xyz} ${srgbBytes(colors, v).map((c) => num(c / 255)).join(' ')}` : xyz);
  }
  if (uvs && texture) {
    // OBJ's v = 0 is the image's bottom.
    for (let v = 0; v < uvs.length / 2; v++) lines.push(`vt ${num(uvs[2 * v]!)} ${num(1 - uvs[2 * v + 1]!)}`);
  }
  const corner = (i: number) => (uvs && texture ? `${i + 1}/${i + 1}` : `${i + 1}`);
  for (let t = 0; t < indices.length; t += 3) lines.push(`f ${corner(indices[t]!)} ${corner(indices[t + 1]!)} ${corner(indices[t + 2]!)}`);
  const files: ScanFile[] = [{ name: `${name}.obj`, bytes: text(`${lines.join('\n')}\n`) }];
  if (texture) {
    files.push({ name: `${name}.mtl`, bytes: text(`newmtl skin\nKd 1 1 1\nmap_Kd ${imageName}\n`) });
    files.push({ name: imageName, bytes: texture.bytes });
  }
  return files;
}

/**
 * A PLY with float x y z, uchar red green blue (where the mesh has colours), float s t and a
 * "comment TextureFile" line (where it has a texture, to be dropped alongside as `textureFile`).
 */
export function writeScanPly(mesh: ScanMesh, format: 'ascii' | 'binary_little_endian', textureFile = `scan.${textureExtension(mesh)}`): Uint8Array {
  const { positions, indices, colors } = mesh;
  const uvs = mesh.texture ? mesh.uvs : undefined;
  const vertexCount = positions.length / 3, triangleCount = indices.length / 3;
  const header = [
    'ply',
    `format ${format} 1.0`,
    ...(uvs ? [`comment TextureFile ${textureFile}`] : []),
    `element vertex ${vertexCount}`,
    'property float x',
    'property float y',
    'property float z',
    ...(colors ? ['property uchar red', 'property uchar green', 'property uchar blue'] : []),
    ...(uvs ? ['property float s', 'property float t'] : []),
    `element face ${triangleCount}`,
    'property list uchar int vertex_indices',
    'end_header',
  ];
  // PLY's v = 0 is the image's bottom, as OBJ's.
  const plyV = (v: number) => 1 - uvs![2 * v + 1]!;
  if (format === 'ascii') {
    const lines = header;
    for (let v = 0; v < vertexCount; v++) {
      const values = [positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!].map(num);
      if (colors) values.push(...srgbBytes(colors, v).map(String));
      if (uvs) values.push(num(uvs[2 * v]!), num(plyV(v)));
      lines.push(values.join(' '));
    }
    for (let t = 0; t < indices.length; t += 3) lines.push(`3 ${indices[t]} ${indices[t + 1]} ${indices[t + 2]}`);
    return text(`${lines.join('\n')}\n`);
  }
  const vertexBytes = 12 + (colors ? 3 : 0) + (uvs ? 8 : 0);
  const data = new DataView(new ArrayBuffer(vertexCount * vertexBytes + triangleCount * 13));
  let o = 0;
  for (let v = 0; v < vertexCount; v++) {
    for (let k = 0; k < 3; k++, o += 4) data.setFloat32(o, positions[3 * v + k]!, true);
    if (colors) for (const c of srgbBytes(colors, v)) data.setUint8(o++, c);
    if (uvs) {
      data.setFloat32(o, uvs[2 * v]!, true);
      data.setFloat32(o + 4, plyV(v), true);
      o += 8;
    }
  }
  for (let t = 0; t < indices.length; t += 3) {
    data.setUint8(o++, 3);
    for (let k = 0; k < 3; k++, o += 4) data.setInt32(o, indices[t + k]!, true);
  }
  return concat([text(`${header.join('\n')}\n`), new Uint8Array(data.buffer)]);
}

/** An STL (shape only). `header` is the binary file's 80-byte header: many real ones start with "solid" too. */
export function writeScanStl(mesh: ScanMesh, format: 'ascii' | 'binary', header = 'binary STL written by the smp-simulator tests'): Uint8Array {
  const { positions, indices } = mesh;
  const triangleCount = indices.length / 3;
  const corner = (t: number, c: number, k: number) => positions[3 * indices[3 * t + c]! + k]!;
  const normal = (t: number) => {
    const u = [0, 1, 2].map((k) => corner(t, 1, k) - corner(t, 0, k));
    const w = [0, 1, 2].map((k) => corner(t, 2, k) - corner(t, 0, k));
    const n = [u[1]! * w[2]! - u[2]! * w[1]!, u[2]! * w[0]! - u[0]! * w[2]!, u[0]! * w[1]! - u[1]! * w[0]!];
    const length = Math.hypot(...n) || 1;
    return n.map((x) => x / length);
  };
  if (format === 'ascii') {
    const lines = ['solid scan'];
    for (let t = 0; t < triangleCount; t++) {
      lines.push(`  facet normal ${normal(t).map(num).join(' ')}`, '    outer loop');
      for (let c = 0; c < 3; c++) lines.push(`      vertex ${[0, 1, 2].map((k) => num(corner(t, c, k))).join(' ')}`);
      lines.push('    endloop', '  endfacet');
    }
    lines.push('endsolid scan');
    return text(`${lines.join('\n')}\n`);
  }
  const out = new Uint8Array(84 + 50 * triangleCount);
  out.set(text(header).subarray(0, 80));
  const data = new DataView(out.buffer);
  data.setUint32(80, triangleCount, true);
  for (let t = 0; t < triangleCount; t++) {
    const o = 84 + 50 * t;
    normal(t).forEach((x, k) => data.setFloat32(o + 4 * k, x, true));
    for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) data.setFloat32(o + 12 + 12 * c + 4 * k, corner(t, c, k), true);
  }
  return out;
}
