import { srgbToLinear } from '../../domain/color';
import { excerpt } from '../../domain/format';
import type { ScanFile, ScanMesh, ScanTexture } from '../../domain/scan/scanMesh';
import { asIndices, checkIndices, companionTexture, damaged, findCompanion, floatList, gather, intList, ScanWarnings, splitByUv, type ParsedMesh } from './common';
import { isSpace, TextScanner } from './text';

/**
 * Wavefront OBJ: v (with optional "r g b" vertex colours), vt, f (negative indices counted back from the
 * latest vertex; polygons cut into fans), usemtl, and mtllib for the texture (map_Kd) and colour (Kd) of
 * the materials. Normals, groups, lines and points are read past.
 */

const SLASH = 47;

interface Material {
  /** Diffuse colour as written (0..1, sRGB). */
  kd?: [number, number, number];
  /** The texture's file name, as written after map_Kd's options. */
  map?: string;
}

export function parseObj(file: ScanFile, files: readonly ScanFile[]): ParsedMesh {
  const text = new TextScanner(file.bytes);
  const positions = floatList();
  // Vertex colours as written, NaN for vertices without; started at the first coloured vertex.
  const colors = floatList();
  let coloured = false;
  let colorMax = 0;
  const uvTable = floatList();
  const cornerVertex = intList();
  const cornerUv = intList();
  const triangleMaterial = intList();
  const materialIds = new Map<string, number>();
  let material = -1;
  const libraries: string[] = [];
  const polygon: number[] = [];
  const polygonUvs: number[] = [];
  const values = [0, 0, 0, 0, 0, 0, 0];
  let line = 0;

  const fail = (what: string) => damaged('OBJ', `line ${line} has ${what} that cannot be read`);
  const resolve = (index: number, count: number) => {
    // 1-based, or negative: counted back from the latest one.
    const resolved = index > 0 ? index - 1 : count + index;
    if (index === 0 || resolved < 0) throw damaged('OBJ', `line ${line} refers to vertex ${index}, which does not exist`);
    return resolved;
  };
  const corner = (c: number) => {
    cornerVertex.push(polygon[c]!);
    cornerUv.push(polygonUvs[c]!);
  };
  const readNumbers = (what: string) => {
    let n = 0;
    while (!text.atLineEnd()) {
      const value = text.number();
      if (Number.isNaN(value)) throw fail(what);
      if (n < values.length) values[n] = value;
      n++;
    }
    return n;
  };

  while (!text.done) {
    line++;
    text.skipBlanks();
    if (text.word('v')) {
      const n = readNumbers('a vertex');
      if (n < 3) throw fail('a vertex');
      positions.push(values[0]!);
      positions.push(values[1]!);
      positions.push(values[2]!);
      // "v x y z r g b" (MeshLab, ZBrush, scanner apps); "v x y z w" is a weight, not a colour.
      if (n >= 6 && !coloured) {
        coloured = true;
        for (let i = 0; i < positions.length - 3; i++) colors.push(NaN);
      }
      if (coloured) {
        for (let k = 3; k < 6; k++) {
          const value = n >= 6 ? values[k]! : NaN;
          colors.push(value);
          if (value > colorMax) colorMax = value;
        }
      }
    } else if (text.word('vt')) {
      const n = readNumbers('a texture coordinate');
      if (n < 1) throw fail('a texture coordinate');
      uvTable.push(values[0]!);
      uvTable.push(n > 1 ? values[1]! : 0);
    } else if (text.word('f')) {
      polygon.length = 0;
      polygonUvs.length = 0;
      while (!text.atLineEnd()) {
        const v = text.integer();
        if (Number.isNaN(v)) throw fail('a face');
        let t = 0;
        if (text.peek() === SLASH) {
          text.pos++;
          if (text.peek() !== SLASH) t = text.integer();
          if (Number.isNaN(t)) throw fail('a face');
          // The normal's index, unused.
          if (text.peek() === SLASH) {
            text.pos++;
            text.integer();
          }
        }
        if (text.peek() !== undefined && !isSpace(text.peek())) throw fail('a face');
        polygon.push(resolve(v, positions.length / 3));
        polygonUvs.push(t === 0 ? -1 : resolve(t, uvTable.length / 2));
      }
      for (let k = 1; k + 1 < polygon.length; k++) {
        corner(0);
        corner(k);
        corner(k + 1);
        triangleMaterial.push(material);
      }
    } else if (text.word('usemtl')) {
      const name = text.restOfLine();
      material = materialIds.get(name) ?? materialIds.size;
      materialIds.set(name, material);
    } else if (text.word('mtllib')) {
      libraries.push(text.restOfLine());
    }
    text.nextLine();
  }

  const warnings = new ScanWarnings();
  const vertexCount = positions.length / 3;
  const indices = asIndices(cornerVertex);
  checkIndices(indices, vertexCount, 'OBJ');
  const library = readMaterials(libraries, files, warnings);
  // Materials by the ids faces use; faces before any usemtl (id -1) have none.
  const materials: (Material | undefined)[] = [];
  for (const [name, id] of materialIds) materials[id] = library.get(name);
  const materialOf = (triangle: number) => materials[triangleMaterial.get(triangle)];
  const triangles = triangleMaterial.length;

  const textureName = sharedTextureName(triangles, materialOf, cornerUv, warnings);
  const texture = textureName ? companionTexture(files, textureName, 'OBJ', warnings) : undefined;
  const mesh: ScanMesh = { positions: positions.toArray(), indices };
  if (coloured) mesh.colors = linearColors(colors.toArray(), colorMax > 1 ? 255 : 1);
  else if (!texture) {
    const kdColors = materialColors(vertexCount, indices, materialOf);
    if (kdColors) mesh.colors = kdColors;
  }
  return warnings.parsed(texture ? withUvs(mesh, cornerUv.toArray(), uvTable.toArray(), texture) : mesh);
}

/** Vertex colours to linear RGB; `full` is 255 for files that write them as bytes. Vertices without are white. */
function linearColors(written: Float32Array, full: number): Float32Array {
  const out = new Float32Array(written.length);
  for (let i = 0; i < written.length; i++) {
    const value = written[i]!;
    out[i] = Number.isNaN(value) ? 1 : srgbToLinear(Math.min(1, Math.max(0, value / full)));
  }
  return out;
}

/**
 * Colours from the materials' Kd, used when the file has neither vertex colours nor a texture. Only when
 * some material is not a plain grey: exporters write Kd 0.8 0.8 0.8 or 1 1 1 by default, and a grey scan
 * says less than no colour at all. Where a vertex is shared by materials, the last face drawn wins.
 */
function materialColors(vertexCount: number, indices: Uint32Array, materialOf: (triangle: number) => Material | undefined): Float32Array | undefined {
  const triangles = indices.length / 3;
  let informative = false;
  for (let t = 0; t < triangles && !informative; t++) {
    const kd = materialOf(t)?.kd;
    informative = kd !== undefined && (kd[0] !== kd[1] || kd[1] !== kd[2]);
  }
  if (!informative) return undefined;
  const colors = new Float32Array(3 * vertexCount).fill(1);
  for (let t = 0; t < triangles; t++) {
    const kd = materialOf(t)?.kd;
    if (!kd) continue;
    for (let c = 0; c < 3; c++) {
      for (let k = 0; k < 3; k++) colors[3 * indices[3 * t + c]! + k] = srgbToLinear(Math.min(1, Math.max(0, kd[k]!)));
    }
  }
  return colors;
}

/**
 * The image every triangle is textured with. A scan shows one texture, so when parts use different images
 * or some have none, the texture is left out (and the user told) rather than shown on some parts only.
 */
function sharedTextureName(triangles: number, materialOf: (triangle: number) => Material | undefined, cornerUv: { get(i: number): number }, warnings: ScanWarnings): string | undefined {
  let name: string | undefined;
  let some = false;
  let all = triangles > 0;
  for (let t = 0; t < triangles; t++) {
    const map = materialOf(t)?.map;
    const mapped = map !== undefined && cornerUv.get(3 * t) >= 0 && cornerUv.get(3 * t + 1) >= 0 && cornerUv.get(3 * t + 2) >= 0;
    some ||= mapped;
    if (!mapped || (name !== undefined && name.toLowerCase() !== map.toLowerCase())) all = false;
    else name ??= map;
  }
  if (all) return name;
  if (some) warnings.add('mixedTextures', { format: 'OBJ' }, 'The OBJ\'s parts use different textures, or some have none, so the scan is shown without its texture.');
  return undefined;
}

/** The mesh re-indexed so each corner's position and uv share one index (OBJ indexes them separately). */
function withUvs(mesh: ScanMesh, cornerUv: Int32Array, uvTable: Float32Array, texture: ScanTexture): ScanMesh {
  const uvCount = uvTable.length / 2;
  const cornerUvs = new Float32Array(2 * cornerUv.length);
  for (let c = 0; c < cornerUv.length; c++) {
    const t = cornerUv[c]!;
    if (t >= uvCount) throw damaged('OBJ', `a face refers to texture coordinate ${t + 1}, but the file has only ${uvCount}`);
    cornerUvs[2 * c] = uvTable[2 * t]!;
    // OBJ's v = 0 is the image's bottom; the scan mesh follows glTF, v = 0 at the top.
    cornerUvs[2 * c + 1] = 1 - uvTable[2 * t + 1]!;
  }
  const split = splitByUv(mesh.positions.length / 3, mesh.indices, cornerUvs);
  return {
    positions: gather(mesh.positions, 3, split.source),
    indices: split.indices,
    ...(mesh.colors && { colors: gather(mesh.colors, 3, split.source) }),
    uvs: split.uvs,
    texture,
  };
}

function readMaterials(libraries: string[], files: readonly ScanFile[], warnings: ScanWarnings): Map<string, Material> {
  const materials = new Map<string, Material>();
  for (const library of libraries) {
    // "mtllib a.mtl b.mtl" names several files, but a single name may contain spaces too.
    const names = findCompanion(files, library) ? [library] : library.split(/\s+/).filter(Boolean);
    for (const name of names) {
      const file = findCompanion(files, name);
      if (!file) {
        warnings.add('materialMissing', { name: excerpt(name) }, `The OBJ's material file ${excerpt(name)} was not among the dropped files; drop it together with the .obj to see the scan's texture.`);
        continue;
      }
      let current: Material | undefined;
      for (const line of new TextDecoder().decode(file.bytes).split(/\r?\n/)) {
        const trimmed = line.trim();
        const keyword = trimmed.split(/\s/, 1)[0]!.toLowerCase();
        const rest = trimmed.slice(keyword.length).trim();
        if (keyword === 'newmtl') materials.set(rest, (current = {}));
        else if (keyword === 'kd' && current) {
          const [r = NaN, g = r, b = r] = rest.split(/\s+/).map(Number);
          if (Number.isFinite(r) && Number.isFinite(g) && Number.isFinite(b)) current.kd = [r, g, b];
        } else if (keyword === 'map_kd' && current && rest) current.map = textureFileName(rest);
      }
    }
  }
  return materials;
}

/** Options whose argument is a word; the others (-o, -s, -t, -mm, -bm, -boost, -texres) take one to three numbers. */
const WORD_OPTIONS = new Set(['-blendu', '-blendv', '-cc', '-clamp', '-imfchan', '-type']);

/** The file name after map_Kd's options ("-s 1 1 1 -clamp on scan texture.jpg" → "scan texture.jpg"). */
function textureFileName(args: string): string {
  const words = args.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && words[i]!.startsWith('-')) {
    const option = words[i++]!.toLowerCase();
    if (WORD_OPTIONS.has(option)) i++;
    else for (let k = 0; k < 3 && i < words.length - 1 && Number.isFinite(Number(words[i])); k++) i++;
  }
  return words.slice(i).join(' ');
}
