/**
 * HEIC photos in Node: the fixture tests/fixtures/photos/rotated.heic (made by makeHeic.ts there: stored
 * 128 × 64 with an `irot` of a quarter clockwise and EXIF orientation 6, a 26 mm focal length and a GPS
 * position) is told as HEIC, its EXIF read, and libheif's WebAssembly build, the very files the app serves,
 * decodes it upright exactly once with its colours; a cut-off or scrambled file is refused. The EXIF item
 * is found in the boxes whether `iloc` gives a base offset (libheif's encoder) or none (Apple's). The
 * decoder's glue builds no code from text. The browser side is in tests/browser/photos.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLibHeif, decodeHeicPixels, type HeicPixels, type LibHeif, type LibHeifFactory } from '../../src/io/photos/heicDecoder';
import { heicExifTiff } from '../../src/io/photos/heicExif';
import { photoFormat, readPhotoExif } from '../../src/io/photos/readPhoto';
import { withoutCodeFromText } from '../../scripts/faceModelAssets';
import { heicDecoderFile } from '../../scripts/heicDecoderAssets';

const rotated = new Uint8Array(readFileSync(new URL('../fixtures/photos/rotated.heic', import.meta.url)));

/** The pixel's RGB at fractions of the picture's size. */
const pixel = ({ width, height, data }: HeicPixels, fx: number, fy: number) => {
  const at = (Math.floor(fy * height) * width + Math.floor(fx * width)) * 4;
  return [...data.subarray(at, at + 3)];
};
/** A box: its size, type and content. */
const box = (type: string, ...content: number[][]) => {
  const body = content.flat();
  const size = 8 + body.length;
  return [size >>> 24, (size >> 16) & 0xff, (size >> 8) & 0xff, size & 0xff, ...new TextEncoder().encode(type), ...body];
};
const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/**
 * A HEIF as Apple writes its EXIF: `iinf` version 0 naming item 7 `Exif`, `iloc` version 1 with no base
 * offset and the extent's absolute offset, the item being "Exif\0\0" (its TIFF offset says 6) and `tiff`.
 */
function appleStyleHeif(tiff: Uint8Array): Uint8Array {
  const ftyp = box('ftyp', [...new TextEncoder().encode('heic'), 0, 0, 0, 0, ...new TextEncoder().encode('mif1heic')]);
  const infe = box('infe', [2, 0, 0, 0], u16(7), u16(0), [...new TextEncoder().encode('Exif')], [0]);
  const iinf = box('iinf', [0, 0, 0, 0], u16(1), infe);
  const item = [0, 0, 0, 6, ...new TextEncoder().encode('Exif'), 0, 0, ...tiff];
  const ilocFor = (offset: number) => box('iloc', [1, 0, 0, 0], [0x44, 0x00], u16(1), u16(7), u16(0), u16(0), u16(1), u32(offset), u32(item.length));
  const meta = (offset: number) => box('meta', [0, 0, 0, 0], ilocFor(offset), iinf);
  const mdatAt = ftyp.length + meta(0).length;
  return Uint8Array.from([...ftyp, ...meta(mdatAt + 8), ...box('mdat', item)]);
}

const near = (rgb: number[], expected: number[]) => rgb.every((c, i) => Math.abs(c - expected[i]!) <= 24);
const RED = [0xe0, 0x10, 0x10];
const GREEN = [0x10, 0xd0, 0x10];
const BLUE = [0x10, 0x10, 0xe0];

describe('HEIC photos', () => {
  let libheif: LibHeif;

  beforeAll(async () => {
    // The glue and wasm as the app serves them (scripts/heicDecoderAssets.ts); in Node the glue is a CommonJS module.
    const glue = heicDecoderFile('libheif.js');
    const factory = createRequire(import.meta.url)('libheif-js/libheif-wasm/libheif.js') as LibHeifFactory;
    expect(readFileSync(createRequire(import.meta.url).resolve('libheif-js/libheif-wasm/libheif.js')).equals(glue)).toBe(true);
    libheif = await createLibHeif(factory, await WebAssembly.compile(new Uint8Array(heicDecoderFile('libheif.wasm'))));
  });

  it('tells the fixture as HEIC and reads its EXIF: orientation 6 and the focal length', async () => {
    expect(rotated.length).toBeLessThan(200 * 1024);
    expect(photoFormat(rotated)).toBe('heic');
    expect(await readPhotoExif(rotated)).toEqual({ orientation: 6, focalLength35mm: 26 });
  });

  it('finds the EXIF item with or without a base offset, and none in a file without one or cut short', async () => {
    const tiff = heicExifTiff(rotated)!;
    expect(String.fromCharCode(...tiff.subarray(0, 4))).toBe('II*\0');
    const apple = appleStyleHeif(tiff);
    expect(heicExifTiff(apple)).toEqual(tiff);
    expect(await readPhotoExif(apple)).toEqual({ orientation: 6, focalLength35mm: 26 });
    expect(heicExifTiff(rotated.subarray(0, 300))).toBeNull();
    expect(heicExifTiff(rotated.subarray(0, 28))).toBeNull();
    expect(await readPhotoExif(rotated.subarray(0, 300))).toEqual({ orientation: 1, focalLength35mm: null });
  });

  it('decodes it upright by its irot, once (the EXIF orientation only repeats it), with its colours', async () => {
    const pixels = await decodeHeicPixels(libheif, rotated);
    // Stored 128 × 64 (green top-left square, red left half, blue right half); a quarter turn clockwise shows
    // 64 × 128: red above blue, the green square top right. Turned twice it would be 128 × 64 again.
    expect([pixels.width, pixels.height]).toEqual([64, 128]);
    expect(pixels.data.length).toBe(64 * 128 * 4);
    const samples = { topRight: pixel(pixels, 0.75, 0.125), topLeft: pixel(pixels, 0.25, 0.375), bottom: pixel(pixels, 0.5, 0.75) };
    expect(near(samples.topRight, GREEN), `top right ${samples.topRight}`).toBe(true);
    expect(near(samples.topLeft, RED), `top left ${samples.topLeft}`).toBe(true);
    expect(near(samples.bottom, BLUE), `bottom ${samples.bottom}`).toBe(true);
  });

  it('refuses a cut-off, scrambled or empty file with libheif’s words, and decodes again after', async () => {
    const scrambled = rotated.slice();
    scrambled.fill(0x5a, 40, 400);
    for (const bytes of [rotated.subarray(0, Math.floor(rotated.length * 0.6)), rotated.subarray(0, 200), scrambled, new Uint8Array(0)]) {
      await expect(decodeHeicPixels(libheif, bytes)).rejects.toThrow(/\w/);
    }
    expect((await decodeHeicPixels(libheif, rotated)).width).toBe(64);
  });

  it('serves a decoder that builds no code from text, and would fail the build if it did', () => {
    expect(() => heicDecoderFile('libheif.js')).not.toThrow();
    expect(() => withoutCodeFromText('var f = new Function("return 1");', 'glue.js', 'scripts/x.ts')).toThrow('glue.js: builds code at run time (new Function); check scripts/x.ts');
  });
});
