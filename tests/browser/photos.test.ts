/**
 * The client's photos through `window.smp` (#15): a JPEG with EXIF orientation 6 and a GPS position is
 * stored upright with no metadata left in its bytes; a HEIC decoded by the app's own WebAssembly libheif
 * (Chromium has no HEIC decoder), upright, and a damaged one refused; a PNG, and a photo larger than 4096 px (bounded, its
 * hand-placed landmarks scaled with it); broken and non-photo files refused with a clear message and nothing
 * stored; removing a photo; photos kept across a reload; no plan file or link carrying them; no request to
 * another origin.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PhotoMeta } from '../../src/domain/photos';
import { holdsMetadata, withExif } from '../support/exifJpeg';
import { openApp, UI_PIXEL_RATIO, waitForReady, type AppPage } from './harness';

/**
 * A picture drawn in the page, encoded by its canvas: the left half red and the right half blue, so that
 * its orientation can be read back from the stored pixels.
 */
async function drawnPicture(page: Page, type: 'image/jpeg' | 'image/png', width: number, height: number): Promise<Uint8Array> {
  const bytes = await page.evaluate(
    async ({ type, width, height }) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#e01010';
      context.fillRect(0, 0, width / 2, height);
      context.fillStyle = '#1010e0';
      context.fillRect(width / 2, 0, width / 2, height);
      const blob = await canvas.convertToBlob({ type, quality: 0.95 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    },
    { type, width, height },
  );
  return Uint8Array.from(bytes);
}

/** `window.smp.importPhoto` with a file handed over as a picker would; the metadata, or the Error's message. */
async function importPhoto(page: Page, name: string, bytes: Uint8Array, options: object): Promise<PhotoMeta | string> {
  await page.evaluate(() => {
    if (document.getElementById('test-photo')) return;
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'test-photo';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#test-photo', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  return page.evaluate(async (opts) => {
    const file = (document.getElementById('test-photo') as HTMLInputElement).files![0]!;
    try {
      return await window.smp!.importPhoto(file, opts as never);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, options);
}

/** A photo's stored bytes, read straight from the page's IndexedDB: what is really kept on the device. */
async function storedBytes(page: Page, id: string): Promise<Uint8Array> {
  const bytes = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open('smp-simulator-photos');
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const value = await new Promise<{ bytes: ArrayBuffer } | undefined>((resolve, reject) => {
      const request = db.transaction('images').objectStore('images').get(id);
      request.onsuccess = () => resolve(request.result as { bytes: ArrayBuffer } | undefined);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return value ? [...new Uint8Array(value.bytes)] : null;
  }, id);
  expect(bytes, `stored bytes of ${id}`).not.toBeNull();
  return Uint8Array.from(bytes!);
}

/** The stored picture decoded in the page: its size and the colour at a few points (fractions of its size). */
async function storedPixels(page: Page, id: string, points: [number, number][]): Promise<{ width: number; height: number; colors: number[][] }> {
  const bytes = await storedBytes(page, id);
  return page.evaluate(
    async ({ bytes, points }) => {
      const image = await createImageBitmap(new Blob([Uint8Array.from(bytes)], { type: 'image/jpeg' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const colors = points.map(([fx, fy]) => [...context.getImageData(Math.floor(fx * image.width), Math.floor(fy * image.height), 1, 1).data.slice(0, 3)]);
      return { width: image.width, height: image.height, colors };
    },
    { bytes: [...bytes], points },
  );
}

const getPhotos = (page: Page) => page.evaluate(() => window.smp!.getPhotos());
const isRed = ([r, g, b]: number[]) => r! > 180 && g! < 70 && b! < 70;
const isBlue = ([r, g, b]: number[]) => b! > 180 && r! < 70 && g! < 70;

describe('client photos', () => {
  let app: AppPage;
  const stored: PhotoMeta[] = [];

  beforeAll(async () => {
    // The tests read storage and files, never the 3D view's pixels.
    app = await openApp({ deviceScaleFactor: UI_PIXEL_RATIO });
  });
  afterAll(async () => {
    await app.close();
  });

  it('stores a JPEG with EXIF orientation 6 upright, with its focal length and without its EXIF, GPS, XMP or comment', async () => {
    // Stored 64 × 32 (red left, blue right); orientation 6 means: turn a quarter clockwise to view it.
    const jpeg = withExif(await drawnPicture(app.page, 'image/jpeg', 64, 32), { orientation: 6, focalLengthMm: 4.25, focalLength35mm: 26, gps: { latitude: 51.5072, longitude: -0.1276 } });
    expect(holdsMetadata(jpeg)).toHaveLength(5);
    const result = await importPhoto(app.page, 'IMG_0001.JPG', jpeg, { view: 'back' });
    expect(typeof result, String(result)).toBe('object');
    const photo = result as PhotoMeta;
    stored.push(photo);
    expect(photo).toMatchObject({ view: 'back', width: 32, height: 64, focalLength35mm: 26, landmarks: {}, irisDiameterPx: null });
    expect(photo.planId).toBe(await app.page.evaluate(() => window.smp!.listPlans().then((plans) => plans[0]!.id)));
    expect(Object.keys(photo).sort()).toEqual(['createdAt', 'focalLength35mm', 'height', 'id', 'irisDiameterPx', 'landmarks', 'planId', 'view', 'width']);

    const bytes = await storedBytes(app.page, photo.id);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(holdsMetadata(bytes)).toEqual([]);
    // Turned upright: the stored left half is now the top.
    const pixels = await storedPixels(app.page, photo.id, [[0.5, 0.2], [0.5, 0.8]]);
    expect([pixels.width, pixels.height]).toEqual([32, 64]);
    expect(isRed(pixels.colors[0]!), `top ${pixels.colors[0]}`).toBe(true);
    expect(isBlue(pixels.colors[1]!), `bottom ${pixels.colors[1]}`).toBe(true);
  });

  it('stores a PNG with landmarks placed by hand, checked against the upright photo', async () => {
    const png = await drawnPicture(app.page, 'image/png', 48, 40);
    expect(await importPhoto(app.page, 'front.png', png, { view: 'front', landmarks: { nasion: [24, 60] } })).toBe('The landmark nasion at [24, 60] lies outside the photo (48 × 40 pixels).');
    const result = await importPhoto(app.page, 'front.png', png, { view: 'front', landmarks: { nasion: [24, 12], menton: [24, 38.5] } });
    expect(typeof result, String(result)).toBe('object');
    const photo = result as PhotoMeta;
    stored.push(photo);
    expect(photo).toMatchObject({ view: 'front', width: 48, height: 40, focalLength35mm: null, landmarks: { nasion: [24, 12], menton: [24, 38.5] } });
    const pixels = await storedPixels(app.page, photo.id, [[0.2, 0.5], [0.8, 0.5]]);
    expect(isRed(pixels.colors[0]!) && isBlue(pixels.colors[1]!), String(pixels.colors)).toBe(true);
  });

  it('stores a HEIC photo decoded on the device by the app’s own WebAssembly libheif, upright once, with its focal length and without its EXIF', async () => {
    // Chromium has no HEIC decoder: the app loads libheif's glue and wasm from its own heic-decoder/ folder,
    // under its security policy, which allows compiling WebAssembly and never code from text.
    const policy = await app.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain("'unsafe-eval'");
    const decoderFiles: string[] = [];
    const listen = (request: { url(): string }) => {
      if (request.url().includes('/heic-decoder/')) decoderFiles.push(new URL(request.url()).pathname.split('/').pop()!);
    };
    app.page.on('request', listen);
    // Stored 128 × 64 with an irot of a quarter clockwise and EXIF orientation 6 (tests/fixtures/photos/makeHeic.ts):
    // 64 × 128 once turned, red above blue with a green square top right; turned twice it would be 128 × 64.
    const heic = new Uint8Array(readFileSync(new URL('../fixtures/photos/rotated.heic', import.meta.url)));
    expect(holdsMetadata(heic)).toContain('Secretville');
    const result = await importPhoto(app.page, 'IMG_0002.HEIC', heic, { view: 'top' });
    app.page.off('request', listen);
    expect(typeof result, String(result)).toBe('object');
    const photo = result as PhotoMeta;
    stored.push(photo);
    expect(photo).toMatchObject({ view: 'top', width: 64, height: 128, focalLength35mm: 26 });
    expect(decoderFiles.sort()).toEqual(['libheif.js', 'libheif.wasm']);
    // The service worker caches the decoder's folder at first use, not at install (most clients never need it).
    const worker = await app.page.evaluate(() => fetch('sw.js').then((r) => r.text()));
    expect(worker).toMatch(/const LAZY_FOLDERS = \[[^\]]*"heic-decoder\/"/);
    expect(worker).not.toContain('heic-decoder/libheif');
    const bytes = await storedBytes(app.page, photo.id);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(holdsMetadata(bytes)).toEqual([]);
    const pixels = await storedPixels(app.page, photo.id, [[0.75, 0.125], [0.25, 0.375], [0.5, 0.75]]);
    expect([pixels.width, pixels.height]).toEqual([64, 128]);
    const [green, red, blue] = pixels.colors;
    expect(green![1]! > 160 && green![0]! < 80 && green![2]! < 80, `top right ${green}`).toBe(true);
    expect(isRed(red!), `top left ${red}`).toBe(true);
    expect(isBlue(blue!), `bottom ${blue}`).toBe(true);
  });

  it('refuses a damaged HEIC photo with a clear message, storing nothing', async () => {
    const before = await getPhotos(app.page);
    const heic = new Uint8Array(readFileSync(new URL('../fixtures/photos/rotated.heic', import.meta.url)));
    for (const bytes of [heic.subarray(0, Math.floor(heic.length * 0.6)), Uint8Array.from([...heic.subarray(0, 40), ...new Uint8Array(400), ...heic.subarray(440)])]) {
      expect(await importPhoto(app.page, 'IMG_0003.HEIC', bytes, { view: 'top' })).toBe('This photo could not be read: the file is damaged or incomplete.');
    }
    expect(await getPhotos(app.page)).toEqual(before);
  });

  it('bounds a photo to 4096 px on its long side, scaling hand-placed landmarks with it', async () => {
    const png = await drawnPicture(app.page, 'image/png', 5000, 1000);
    const result = await importPhoto(app.page, 'wide.png', png, { view: 'top', landmarks: { vertex: [2500, 500], leftTragus: [5000, 1000] } });
    expect(typeof result, String(result)).toBe('object');
    const photo = result as PhotoMeta;
    stored.push(photo);
    // Each side is scaled to whole pixels: 5000 → 4096 and 1000 → 819.
    expect([photo.width, photo.height]).toEqual([4096, 819]);
    expect(photo.landmarks.vertex![0]).toBeCloseTo(2048, 6);
    expect(photo.landmarks.vertex![1]).toBeCloseTo(409.5, 6);
    expect(photo.landmarks.leftTragus).toEqual([4096, 819]);
  });

  it('refuses a broken file, a text file and bad options with a clear message, storing nothing', async () => {
    const before = await getPhotos(app.page);
    expect(before.map((p) => p.id)).toEqual(stored.map((p) => p.id));
    const jpeg = await drawnPicture(app.page, 'image/jpeg', 64, 32);
    const text = new TextEncoder().encode('Client notes: allergic to lidocaine.\n');
    const cases: [string, Uint8Array, object, string][] = [
      ['cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)), { view: 'top' }, 'This photo could not be read: the file is damaged or incomplete.'],
      ['notes.jpg', text, { view: 'top' }, 'This file is not a photo the simulator can read: use a JPEG, PNG or HEIC image.'],
      ['photo.jpg', jpeg, { view: 'profile' }, 'Unknown photo view "profile": use one of front, left, right, back, top.'],
      ['photo.jpg', jpeg, { view: 'front', landmarks: { nose: [1, 1] } }, '"nose" is not a photo landmark: use '],
      ['photo.jpg', jpeg, { view: 'top', colour: true }, 'importPhoto: unknown option "colour": use view, landmarks'],
    ];
    for (const [name, bytes, options, expected] of cases) {
      const result = await importPhoto(app.page, name, bytes, options);
      expect(typeof result, name).toBe('string');
      expect(result as string, name).toContain(expected);
    }
    const wrongFile = await app.page.evaluate(() => window.smp!.importPhoto('photo.jpg' as never, { view: 'top' }).then(() => null, (e: Error) => e.message));
    expect(wrongFile).toBe('importPhoto: expected a File (a JPEG, PNG or HEIC photo) (got "photo.jpg")');
    expect(await getPhotos(app.page)).toEqual(before);
  });

  it('refuses a face view without landmarks when the photo shows no face, storing nothing', async () => {
    const before = await getPhotos(app.page);
    const result = await importPhoto(app.page, 'wall.jpg', await drawnPicture(app.page, 'image/jpeg', 320, 240), { view: 'left' });
    expect(result, app.warnings.join('\n')).toMatch(/^No face was found in this photo, so it cannot be used as the “left” view/);
    expect(await getPhotos(app.page)).toEqual(before);
  });

  it('removes a photo, and refuses an id the plan does not have', async () => {
    const [gone, ...kept] = stored.splice(0, stored.length);
    await app.page.evaluate((id) => window.smp!.removePhoto(id), gone!.id);
    expect((await getPhotos(app.page)).map((p) => p.id)).toEqual(kept.map((p) => p.id));
    stored.push(...kept);
    const missing = await app.page.evaluate((id) => window.smp!.removePhoto(id).then(() => null, (e: Error) => e.message), gone!.id);
    expect(missing).toBe(`This plan has no photo with the id "${gone!.id}".`);
    const noId = await app.page.evaluate(() => window.smp!.removePhoto(7 as never).then(() => null, (e: Error) => e.message));
    expect(noId).toMatch(/^removePhoto needs a photo id/);
    expect((await getPhotos(app.page)).map((p) => p.id)).toEqual(kept.map((p) => p.id));
  });

  it('keeps the photos with their plan across a reload, and out of the plan file and the link', async () => {
    await app.page.evaluate(() => window.smp!.flushAutosave());
    await app.page.reload();
    await waitForReady(app.page);
    expect(await getPhotos(app.page)).toEqual(stored);
    const { file, link } = await app.page.evaluate(() => ({ file: window.smp!.exportPlanFile(), link: window.smp!.getShareLink() }));
    for (const text of [file, link, await app.page.evaluate(() => location.href)]) {
      for (const photo of stored) expect(text).not.toContain(photo.id);
      expect(text).not.toMatch(/photo|landmark/i);
    }
  });

  it('makes no request to another origin and logs no error', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
