/**
 * The client's photos in Node: the metadata's checks, the EXIF reading and metadata stripping of a JPEG
 * and a PNG built here byte by byte, and the photo store on an in-memory IndexedDB (fake-indexeddb): add,
 * list, remove, deleting a plan deletes its photos, and photos never reach a plan file or a link. The
 * decoding, orientation and re-encoding in a browser are tested in tests/browser/photos.test.ts.
 */
import exifr from 'exifr';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/app/simulator';
import { PLAN_FIELD_KINDS } from '../../src/domain/personalData';
import { PHOTO_LANDMARK_NAMES } from '../../src/domain/photo/photoLandmarks';
import { checkPhotoLandmarks, inTakenOrder, readPhotoMeta, type PhotoMeta } from '../../src/domain/photos';
import { textOf } from '../../src/domain/textError';
import { startAutosave } from '../../src/io/autosave';
import { writePlanFile } from '../../src/io/planFile';
import { createClientPhotos } from '../../src/io/photos/clientPhotos';
import { openPhotoStore } from '../../src/io/photos/photoStore';
import { orientationTransform, photoFormat, readPhotoExif, withoutMetadata } from '../../src/io/photos/readPhoto';
import { designLink } from '../../src/io/sharing';
import { holdsMetadata, withExif } from '../support/exifJpeg';
import { stubPage } from '../support/nodePage';

const meta = (fields: Partial<PhotoMeta> = {}): PhotoMeta => ({
  id: 'photo0001',
  planId: 'plan0001',
  view: 'front',
  width: 3000,
  height: 4000,
  focalLength35mm: 26,
  createdAt: '2026-12-05T10:00:00.000Z',
  landmarks: { nasion: [1500, 1700], leftIrisCenter: [1700, 1600] },
  irisDiameterPx: 64,
  ...fields,
});

/** The error `act` throws (or the rejection it returns). */
async function refusal(act: () => unknown): Promise<Error> {
  try {
    await act();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

/** A JPEG's structure without real pixels: enough for its segments to be read (no decoder runs in Node). */
function skeletonJpeg(): Uint8Array {
  const dqt = [0xff, 0xdb, 0x00, 0x43, 0x00, ...new Array<number>(64).fill(1)];
  const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00];
  return Uint8Array.from([0xff, 0xd8, ...dqt, ...sos, 0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9]);
}

const EXIF = { orientation: 6, focalLengthMm: 4.25, focalLength35mm: 26, gps: { latitude: 51.5072, longitude: -0.1276 } };

describe('photo metadata', () => {
  it('reads a stored record and refuses damaged ones', () => {
    expect(readPhotoMeta(meta())).toEqual(meta());
    expect(readPhotoMeta(meta({ focalLength35mm: null, irisDiameterPx: null, landmarks: {} }))).toEqual(meta({ focalLength35mm: null, irisDiameterPx: null, landmarks: {} }));
    const damaged: unknown[] = [
      null,
      'photo',
      meta({ view: 'side' as never }),
      meta({ width: 0 }),
      meta({ height: 5000 }),
      meta({ width: 12.5 }),
      meta({ id: '' }),
      meta({ planId: 7 as never }),
      meta({ createdAt: 'yesterday' }),
      meta({ focalLength35mm: -3 }),
      meta({ landmarks: { nose: [1, 1] } as never }),
      meta({ landmarks: { nasion: [3001, 10] } }),
      meta({ landmarks: { nasion: [10, Number.NaN] } }),
    ];
    for (const value of damaged) expect(readPhotoMeta(value), JSON.stringify(value)).toBeUndefined();
  });

  it('refuses landmarks with unknown names, bad points or points outside the image, saying which', async () => {
    expect(checkPhotoLandmarks({ nasion: [0, 0], menton: [100, 200] }, 100, 200)).toEqual({ nasion: [0, 0], menton: [100, 200] });
    const unknown = await refusal(() => checkPhotoLandmarks({ nose: [1, 2] }, 100, 100));
    expect(unknown.message).toBe(`"nose" is not a photo landmark: use ${PHOTO_LANDMARK_NAMES.join(', ')}.`);
    expect(textOf(unknown)?.key).toBe('messages:photos.landmarks.unknownName');
    expect((await refusal(() => checkPhotoLandmarks({ nasion: [1] }, 100, 100))).message).toMatch(/^The landmark nasion must be a point \[x, y\]/);
    expect((await refusal(() => checkPhotoLandmarks({ vertex: [50, 101] }, 100, 100))).message).toBe('The landmark vertex at [50, 101] lies outside the photo (100 × 100 pixels).');
    expect((await refusal(() => checkPhotoLandmarks([[1, 2]], 100, 100))).message).toMatch(/^Photo landmarks must be an object/);
  });

  it('lists photos in the order they were taken', () => {
    const later = meta({ id: 'b', createdAt: '2026-12-05T11:00:00.000Z' });
    const earlier = meta({ id: 'a', createdAt: '2026-12-05T09:00:00.000Z' });
    expect(inTakenOrder([later, earlier]).map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('EXIF and metadata', () => {
  it('tells JPEG, PNG and HEIC files by their first bytes', () => {
    expect(photoFormat(skeletonJpeg())).toBe('jpeg');
    expect(photoFormat(PNG.sync.write(new PNG({ width: 1, height: 1 })))).toBe('png');
    const heic = Uint8Array.from([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0]);
    expect(photoFormat(heic)).toBe('heic');
    expect(photoFormat(new TextEncoder().encode('Dear client, here are the notes'))).toBeNull();
  });

  it('reads the orientation and the focal length of a JPEG whose EXIF also holds a GPS position', async () => {
    const jpeg = withExif(skeletonJpeg(), EXIF);
    // The GPS position is really there (exifr reads it), so its removal below means something.
    const gps = await exifr.gps(jpeg);
    expect(gps.latitude).toBeCloseTo(51.5072, 3);
    expect(await readPhotoExif(jpeg)).toEqual({ orientation: 6, focalLength35mm: 26 });
  });

  it('works the 35 mm-equivalent focal length out from the sensor size when the EXIF does not give it', async () => {
    // A 50 mm lens on a 36 × 24 mm sensor (6000 × 4000 pixels) is a 50 mm equivalent; on a sensor half that size, 100 mm.
    const fullFrame = { xResolution: 6000 / 36, yResolution: 4000 / 24, unit: 4, width: 6000, height: 4000 };
    expect((await readPhotoExif(withExif(skeletonJpeg(), { orientation: 1, focalLengthMm: 50, focalPlane: fullFrame }))).focalLength35mm).toBeCloseTo(50, 0);
    const halfSize = { ...fullFrame, xResolution: 6000 / 18, yResolution: 4000 / 12 };
    expect((await readPhotoExif(withExif(skeletonJpeg(), { orientation: 1, focalLengthMm: 50, focalPlane: halfSize }))).focalLength35mm).toBeCloseTo(100, 0);
    // The focal length alone does not tell the field of view; no EXIF at all tells nothing.
    expect((await readPhotoExif(withExif(skeletonJpeg(), { orientation: 1, focalLengthMm: 50 }))).focalLength35mm).toBeNull();
    expect(await readPhotoExif(skeletonJpeg())).toEqual({ orientation: 1, focalLength35mm: null });
  });

  it('strips EXIF (with GPS), XMP and comments from a JPEG, keeping its pixels', async () => {
    const original = skeletonJpeg();
    const jpeg = withExif(original, EXIF);
    expect(holdsMetadata(jpeg)).toHaveLength(5);
    const stripped = withoutMetadata(jpeg, 'jpeg');
    expect(holdsMetadata(stripped)).toEqual([]);
    expect(await exifr.parse(stripped)).toBeUndefined();
    expect([...stripped]).toEqual([...original]);
  });

  it('strips EXIF and text chunks from a PNG', () => {
    const png = new PNG({ width: 2, height: 2 });
    png.data.fill(200);
    const plain = new Uint8Array(PNG.sync.write(png));
    const chunk = (type: string, data: Uint8Array) => {
      const out = new Uint8Array(12 + data.length);
      new DataView(out.buffer).setUint32(0, data.length);
      out.set(new TextEncoder().encode(type), 4);
      out.set(data, 8);
      return out;
    };
    const text = new TextEncoder().encode('Comment\0Client: Jane Doe, 12 Secret Lane');
    // After IHDR (8 + 25 bytes), as writers put them.
    const withText = Uint8Array.from([...plain.subarray(0, 33), ...chunk('tEXt', text), ...chunk('eXIf', new Uint8Array(8)), ...plain.subarray(33)]);
    const stripped = withoutMetadata(withText, 'png');
    expect([...stripped]).toEqual([...plain]);
  });

  it('refuses a cut-off JPEG or PNG as damaged', async () => {
    const jpeg = withExif(skeletonJpeg(), EXIF);
    for (const cut of [jpeg.subarray(0, jpeg.length - 4), jpeg.subarray(0, 40)]) {
      const error = await refusal(() => withoutMetadata(cut, 'jpeg'));
      expect(error.message).toBe('This photo could not be read: the file is damaged or incomplete.');
      expect(textOf(error)?.key).toBe('messages:photos.damaged');
    }
    const png = new Uint8Array(PNG.sync.write(new PNG({ width: 4, height: 4 })));
    expect((await refusal(() => withoutMetadata(png.subarray(0, png.length - 6), 'png'))).message).toMatch(/damaged or incomplete/);
  });

  it('turns each of the eight EXIF orientations upright onto a canvas of the right size', () => {
    const [w, h] = [40, 30];
    // Where the stored picture's top-left pixel belongs on the upright canvas, by EXIF's definitions.
    const topLeftGoesTo: Record<number, [number, number]> = { 1: [0, 0], 2: [w, 0], 3: [w, h], 4: [0, h], 5: [0, 0], 6: [h, 0], 7: [h, w], 8: [0, w] };
    for (let orientation = 1; orientation <= 8; orientation++) {
      const [a, b, c, d, e, f] = orientationTransform(orientation, w, h);
      const apply = (x: number, y: number) => [a * x + c * y + e, b * x + d * y + f];
      const corners = [apply(0, 0), apply(w, 0), apply(0, h), apply(w, h)];
      const [cw, ch] = orientation >= 5 ? [h, w] : [w, h];
      expect(corners.map(([x]) => x).sort((p, q) => p! - q!), `orientation ${orientation}`).toEqual([0, 0, cw, cw]);
      expect(corners.map(([, y]) => y).sort((p, q) => p! - q!), `orientation ${orientation}`).toEqual([0, 0, ch, ch]);
      expect(apply(0, 0), `orientation ${orientation}`).toEqual(topLeftGoesTo[orientation]);
    }
  });
});

const jpegBlob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });

describe('photo store', () => {
  beforeEach(() => stubPage());

  it('adds, lists, reads back and removes photos, each with its plan', async () => {
    const store = await openPhotoStore();
    const picture = Uint8Array.from([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]);
    await store.add(meta({ id: 'b', createdAt: '2026-12-05T11:00:00.000Z' }), jpegBlob(picture));
    await store.add(meta({ id: 'a', createdAt: '2026-12-05T10:00:00.000Z', view: 'top', landmarks: {} }), jpegBlob(picture));
    await store.add(meta({ id: 'c', planId: 'plan0002' }), jpegBlob(picture));
    expect((await store.list('plan0001')).map((p) => p.id)).toEqual(['a', 'b']);
    expect((await store.list('plan0002')).map((p) => p.id)).toEqual(['c']);
    expect(await store.list('plan0003')).toEqual([]);
    expect(await store.get('a')).toEqual(meta({ id: 'a', createdAt: '2026-12-05T10:00:00.000Z', view: 'top', landmarks: {} }));
    const image = await store.image('b');
    expect(image?.type).toBe('image/jpeg');
    expect([...new Uint8Array(await image!.arrayBuffer())]).toEqual([...picture]);

    // Adding an id that is taken stores nothing, neither the metadata nor the picture.
    const taken = await refusal(() => store.add(meta({ id: 'a', view: 'back' }), jpegBlob(Uint8Array.from([9]))));
    expect(textOf(taken)?.key).toBe('messages:photos.storageFailed');
    expect((await store.get('a'))?.view).toBe('top');
    expect((await store.image('a'))?.size).toBe(picture.length);

    await store.remove('b');
    expect((await store.list('plan0001')).map((p) => p.id)).toEqual(['a']);
    expect(await store.image('b')).toBeUndefined();
    await store.removePlan('plan0001');
    expect(await store.list('plan0001')).toEqual([]);
    expect(await store.image('a')).toBeUndefined();
    expect((await store.list('plan0002')).map((p) => p.id)).toEqual(['c']);
    store.close();
  });

  it('leaves out a damaged record when listing', async () => {
    const store = await openPhotoStore();
    await store.add(meta({ id: 'good' }), jpegBlob(Uint8Array.from([1])));
    await store.add({ ...meta({ id: 'bad' }), width: -1 }, jpegBlob(Uint8Array.from([1])));
    expect((await store.list('plan0001')).map((p) => p.id)).toEqual(['good']);
    expect(await store.get('bad')).toBeUndefined();
    store.close();
  });

  it('deletes a plan’s photos when the plan is deleted, and only that plan’s', { timeout: 20_000 }, async () => {
    const sim = createSimulator();
    const { savedPlans } = await startAutosave(sim, undefined);
    const first = savedPlans.state.getState().openId!;
    await savedPlans.newPlan();
    const second = savedPlans.state.getState().openId!;
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
    const store = await openPhotoStore();
    await store.add(meta({ id: 'p1', planId: first }), jpegBlob(Uint8Array.from([1])));
    await store.add(meta({ id: 'p2', planId: first, view: 'back', landmarks: {} }), jpegBlob(Uint8Array.from([2])));
    await store.add(meta({ id: 'p3', planId: second }), jpegBlob(Uint8Array.from([3])));

    // A plan that is not on screen, then the one on screen.
    await savedPlans.remove(first);
    expect(await store.list(first)).toEqual([]);
    expect(await store.image('p1')).toBeUndefined();
    expect((await store.list(second)).map((p) => p.id)).toEqual(['p3']);
    await savedPlans.remove(second);
    expect(await store.list(second)).toEqual([]);
    expect(await store.image('p3')).toBeUndefined();
    store.close();
    window.dispatchEvent(new Event('pagehide'));
  });

  it('refuses bad input to importPhoto with a clear message, storing nothing', { timeout: 20_000 }, async () => {
    const sim = createSimulator();
    const { savedPlans } = await startAutosave(sim, undefined);
    const photos = createClientPhotos(savedPlans);
    const file = jpegBlob(withExif(skeletonJpeg(), EXIF));
    const cases: [Blob, object, RegExp][] = [
      [file, { view: 'profile' }, /^Unknown photo view "profile": use one of front, left, right, back, top\.$/],
      [file, { view: 'front', landmarks: { nose: [1, 1] } }, /^"nose" is not a photo landmark/],
      [new Blob(['Dear client, your notes…'], { type: 'image/jpeg' }), { view: 'top' }, /^This file is not a photo the simulator can read: use a JPEG, PNG or HEIC image\.$/],
      [new Blob([]), { view: 'top' }, /^This file is empty/],
      [jpegBlob(withExif(skeletonJpeg(), EXIF).subarray(0, 120)), { view: 'top' }, /^This photo could not be read: the file is damaged or incomplete\.$/],
    ];
    for (const [blob, options, expected] of cases) {
      const error = await refusal(() => photos.importPhoto(blob, options as never));
      expect(error.message).toMatch(expected);
      expect(textOf(error)?.key).toMatch(/^messages:photos\./);
    }
    expect(await photos.list()).toEqual([]);
    await expect(photos.remove('nothing')).rejects.toThrow('This plan has no photo with the id "nothing".');
    window.dispatchEvent(new Event('pagehide'));
  });

  it('keeps photos out of plans, plan files and links', { timeout: 20_000 }, async () => {
    // No plan field holds photos: they live beside the saved plan, under its id.
    expect(Object.keys(PLAN_FIELD_KINDS).filter((field) => /photo|image|picture/i.test(field))).toEqual([]);
    const sim = createSimulator();
    const { savedPlans } = await startAutosave(sim, undefined);
    const planId = savedPlans.state.getState().openId!;
    const store = await openPhotoStore();
    await store.add(meta({ id: 'photo-in-plan', planId }), jpegBlob(withExif(skeletonJpeg(), EXIF)));
    expect(await createClientPhotos(savedPlans).list()).toHaveLength(1);
    const plan = sim.planStore.getState().plan;
    const exported = [writePlanFile(plan, new Date()), designLink(plan, 'front', { origin: 'https://clinic.example', pathname: '/' }), JSON.stringify((await savedPlans.list())[0])];
    for (const text of exported) {
      expect(text).not.toMatch(/photo|Exif|PhotoTest/i);
      expect(text).not.toContain('photo-in-plan');
    }
    store.close();
    window.dispatchEvent(new Event('pagehide'));
  });
});
