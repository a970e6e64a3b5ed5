import { describe, expect, it } from 'vitest';
import { signedVolume } from '../../src/domain/head/meshTools';
import type { ScanFile, ScanMesh } from '../../src/domain/scan/scanMesh';
import { parseScan } from '../../src/io/scan/parseScan';
import { writeScanGlb, writeScanGltf, writeScanObj, writeScanPly, writeScanStl } from '../support/scanFiles';

/** The first bytes of a PNG: the parser only looks at the signature, never decodes the image. */
const PNG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3);
const JPEG = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46);

/** An icosahedron subdivided `levels` times, radius 90, outward winding, with colours, uvs and a texture. */
function icosphere(levels: number): Required<ScanMesh> {
  const t = (1 + Math.sqrt(5)) / 2;
  const unit = (p: number[]) => p.map((x) => x / Math.hypot(...p));
  const points = [[-1, t, 0], [1, t, 0], [-1, -t, 0], [1, -t, 0], [0, -1, t], [0, 1, t], [0, -1, -t], [0, 1, -t], [t, 0, -1], [t, 0, 1], [-t, 0, -1], [-t, 0, 1]].map(unit);
  let faces = [[0, 11, 5], [0, 5, 1], [0, 1, 7], [0, 7, 10], [0, 10, 11], [1, 5, 9], [5, 11, 4], [11, 10, 2], [10, 7, 6], [7, 1, 8], [3, 9, 4], [3, 4, 2], [3, 2, 6], [3, 6, 8], [3, 8, 9], [4, 9, 5], [2, 4, 11], [6, 2, 10], [8, 6, 7], [9, 8, 1]];
  for (let level = 0; level < levels; level++) {
    const middles = new Map<string, number>();
    const middle = (a: number, b: number) => {
      const key = `${Math.min(a, b)},${Math.max(a, b)}`;
      if (!middles.has(key)) middles.set(key, points.push(unit(points[a]!.map((x, k) => x + points[b]![k]!))) - 1);
      return middles.get(key)!;
    };
    faces = faces.flatMap(([a, b, c]) => {
      const ab = middle(a!, b!), bc = middle(b!, c!), ca = middle(c!, a!);
      return [[a!, ab, ca], [b!, bc, ab], [c!, ca, bc], [ab, bc, ca]];
    });
  }
  return {
    positions: new Float32Array(points.flatMap((p) => p.map((x) => 90 * x))),
    indices: new Uint32Array(faces.flat()),
    colors: new Float32Array(points.flatMap(([x, y, z]) => [0.1 + 0.4 * (x! + 1), 0.1 + 0.4 * (y! + 1), 0.1 + 0.4 * (z! + 1)])),
    uvs: new Float32Array(points.flatMap(([x, y, z]) => [Math.atan2(z!, x!) / (2 * Math.PI) + 0.5, Math.acos(y!) / Math.PI])),
    texture: { bytes: PNG, mimeType: 'image/png' },
  };
}

const sphere = icosphere(2);
const shape: ScanMesh = { positions: sphere.positions, indices: sphere.indices };
const coloured: ScanMesh = { ...shape, colors: sphere.colors };
const textured: ScanMesh = { ...shape, uvs: sphere.uvs, texture: sphere.texture };

/** The largest difference of an attribute between two meshes, corner by corner (so re-indexing does not matter). */
function cornerDifference(actual: ScanMesh, expected: ScanMesh, attribute: 'positions' | 'colors' | 'uvs'): number {
  const a = actual[attribute], e = expected[attribute];
  if (!a || !e) return Infinity;
  const size = attribute === 'uvs' ? 2 : 3;
  let worst = 0;
  for (let i = 0; i < expected.indices.length; i++) {
    for (let k = 0; k < size; k++) worst = Math.max(worst, Math.abs(a[size * actual.indices[i]! + k]! - e[size * expected.indices[i]! + k]!));
  }
  return worst;
}

function expectSurface(actual: ScanMesh, expected: ScanMesh, tolerance: { positions: number; colors?: number; uvs?: number }): void {
  expect(actual.indices.length).toBe(expected.indices.length);
  expect(cornerDifference(actual, expected, 'positions')).toBeLessThanOrEqual(tolerance.positions);
  if (tolerance.colors === undefined) expect(actual.colors).toBeUndefined();
  else expect(cornerDifference(actual, expected, 'colors')).toBeLessThanOrEqual(tolerance.colors);
  if (tolerance.uvs === undefined) expect(actual.uvs).toBeUndefined();
  else expect(cornerDifference(actual, expected, 'uvs')).toBeLessThanOrEqual(tolerance.uvs);
}

const file = (name: string, content: string | Uint8Array): ScanFile => ({ name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content });
const parseError = (files: ScanFile[]) => {
  try {
    parseScan(files);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parseScan did not throw');
};

/** A .gltf with one embedded buffer, for accessor layouts the writers do not make. */
function handGltf(json: Record<string, unknown>, buffer: Uint8Array): ScanFile {
  const uri = `data:application/octet-stream;base64,${Buffer.from(buffer).toString('base64')}`;
  return file('hand.gltf', JSON.stringify({ asset: { version: '2.0' }, ...json, buffers: [{ byteLength: buffer.length, uri }] }));
}

describe('the test sphere', () => {
  it('faces outward', () => {
    expect(signedVolume(sphere.positions, sphere.indices)).toBeGreaterThan(0);
    expect(sphere.indices.length / 3).toBe(320);
  });
});

describe('glTF', () => {
  it('reads back a GLB with colours, uvs and its embedded texture', () => {
    const { mesh, format, warnings } = parseScan([file('scan.glb', writeScanGlb(sphere))]);
    expect(format).toBe('glb');
    expectSurface(mesh, sphere, { positions: 0, colors: 0, uvs: 0 });
    expect(mesh.texture).toEqual({ bytes: PNG, mimeType: 'image/png' });
    expect(warnings).toEqual([]);
  });

  it('applies a node matrix', () => {
    const matrix = [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 10, 20, 30, 1];
    const { mesh } = parseScan([file('scan.glb', writeScanGlb(shape, { node: { matrix } }))]);
    const expected = sphere.positions.map((x, i) => 2 * x + [10, 20, 30][i % 3]!);
    expectSurface(mesh, { positions: expected, indices: sphere.indices }, { positions: 1e-4 });
  });

  it('applies translation, rotation and scale through the node hierarchy', () => {
    const s = Math.SQRT1_2;
    // Rotation of 90° about z, then a move of 1 along x, inside a parent scaled by 10.
    const glb = writeScanGlb(shape, { node: { rotation: [0, 0, s, s], translation: [1, 0, 0] }, parent: { scale: [10, 10, 10] } });
    const { mesh } = parseScan([file('scan.glb', glb)]);
    const p = sphere.positions;
    const expected = p.map((_, i) => {
      const v = i - (i % 3);
      return 10 * [-p[v + 1]! + 1, p[v]!, p[v + 2]!][i % 3]!;
    });
    expectSurface(mesh, { positions: expected, indices: sphere.indices }, { positions: 1e-3 });
  });

  it('keeps triangles facing out under a mirroring transform', () => {
    const { mesh } = parseScan([file('scan.glb', writeScanGlb(shape, { node: { scale: [-1, 1, 1] } }))]);
    expect(signedVolume(mesh.positions, mesh.indices)).toBeCloseTo(signedVolume(sphere.positions, sphere.indices), 0);
  });

  it('reads a .gltf with its .bin and texture as companion files, matching names without case', () => {
    const files = writeScanGltf(sphere, 'Scan').map((f) => ({ ...f, name: f.name.endsWith('.gltf') ? f.name : f.name.toUpperCase() }));
    const { mesh, format } = parseScan([files[2]!, files[1]!, files[0]!]);
    expect(format).toBe('gltf');
    expectSurface(mesh, sphere, { positions: 0, colors: 0, uvs: 0 });
    expect(mesh.texture?.bytes).toEqual(PNG);
  });

  it('reads a .gltf with its data embedded as data: URIs', () => {
    const { mesh } = parseScan(writeScanGltf(sphere, 'scan', { embedded: true }));
    expectSurface(mesh, sphere, { positions: 0, colors: 0, uvs: 0 });
    expect(mesh.texture?.mimeType).toBe('image/png');
  });

  it('names a missing .bin, and goes on without a missing texture', () => {
    const [gltf, bin] = writeScanGltf(sphere);
    expect(parseError([gltf!])).toBe('The glTF\'s data file "scan.bin" was not among the dropped files; drop it together with the .gltf.');
    const { mesh, warnings } = parseScan([gltf!, bin!]);
    expectSurface(mesh, sphere, { positions: 0, colors: 0 });
    expect(mesh.texture).toBeUndefined();
    expect(warnings).toEqual(['The glTF\'s texture "scan.png" was not among the dropped files; drop it together with the .gltf to see the scan\'s colours.']);
  });

  it('reads strided, normalized, sparse and non-indexed accessors, skipping lines', () => {
    const buffer = new DataView(new ArrayBuffer(140));
    const tetrahedron = [[0, 0, 0], [10, 0, 0], [0, 10, 0], [0, 0, 10]];
    tetrahedron.forEach((p, v) => {
      p.forEach((x, k) => buffer.setFloat32(16 * v + 4 * k, x, true));
      [255, 51, 0, 255].forEach((c, k) => buffer.setUint8(16 * v + 12 + k, k === 2 ? 17 * v : c));
    });
    [0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3].forEach((index, i) => buffer.setUint16(64 + 2 * i, index, true));
    [20, 0, 0, 30, 0, 0, 20, 10, 0].forEach((x, i) => buffer.setFloat32(88 + 4 * i, x, true));
    buffer.setUint8(124, 2);
    [5, 5, 5].forEach((x, i) => buffer.setFloat32(128 + 4 * i, x, true));
    const gltf = handGltf(
      {
        scenes: [{ nodes: [0] }],
        nodes: [{ mesh: 0 }],
        meshes: [
          {
            primitives: [
              { attributes: { POSITION: 0, COLOR_0: 1 }, indices: 2, material: 0 },
              { attributes: { POSITION: 0 }, indices: 2, mode: 1 },
              { attributes: { POSITION: 3 }, material: 1 },
            ],
          },
        ],
        materials: [{ pbrMetallicRoughness: {} }, { pbrMetallicRoughness: { baseColorFactor: [0.5, 0.25, 1, 1] } }],
        bufferViews: [
          { buffer: 0, byteOffset: 0, byteLength: 64, byteStride: 16 },
          { buffer: 0, byteOffset: 64, byteLength: 24 },
          { buffer: 0, byteOffset: 88, byteLength: 36 },
          { buffer: 0, byteOffset: 124, byteLength: 1 },
          { buffer: 0, byteOffset: 128, byteLength: 12 },
        ],
        accessors: [
          { bufferView: 0, componentType: 5126, count: 4, type: 'VEC3', sparse: { count: 1, indices: { bufferView: 3, componentType: 5121 }, values: { bufferView: 4 } } },
          { bufferView: 0, byteOffset: 12, componentType: 5121, normalized: true, count: 4, type: 'VEC4' },
          { bufferView: 1, componentType: 5123, count: 12, type: 'SCALAR' },
          { bufferView: 2, componentType: 5126, count: 3, type: 'VEC3' },
        ],
      },
      new Uint8Array(buffer.buffer),
    );
    const { mesh } = parseScan([gltf]);
    expect(Array.from(mesh.indices)).toEqual([0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(mesh.positions.subarray(3, 9))).toEqual([10, 0, 0, 5, 5, 5]);
    expect(Array.from(mesh.positions.subarray(12))).toEqual([20, 0, 0, 30, 0, 0, 20, 10, 0]);
    const colors = Array.from(mesh.colors!);
    expect(colors.slice(6, 9).map((c) => c.toFixed(3))).toEqual(['1.000', '0.200', '0.133']);
    expect(colors.slice(12)).toEqual([0.5, 0.25, 1, 0.5, 0.25, 1, 0.5, 0.25, 1]);
  });

  it('drops the texture, keeping colours, when only some parts are textured', () => {
    const buffer = new DataView(new ArrayBuffer(60));
    [0, 0, 0, 1, 0, 0, 0, 1, 0].forEach((x, i) => buffer.setFloat32(4 * i, x, true));
    [0, 0, 1, 0, 0, 1].forEach((x, i) => buffer.setFloat32(36 + 4 * i, x, true));
    const gltf = handGltf(
      {
        nodes: [{ mesh: 0 }, { mesh: 1, translation: [0, 0, 1] }],
        meshes: [{ primitives: [{ attributes: { POSITION: 0, TEXCOORD_0: 1 }, material: 0 }] }, { primitives: [{ attributes: { POSITION: 0 }, material: 1 }] }],
        materials: [
          { pbrMetallicRoughness: { baseColorTexture: { index: 0 } } },
          { pbrMetallicRoughness: { baseColorFactor: [0.2, 0.3, 0.4, 1] } },
        ],
        textures: [{ source: 0 }],
        images: [{ uri: 'skin.png' }],
        bufferViews: [{ buffer: 0, byteLength: 36 }, { buffer: 0, byteOffset: 36, byteLength: 24 }],
        accessors: [
          { bufferView: 0, componentType: 5126, count: 3, type: 'VEC3' },
          { bufferView: 1, componentType: 5126, count: 3, type: 'VEC2' },
        ],
      },
      new Uint8Array(buffer.buffer),
    );
    const { mesh, warnings } = parseScan([gltf, file('skin.png', PNG)]);
    expect(mesh.indices.length).toBe(6);
    expect(mesh.positions[17]).toBe(1);
    expect(mesh.uvs).toBeUndefined();
    expect(mesh.texture).toBeUndefined();
    expect(mesh.colors).toBeUndefined();
    expect(warnings[0]).toMatch(/different textures/);
  });
});

describe('OBJ', () => {
  it('reads back a textured OBJ with its .mtl and image, flipping v to the glTF convention', () => {
    const files = writeScanObj(textured, 'head');
    expect(files.map((f) => f.name)).toEqual(['head.obj', 'head.mtl', 'head.png']);
    const { mesh, format, warnings } = parseScan([files[2]!, files[1]!, files[0]!]);
    expect(format).toBe('obj');
    expectSurface(mesh, textured, { positions: 1e-4, uvs: 1e-6 });
    expect(mesh.texture).toEqual({ bytes: PNG, mimeType: 'image/png' });
    expect(warnings).toEqual([]);
  });

  it('reads back "v x y z r g b" colours as linear', () => {
    const files = writeScanObj(coloured);
    expect(files).toHaveLength(1);
    const { mesh } = parseScan(files);
    expectSurface(mesh, coloured, { positions: 1e-4, colors: 0.005 });
    expect(mesh.positions.length).toBe(sphere.positions.length);
  });

  it('reads negative indices, quads, all corner forms, and map_Kd with options and another folder', () => {
    const obj = [
      'mtllib scan.mtl',
      'v 0 0 0', 'v 1 0 0', 'v 1 1 0', 'v 0 1 0', 'v 0 0 1',
      'vt 0 0', 'vt 1 0', 'vt 1 1', 'vt 0 1',
      'vn 0 0 1',
      'usemtl skin',
      'f -5/-4/-1 -4/-3/-1 -3/-2/-1 -2/-1/-1',
      'f 1/1 2/2 5/3',
      'f 2/2/1 3/3/1 5/4/1',
    ].join('\r\n');
    const mtl = 'newmtl skin\nKd 0.8 0.8 0.8\nmap_Kd -s 1 1 1 -clamp on textures\\Scan Texture.JPG\n';
    const { mesh, warnings } = parseScan([file('scan.obj', obj), file('scan.mtl', mtl), file('scan texture.jpg', JPEG)]);
    expect(warnings).toEqual([]);
    expect(mesh.indices.length).toBe(12);
    expect(mesh.texture?.mimeType).toBe('image/jpeg');
    const corner = (i: number) => [...mesh.positions.subarray(3 * mesh.indices[i]!, 3 * mesh.indices[i]! + 3), ...mesh.uvs!.subarray(2 * mesh.indices[i]!, 2 * mesh.indices[i]! + 2)];
    // The quad's fan: corners 0, 2, 3 make the second triangle; vt (1, 1) is (1, 0) in glTF's convention.
    expect([3, 4, 5].map(corner)).toEqual([[0, 0, 0, 0, 1], [1, 1, 0, 1, 0], [0, 1, 0, 0, 0]]);
    expect(corner(11)).toEqual([0, 0, 1, 0, 0]);
    expect(mesh.colors).toBeUndefined();
  });

  it('colours by material Kd when there is neither texture nor vertex colour', () => {
    const obj = 'mtllib m.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nusemtl red\nf 1 2 3\nusemtl blue\nf 1 2 4\n';
    const mtl = 'newmtl red\nKd 1 0 0\nnewmtl blue\nKd 0 0 1\n';
    const { mesh } = parseScan([file('m.obj', obj), file('m.mtl', mtl)]);
    expect(Array.from(mesh.colors!)).toEqual([0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1]);
  });

  it('goes on without a texture that was not dropped', () => {
    const [obj, mtl] = writeScanObj(textured, 'scan');
    const { mesh, warnings } = parseScan([obj!, mtl!]);
    expect(mesh.uvs).toBeUndefined();
    expect(mesh.texture).toBeUndefined();
    expect(mesh.indices.length).toBe(sphere.indices.length);
    expect(warnings).toEqual(['The OBJ\'s texture "scan.png" was not among the dropped files; drop it together with the .obj to see the scan\'s colours.']);
  });
});

describe('PLY', () => {
  for (const format of ['ascii', 'binary_little_endian'] as const) {
    it(`reads back ${format} with uchar colours`, () => {
      const { mesh, format: detected } = parseScan([file('scan.ply', writeScanPly(coloured, format))]);
      expect(detected).toBe('ply');
      expectSurface(mesh, coloured, { positions: 1e-4, colors: 0.005 });
    });

    it(`reads back ${format} with uvs and a TextureFile`, () => {
      const { mesh } = parseScan([file('scan.ply', writeScanPly(textured, format, 'skin.png')), file('skin.png', PNG)]);
      expectSurface(mesh, textured, { positions: 1e-4, uvs: 1e-6 });
      expect(mesh.texture?.bytes).toEqual(PNG);
    });
  }

  it('reads big-endian files, float colours, skipped properties and quads', () => {
    const header = [
      'ply', 'format binary_big_endian 1.0', 'comment made by hand', 'element vertex 5',
      'property double x', 'property double y', 'property double z', 'property float confidence',
      'property float red', 'property float green', 'property float blue',
      'element face 2', 'property uchar flags', 'property list uint int vertex_index', 'end_header', '',
    ].join('\n');
    const vertices = [[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 1]];
    const data = new DataView(new ArrayBuffer(5 * 40 + 2 * 5 + (4 + 3) * 4));
    let o = 0;
    for (const v of vertices) {
      for (const x of v) data.setFloat64((o += 8) - 8, x);
      for (const x of [0.9, 1, 0.5, 0]) data.setFloat32((o += 4) - 4, x);
    }
    for (const face of [[0, 1, 2, 3], [0, 1, 4]]) {
      data.setUint8(o++, 7);
      data.setUint32((o += 4) - 4, face.length);
      for (const i of face) data.setInt32((o += 4) - 4, i);
    }
    const bytes = new Uint8Array([...new TextEncoder().encode(header), ...new Uint8Array(data.buffer, 0, o)]);
    const { mesh } = parseScan([file('be.ply', bytes)]);
    expect(Array.from(mesh.indices)).toEqual([0, 1, 2, 0, 2, 3, 0, 1, 4]);
    expect(Array.from(mesh.positions.subarray(12))).toEqual([0, 0, 1]);
    expect(mesh.colors![0]).toBe(1);
    expect(mesh.colors![1]).toBeCloseTo(0.214, 3);
    expect(mesh.colors![2]).toBe(0);
  });

  it('reads per-corner texcoords (as MeshLab writes them), splitting vertices at uv seams', () => {
    const ply = [
      'ply', 'format ascii 1.0', 'comment TextureFile tex.png', 'element vertex 4',
      'property float x', 'property float y', 'property float z',
      'element face 2', 'property list uchar int vertex_indices', 'property list uchar float texcoord', 'end_header',
      '0 0 0', '1 0 0', '0 1 0', '0 0 1',
      '3 0 1 2 6 0 0 1 0 0 1',
      '3 0 1 3 6 0.5 0.5 1 0 0 1',
    ].join('\n');
    const { mesh } = parseScan([file('wedge.ply', ply), file('tex.png', PNG)]);
    // Vertex 0 has two uvs and vertex 1 one: five vertices in all.
    expect(mesh.positions.length).toBe(15);
    expect(Array.from(mesh.uvs!.subarray(2 * mesh.indices[3]!, 2 * mesh.indices[3]! + 2))).toEqual([0.5, 0.5]);
    expect(mesh.indices[1]).toBe(mesh.indices[4]);
  });
});

describe('STL', () => {
  for (const format of ['ascii', 'binary'] as const) {
    it(`reads back ${format}`, () => {
      const { mesh, format: detected } = parseScan([file('scan.stl', writeScanStl(shape, format))]);
      expect(detected).toBe('stl');
      expectSurface(mesh, shape, { positions: 1e-4 });
      expect(mesh.positions.length).toBe(3 * shape.indices.length);
    });
  }

  it('reads a binary file whose header starts with "solid" as binary', () => {
    const { mesh } = parseScan([file('scan.stl', writeScanStl(shape, 'binary', 'solid scan exported by a scanner'))]);
    expectSurface(mesh, shape, { positions: 0 });
  });
});

describe('bad files', () => {
  it('refuses an empty file, an unknown format and no file at all', () => {
    expect(parseError([file('scan.stl', new Uint8Array(0))])).toBe('The file "scan.stl" is empty.');
    expect(parseError([file('head.fbx', PNG)])).toBe('The simulator cannot read "head.fbx": scans must be .glb, .gltf, .obj, .ply, .stl files.');
    expect(parseError([])).toMatch(/^No file was given/);
  });

  it('refuses a truncated GLB and one whose data is shorter than its accessors', () => {
    const glb = writeScanGlb(sphere);
    expect(parseError([file('cut.glb', glb.slice(0, 3000))])).toMatch(/^This GLB file is damaged or incomplete: it should be [\d,]+ bytes long but is 3,000\.$/);
    // A consistent container whose binary chunk ends early.
    const short = glb.slice(0, glb.length - 500);
    new DataView(short.buffer).setUint32(8, short.length, true);
    expect(parseError([file('short.glb', short)])).toMatch(/^This GLB file is damaged or incomplete: .*(reaches past the end|shorter than)/);
    expect(parseError([file('text.glb', 'not a model')])).toMatch(/not a glTF file/);
  });

  it('refuses out-of-range indices and coordinates that are not numbers', () => {
    expect(parseError([file('bad.glb', writeScanGlb({ positions: shape.positions, indices: Uint32Array.of(0, 1, 999) }))])).toMatch(/GLB file is damaged .* refers to a vertex that is not in the file/);
    expect(parseError([file('bad.obj', 'v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n')])).toMatch(/OBJ file is damaged .* not in the file \(it has 3 vertices\)/);
    expect(parseError([file('bad.obj', 'v 0 0 0\nv 1 0 0\nf 1 2 -3\n')])).toMatch(/line 3 refers to vertex -3, which does not exist/);
    const stl = writeScanStl(shape, 'binary');
    new DataView(stl.buffer).setFloat32(84 + 12, NaN, true);
    expect(parseError([file('nan.stl', stl)])).toBe('This STL file is damaged or incomplete: some vertex coordinates are not numbers.');
  });

  it('refuses ASCII STL garbage and a truncated binary STL', () => {
    expect(parseError([file('junk.stl', 'solid junk\nthis is not an STL file at all\nendsolid junk\n')])).toBe('This STL file contains no triangles, so there is no surface to show.');
    expect(parseError([file('junk.stl', 'solid x\nfacet normal 0 0 1\nouter loop\nvertex 1 2 abc\n')])).toBe('This STL file is damaged or incomplete: the vertex on line 4 cannot be read.');
    const stl = writeScanStl(shape, 'binary', 'solid but binary');
    expect(parseError([file('cut.stl', stl.slice(0, 1000))])).toMatch(/^This STL file is damaged or incomplete: it should hold 320 triangles/);
  });

  it('refuses a PLY point cloud, a file that is not PLY, and a truncated PLY', () => {
    const cloud = 'ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\nend_header\n0 0 0\n1 0 0\n0 1 0\n';
    expect(parseError([file('cloud.ply', cloud)])).toBe('This PLY file is a point cloud with no surface; export the scan as a mesh.');
    expect(parseError([file('noise.ply', Uint8Array.from({ length: 512 }, (_, i) => (i * 7919) % 251))])).toMatch(/not a PLY file/);
    const binary = writeScanPly(coloured, 'binary_little_endian');
    expect(parseError([file('cut.ply', binary.slice(0, binary.length - 20))])).toMatch(/^This PLY file is damaged or incomplete: the file ends before/);
  });

  it('refuses Draco and meshopt compression, and glTF 1', () => {
    const draco = file('draco.gltf', JSON.stringify({ asset: { version: '2.0' }, extensionsUsed: ['KHR_draco_mesh_compression'], extensionsRequired: ['KHR_draco_mesh_compression'] }));
    expect(parseError([draco])).toBe('This glTF file is Draco-compressed, which the simulator cannot read. Export it without compression.');
    const meshopt = file('meshopt.gltf', JSON.stringify({ asset: { version: '2.0' }, extensionsRequired: ['EXT_meshopt_compression'] }));
    expect(parseError([meshopt])).toMatch(/meshopt-compressed/);
    expect(parseError([file('old.gltf', JSON.stringify({ asset: { version: '1.0' } }))])).toMatch(/glTF version 1/);
  });

  it('refuses hostile counts at once, without allocating them', () => {
    const started = performance.now();
    const ply = 'ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\nelement face 4000000000\nproperty list uchar int vertex_indices\nend_header\n';
    const bytes = new Uint8Array([...new TextEncoder().encode(ply), ...new Uint8Array(36 + 13)]);
    expect(parseError([file('huge.ply', bytes)])).toBe('This PLY file is damaged or incomplete: its header promises 4,000,000,000 face entries, but the file ends before them.');
    const stl = new Uint8Array(84 + 50);
    new DataView(stl.buffer).setUint32(80, 0xffffffff, true);
    expect(parseError([file('huge.stl', stl)])).toMatch(/should hold 4,294,967,295 triangles/);
    const glb = writeScanGlb(shape);
    const { json, binary } = splitGlb(glb);
    (json.accessors as { count: number }[])[0]!.count = 4e9;
    expect(parseError([file('huge.glb', joinGlb(json, binary))])).toMatch(/accessor 0 claims 4000000000 elements/);
    const loop = handGltf({ scenes: [{ nodes: [0] }], nodes: [{ children: [1] }, { children: [0] }] }, new Uint8Array(4));
    expect(parseError([loop])).toMatch(/loops back on itself/);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

/** A GLB's JSON, to change, and its binary chunk (with its chunk header), to put back with joinGlb. */
function splitGlb(glb: Uint8Array): { json: Record<string, unknown>; binary: Uint8Array } {
  const jsonLength = new DataView(glb.buffer, glb.byteOffset).getUint32(12, true);
  return { json: JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength))), binary: glb.subarray(20 + jsonLength) };
}

function joinGlb(json: Record<string, unknown>, binary: Uint8Array): Uint8Array {
  let text = JSON.stringify(json);
  text += ' '.repeat((4 - (text.length % 4)) % 4);
  const out = new Uint8Array(20 + text.length + binary.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, out.length, true);
  view.setUint32(12, text.length, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(new TextEncoder().encode(text), 20);
  out.set(binary, 20 + text.length);
  return out;
}
