/**
 * The first load's weight (issue 15 item 8): the JavaScript the built app loads before it can start stays
 * under 420 KB gzipped, and the photo code and the face model are not part of it (they are read when photos
 * are first used). Read over HTTP from the build the browser tests serve, as a browser would get it.
 */
import { describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET_BYTES, initialJavaScript, kilobytes, totalGzip, type InitialChunk } from '../support/initialLoad';
import { appUrl } from './harness';

async function read(path: string): Promise<Buffer> {
  const response = await fetch(new URL(path, appUrl()));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** The modules only photos need, by the chunks they are built into (named after them) and by text only they hold. */
const PHOTO_CHUNKS = /^assets\/(readPhoto|heicDecoder|exifr|faceLandmarks|mediapipeFaceModel|headFit)-/;
const PHOTO_TEXT = [
  // The face model's files (MediaPipe's face mesh) and the glue that loads them.
  'face_mesh',
  // HEIC decoding (the loader of libheif's WebAssembly build).
  'libheif',
  // The head fit (a message of its own that no catalogue repeats).
  'cannot start a fit of',
];

describe('the first load', () => {
  let chunks: InitialChunk[];

  it('is under 420 KB of JavaScript, gzipped', async () => {
    chunks = await initialJavaScript(read);
    // The walk must have found the app itself (React, three and the entry), or the sum means nothing.
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.reduce((sum, c) => sum + c.bytes, 0)).toBeGreaterThan(500 * 1024);
    const total = totalGzip(chunks);
    const list = chunks.map((c) => `${c.path} ${kilobytes(c.gzipBytes)}`).join(', ');
    expect(total, `initial JavaScript ${kilobytes(total)} gzip: ${list}`).toBeLessThan(INITIAL_JS_BUDGET_BYTES);
  });

  it('holds no photo code and no face model', async () => {
    chunks ??= await initialJavaScript(read);
    expect(chunks.filter((c) => PHOTO_CHUNKS.test(c.path)).map((c) => c.path)).toEqual([]);
    expect(chunks.flatMap((c) => PHOTO_TEXT.filter((text) => c.code.includes(text)).map((text) => `${c.path}: ${text}`))).toEqual([]);
  });
});
