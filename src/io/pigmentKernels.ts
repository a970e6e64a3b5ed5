/**
 * The pigment kernel table's weights as a file (public/models/pigment-kernels.bin, written by
 * scripts/pigment-mc.ts): "SMPK", a format version and the count (uint32 each, little-endian), then the
 * weights as float32. The table keeps 4 significant digits, which float32 holds exactly enough to give back
 * the very numbers written.
 */
import { providePigmentKernelWeights } from '../domain/appearance/pigmentKernelWeights';

const MAGIC = 0x4b504d53; // "SMPK" read as a little-endian uint32
const VERSION = 1;
const HEADER_BYTES = 12;
const SIGNIFICANT_DIGITS = 4;

export const PIGMENT_KERNELS_PATH = 'models/pigment-kernels.bin';

export function encodePigmentKernelWeights(weights: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + weights.length * 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, weights.length, true);
  weights.forEach((w, i) => view.setFloat32(HEADER_BYTES + i * 4, w, true));
  return bytes;
}

export function decodePigmentKernelWeights(buffer: ArrayBuffer): number[] {
  const view = new DataView(buffer);
  if (buffer.byteLength < HEADER_BYTES || view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) {
    throw new Error('The pigment kernel file is not a version 1 SMPK file.');
  }
  const count = view.getUint32(8, true);
  if (buffer.byteLength !== HEADER_BYTES + count * 4) throw new Error(`The pigment kernel file should hold ${count} weights in ${HEADER_BYTES + count * 4} bytes, not ${buffer.byteLength}.`);
  return Array.from({ length: count }, (_, i) => Number(view.getFloat32(HEADER_BYTES + i * 4, true).toPrecision(SIGNIFICANT_DIGITS)));
}

/** Reads the table's weights from the app's own origin and hands them to the appearance model. */
export async function loadPigmentKernels(baseUrl: string): Promise<void> {
  const url = `${baseUrl}${PIGMENT_KERNELS_PATH}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The pigment kernel table could not be read (${url}: HTTP ${response.status}).`);
  providePigmentKernelWeights(decodePigmentKernelWeights(await response.arrayBuffer()));
}
