import { srgbToLinear } from '../../domain/color';
import { excerpt } from '../../domain/format';
import type { ScanFile, ScanMesh } from '../../domain/scan/scanMesh';
import { asIndices, checkIndices, companionTexture, damaged, floatList, gather, intList, lineAt, ScanFileError, ScanWarnings, splitByUv, type NumberList, type ParsedMesh } from './common';
import { TextScanner } from './text';

/**
 * PLY (Stanford polygon format): ASCII and binary of either byte order. Reads vertex x y z, colours
 * (red green blue, integer or float), uvs (s t, u v or texture_u texture_v, or per face corner as MeshLab's
 * "texcoord" list), and faces (vertex_indices or vertex_index lists, polygons cut into fans). The texture is
 * the file named by a "comment TextureFile" line. Other elements and properties are read past.
 */

interface ValueType {
  size: number;
  /** The value that means full intensity when the type holds a colour. */
  full: number;
  get(view: DataView, offset: number, little: boolean): number;
}

const TYPES: Record<string, ValueType> = {};
for (const [names, size, full, get] of [
  [['char', 'int8'], 1, 127, (v, o) => v.getInt8(o)],
  [['uchar', 'uint8'], 1, 255, (v, o) => v.getUint8(o)],
  [['short', 'int16'], 2, 32767, (v, o, l) => v.getInt16(o, l)],
  [['ushort', 'uint16'], 2, 65535, (v, o, l) => v.getUint16(o, l)],
  [['int', 'int32'], 4, 2147483647, (v, o, l) => v.getInt32(o, l)],
  [['uint', 'uint32'], 4, 4294967295, (v, o, l) => v.getUint32(o, l)],
  [['float', 'float32'], 4, 1, (v, o, l) => v.getFloat32(o, l)],
  [['double', 'float64'], 8, 1, (v, o, l) => v.getFloat64(o, l)],
] as [string[], number, number, ValueType['get']][]) {
  for (const name of names) TYPES[name] = { size, full, get };
}

interface Property {
  name: string;
  type: ValueType;
  /** For a list property, the type of its length. */
  countType?: ValueType;
}

interface Element {
  name: string;
  count: number;
  properties: Property[];
}

interface Header {
  format: 'ascii' | 'binary_little_endian' | 'binary_big_endian';
  elements: Element[];
  textureFile?: string;
  dataStart: number;
}

export const POINT_CLOUD_MESSAGE = 'This PLY file is a point cloud with no surface; export the scan as a mesh.';

const SRGB_BYTE_TO_LINEAR = Float32Array.from({ length: 256 }, (_, i) => srgbToLinear(i / 255));

export function parsePly(file: ScanFile, files: readonly ScanFile[]): ParsedMesh {
  const header = readHeader(file.bytes);
  const vertexElement = header.elements.find((e) => e.name === 'vertex');
  if (!vertexElement || vertexElement.count === 0) throw new ScanFileError('noVertices', { format: 'PLY' }, 'This PLY file has no vertices, so there is no surface to show.');
  if (!header.elements.some((e) => e.name === 'face' && e.count > 0)) throw new ScanFileError('pointCloud', undefined, POINT_CLOUD_MESSAGE);

  const source = header.format === 'ascii' ? new AsciiSource(file.bytes, header.dataStart) : new BinarySource(file.bytes, header.dataStart, header.format === 'binary_little_endian');
  let vertices: Vertices | undefined;
  const faces: Faces = { corners: intList(), cornerUvs: floatList(), uvsComplete: true };
  for (const element of header.elements) {
    let minimum = 0;
    for (const p of element.properties) minimum += source.minBytes(p.countType ?? p.type);
    // Before anything is allocated: a header promising billions of faces in a small file is refused at once.
    if (element.count * minimum > source.remaining() + 1) {
      throw damaged('PLY', `its header promises ${element.count.toLocaleString('en')} ${element.name} entries, but the file ends before them`);
    }
    if (element === vertexElement) vertices = readVertices(element, source);
    else if (element.name === 'face') readFaces(element, source, faces);
    else skipElement(element, source);
  }
  return assemble(vertices!, faces, header, files);
}

function readHeader(bytes: Uint8Array): Header {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1 << 20));
  if (!/^ply\r?\n/.test(head)) throw new ScanFileError('notPly', undefined, 'This file is not a PLY file: it does not start with "ply".');
  const end = /(?:^|\n)end_header[ \t]*(?:\r?\n|$)/.exec(head);
  if (!end) throw damaged('PLY', 'its header has no end_header line');
  // latin1 decodes one character per byte, so string positions are byte offsets.
  const header: Header = { format: 'ascii', elements: [], dataStart: end.index + end[0].length };
  let formatSeen = false;
  for (const line of head.slice(0, end.index).split(/\r?\n/)) {
    const words = line.trim().split(/\s+/);
    const [keyword = '', a = '', b = '', c = '', d = ''] = words;
    if (keyword === 'format') {
      if (a !== 'ascii' && a !== 'binary_little_endian' && a !== 'binary_big_endian') throw damaged('PLY', `its header names an unknown format ${excerpt(a)}`);
      header.format = a;
      formatSeen = true;
    } else if (keyword === 'element') {
      const count = Number(b);
      if (!Number.isSafeInteger(count) || count < 0) throw damaged('PLY', `its header gives ${excerpt(b)} as the number of ${excerpt(a, 20)} entries`);
      header.elements.push({ name: a, count, properties: [] });
    } else if (keyword === 'property') {
      const element = header.elements.at(-1);
      if (!element) throw damaged('PLY', 'its header lists a property before any element');
      const list = a === 'list';
      const type = TYPES[list ? c : a], countType = list ? TYPES[b] : undefined;
      if (!type || (list && !countType)) throw damaged('PLY', `its header names an unknown value type in ${excerpt(line.trim())}`);
      element.properties.push({ name: list ? d : b, type, ...(countType && { countType }) });
    } else if ((keyword === 'comment' || keyword === 'obj_info') && a.toLowerCase() === 'texturefile') {
      header.textureFile = line.trim().replace(/^\S+\s+\S+\s+/, '');
    }
  }
  if (!formatSeen) throw damaged('PLY', 'its header has no format line');
  return header;
}

/** Where values come from: the binary reader checks every read against the end of the file. */
interface ValueSource {
  read(type: ValueType): number;
  minBytes(type: ValueType): number;
  remaining(): number;
}

const fileEnds = () => damaged('PLY', 'the file ends before all the vertices and faces its header promises');

class BinarySource implements ValueSource {
  private readonly view: DataView;
  constructor(
    bytes: Uint8Array,
    private offset: number,
    private readonly little: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  read(type: ValueType): number {
    if (this.offset + type.size > this.view.byteLength) throw fileEnds();
    const value = type.get(this.view, this.offset, this.little);
    this.offset += type.size;
    return value;
  }
  minBytes(type: ValueType): number {
    return type.size;
  }
  remaining(): number {
    return this.view.byteLength - this.offset;
  }
}

class AsciiSource implements ValueSource {
  private readonly text: TextScanner;
  constructor(bytes: Uint8Array, start: number) {
    this.text = new TextScanner(bytes, start);
  }
  read(): number {
    this.text.skipSpace();
    if (this.text.done) throw fileEnds();
    const value = this.text.number();
    if (Number.isNaN(value)) throw damaged('PLY', `a value on line ${lineAt(this.text.bytes, this.text.pos)} is not a number`);
    return value;
  }
  /** A digit and a separator. */
  minBytes(): number {
    return 2;
  }
  remaining(): number {
    return this.text.bytes.length - this.text.pos;
  }
}

/** The length of a list, checked against what is left of the file so a hostile length cannot loop for long. */
function listLength(property: Property, source: ValueSource): number {
  const n = source.read(property.countType!);
  if (!Number.isInteger(n) || n < 0) throw damaged('PLY', `a list of ${excerpt(property.name, 20)} has the length ${n}`);
  if (n * source.minBytes(property.type) > source.remaining() + 1) throw fileEnds();
  return n;
}

function skipElement(element: Element, source: ValueSource): void {
  for (let i = 0; i < element.count; i++) {
    for (const p of element.properties) {
      const n = p.countType ? listLength(p, source) : 1;
      for (let k = 0; k < n; k++) source.read(p.type);
    }
  }
}

interface Vertices {
  positions: Float32Array;
  colors?: Float32Array;
  uvs?: Float32Array;
}

const ROLES: Record<string, number> = {
  x: 0, y: 1, z: 2,
  red: 3, green: 4, blue: 5, diffuse_red: 3, diffuse_green: 4, diffuse_blue: 5,
  s: 6, t: 7, u: 6, v: 7, texture_u: 6, texture_v: 7, texture_s: 6, texture_t: 7,
};

function readVertices(element: Element, source: ValueSource): Vertices {
  const roles = element.properties.map((p) => (p.countType ? -1 : (ROLES[p.name] ?? -1)));
  const has = (role: number) => roles.includes(role);
  if (!has(0) || !has(1) || !has(2)) throw damaged('PLY', 'its vertices have no x, y, z coordinates');
  const count = element.count;
  const positions = new Float32Array(3 * count);
  const colors = has(3) && has(4) && has(5) ? new Float32Array(3 * count) : undefined;
  const uvs = has(6) && has(7) ? new Float32Array(2 * count) : undefined;
  const properties = element.properties;
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < properties.length; j++) {
      const p = properties[j]!;
      const role = roles[j]!;
      if (p.countType) {
        const n = listLength(p, source);
        for (let k = 0; k < n; k++) source.read(p.type);
        continue;
      }
      const value = source.read(p.type);
      if (role < 0) continue;
      if (role < 3) positions[3 * i + role] = value;
      else if (role < 6) {
        if (colors) colors[3 * i + role - 3] = (p.type.full === 255 ? SRGB_BYTE_TO_LINEAR[value] : undefined) ?? srgbToLinear(Math.min(1, Math.max(0, value / p.type.full)));
      } else if (uvs) {
        // PLY uvs, like OBJ's, have v = 0 at the image's bottom.
        uvs[2 * i + role - 6] = role === 7 ? 1 - value : value;
      }
    }
  }
  return { positions, ...(colors && { colors }), ...(uvs && { uvs }) };
}

interface Faces {
  corners: NumberList<Int32Array>;
  /** u, v per triangle corner, from a "texcoord" list. */
  cornerUvs: NumberList<Float32Array>;
  /** False once a face's texcoord list does not match its corners. */
  uvsComplete: boolean;
}

function readFaces(element: Element, source: ValueSource, faces: Faces): void {
  const indexProperty = element.properties.find((p) => p.countType && (p.name === 'vertex_indices' || p.name === 'vertex_index'));
  if (!indexProperty) throw damaged('PLY', 'its faces have no list of vertex indices');
  const uvProperty = element.properties.find((p) => p.countType && p.name === 'texcoord');
  if (!uvProperty) faces.uvsComplete = false;
  const polygon: number[] = [];
  const polygonUvs: number[] = [];
  for (let i = 0; i < element.count; i++) {
    polygon.length = 0;
    polygonUvs.length = 0;
    for (const p of element.properties) {
      const n = p.countType ? listLength(p, source) : 1;
      const into = p === indexProperty ? polygon : p === uvProperty ? polygonUvs : undefined;
      for (let k = 0; k < n; k++) {
        const value = source.read(p.type);
        into?.push(value);
      }
    }
    if (polygonUvs.length !== 2 * polygon.length) faces.uvsComplete = false;
    for (let k = 1; k + 1 < polygon.length; k++) {
      corner(0);
      corner(k);
      corner(k + 1);
    }
  }

  function corner(c: number): void {
    faces.corners.push(polygon[c]!);
    if (!faces.uvsComplete) return;
    faces.cornerUvs.push(polygonUvs[2 * c]!);
    faces.cornerUvs.push(1 - polygonUvs[2 * c + 1]!);
  }
}

function assemble(vertices: Vertices, faces: Faces, header: Header, files: readonly ScanFile[]): ParsedMesh {
  const warnings = new ScanWarnings();
  const vertexCount = vertices.positions.length / 3;
  const corners = asIndices(faces.corners);
  checkIndices(corners, vertexCount, 'PLY');
  const cornerUvs = !vertices.uvs && faces.uvsComplete && faces.corners.length > 0 ? faces.cornerUvs.toArray() : undefined;
  const texture = header.textureFile && (vertices.uvs || cornerUvs) ? companionTexture(files, header.textureFile, 'PLY', warnings) : undefined;
  const mesh: ScanMesh = { positions: vertices.positions, indices: corners };
  if (vertices.colors) mesh.colors = vertices.colors;
  if (texture && vertices.uvs) return warnings.parsed({ ...mesh, uvs: vertices.uvs, texture });
  if (texture && cornerUvs) {
    const split = splitByUv(vertexCount, corners, cornerUvs);
    mesh.positions = gather(vertices.positions, 3, split.source);
    if (vertices.colors) mesh.colors = gather(vertices.colors, 3, split.source);
    return warnings.parsed({ ...mesh, indices: split.indices, uvs: split.uvs, texture });
  }
  return warnings.parsed(mesh);
}
