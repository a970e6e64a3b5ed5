/**
 * The plan on the client's photo (#15): `window.smp.showPhoto` shows a photo with the head fitted to it and the
 * simulation laid on the scalp's skin only; a plan edit shows on the photo in the next frame; the before/after
 * divider; back to the 3D view; an unknown photo refused; the report's photo pair labelled as a simulation; the
 * plan's head shape fitted to all its photos, and the word when they are front views only.
 *
 * The photo is synthetic: the app's own default head in three-quarter view from above (the scalp in sight),
 * drawn without SMP (a "before" photo of a bald client), with its landmarks given by hand where the head's own
 * project, so the face model is not needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoMeta } from '../../src/domain/photos';
import { PNG } from 'pngjs';
import { drawSmallPictures, grabFrame, openApp, savePng, showStep, type AppPage, type Image } from './harness';

const OUT = '/tmp/photoView';

/** The photo's stored mask, read straight from the page's IndexedDB. */
async function storedMask(app: AppPage, id: string): Promise<{ width: number; height: number; data: number[]; edited: boolean }> {
  return app.page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open('smp-simulator-photos');
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const value = await new Promise<{ width: number; height: number; bytes: ArrayBuffer; edited: boolean }>((resolve, reject) => {
      const request = db.transaction('masks').objectStore('masks').get(id);
      request.onsuccess = () => resolve(request.result as never);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return { width: value.width, height: value.height, data: [...new Uint8Array(value.bytes)], edited: value.edited };
  }, id);
}

/** Where the photo sits on the canvas (device px): as large as fits, centred (src/domain/photo/composite.ts). */
function photoRectOn(frame: Image, photo: PhotoMeta) {
  const fit = Math.min(frame.width / photo.width, frame.height / photo.height);
  const width = photo.width * fit, height = photo.height * fit;
  return { x: (frame.width - width) / 2, y: (frame.height - height) / 2, width, height };
}

const channelDifference = (a: Image, b: Image, i: number) => Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!));

describe("the plan on the client's photo", () => {
  let app: AppPage;
  let photo: PhotoMeta;
  let mask: Awaited<ReturnType<typeof storedMask>>;
  let taken: Image;
  let simulated: Image;
  /** The 3D view of the same camera with the plan, before any photo was shown. */
  let view3dWithSmp: Image;

  beforeAll(async () => {
    app = await openApp({ width: 1000, height: 720 });
    // The "before" photo: the front view without SMP, with the landmarks where the head's own project.
    const made = await app.page.evaluate(async () => {
      const smp = window.smp!;
      smp.setShowSmp(false);
      smp.setView('three-quarter');
      await smp.whenRendered();
      const shot = await smp.screenshot();
      const canvas = document.querySelector('canvas')!;
      const scale = canvas.width / canvas.clientWidth;
      const head = smp.getLandmarks();
      const names = ['nasion', 'menton', 'rightLateralCanthus', 'leftLateralCanthus', 'rightTragus', 'leftTragus', 'vertex'] as const;
      const landmarks = Object.fromEntries(names.map((name) => {
        const { x, y } = smp.toScreen(head[name]);
        return [name, [x * scale, y * scale]];
      }));
      smp.setShowSmp(true);
      await smp.whenRendered();
      const withSmp = await smp.screenshot();
      const blob = await (await fetch(shot)).blob();
      return { meta: await smp.importPhoto(blob, { view: 'left', landmarks: landmarks as never }), withSmp };
    });
    photo = made.meta;
    const png = PNG.sync.read(Buffer.from(made.withSmp.split(',')[1]!, 'base64'));
    view3dWithSmp = { width: png.width, height: png.height, data: new Uint8Array(png.data) };
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the photo with the plan drawn on the scalp skin only', async () => {
    await app.page.evaluate(async (id) => {
      await window.smp!.showPhoto(id);
      await window.smp!.whenRendered();
    }, photo.id);
    await app.page.getByTestId('photo-overlay').waitFor();
    // The head fitted to the given points lands on them. They are the head's anatomical landmarks, a few
    // millimetres from the photo points the fit matches, and the fit also follows the head's outline on the
    // picture, which the points alone do not (~10 px here).
    const fitText = await app.page.getByTestId('photo-fit').textContent();
    console.log(fitText);
    expect(Number(/([\d.]+) px off/.exec(fitText!)![1])).toBeLessThan(13);
    const divider = app.page.getByTestId('photo-divider');
    await divider.focus();
    await divider.press('End');
    await app.page.evaluate(() => window.smp!.whenRendered());
    taken = await grabFrame(app.page);
    await divider.press('Home');
    await app.page.evaluate(() => window.smp!.whenRendered());
    simulated = await grabFrame(app.page);
    await savePng(taken, `${OUT}/taken.png`);
    await savePng(simulated, `${OUT}/simulated.png`);
    await app.page.screenshot({ path: `${OUT}/page.png` });

    mask = await storedMask(app, photo.id);
    expect(mask.edited).toBe(false);
    const masked = mask.data.filter((v) => v > 0).length / mask.data.length;
    console.log(`Mask ${mask.width} × ${mask.height}: ${(100 * masked).toFixed(1)} % of the photo`);
    expect(masked).toBeGreaterThan(0.03);

    // Every pixel the simulation changed lies where the mask applies it (a pixel of margin for the overlay's
    // blur and the photo's scaling), and the simulation changed many.
    const rect = photoRectOn(simulated, photo);
    let changed = 0, outside = 0;
    for (let y = 0; y < simulated.height; y++) {
      for (let x = 0; x < simulated.width; x++) {
        const i = 4 * (y * simulated.width + x);
        if (channelDifference(taken, simulated, i) <= 3) continue;
        changed++;
        const mx = ((x + 0.5 - rect.x) / rect.width) * mask.width, my = ((y + 0.5 - rect.y) / rect.height) * mask.height;
        let near = 0;
        for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) near = Math.max(near, mask.data[Math.min(mask.height - 1, Math.max(0, Math.floor(my) + dy)) * mask.width + Math.min(mask.width - 1, Math.max(0, Math.floor(mx) + dx))] ?? 0);
        if (near === 0) outside++;
      }
    }
    console.log(`Simulation changed ${changed} pixels, ${outside} outside the mask`);
    expect(changed).toBeGreaterThan(10000);
    expect(outside).toBe(0);
  });

  it('shows a density change on the photo in the next frame', async () => {
    /** How much the simulation darkens the photo's masked scalp, summed over its pixels. */
    const darkening = (frame: Image) => {
      let sum = 0;
      for (let i = 0; i < frame.data.length; i += 4) sum += Math.max(0, taken.data[i + 1]! - frame.data[i + 1]!);
      return sum;
    };
    const before = darkening(simulated);
    const plan = await app.page.evaluate(() => window.smp!.getPlan());
    await app.page.evaluate(async (density) => {
      window.smp!.setPlan({ ...window.smp!.getPlan(), dots: { ...window.smp!.getPlan().dots, densityPerCm2: density } });
      await window.smp!.whenRendered();
    }, Math.round(plan.dots.densityPerCm2 / 3));
    const sparser = await grabFrame(app.page);
    await savePng(sparser, `${OUT}/sparser.png`);
    const after = darkening(sparser);
    console.log(`Darkening of the photo's scalp: ${before} at ${plan.dots.densityPerCm2} dots/cm², ${after} at a third of it`);
    expect(after).toBeLessThan(0.6 * before);
    expect(after).toBeGreaterThan(0);
    await app.page.evaluate(async (plan) => {
      window.smp!.setPlan(plan);
      await window.smp!.whenRendered();
    }, plan);
  });

  it('has a before/after divider moved by keyboard and pointer: the photo as taken on its left', async () => {
    const divider = app.page.getByTestId('photo-divider');
    await divider.focus();
    await divider.press('Home');
    await expect.poll(() => divider.getAttribute('aria-valuenow')).toBe('0');
    await divider.press('ArrowRight');
    await expect.poll(() => divider.getAttribute('aria-valuenow')).toBe('2');
    await divider.press('End');
    await expect.poll(() => divider.getAttribute('aria-valuenow')).toBe('100');
    // Dragged to the middle of the photo.
    const box = (await divider.boundingBox())!;
    const canvasBox = (await app.page.locator('canvas').boundingBox())!;
    const cssRect = photoRectOn({ width: canvasBox.width, height: canvasBox.height, data: new Uint8Array() }, photo);
    const middle = canvasBox.x + cssRect.x + cssRect.width / 2;
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(middle, box.y + box.height / 2, { steps: 4 });
    await app.page.mouse.up();
    await expect.poll(async () => Number(await divider.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(48);
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(52);
    await app.page.evaluate(() => window.smp!.whenRendered());
    const split = await grabFrame(app.page);
    await savePng(split, `${OUT}/split.png`);
    await app.page.screenshot({ path: `${OUT}/split-page.png` });
    // Left of the divider: the photo as taken; right of it: the simulation.
    const rect = photoRectOn(split, photo);
    const divide = Math.round(rect.x + rect.width / 2);
    let leftDiff = 0, rightDiff = 0;
    for (let y = 0; y < split.height; y++) {
      for (let x = Math.ceil(rect.x); x < rect.x + rect.width - 1; x++) {
        if (Math.abs(x - divide) < 6) continue;
        const i = 4 * (y * split.width + x);
        if (x < divide) leftDiff = Math.max(leftDiff, channelDifference(split, taken, i));
        else rightDiff = Math.max(rightDiff, channelDifference(split, simulated, i));
      }
    }
    expect(leftDiff).toBeLessThanOrEqual(1);
    expect(rightDiff).toBeLessThanOrEqual(1);
  });

  it('exports the photo as taken and the simulation side by side', async () => {
    await showStep(app.page, 'compare');
    const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 120_000 }), app.page.getByTestId('export-image').click()]);
    expect(download.suggestedFilename()).toMatch(/^smp-photo-left-before-simulation-\d+x\d+\.png$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const png = PNG.sync.read(Buffer.concat(chunks));
    expect([png.width, png.height]).toEqual([2 * photo.width + 16, photo.height]);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${OUT}/export.png`, PNG.sync.write(png));
    await showStep(app.page, 'head');
  });

  it('goes back to the 3D view with null, and refuses an unknown photo, changing nothing', async () => {
    const refused = await app.page.evaluate(() => window.smp!.showPhoto('no-such-photo').then(() => null, (error: Error) => error.message));
    expect(refused).toMatch(/no photo with the id "no-such-photo"/);
    await expect.poll(() => app.page.getByTestId('photo-overlay').count()).toBe(1);
    // The view bar's 3D-only controls say they do nothing to the photo, and do nothing.
    const before = app.page.getByTestId('before-toggle');
    for (const control of [before, app.page.getByTestId('loupe-toggle'), app.page.locator('[data-view="front"]'), app.page.locator('[data-lighting]').first()]) {
      expect(await control.getAttribute('aria-disabled')).toBe('true');
      expect(await control.getAttribute('title')).toBe('Changes the 3D view only, not the photo. Go back to the 3D view to use it.');
    }
    const pressed = await before.getAttribute('aria-pressed');
    await before.click({ force: true });
    expect(await before.getAttribute('aria-pressed')).toBe(pressed);
    await app.page.evaluate(async () => {
      await window.smp!.showPhoto(null);
      await window.smp!.whenRendered();
    });
    await expect.poll(() => app.page.getByTestId('photo-overlay').count()).toBe(0);
    expect(await before.getAttribute('aria-disabled')).toBeNull();
    // The 3D view again, as it was before the photo was shown (the same camera and plan).
    const view3d = await grabFrame(app.page);
    await savePng(view3d, `${OUT}/view3d.png`);
    let differing = 0;
    for (let i = 0; i < view3d.data.length; i += 4) if (channelDifference(view3d, view3dWithSmp, i) > 3) differing++;
    expect(differing / (view3d.width * view3d.height)).toBeLessThan(0.002);
    const refusedWhileOff = await app.page.evaluate(() => window.smp!.showPhoto('no-such-photo').then(() => null, (error: Error) => error.message));
    expect(refusedWhileOff).toMatch(/no photo with the id/);
    await expect.poll(() => app.page.getByTestId('photo-overlay').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('puts the photo pair in the report, the simulation labelled as such', async () => {
    await drawSmallPictures(app.page, 300);
    await app.page.evaluate(() => window.smp!.openReport());
    const pairs = app.page.getByTestId('report-photo-pair');
    await expect.poll(() => pairs.count()).toBe(1);
    const alts = await pairs.locator('img').evaluateAll((images) => images.map((image) => (image as HTMLImageElement).alt));
    expect(alts).toEqual(['Left side · photo', 'Left side · simulation']);
    await expect.poll(() => app.page.getByTestId('report-photos').textContent()).toContain('The simulation is a preview, not a guarantee');
    await app.page.getByTestId('report-photos').screenshot({ path: `${OUT}/report-pair.png` });
    // The simulation's picture says so on itself: its top-left corner holds the label's dark box.
    const corner = await pairs.locator('img').nth(1).evaluate(async (image: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return [...context.getImageData(Math.round(image.naturalWidth * 0.03), Math.round(image.naturalHeight * 0.03), 1, 1).data];
    });
    expect(Math.max(...corner.slice(0, 3))).toBeLessThan(90);
    await app.page.evaluate(() => window.smp!.closeReport());
  });

  it('fits the plan’s head shape to all its photos together, and asks for a turned photo when they are front views only', async () => {
    // A front photo beside the three-quarter one: the default head from the front, its points where they project.
    await app.page.evaluate(async () => {
      const smp = window.smp!;
      smp.setShowSmp(false);
      smp.setView('front');
      await smp.whenRendered();
      const blob = await (await fetch(await smp.screenshot())).blob();
      const scale = document.querySelector('canvas')!.width / document.querySelector('canvas')!.clientWidth;
      const head = smp.getLandmarks();
      const names = ['nasion', 'menton', 'rightLateralCanthus', 'leftLateralCanthus', 'rightTragus', 'leftTragus'] as const;
      const landmarks = Object.fromEntries(names.map((name) => [name, [smp.toScreen(head[name]).x * scale, smp.toScreen(head[name]).y * scale]]));
      smp.setShowSmp(true);
      await smp.importPhoto(blob, { view: 'front', landmarks: landmarks as never });
    });
    // The photo list is read when the panel is drawn (photos added through window.smp do not redraw it).
    const relist = async () => (await showStep(app.page, 'compare'), await showStep(app.page, 'head'));
    await relist();
    const shapeFrom = app.page.getByTestId('photo-shape-from');
    const useShape = async (count: string) => {
      const before = await app.page.evaluate(() => window.smp!.getPlan().headShape);
      await app.page.getByTestId('photo-use-shape').click();
      await expect.poll(() => shapeFrom.getAttribute('data-photo-count'), { timeout: 60_000 }).toBe(count);
      expect(await app.page.evaluate(() => window.smp!.getPlan().headShape)).not.toEqual(before);
      expect(await app.page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toContain(`Head shape from ${count} photo`);
    };
    await useShape('2');
    expect(await app.page.getByTestId('photo-front-only').count()).toBe(0);
    // The front photo alone cannot show how deep the hairline lies: the panel says so.
    await app.page.evaluate((id) => window.smp!.removePhoto(id), photo.id);
    await relist();
    await useShape('1');
    expect(await app.page.getByTestId('photo-front-only').textContent()).toContain('the forehead’s slope, and so how far back the hairline lies, cannot be measured');
    expect(app.errors).toEqual([]);
  });
});
