/**
 * The head shape sliders through the real interface: a slider reshapes the default head on screen in the
 * next frame (a broader head is a wider silhouette from the front), its figures follow it, and Undo brings
 * the default head back; pictures of the 3D head keep the plan's shape while a photo, drawn in the shape
 * fitted to it, is shown. One page, drawn small: the silhouette's width is counted in whole pixels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { grabFrame, openApp, showStep, UI_PIXEL_RATIO, type AppPage, type Image } from './harness';

/**
 * The widest row of the head from the front, in pixels: its skin, redder than blue, unlike the background and
 * the default head's grey shirt (the shoulders are wider than any head).
 */
function silhouetteWidth(img: Image): number {
  let widest = 0;
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width * 4;
    const differs = (x: number) => {
      const i = row + x * 4;
      return img.data[i]! - img.data[i + 2]! > 12;
    };
    let left = -1, right = -1;
    for (let x = 0; x < img.width; x++) {
      if (!differs(x)) continue;
      if (left < 0) left = x;
      right = x;
    }
    if (left >= 0) widest = Math.max(widest, right - left + 1);
  }
  return widest;
}

describe('the head shape sliders', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp({ deviceScaleFactor: UI_PIXEL_RATIO });
    await showStep(app.page, 'head');
  });
  afterAll(async () => {
    await app.close();
  });

  const frontFrame = async () => {
    await app.page.evaluate(async () => {
      window.smp!.setView('front');
      await window.smp!.whenRendered();
    });
    return grabFrame(app.page);
  };
  const measured = () => app.page.evaluate(() => window.smp!.getMeasurements());
  const shape = () => app.page.evaluate(() => window.smp!.getPlan().headShape);
  /** Moves a slider to its end with the keyboard, as a user may: one undo step. */
  const toMax = async (name: string) => {
    const slider = app.page.getByTestId(`head-shape-${name}`);
    await slider.focus();
    await slider.press('End');
  };

  it('reshape the head on screen and its figures, each drag one undo step, and Undo restores the default head', async () => {
    const panel = app.page.getByTestId('head-shape-panel');
    await expect.poll(() => panel.getByRole('heading', { name: 'Head shape' }).count()).toBe(1);
    const before = await frontFrame();
    const width = silhouetteWidth(before);
    const figures = await measured();
    expect(width).toBeGreaterThan(20);

    await toMax('breadth');
    expect((await shape()).breadth).toBe(1.1);
    await expect.poll(() => panel.getByText('110%').count()).toBeGreaterThan(0);
    const broader = silhouetteWidth(await frontFrame());
    // The skull is 10 % broader; the ears and the pixel grid take a little of it.
    expect(broader / width).toBeGreaterThan(1.05);
    expect(broader / width).toBeLessThan(1.15);

    await toMax('size');
    const larger = await measured();
    // 12 % larger every way and 10 % broader: about a third more skin inside the same hairline.
    expect(larger.treatedAreaCm2 / figures.treatedAreaCm2).toBeCloseTo(1.33, 1);
    expect(larger.hairlineHeightMm / figures.hairlineHeightMm).toBeCloseTo(1.12, 2);

    const undo = app.page.getByRole('button', { name: 'Undo', exact: true });
    await undo.click();
    expect(await shape()).toEqual({ size: 1, length: 1, breadth: 1.1, foreheadSlopeDeg: 0, crownHeightMm: 0 });
    await undo.click();
    expect(await shape()).toEqual({ size: 1, length: 1, breadth: 1, foreheadSlopeDeg: 0, crownHeightMm: 0 });
    expect(Math.abs(silhouetteWidth(await frontFrame()) - width)).toBeLessThanOrEqual(1);
    expect(await measured()).toEqual(figures);
    expect(app.errors).toEqual([]);
  });

  it('draws pictures of the 3D head in the plan’s shape while a photo, drawn in the shape fitted to it, is shown', async () => {
    // A photo of the default head (three-quarter, the landmarks where the head's own project): fitted about its size.
    const photoId = await app.page.evaluate(async () => {
      const smp = window.smp!;
      smp.setShowSmp(false);
      smp.setView('three-quarter');
      await smp.whenRendered();
      const blob = await (await fetch(await smp.screenshot())).blob();
      smp.setShowSmp(true);
      const canvas = document.querySelector('canvas')!;
      const scale = canvas.width / canvas.clientWidth;
      const head = smp.getLandmarks();
      const names = ['nasion', 'menton', 'rightLateralCanthus', 'leftLateralCanthus', 'rightTragus', 'leftTragus', 'vertex'] as const;
      const landmarks = Object.fromEntries(names.map((name) => [name, [smp.toScreen(head[name]).x * scale, smp.toScreen(head[name]).y * scale]]));
      return (await smp.importPhoto(blob, { view: 'left', landmarks: landmarks as never })).id;
    });
    await toMax('size');
    const frontPicture = async () => {
      const url = await app.page.evaluate(() => window.smp!.exportImage({ view: 'front', width: 240, height: 240 }));
      const png = PNG.sync.read(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
      return silhouetteWidth({ width: png.width, height: png.height, data: new Uint8Array(png.data) });
    };
    const inPlanShape = await frontPicture();
    await app.page.evaluate(async (id) => {
      await window.smp!.showPhoto(id);
      await window.smp!.whenRendered();
    }, photoId);
    await expect.poll(() => app.page.getByTestId('photo-fit').textContent()).toMatch(/px off/);
    expect(Math.abs((await frontPicture()) - inPlanShape)).toBeLessThanOrEqual(1);
    // The exported photo pair shows the view's preview, as the screen does, and its name says so.
    await showStep(app.page, 'compare');
    const exportedPair = async () => {
      const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 120_000 }), app.page.getByTestId('export-image').click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      const png = PNG.sync.read(Buffer.concat(chunks));
      // The simulation's half, summed: darker where more pigment is drawn.
      let sum = 0;
      for (let y = 0; y < png.height; y++) for (let x = Math.ceil(png.width / 2); x < png.width; x++) sum += png.data[(y * png.width + x) * 4 + 1]!;
      return { name: download.suggestedFilename(), simulationSum: sum };
    };
    const finished = await exportedPair();
    await app.page.evaluate(() => window.smp!.setSessionPreview(1));
    const firstSession = await exportedPair();
    expect(firstSession.name).toMatch(/^smp-photo-left-before-simulation-after-session-1-of-\d+-\d+x\d+\.png$/);
    expect(finished.name).toMatch(/^smp-photo-left-before-simulation-\d+x\d+\.png$/);
    expect(firstSession.simulationSum).toBeGreaterThan(finished.simulationSum);
    await app.page.evaluate(async (id) => {
      const smp = window.smp!;
      smp.setSessionPreview(null);
      await smp.showPhoto(null);
      await smp.removePhoto(id);
      smp.undo();
    }, photoId);
    expect((await shape()).size).toBe(1);
    await showStep(app.page, 'head');
    expect(app.errors).toEqual([]);
  });
});
