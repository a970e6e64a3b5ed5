/**
 * The photo tools in the browser (#15), on one page of a browser with Chromium's fake camera (a moving test
 * pattern, allowed without asking): the camera's dialog shows the live picture with each view's outline,
 * and its shutter stores the frame as a photo of the plan; a refused, missing or unusable camera is said in
 * words. On the captured crown photo, shown on the photo screen, the landmark pins place and drag a point
 * with the real mouse (stored, one undo step each), and the mask brush paints the scalp-skin mask (stored,
 * undone by Undo). The tools' logic is tested in Node (tests/unit/photoTools.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { photoRect } from '../../src/domain/photo/composite';
import type { PhotoMeta } from '../../src/domain/photos';
import { PIN_KEY_STEP } from '../../src/scene/tools/photoPinKeys';
import { launchOptions } from './chromium';
import { openApp, UI_PIXEL_RATIO, type AppPage } from './harness';

/** The plan's photos, through `window.smp`. */
const photosOf = (page: Page) => page.evaluate(() => window.smp!.getPhotos());

/** A photo's stored mask, read straight from the page's IndexedDB: the share of its pixels at 128 or more, and its size. */
async function storedMaskCover(page: Page, id: string): Promise<number> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open('smp-simulator-photos');
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const value = await new Promise<{ bytes: ArrayBuffer } | undefined>((resolve, reject) => {
      const request = db.transaction('masks').objectStore('masks').get(id);
      request.onsuccess = () => resolve(request.result as { bytes: ArrayBuffer } | undefined);
      request.onerror = () => reject(request.error);
    });
    db.close();
    if (!value) return 0;
    const bytes = new Uint8Array(value.bytes);
    return bytes.filter((v) => v >= 128).length / bytes.length;
  }, id);
}

/** The mask's tint over the photo at a point (shares of its width and height): its opacity, 0 to 255. */
const tintAt = (page: Page, x: number, y: number) =>
  page.evaluate(
    ({ x, y }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="photo-mask-tint"]');
      return canvas ? canvas.getContext('2d')!.getImageData(Math.round(canvas.width * x), Math.round(canvas.height * y), 1, 1).data[3]! : -1;
    },
    { x, y },
  );

describe('taking photos and correcting them by hand', () => {
  let browser: Browser;
  let app: AppPage;
  beforeAll(async () => {
    browser = await chromium.launch(launchOptions({ fakeCamera: true }));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: UI_PIXEL_RATIO, serviceWorkers: 'block' });
    app = await openApp({ context, deviceScaleFactor: UI_PIXEL_RATIO });
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('takes a crown photo with the camera, its outline drawn for each view', async () => {
    const { page } = app;
    await page.getByTestId('take-photos').click();
    const dialog = page.getByTestId('capture-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // The live picture: the fake camera's frames play in the dialog.
    await page.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="capture-video"]');
      return !!video && video.videoWidth > 0 && !video.paused;
    });
    expect(await page.getByTestId('capture-guide').getAttribute('data-view')).toBe('front');
    expect(await dialog.textContent()).toContain('the eyes on the line');
    for (const view of ['left', 'right', 'back', 'top'] as const) {
      await page.locator(`[data-capture-view="${view}"]`).click();
      expect(await page.getByTestId('capture-guide').getAttribute('data-view')).toBe(view);
    }
    // Each view's outline is its own drawing.
    expect(await page.getByTestId('capture-guide').locator('circle').count()).toBe(1);
    expect(await dialog.textContent()).toContain('the forehead at the top of the picture');

    await page.getByTestId('capture-shutter').click();
    await expect.poll(() => page.getByTestId('capture-status').textContent(), { timeout: 30_000 }).toContain('Photo stored as “Top of the head”');
    const photos: PhotoMeta[] = await photosOf(page);
    expect(photos).toHaveLength(1);
    const size = await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="capture-video"]')!;
      return { width: video.videoWidth, height: video.videoHeight };
    });
    expect(photos[0]).toMatchObject({ view: 'top', width: size.width, height: size.height, landmarks: {} });
    await page.getByRole('button', { name: 'Close' }).last().click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('places and drags a landmark pin and paints the skin mask with the mouse, each an undo step', async () => {
    const { page } = app;
    const [photo] = await photosOf(page);
    // The stored photo is shown on the photo screen (the capture shows what it stored).
    await page.waitForFunction((id) => document.querySelector(`[data-photo-id="${id}"].shown`) !== null, photo!.id, { timeout: 60_000 });
    const box = (await page.locator('canvas').boundingBox())!;
    const rect = photoRect(box.width, box.height, photo!.width, photo!.height);
    const onPage = (x: number, y: number) => ({ x: box.x + rect.x + (x * rect.width) / photo!.width, y: box.y + rect.y + (y * rect.height) / photo!.height });
    const landmarks = async () => (await photosOf(page))[0]!.landmarks;

    await page.getByTestId('photo-pins-tool').click();
    expect(await page.getByTestId('photo-pin-choice').inputValue()).toBe('rightTragus');
    const first = onPage(photo!.width * 0.2, photo!.height * 0.6);
    await page.mouse.click(first.x, first.y);
    await expect.poll(landmarks).toHaveProperty('rightTragus');
    const placed = (await landmarks()).rightTragus!;
    expect(placed[0]).toBeCloseTo(photo!.width * 0.2, -1);
    expect(placed[1]).toBeCloseTo(photo!.height * 0.6, -1);
    // The next point of the crown view is chosen.
    expect(await page.getByTestId('photo-pin-choice').inputValue()).toBe('leftTragus');
    expect(await page.locator('[data-landmark="rightTragus"]').count()).toBe(1);

    // Dragged by its pin, whatever point is chosen.
    const to = onPage(photo!.width * 0.3, photo!.height * 0.5);
    await page.mouse.move(first.x + 3, first.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(first.x + ((to.x - first.x) * i) / 5, first.y + ((to.y - first.y) * i) / 5);
    await page.mouse.up();
    await expect.poll(async () => (await landmarks()).rightTragus![0]).toBeCloseTo(photo!.width * 0.3, -1);
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toContain('Move landmark');
    await page.evaluate(() => window.smp!.undo());
    await expect.poll(async () => (await landmarks()).rightTragus).toEqual(placed);

    // From the keyboard: the chosen point picked up (at the photo's middle), moved right with Shift, put down.
    expect(await page.getByTestId('photo-pin-choice').inputValue()).toBe('leftTragus');
    await page.getByTestId('photo-pin-keys').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await landmarks()).leftTragus?.[0]).toBeCloseTo(photo!.width / 2 + Math.max(photo!.width, photo!.height) * PIN_KEY_STEP * 10, 3);
    expect((await landmarks()).leftTragus![1]).toBeCloseTo(photo!.height / 2, 3);
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toContain('Place landmark');
    await page.evaluate(() => window.smp!.undo());
    await expect.poll(async () => (await landmarks()).leftTragus).toBeUndefined();

    await page.getByTestId('photo-mask-tool').click();
    const before = await storedMaskCover(page, photo!.id);
    const from = onPage(photo!.width * 0.3, photo!.height * 0.4);
    const end = onPage(photo!.width * 0.7, photo!.height * 0.4);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + ((end.x - from.x) * i) / 8, from.y);
    await page.mouse.up();
    await expect.poll(() => storedMaskCover(page, photo!.id)).toBeGreaterThan(before + 0.01);
    // The mask shows, tinted, where it was painted.
    await expect.poll(() => tintAt(page, 0.5, 0.4)).toBeGreaterThan(50);
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toContain('Paint skin mask');
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedMaskCover(page, photo!.id)).toBeCloseTo(before, 3);
    await expect.poll(() => tintAt(page, 0.5, 0.4)).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('tries a camera again when it is chosen again after it failed', async () => {
    const { page } = app;
    // Two cameras, the front one busy the first time it is asked for only.
    await page.evaluate(() => {
      const devices = navigator.mediaDevices;
      const getUserMedia = devices.getUserMedia.bind(devices);
      const enumerateDevices = devices.enumerateDevices.bind(devices);
      let refused = false;
      devices.getUserMedia = (constraints) => {
        const facing = (constraints?.video as { facingMode?: { ideal?: string } } | undefined)?.facingMode?.ideal;
        if (facing === 'user' && !refused) {
          refused = true;
          return Promise.reject(new DOMException('busy', 'NotReadableError'));
        }
        return getUserMedia(constraints);
      };
      devices.enumerateDevices = async () => {
        const found = await enumerateDevices();
        const camera = found.find((d) => d.kind === 'videoinput');
        return camera ? [...found, camera] : found;
      };
    });
    const playing = () =>
      page.waitForFunction(() => {
        const video = document.querySelector<HTMLVideoElement>('[data-testid="capture-video"]');
        return !!video && video.videoWidth > 0 && !video.paused;
      });
    await page.getByTestId('take-photos').click();
    await playing();
    await page.locator('[data-capture-camera="user"]').click();
    await expect.poll(() => page.getByTestId('capture-problem').getAttribute('data-problem')).toBe('busy');
    await page.locator('[data-capture-camera="environment"]').click();
    await playing();
    // Back to the front camera: asked again (free now), its picture shown rather than the last failure.
    await page.locator('[data-capture-camera="user"]').click();
    expect(await page.getByTestId('capture-problem').count()).toBe(0);
    // The shutter comes back once the new camera's picture plays (the last camera's may still play meanwhile).
    await expect.poll(() => page.getByTestId('capture-shutter').isDisabled()).toBe(false);
    await playing();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('capture-dialog').count()).toBe(0);
  });

  it('says why when the camera is refused, missing or unusable', async () => {
    const { page } = app;
    const problemFor = async (failure: string | null) => {
      await page.evaluate((failure) => {
        const devices = navigator.mediaDevices;
        if (failure === null) Object.defineProperty(navigator, 'mediaDevices', { configurable: true, get: () => undefined });
        else devices.getUserMedia = () => Promise.reject(new DOMException('refused', failure));
      }, failure);
      await page.getByTestId('take-photos').click();
      const problem = page.getByTestId('capture-problem');
      await expect.poll(() => problem.count()).toBe(1);
      const said = { kind: await problem.getAttribute('data-problem'), text: await problem.textContent() };
      expect(await page.getByTestId('capture-shutter').isDisabled()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('capture-dialog').count()).toBe(0);
      return said;
    };
    expect(await problemFor('NotAllowedError')).toEqual({ kind: 'denied', text: expect.stringContaining('Camera access was refused') });
    expect(await problemFor('NotFoundError')).toEqual({ kind: 'noCamera', text: expect.stringContaining('No camera was found') });
    expect(await problemFor('NotReadableError')).toEqual({ kind: 'busy', text: expect.stringContaining('in use by another app') });
    expect(await problemFor(null)).toEqual({ kind: 'unsupported', text: expect.stringContaining('cannot use a camera here') });
    expect(await photosOf(page)).toHaveLength(1);
  });
});
