import type { ScanFile, ScanMesh, ScanTexture } from '../../domain/scan/scanMesh';
import { excerpt } from '../../domain/format';
import type { Message } from '../../domain/languages';
import { message, TextError } from '../../domain/textError';

/**
 * Helpers shared by the scan file parsers (gltf.ts, obj.ts, ply.ts, stl.ts). Everything here works on
 * bytes and typed arrays only, since parsing runs in a Web Worker.
 */

/** What a format parser hands back: the mesh, and notes for the user on what was left out (in English, and as Messages). */
export interface ParsedMesh {
  mesh: ScanMesh;
  warnings: string[];
  warningTexts: Message[];
}

/** The notes a parser gathers: each in English and as a Message for the interface, in the same order. */
export class ScanWarnings {
  readonly english: string[] = [];
  readonly texts: Message[] = [];
  add(key: string, params: Message['params'], english: string): void {
    this.english.push(english);
    this.texts.push(message(`scan.warnings.${key}`, params));
  }
  parsed(mesh: ScanMesh): ParsedMesh {
    return { mesh, warnings: this.english, warningTexts: this.texts };
  }
}

/** A problem with the file itself, worded for the user (as opposed to a bug in the reader). */
export class ScanFileError extends TextError {
  constructor(key: string, params: Message['params'], english: string) {
    super(message(`scan.file.${key}`, params), english);
    this.name = 'ScanFileError';
  }
}

/** A file that breaks its format; `detail` is technical (which accessor, which line) and stays in English. */
export function damaged(label: string, detail: string): ScanFileError {
  return new ScanFileError('damaged', { format: label, detail }, `This ${label} file is damaged or incomplete: ${detail}.`);
}

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The extension, lower case, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * The dropped file a scan refers to by name. Folders in the reference are ignored (the user drops files,
 * not folders) and case too, since scans often come from Windows, where "Scan.JPG" and "scan.jpg" are one file.
 */
export function findCompanion(files: readonly ScanFile[], reference: string): ScanFile | undefined {
  const wanted = baseName(reference).toLowerCase();
  return files.find((f) => baseName(f.name).toLowerCase() === wanted);
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/** The image type from the bytes' signature, else from the name; undefined for images a browser may not decode. */
function imageMimeType(name: string, bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' }[extensionOf(name)];
}

/**
 * A texture named inside a scan, taken from the dropped files. A missing or unusable image is not fatal:
 * the scan's shape is what matters, so the mesh is kept without colours and the user told why.
 */
export function companionTexture(files: readonly ScanFile[], reference: string, label: string, warnings: ScanWarnings): ScanTexture | undefined {
  const file = findCompanion(files, reference);
  const name = baseName(reference);
  if (!file) {
    const extension = label.toLowerCase();
    warnings.add('textureMissing', { format: label, name: excerpt(name), extension }, `The ${label}'s texture ${excerpt(name)} was not among the dropped files; drop it together with the .${extension} to see the scan's colours.`);
    return undefined;
  }
  return imageTexture(file.bytes, file.name, warnings);
}

export function imageTexture(bytes: Uint8Array, name: string, warnings: ScanWarnings): ScanTexture | undefined {
  const mimeType = imageMimeType(name, bytes);
  if (!mimeType) {
    warnings.add('textureNotImage', { name: excerpt(name) }, `The texture ${excerpt(name)} is not a PNG, JPEG or WebP image, so the scan is shown without its colours.`);
    return undefined;
  }
  // A copy: a view into the whole file would carry the file along when the mesh is sent between threads.
  return { bytes: bytes.slice(), mimeType };
}

/** A typed array that grows as values are pushed, for formats that do not say their sizes up front. */
export class NumberList<T extends Float32Array | Int32Array> {
  length = 0;
  constructor(
    private array: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }

  get(index: number): number {
    return this.array[index]!;
  }

  toArray(): T {
    return this.array.slice(0, this.length) as T;
  }
}

export const floatList = () => new NumberList(new Float32Array(1024), (n) => new Float32Array(n));
export const intList = () => new NumberList(new Int32Array(1024), (n) => new Int32Array(n));

/** Resolved vertex indices as stored (-1 and other negatives become huge and fail the range check). */
export const asIndices = (list: NumberList<Int32Array>) => new Uint32Array(list.toArray().buffer);

/** Throw unless every index names one of `vertexCount` vertices. */
export function checkIndices(indices: Uint32Array | Int32Array, vertexCount: number, label: string): void {
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i]!;
    if (index < 0 || index >= vertexCount) {
      throw damaged(label, `a triangle refers to a vertex that is not in the file (it has ${vertexCount} vertices)`);
    }
  }
}

/** The last checks every parser's result passes: triangles to show, indices in range, coordinates that are numbers. */
export function checkMesh(mesh: ScanMesh, label: string): void {
  if (mesh.indices.length < 3) throw new ScanFileError('noTriangles', { format: label }, `This ${label} file contains no triangles, so there is no surface to show.`);
  checkIndices(mesh.indices, mesh.positions.length / 3, label);
  for (let i = 0; i < mesh.positions.length; i++) {
    if (!Number.isFinite(mesh.positions[i]!)) throw damaged(label, 'some vertex coordinates are not numbers');
  }
}

/** Indices 0..n-1, for triangles stored corner by corner. */
export function sequence(n: number): Uint32Array {
  const indices = new Uint32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  return indices;
}

/** Copy rows of `size` values in the order `source` lists them. */
export function gather(values: Float32Array, size: number, source: Uint32Array): Float32Array {
  const out = new Float32Array(source.length * size);
  for (let i = 0; i < source.length; i++) {
    for (let k = 0; k < size; k++) out[i * size + k] = values[source[i]! * size + k]!;
  }
  return out;
}

/**
 * Give each vertex one copy per distinct uv it is used with, so that formats with uvs per triangle corner
 * (OBJ's separate uv indices, PLY's per-face texcoords) become one index per corner. `cornerVertex` must be
 * in range. Returns, per new vertex, the vertex it copies and its uv.
 */
export function splitByUv(vertexCount: number, cornerVertex: Uint32Array, cornerUv: Float32Array): { source: Uint32Array; uvs: Float32Array; indices: Uint32Array } {
  const corners = cornerVertex.length;
  const first = new Int32Array(vertexCount).fill(-1);
  const next = new Int32Array(corners);
  const source = new Uint32Array(corners);
  const uvs = new Float32Array(2 * corners);
  const indices = new Uint32Array(corners);
  let count = 0;
  for (let c = 0; c < corners; c++) {
    const v = cornerVertex[c]!, u = cornerUv[2 * c]!, w = cornerUv[2 * c + 1]!;
    let copy = first[v]!;
    // A few copies per vertex is normal (seams); capping the search keeps a hostile file from going quadratic.
    for (let tries = 0; copy !== -1 && tries < 16 && !(uvs[2 * copy] === u && uvs[2 * copy + 1] === w); tries++) copy = next[copy]!;
    if (copy === -1 || uvs[2 * copy] !== u || uvs[2 * copy + 1] !== w) {
      copy = count++;
      source[copy] = v;
      uvs[2 * copy] = u;
      uvs[2 * copy + 1] = w;
      next[copy] = first[v]!;
      first[v] = copy;
    }
    indices[c] = copy;
  }
  return { source: source.slice(0, count), uvs: uvs.slice(0, 2 * count), indices };
}

/** The line number (1-based) of a byte offset, for error messages. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}
