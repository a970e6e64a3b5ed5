import type { ScanFile, ScanMesh, ScanTexture } from '../../domain/scan/scanMesh';
import { readGlb } from '../glb';
import { baseName, checkIndices, companionTexture, damaged, findCompanion, imageTexture, ScanFileError, ScanWarnings, sequence, type ParsedMesh } from './common';

/**
 * glTF 2.0, binary (GLB) and text (.gltf with data: URIs or companion .bin files). Every triangle primitive
 * of every mesh in the default scene (or, without scenes, under every root node) is read with its node
 * transforms applied, and all are merged into one mesh. Accessors may be strided, sparse, and of any
 * component type (quantized positions included). Draco and meshopt compression are refused with a message.
 */

interface Accessor {
  bufferView?: number;
  byteOffset?: number;
  componentType: number;
  normalized?: boolean;
  count: number;
  type: string;
  sparse?: {
    count: number;
    indices: { bufferView: number; byteOffset?: number; componentType: number };
    values: { bufferView: number; byteOffset?: number };
  };
}

interface Primitive {
  attributes: Record<string, number | undefined>;
  indices?: number;
  material?: number;
  mode?: number;
  extensions?: Record<string, unknown>;
}

interface GltfNode {
  children?: number[];
  mesh?: number;
  matrix?: number[];
  translation?: number[];
  rotation?: number[];
  scale?: number[];
}

interface Gltf {
  asset?: { version?: string };
  extensionsRequired?: string[];
  scene?: number;
  scenes?: { nodes?: number[] }[];
  nodes?: GltfNode[];
  meshes?: { primitives?: Primitive[] }[];
  accessors?: Accessor[];
  bufferViews?: { buffer: number; byteOffset?: number; byteLength: number; byteStride?: number }[];
  buffers?: { uri?: string }[];
  materials?: { pbrMetallicRoughness?: { baseColorFactor?: number[]; baseColorTexture?: { index: number; texCoord?: number } } }[];
  textures?: { source?: number }[];
  images?: { uri?: string; bufferView?: number; name?: string }[];
}

const BYTE = 5120, UNSIGNED_BYTE = 5121, SHORT = 5122, UNSIGNED_SHORT = 5123, UNSIGNED_INT = 5125, FLOAT = 5126;
const COMPONENT_BYTES: Record<number, number> = { [BYTE]: 1, [UNSIGNED_BYTE]: 1, [SHORT]: 2, [UNSIGNED_SHORT]: 2, [UNSIGNED_INT]: 4, [FLOAT]: 4 };
const TYPE_COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };
const TRIANGLES = 4;
const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

const COMPRESSIONS: Record<string, string> = {
  KHR_draco_mesh_compression: 'Draco',
  EXT_meshopt_compression: 'meshopt',
  KHR_meshopt_compression: 'meshopt',
};
const compressed = (kind: string) =>
  new ScanFileError('compressed', { kind }, `This glTF file is ${kind}-compressed, which the simulator cannot read. Export it without compression.`);

/**
 * A scan's accessors hold at most one value per byte of its files (a float takes four); a mesh shared by
 * a few nodes is read a few times over. Reading more than this means the scene re-reads the same data
 * again and again (a 7 kB file could otherwise fill gigabytes), so it is refused before it is allocated.
 */
export const MAX_VALUES_READ_PER_BYTE = 4;
/** Values read from one scan at most, whatever its size (~1.2 GB as numbers): more than any browser can hold. */
export const MAX_VALUES_READ = 300_000_000;

export const isGlb = (bytes: Uint8Array) => bytes[0] === 0x67 && bytes[1] === 0x6c && bytes[2] === 0x54 && bytes[3] === 0x46; // "glTF"

export function parseGlb(file: ScanFile, files: readonly ScanFile[]): ParsedMesh {
  const { bytes } = file;
  if (bytes.length < 20) throw damaged('GLB', 'it is too short to hold a scene');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== 2) throw new ScanFileError('gltfVersion', { format: 'GLB', version }, `This GLB file is glTF version ${version}, which the simulator cannot read; export it as glTF 2.0.`);
  const declared = view.getUint32(8, true);
  if (declared > bytes.length) throw damaged('GLB', `it should be ${declared.toLocaleString('en')} bytes long but is ${bytes.length.toLocaleString('en')}`);
  let container: ReturnType<typeof readGlb>;
  try {
    container = readGlb(bytes);
  } catch {
    throw damaged('GLB', 'its scene description cannot be read');
  }
  return parseDocument(container.json as Gltf, container.bin.length ? container.bin : undefined, files, 'GLB');
}

export function parseGltf(file: ScanFile, files: readonly ScanFile[]): ParsedMesh {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(file.bytes));
  } catch {
    throw damaged('glTF', 'its text is not valid glTF (JSON)');
  }
  if (typeof json !== 'object' || json === null) throw damaged('glTF', 'its text is not valid glTF (JSON)');
  return parseDocument(json as Gltf, undefined, files, 'glTF');
}

/** One triangle primitive as placed in the scene. */
interface Part {
  primitive: Primitive;
  positions: Float32Array;
  indices: Uint32Array;
  /** The base-colour image, where the primitive has one on TEXCOORD_0. */
  image: number | undefined;
  /** The material's base colour factor (linear RGB). */
  factor: number[];
}

function parseDocument(doc: Gltf, glbBin: Uint8Array | undefined, files: readonly ScanFile[], label: string): ParsedMesh {
  if (doc.asset?.version?.startsWith('1')) throw new ScanFileError('gltfVersion', { format: label, version: 1 }, `This ${label} file is glTF version 1, which the simulator cannot read; export it as glTF 2.0.`);
  for (const name of doc.extensionsRequired ?? []) {
    const kind = COMPRESSIONS[name];
    if (kind) throw compressed(kind);
  }
  // A count larger than every byte given cannot be real; checked before anything is allocated.
  const maxElements = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const reader = new AccessorReader(doc, glbBin, files, label, maxElements, Math.min(MAX_VALUES_READ, MAX_VALUES_READ_PER_BYTE * maxElements));
  const parts: Part[] = [];
  for (const { mesh, matrix } of meshInstances(doc, label)) {
    const primitives = doc.meshes?.[mesh]?.primitives;
    if (!primitives) throw damaged(label, `a node refers to mesh ${mesh}, which is missing`);
    for (const primitive of primitives) {
      const part = readPrimitive(reader, primitive, matrix);
      if (part) parts.push(part);
    }
  }
  return merge(reader, parts);
}

function readPrimitive(reader: AccessorReader, primitive: Primitive, matrix: number[]): Part | undefined {
  const position = primitive.attributes?.POSITION;
  // Points and lines are no surface; a primitive without positions has nothing to show.
  if ((primitive.mode ?? TRIANGLES) !== TRIANGLES || position === undefined) return undefined;
  // Draco data may come with an uncompressed fallback; without one, the accessors have no data.
  if (primitive.extensions?.KHR_draco_mesh_compression && reader.doc.accessors?.[position]?.bufferView === undefined) throw compressed('Draco');
  const read = reader.floats(position);
  if (read.components !== 3) throw damaged(reader.label, `the positions of a mesh are not 3D (accessor ${position})`);
  const positions = transformPoints(read.values, matrix);
  const indices = primitive.indices === undefined ? sequence(read.count) : reader.indices(primitive.indices);
  if (indices.length % 3 !== 0) throw damaged(reader.label, `a mesh has ${indices.length} triangle corners, which is not a multiple of three`);
  checkIndices(indices, read.count, reader.label);
  // A mirroring transform turns the triangles inside out; swapping two corners keeps them facing out.
  if (determinant(matrix) < 0) {
    for (let t = 0; t < indices.length; t += 3) {
      const b = indices[t + 1]!;
      indices[t + 1] = indices[t + 2]!;
      indices[t + 2] = b;
    }
  }
  const material = primitive.material === undefined ? undefined : reader.doc.materials?.[primitive.material];
  const pbr = material?.pbrMetallicRoughness;
  const textureInfo = pbr?.baseColorTexture;
  const image = textureInfo && (textureInfo.texCoord ?? 0) === 0 && primitive.attributes.TEXCOORD_0 !== undefined ? reader.doc.textures?.[textureInfo.index]?.source : undefined;
  const [r = 1, g = 1, b = 1] = pbr?.baseColorFactor ?? [];
  return { primitive, positions, indices, image, factor: [r, g, b] };
}

/**
 * All parts as one mesh. A scan mesh has one texture, so uvs and texture are kept only when every part
 * shows the same image; otherwise they are dropped (with a warning) rather than shown on some parts only.
 * Colours are kept when any part has vertex colours: COLOR_0 times the material's base colour factor, and
 * the factor alone for parts without COLOR_0 (the colour glTF itself would draw there, textures aside).
 */
function merge(reader: AccessorReader, parts: Part[]): ParsedMesh {
  const warnings = new ScanWarnings();
  const images = new Set(parts.map((p) => p.image));
  const sharedImage = images.size === 1 ? parts[0]!.image : undefined;
  if (sharedImage === undefined && parts.some((p) => p.image !== undefined)) {
    warnings.add('mixedTextures', { format: reader.label }, `The ${reader.label} file's parts use different textures, or some have none, so the scan is shown without its texture.`);
  }
  const texture = sharedImage === undefined ? undefined : reader.image(sharedImage, warnings);
  const coloured = parts.some((p) => p.primitive.attributes.COLOR_0 !== undefined);

  let vertexCount = 0, cornerCount = 0;
  for (const part of parts) {
    vertexCount += part.positions.length / 3;
    cornerCount += part.indices.length;
  }
  const mesh: ScanMesh = { positions: new Float32Array(3 * vertexCount), indices: new Uint32Array(cornerCount) };
  const colors = coloured ? new Float32Array(3 * vertexCount) : undefined;
  const uvs = texture ? new Float32Array(2 * vertexCount) : undefined;
  let vertex = 0, corner = 0;
  for (const part of parts) {
    const count = part.positions.length / 3;
    mesh.positions.set(part.positions, 3 * vertex);
    for (let i = 0; i < part.indices.length; i++) mesh.indices[corner + i] = part.indices[i]! + vertex;
    if (colors) writeColors(reader, part, count, colors.subarray(3 * vertex, 3 * (vertex + count)));
    if (uvs) {
      const read = reader.floats(part.primitive.attributes.TEXCOORD_0!);
      if (read.components !== 2 || read.count !== count) throw damaged(reader.label, 'the texture coordinates of a mesh do not match its vertices');
      uvs.set(read.values, 2 * vertex);
    }
    vertex += count;
    corner += part.indices.length;
  }
  if (colors) mesh.colors = colors;
  if (uvs && texture) {
    mesh.uvs = uvs;
    mesh.texture = texture;
  }
  return warnings.parsed(mesh);
}

function writeColors(reader: AccessorReader, part: Part, count: number, out: Float32Array): void {
  const [r, g, b] = part.factor as [number, number, number];
  const accessor = part.primitive.attributes.COLOR_0;
  if (accessor === undefined) {
    for (let i = 0; i < count; i++) {
      out[3 * i] = r;
      out[3 * i + 1] = g;
      out[3 * i + 2] = b;
    }
    return;
  }
  // Integer colours are fractions of full intensity even where a file forgets to mark them normalized.
  const read = reader.floats(accessor, true);
  if ((read.components !== 3 && read.components !== 4) || read.count !== count) throw damaged(reader.label, 'the colours of a mesh do not match its vertices');
  const n = read.components;
  for (let i = 0; i < count; i++) {
    out[3 * i] = read.values[n * i]! * r;
    out[3 * i + 1] = read.values[n * i + 1]! * g;
    out[3 * i + 2] = read.values[n * i + 2]! * b;
  }
}

/** Every mesh of the default scene with its world transform (column-major 4×4), in document order. */
function meshInstances(doc: Gltf, label: string): { mesh: number; matrix: number[] }[] {
  const nodes = doc.nodes ?? [];
  const scene = doc.scenes?.[doc.scene ?? 0];
  let roots: number[];
  if (scene) roots = scene.nodes ?? [];
  else if (nodes.length > 0) {
    const children = new Set(nodes.flatMap((n) => n.children ?? []));
    roots = nodes.map((_, i) => i).filter((i) => !children.has(i));
  } else return (doc.meshes ?? []).map((_, mesh) => ({ mesh, matrix: IDENTITY }));

  const instances: { mesh: number; matrix: number[] }[] = [];
  const stack = roots.map((node) => ({ node, parent: IDENTITY })).reverse();
  let visits = 0;
  while (stack.length > 0) {
    const { node: index, parent } = stack.pop()!;
    const node = nodes[index];
    if (!node) throw damaged(label, `its scene refers to node ${index}, which is missing`);
    // In a valid file each node is reached once; more visits mean a loop (or a shared node) in the hierarchy.
    if (++visits > nodes.length) throw damaged(label, 'its node hierarchy loops back on itself');
    const matrix = multiply(parent, localMatrix(node));
    if (node.mesh !== undefined) instances.push({ mesh: node.mesh, matrix });
    for (const child of [...(node.children ?? [])].reverse()) stack.push({ node: child, parent: matrix });
  }
  return instances;
}

function localMatrix(node: GltfNode): number[] {
  if (node.matrix?.length === 16) return node.matrix;
  const [tx = 0, ty = 0, tz = 0] = node.translation ?? [];
  const [x = 0, y = 0, z = 0, w = 1] = node.rotation ?? [];
  const [sx = 1, sy = 1, sz = 1] = node.scale ?? [];
  return [
    (1 - 2 * (y * y + z * z)) * sx, 2 * (x * y + z * w) * sx, 2 * (x * z - y * w) * sx, 0,
    2 * (x * y - z * w) * sy, (1 - 2 * (x * x + z * z)) * sy, 2 * (y * z + x * w) * sy, 0,
    2 * (x * z + y * w) * sz, 2 * (y * z - x * w) * sz, (1 - 2 * (x * x + y * y)) * sz, 0,
    tx, ty, tz, 1,
  ];
}

function multiply(a: number[], b: number[]): number[] {
  const out = new Array<number>(16);
  for (let column = 0; column < 4; column++) {
    for (let row = 0; row < 4; row++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += a[k * 4 + row]! * b[column * 4 + k]!;
      out[column * 4 + row] = sum;
    }
  }
  return out;
}

const determinant = (m: number[]) =>
  m[0]! * (m[5]! * m[10]! - m[9]! * m[6]!) - m[4]! * (m[1]! * m[10]! - m[9]! * m[2]!) + m[8]! * (m[1]! * m[6]! - m[5]! * m[2]!);

function transformPoints(points: Float32Array, m: number[]): Float32Array {
  if (m.every((v, i) => v === IDENTITY[i])) return points;
  const out = new Float32Array(points.length);
  for (let i = 0; i < points.length; i += 3) {
    const x = points[i]!, y = points[i + 1]!, z = points[i + 2]!;
    out[i] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
    out[i + 1] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
    out[i + 2] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
  }
  return out;
}

/** A reader of one component at a byte offset, as a number (normalized integers as fractions). */
function componentReader(view: DataView, componentType: number, normalized: boolean): (offset: number) => number {
  switch (componentType) {
    case FLOAT:
      return (o) => view.getFloat32(o, true);
    case UNSIGNED_BYTE:
      return normalized ? (o) => view.getUint8(o) / 255 : (o) => view.getUint8(o);
    case BYTE:
      return normalized ? (o) => Math.max(view.getInt8(o) / 127, -1) : (o) => view.getInt8(o);
    case UNSIGNED_SHORT:
      return normalized ? (o) => view.getUint16(o, true) / 65535 : (o) => view.getUint16(o, true);
    case SHORT:
      return normalized ? (o) => Math.max(view.getInt16(o, true) / 32767, -1) : (o) => view.getInt16(o, true);
    default:
      return (o) => view.getUint32(o, true);
  }
}

class AccessorReader {
  private readonly buffers: Uint8Array[] = [];

  constructor(
    readonly doc: Gltf,
    private readonly glbBin: Uint8Array | undefined,
    private readonly files: readonly ScanFile[],
    readonly label: string,
    private readonly maxElements: number,
    /** Values all reads together may return (across every node and primitive that reads an accessor). */
    private readonly maxValuesRead: number,
  ) {}

  private valuesRead = 0;

  floats(index: number, integersAreFractions = false): { values: Float32Array; components: number; count: number } {
    return this.read(index, (n) => new Float32Array(n), integersAreFractions);
  }

  indices(index: number): Uint32Array {
    const { componentType } = this.accessor(index);
    if (componentType !== UNSIGNED_BYTE && componentType !== UNSIGNED_SHORT && componentType !== UNSIGNED_INT) {
      throw damaged(this.label, `the triangle list of a mesh (accessor ${index}) is not of whole numbers`);
    }
    const { values, components } = this.read(index, (n) => new Uint32Array(n), false);
    if (components !== 1) throw damaged(this.label, `the triangle list of a mesh (accessor ${index}) is not a plain list`);
    return values;
  }

  private accessor(index: number): Accessor {
    const accessor = this.doc.accessors?.[index];
    if (!accessor) throw damaged(this.label, `a mesh refers to accessor ${index}, which is missing`);
    return accessor;
  }

  private read<T extends Float32Array | Uint32Array>(index: number, make: (n: number) => T, integersAreFractions: boolean): { values: T; components: number; count: number } {
    const accessor = this.accessor(index);
    const components = TYPE_COMPONENTS[accessor.type];
    const size = COMPONENT_BYTES[accessor.componentType];
    if (!components || !size) throw damaged(this.label, `accessor ${index} has an unknown type`);
    const { count } = accessor;
    if (!Number.isSafeInteger(count) || count < 0 || count > this.maxElements) {
      throw damaged(this.label, `accessor ${index} claims ${count} elements, more than the file holds`);
    }
    this.valuesRead += count * components;
    if (this.valuesRead > this.maxValuesRead) {
      throw new ScanFileError(
        'rereads',
        { format: this.label },
        `This ${this.label} file reads its mesh data over and over (more than ${this.maxValuesRead.toLocaleString('en')} values from ${this.maxElements.toLocaleString('en')} bytes), far more than a scan holds; it is not read. Export the scan again, without instancing.`,
      );
    }
    const normalized = accessor.normalized === true || (integersAreFractions && accessor.componentType !== FLOAT);
    const values = make(count * components);
    if (accessor.bufferView !== undefined) {
      const view = this.bufferView(accessor.bufferView);
      const elementBytes = components * size;
      const stride = view.stride || elementBytes;
      const start = view.offset + (accessor.byteOffset ?? 0);
      if (count > 0 && start + stride * (count - 1) + elementBytes > view.offset + view.length) {
        throw damaged(this.label, `accessor ${index} reaches past the end of its data`);
      }
      const get = componentReader(view.data, accessor.componentType, normalized);
      for (let i = 0, o = start, k = 0; i < count; i++, o += stride) {
        for (let c = 0; c < components; c++) values[k++] = get(o + c * size);
      }
    }
    if (accessor.sparse) this.applySparse(index, accessor, values, components, normalized);
    return { values, components, count };
  }

  /** Sparse accessors replace some elements (of the bufferView's data, or of zeros) with listed values. */
  private applySparse(index: number, accessor: Accessor, values: Float32Array | Uint32Array, components: number, normalized: boolean): void {
    const sparse = accessor.sparse!;
    const n = sparse.count;
    const indexSize = COMPONENT_BYTES[sparse.indices.componentType];
    const valueSize = COMPONENT_BYTES[accessor.componentType]!;
    if (!Number.isSafeInteger(n) || n < 0 || n > accessor.count || !indexSize || sparse.indices.componentType === FLOAT) {
      throw damaged(this.label, `the sparse data of accessor ${index} cannot be read`);
    }
    const indexView = this.bufferView(sparse.indices.bufferView);
    const valueView = this.bufferView(sparse.values.bufferView);
    const indexStart = indexView.offset + (sparse.indices.byteOffset ?? 0);
    const valueStart = valueView.offset + (sparse.values.byteOffset ?? 0);
    if (indexStart + n * indexSize > indexView.offset + indexView.length || valueStart + n * components * valueSize > valueView.offset + valueView.length) {
      throw damaged(this.label, `the sparse data of accessor ${index} reaches past the end of its data`);
    }
    const getIndex = componentReader(indexView.data, sparse.indices.componentType, false);
    const getValue = componentReader(valueView.data, accessor.componentType, normalized);
    for (let s = 0; s < n; s++) {
      const target = getIndex(indexStart + s * indexSize);
      if (target >= accessor.count) throw damaged(this.label, `the sparse data of accessor ${index} refers to element ${target}, past its end`);
      for (let c = 0; c < components; c++) values[target * components + c] = getValue(valueStart + (s * components + c) * valueSize);
    }
  }

  private bufferView(index: number): { data: DataView; offset: number; length: number; stride: number } {
    const view = this.doc.bufferViews?.[index];
    if (!view) throw damaged(this.label, `it refers to buffer view ${index}, which is missing`);
    const buffer = this.buffer(view.buffer);
    const offset = view.byteOffset ?? 0;
    const length = view.byteLength;
    if (!(offset >= 0 && length >= 0 && offset + length <= buffer.length)) {
      throw damaged(this.label, `its data is shorter than its scene description says (buffer view ${index})`);
    }
    return { data: new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength), offset, length, stride: view.byteStride ?? 0 };
  }

  private buffer(index: number): Uint8Array {
    const cached = this.buffers[index];
    if (cached) return cached;
    const buffer = this.doc.buffers?.[index];
    if (!buffer) throw damaged(this.label, `it refers to buffer ${index}, which is missing`);
    let bytes: Uint8Array | undefined;
    if (buffer.uri === undefined) {
      // The GLB's own binary chunk is the first buffer, the one without a URI.
      bytes = index === 0 ? this.glbBin : undefined;
      if (!bytes) throw damaged(this.label, `buffer ${index} has no data`);
    } else if (buffer.uri.startsWith('data:')) {
      bytes = decodeDataUri(buffer.uri);
      if (!bytes) throw damaged(this.label, `the data embedded in it cannot be decoded`);
    } else {
      const name = uriFileName(buffer.uri);
      const file = findCompanion(this.files, name);
      // A "name" this long is no file name but embedded data whose "data:" prefix was damaged.
      if (!file && name.length > 255) throw damaged(this.label, 'the data embedded in it cannot be decoded');
      if (!file) throw new ScanFileError('gltfDataMissing', { name }, `The glTF's data file "${name}" was not among the dropped files; drop it together with the .gltf.`);
      bytes = file.bytes;
    }
    this.buffers[index] = bytes;
    return bytes;
  }

  /** The texture image; undefined (with a warning) when it is missing or not an image a browser shows. */
  image(index: number, warnings: ScanWarnings): ScanTexture | undefined {
    const image = this.doc.images?.[index];
    if (image?.bufferView !== undefined) {
      const view = this.bufferView(image.bufferView);
      const bytes = new Uint8Array(view.data.buffer, view.data.byteOffset + view.offset, view.length);
      return imageTexture(bytes, image.name ?? 'embedded texture', warnings);
    }
    if (image?.uri?.startsWith('data:')) {
      const bytes = decodeDataUri(image.uri);
      if (bytes) return imageTexture(bytes, image.name ?? 'embedded texture', warnings);
    } else if (image?.uri !== undefined) return companionTexture(this.files, uriFileName(image.uri), this.label, warnings);
    warnings.add('textureNotFound', { format: this.label }, `The ${this.label} file's texture cannot be found in it, so the scan is shown without its colours.`);
    return undefined;
  }
}

/** The bytes of a base64 data: URI (the only kind glTF exporters write); undefined for others. */
function decodeDataUri(uri: string): Uint8Array | undefined {
  const comma = uri.indexOf(',');
  if (comma < 0 || !/;base64$/i.test(uri.slice(0, comma))) return undefined;
  let text: string;
  try {
    text = atob(uri.slice(comma + 1));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A relative URI as a file name ("textures/scan%20map.jpg" → "scan map.jpg"; folders are ignored). */
function uriFileName(uri: string): string {
  try {
    return baseName(decodeURIComponent(uri));
  } catch {
    // Not percent-encoded after all: use it as written.
    return baseName(uri);
  }
}
