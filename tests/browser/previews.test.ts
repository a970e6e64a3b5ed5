/** The comparison grid shows whole heads, and the ageing figure in the panel says what the preview shows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grabFrame, openApp, resizeView, savePng, showStep, type AppPage, type Image } from './harness';
import { centralRect, linearLuminance, type Rect } from './imageStats';

const ARTIFACTS = 'tests/artifacts';
/** The view's background (src/scene/Viewer.tsx). */
const BACKGROUND = [0xe9, 0xec, 0xef];

/** Any pixel unlike the background. */
const notBackground = (img: Image, i: number) =>
  Math.abs(img.data[i]! - BACKGROUND[0]!) + Math.abs(img.data[i + 1]! - BACKGROUND[1]!) + Math.abs(img.data[i + 2]! - BACKGROUND[2]!) > 9;
/** The head's skin: redder than blue, unlike the grey background and the default head's grey shirt. */
const skin = (img: Image, i: number) => img.data[i]! - img.data[i + 2]! > 12;

/** The box around the pixels of `r` that pass `keep` (by default: not background), or null when there are none. */
function foregroundBox(img: Image, r: Rect, keep = notBackground): Rect | null {
  let box: Rect | null = null;
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) {
      const i = (y * img.width + x) * 4;
      if (!keep(img, i)) continue;
      box = box ? { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x + 1), y1: Math.max(box.y1, y + 1) } : { x0: x, y0: y, x1: x + 1, y1: y + 1 };
    }
  }
  return box;
}

describe('previews', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp({ width: 1280, height: 800 });
  });
  afterAll(async () => {
    if (!app) return; // the page never opened: beforeAll has failed already
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('shows each whole head in its grid cell, clear of the cell edges, the captions and the toolbar', async () => {
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await app.page.setViewportSize(size);
      await app.page.evaluate(() => window.smp!.setCompare('grid'));
      const grid = await grabFrame(app.page);
      await savePng(grid, `${ARTIFACTS}/grid-${size.width}.png`);
      // The grid starts below the toolbar that floats over the view; nothing is drawn above it.
      const top = await app.page.evaluate(() => document.querySelector('.compare-grid')!.getBoundingClientRect().top - document.querySelector('canvas')!.getBoundingClientRect().top);
      const toolbar = await app.page.evaluate(() => document.querySelector('.viewbar')!.getBoundingClientRect().bottom - document.querySelector('canvas')!.getBoundingClientRect().top);
      expect(top).toBeCloseTo(toolbar, 0);
      expect(foregroundBox(grid, { x0: 0, y0: 0, x1: grid.width, y1: Math.round(top) })).toBeNull();
      const w = grid.width / 3;
      const h = (grid.height - top) / 2;
      for (let row = 0; row < 2; row++) {
        for (let col = 0; col < 3; col++) {
          const cell = { x0: Math.round(col * w), y0: Math.round(top + row * h), x1: Math.round((col + 1) * w), y1: Math.round(top + (row + 1) * h) };
          // The head, by its skin: the default head's shoulders run off the cell's edges, as in a portrait.
          const head = foregroundBox(grid, cell, skin);
          const where = `${size.width}×${size.height}, row ${row}, column ${col}`;
          expect(head, where).not.toBeNull();
          // A margin all round: the head never touches or crosses the cell's edge.
          expect(head!.x0 - cell.x0, where).toBeGreaterThanOrEqual(2);
          expect(cell.x1 - head!.x1, where).toBeGreaterThanOrEqual(2);
          expect(cell.y1 - head!.y1, where).toBeGreaterThanOrEqual(2);
          // Below the cell's caption ("Before · Front").
          const caption = (await app.page.getByTestId('compare-grid').locator('span').nth(row * 3 + col).boundingBox())!;
          const canvasTop = (await app.page.locator('canvas').boundingBox())!.y;
          expect(head!.y0, where).toBeGreaterThan(caption.y + caption.height - canvasTop);
        }
      }
    }
    await app.page.evaluate(() => window.smp!.setCompare('off'));
    await app.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('states the share of the darkening that the aged preview keeps', async () => {
    await resizeView(app.page, { width: 1280, height: 800 });
    await app.page.evaluate(() => window.smp!.setCompare('off'));
    await showStep(app.page, 'sessions');
    const height = (await grabFrame(app.page)).height;
    /** Darkening (linear luminance) of `img` against the bare skin over a region. */
    const darkening = (img: Image, bare: Image, r: Rect) => {
      let sum = 0;
      for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) sum += linearLuminance(bare, x, y) - linearLuminance(img, x, y);
      return sum;
    };
    // The whole head at the page's size (how much of it the view frames depends on the view's shape), then a
    // close-up. That resolves each deposit, which costs seconds a frame on a software renderer: it is drawn in a
    // narrower view (the panel keeps 320 px), as high as before, so each pixel covers as much skin and the
    // measured region, 553 × 445 px at the centre (60 % of the 1280 × 800 page's view each way), is the same.
    for (const [view, distanceMm] of [['top', undefined], ['top', 70]] as const) {
      if (distanceMm !== undefined) await resizeView(app.page, { width: 880, height: 800 });
      // The view, fresh dots, without the SMP: one step, one frame.
      await app.page.evaluate(
        ([v, d]) => {
          window.smp!.setView(v, d === undefined ? {} : { distanceMm: d });
          window.smp!.setAgeYears(0);
          window.smp!.setShowSmp(false);
        },
        [view, distanceMm] as const,
      );
      const bare = await grabFrame(app.page);
      expect(bare.height, 'as many pixels from top to bottom as on the 1280 × 800 page').toBe(height);
      await app.page.evaluate(() => window.smp!.setShowSmp(true));
      const fresh = await grabFrame(app.page);
      const [x0, y0] = [Math.round((bare.width - 553) / 2), Math.round((bare.height - 445) / 2)];
      const rect = distanceMm === undefined ? centralRect(bare, 0.3) : { x0, y0, x1: x0 + 553, y1: y0 + 445 };
      for (const years of [3, 10]) {
        await app.page.getByTestId('age-years').fill(String(years));
        const aged = await grabFrame(app.page);
        const measured = darkening(aged, bare, rect) / darkening(fresh, bare, rect);
        const stated = Number(/keep about (\d+) %/.exec((await app.page.getByTestId('touch-up').textContent()) ?? '')?.[1]);
        console.log(`${view} ${distanceMm ?? 'whole head'}, ${years} years: stated ${stated} %, measured ${(measured * 100).toFixed(1)} %`);
        expect(Math.abs(stated - measured * 100), `${view} at ${distanceMm ?? 'whole-head'} distance, ${years} years`).toBeLessThan(4);
      }
    }
  });
});
