import { describe, expect, it } from 'vitest';
import { parseScan, ScanFileError } from '../../src/io/scan/parseScan';
import { MAX_VALUES_READ_PER_BYTE } from '../../src/io/scan/gltf';

const FLOAT = 5126;
const text = (s: string) => new TextEncoder().encode(s);

/** A .gltf whose `nodes` nodes all show one mesh of `primitives` primitives, each reading accessor 0. */
function instancedGltf(nodes: number, primitives: number, accessor: object, buffers: object[] = [], bufferViews: object[] = []): Uint8Array {
  return text(
    JSON.stringify({
      asset: { version: '2.0' },
      accessors: [accessor],
      buffers,
      bufferViews,
      meshes: [{ primitives: Array.from({ length: primitives }, () => ({ attributes: { POSITION: 0 } })) }],
      nodes: Array.from({ length: nodes }, (_, i) => ({ mesh: 0, translation: [i, 0, 0] })),
    }),
  );
}

describe('glTF: bounded work', () => {
  it('refuses a small file whose nodes re-read one accessor, quickly and with a clear message', () => {
    // An accessor of zeros (no data: allowed up to one element per byte of the file), read 100 × 60 times.
    const bytes = instancedGltf(100, 60, { componentType: FLOAT, count: 1998, type: 'VEC3' });
    expect(bytes.length).toBeLessThan(8_000);
    const started = performance.now();
    let error: unknown;
    try {
      parseScan([{ name: 'evil.gltf', bytes }]);
    } catch (e) {
      error = e;
    }
    // Before the bound it allocated hundreds of megabytes; refused at the first reads past it, it takes milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(ScanFileError);
    const message = (error as Error).message;
    expect(message).toMatch(/reads its mesh data over and over/);
    expect(message).toContain(`${(MAX_VALUES_READ_PER_BYTE * bytes.length).toLocaleString('en')} values`);
    expect(message.length).toBeLessThan(300);
  });

  it('still reads a mesh shared by a few nodes', () => {
    const data = new Float32Array([0, 0, 0, 10, 0, 0, 0, 10, 0]);
    const uri = `data:application/octet-stream;base64,${btoa(String.fromCharCode(...new Uint8Array(data.buffer)))}`;
    const bytes = instancedGltf(3, 1, { bufferView: 0, componentType: FLOAT, count: 3, type: 'VEC3' }, [{ uri, byteLength: 36 }], [{ buffer: 0, byteLength: 36 }]);
    const { mesh } = parseScan([{ name: 'shared.gltf', bytes }]);
    expect(mesh.positions.length).toBe(3 * 3 * 3);
    expect(mesh.indices.length).toBe(9);
  });

  it('words an unexpected shape of data for the user, without the engine’s message', () => {
    const bytes = text(JSON.stringify({ asset: { version: '2.0' }, nodes: [{ children: 5 }] }));
    let error: unknown;
    try {
      parseScan([{ name: 'odd.gltf', bytes }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScanFileError);
    expect((error as Error).message).not.toMatch(/iterable|undefined|reading/);
  });
});

describe('scan messages quote a short excerpt of the file', () => {
  it('a PLY header with a huge unknown format or type', () => {
    const long = 'x'.repeat(500_000);
    for (const header of [`ply\nformat ${long} 1.0\nend_header\n`, `ply\nformat ascii 1.0\nelement vertex 3\nproperty ${long} x\nend_header\n`]) {
      let message = '';
      try {
        parseScan([{ name: 'scan.ply', bytes: text(header) }]);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/damaged or incomplete/);
      expect(message.length).toBeLessThan(300);
    }
  });
});
