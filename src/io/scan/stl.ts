import type { ScanMesh } from '../../domain/scan/scanMesh';
import { damaged, floatList, lineAt, sequence } from './common';
import { TextScanner } from './text';

/**
 * STL, binary and ASCII. STL stores every triangle's corners separately, so the mesh comes out with three
 * vertices per triangle (indices 0..n-1); welding is left to the scan preparation. Binary colour
 * (VisCAM/SolidView 15-bit per facet) is ignored: scanners that colour their scans use other formats.
 */

const HEADER_BYTES = 80;
const TRIANGLE_BYTES = 50;

/**
 * Binary unless the file starts with "solid" and its size is not that of a binary file: many binary
 * exporters write "solid" into the 80-byte header too, but their size always fits the triangle count.
 */
export function isAsciiStl(bytes: Uint8Array): boolean {
  const solid = bytes.length >= 5 && new TextDecoder().decode(bytes.subarray(0, 5)).toLowerCase() === 'solid';
  if (!solid) return false;
  if (bytes.length >= HEADER_BYTES + 4 && binaryStlSize(bytes) === bytes.length) return false;
  // Text has no NUL bytes; a binary file whose size is off (truncated) usually has some in its first kilobyte.
  return !bytes.subarray(0, 1024).includes(0);
}

const binaryStlSize = (bytes: Uint8Array) =>
  HEADER_BYTES + 4 + TRIANGLE_BYTES * new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(HEADER_BYTES, true);

export function parseStl(bytes: Uint8Array): ScanMesh {
  return isAsciiStl(bytes) ? parseAsciiStl(bytes) : parseBinaryStl(bytes);
}

function parseBinaryStl(bytes: Uint8Array): ScanMesh {
  if (bytes.length < HEADER_BYTES + 4) throw damaged('STL', `it is only ${bytes.length} bytes long, shorter than an STL header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(HEADER_BYTES, true);
  // The size check comes before any allocation, so a hostile count cannot ask for gigabytes.
  const expected = binaryStlSize(bytes);
  if (bytes.length < expected) {
    throw damaged('STL', `it should hold ${count.toLocaleString('en')} triangles (${expected.toLocaleString('en')} bytes) but is ${bytes.length.toLocaleString('en')} bytes long`);
  }
  const positions = new Float32Array(count * 9);
  for (let t = 0; t < count; t++) {
    // Each record: normal (3 floats, recomputed later from the corners), 3 corners, 2 bytes of attributes.
    const o = HEADER_BYTES + 4 + t * TRIANGLE_BYTES + 12;
    for (let k = 0; k < 9; k++) positions[t * 9 + k] = view.getFloat32(o + 4 * k, true);
  }
  return { positions, indices: sequence(count * 3) };
}

function parseAsciiStl(bytes: Uint8Array): ScanMesh {
  const text = new TextScanner(bytes);
  const positions = floatList();
  const loop = floatList();
  const corner = (c: number) => {
    for (let i = 0; i < 3; i++) positions.push(loop.get(3 * c + i));
  };
  while (!text.done) {
    text.skipSpace();
    if (text.word('vertex')) {
      for (let k = 0; k < 3; k++) {
        const value = text.number();
        if (Number.isNaN(value)) throw damaged('STL', `the vertex on line ${lineAt(bytes, text.pos)} cannot be read`);
        loop.push(value);
      }
    } else if (text.word('endloop')) {
      // A loop is a triangle; a longer one (some exporters write polygons) is cut into a fan.
      const corners = loop.length / 3;
      for (let k = 1; k + 1 < corners; k++) {
        corner(0);
        corner(k);
        corner(k + 1);
      }
      loop.length = 0;
    } else text.skipWord();
  }
  return { positions: positions.toArray(), indices: sequence(positions.length / 3) };
}
