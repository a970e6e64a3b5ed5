import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { REPORT_BEFORE_AFTER } from '../../src/domain/report';
import { grabFrame, openApp, savePng, type AppPage, type Image } from './harness';
import { meanLuminanceDifference } from './imageStats';

const ARTIFACTS = 'tests/artifacts';
/** A restored view must draw what it drew before: the same picture, up to a rounding. */
const SAME_PICTURE = 0.005;
/** Longest a restore or a picture may take across a loss before the test calls it a hang (ms). */
const HANG_MS = 120_000;

type LoseContext = { loseContext(): void; restoreContext(): void };

/** Takes the canvas's WebGL context away, as a GPU reset or a driver update does, and waits for the app to notice. */
async function loseContext(page: Page): Promise<void> {
  await page.evaluate(() => {
    const gl = document.querySelector('canvas')!.getContext('webgl2')!;
    const extension = gl.getExtension('WEBGL_lose_context') as LoseContext | null;
    if (!extension) throw new Error('this browser cannot simulate a lost WebGL context');
    // The extension cannot be fetched while the context is lost: keep it for the restore.
    (window as unknown as { loseContext: LoseContext }).loseContext = extension;
    extension.loseContext();
  });
  await page.getByText('The graphics card was reset').waitFor();
}

async function restoreContext(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { loseContext: LoseContext }).loseContext.restoreContext());
  // A restore recompiles every shader: slow on SwiftShader.
  await page.getByText('The graphics card was reset').waitFor({ state: 'detached', timeout: HANG_MS });
}

/** Rejects instead of waiting for ever, so a hang fails the test with a message rather than the run's timeout. */
function withinHangLimit<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} hung for ${HANG_MS} ms`)), HANG_MS))]);
}

function decodeDataUrl(url: string): Image {
  const png = PNG.sync.read(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

/** The report's second picture, the "after" (its pictures are 900 px), as an export draws it. */
const REPORT_AFTER = REPORT_BEFORE_AFTER[1]!;
const REPORT_AFTER_IMAGE = { view: REPORT_AFTER.view, showSmp: REPORT_AFTER.showSmp, width: 900, height: 900 };

/** The loupe over the crown of the three-quarter view, with the pointer moved there afresh. */
async function showLoupe(page: Page): Promise<void> {
  await page.evaluate(() => window.smp!.setView('three-quarter'));
  await page.evaluate(() => window.smp!.whenRendered());
  await page.getByTestId('loupe-toggle').click();
  const lm = await page.evaluate(() => window.smp!.getLandmarks());
  const canvas = (await page.locator('canvas').boundingBox())!;
  const vertex = await page.evaluate((p) => window.smp!.toScreen(p), lm.vertex);
  await page.mouse.move(canvas.x + 1, canvas.y + 1);
  await page.mouse.move(canvas.x + vertex.x, canvas.y + vertex.y);
  await page.getByTestId('loupe-scale').waitFor();
}

/** The views a lost context must bring back: the plain view, the loupe, the split and the grid comparisons. */
async function views(app: AppPage, name: string): Promise<Record<string, Image>> {
  const { page } = app;
  await page.evaluate(() => window.smp!.setView('front'));
  const shown: Record<string, Image> = { view: await grabFrame(page) };
  await showLoupe(page);
  shown.loupe = await grabFrame(page);
  await page.getByTestId('loupe-toggle').click();
  await page.evaluate(() => window.smp!.setCompare('split', { splitPosition: 0.4 }));
  shown.split = await grabFrame(page);
  await page.evaluate(() => window.smp!.setCompare('grid'));
  shown.grid = await grabFrame(page);
  await page.evaluate(() => window.smp!.setCompare('off'));
  for (const [view, image] of Object.entries(shown)) await savePng(image, `${ARTIFACTS}/context-${name}-${view}.png`);
  return shown;
}

// One loss and restore for everything: on SwiftShader a restore recompiles every shader, which takes a while.
describe('a lost WebGL context', () => {
  let app: AppPage;
  beforeAll(async () => {
    // Half a device pixel per CSS pixel: a quarter of the pixels in each view compared across the loss, which
    // is still a same-size comparison of the whole view, loupe and comparisons. The dots one by one are
    // compared at full size in the 900 px export and report picture, which do not depend on the screen.
    app = await openApp({ deviceScaleFactor: 0.5 });
    // A FUT scar: its centreline lives in a data texture, drawn in the grid's back views.
    await app.page.evaluate(() => window.smp!.setPlan({ scars: [{ id: 'fut-1', kind: 'fut' }] }));
  });
  afterAll(async () => {
    await app.close();
  });

  it('keeps the plan editable, makes pictures asked for during the loss wait for the restore, and comes back pixel for pixel', async () => {
    const { page } = app;
    const before = await views(app, 'before');
    const picture = decodeDataUrl(await page.evaluate((o) => window.smp!.exportImage(o), REPORT_AFTER_IMAGE));

    await loseContext(page);
    const density = await page.evaluate(() => {
      window.smp!.setPlan({ dots: { densityPerCm2: 70 } });
      return window.smp!.getPlan().dots.densityPerCm2;
    });
    expect(density, 'the plan stays editable').toBe(70);
    await page.evaluate(() => window.smp!.undo());
    // Asked for while lost: neither may spin for ever (the tab would hang); both wait for the restore.
    await page.evaluate((o) => {
      const pending = window as unknown as { picture: Promise<string>; report: Promise<void> };
      pending.picture = window.smp!.exportImage(o);
      // Closed below once its "after" is drawn (the rest would only add time): that rejection is expected.
      pending.report = window.smp!.openReport().catch(() => undefined);
    }, REPORT_AFTER_IMAGE);
    await expect(page.getByTestId('report').getAttribute('data-pictures')).resolves.toBe('drawing');
    await restoreContext(page);

    const url = await withinHangLimit(page.evaluate(() => (window as unknown as { picture: Promise<string> }).picture), 'an image asked for during the loss');
    const figures: Record<string, number> = { export: meanLuminanceDifference(decodeDataUrl(url), picture) };
    const reportAfter = page.locator(`[data-picture="${REPORT_AFTER.view}-with-smp"]`);
    await reportAfter.waitFor({ timeout: HANG_MS });
    figures.report = meanLuminanceDifference(decodeDataUrl((await reportAfter.getAttribute('src'))!), picture);
    await page.evaluate(() => window.smp!.closeReport());
    await page.evaluate(() => (window as unknown as { report: Promise<void> }).report);

    const after = await views(app, 'restored');
    for (const view of Object.keys(before)) figures[view] = meanLuminanceDifference(before[view]!, after[view]!);
    console.log('Mean linear-luminance difference across the loss:', figures);
    for (const [what, difference] of Object.entries(figures)) expect(difference, what).toBeLessThan(SAME_PICTURE);
    expect(app.errors).toEqual([]);
  }, 600_000);
});
