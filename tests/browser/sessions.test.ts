import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { agedDots } from '../../src/domain/ageing';
import { darkeningLeft } from '../../src/domain/ageingDarkening';
import { DEFAULT_PIGMENT_DEPTH_MM } from '../../src/domain/appearance';
import { defaultSessions, sessionLayers } from '../../src/domain/sessions';
import { countShaderLinks, grabFrame, imageDifference, openApp, savePng, shaderLinks, type AppPage, type Image, showStep } from './harness';
import { centralRect, linearLuminance, type Rect } from './imageStats';

const ARTIFACTS = 'tests/artifacts';

/** Dark, mid-sized, well-spaced dots: every dot is many pixels across in the close-up, and overlaps are rare. */
const DOTS = { diameterMm: 0.6, densityPerCm2: 40, sizeVariation: 0, softness: 0.1, opacity: 1, color: '#1c1a19', depthMm: DEFAULT_PIGMENT_DEPTH_MM };
/**
 * Half a device pixel per CSS pixel: a quarter of the pixels to shade, and in the close-up the dots are still
 * drawn one by one (0.1 mm pixels at 70 mm, far below the size where a mark fades to its mean; each dot about
 * 6 pixels across).
 */
const PIXEL_RATIO = 0.5;

// One page for the file: the comparisons below set their own plan, view and step.
let app: AppPage;
beforeAll(async () => {
  app = await openApp({ width: 1100, height: 800, deviceScaleFactor: PIXEL_RATIO, initScript: countShaderLinks });
});
afterAll(async () => {
  await app.close();
});

/** Total darkening (linear luminance) of `img` against the bare skin over a region: the ink laid down. */
function darkening(img: Image, bare: Image, r: Rect): number {
  let sum = 0;
  for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) sum += Math.max(0, linearLuminance(bare, x, y) - linearLuminance(img, x, y));
  return sum;
}

/** Pixels clearly inked: darker than the bare skin by a quarter of its luminance. */
function inked(img: Image, bare: Image, r: Rect): Set<number> {
  const set = new Set<number>();
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) {
      const b = linearLuminance(bare, x, y);
      if (b - linearLuminance(img, x, y) > 0.25 * b) set.add(y * img.width + x);
    }
  }
  return set;
}

const channelLinear = (img: Image, p: number, c: number) => {
  const v = img.data[p * 4 + c]! / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

/**
 * How blue the ink's cast is over some pixels: the darkening in red over the darkening in blue (linear light,
 * against the bare skin). Ink under skin takes more red than blue; the larger this, the bluer the grey.
 */
function redOverBlueDarkening(img: Image, bare: Image, pixels: Set<number>): number {
  let red = 0;
  let blue = 0;
  for (const p of pixels) {
    red += channelLinear(bare, p, 0) - channelLinear(img, p, 0);
    blue += channelLinear(bare, p, 2) - channelLinear(img, p, 2);
  }
  return red / blue;
}

describe('sessions and ageing', () => {
  let bare: Image;
  let rect: Rect;
  beforeAll(async () => {
    await showStep(app.page, 'sessions');
    await app.page.evaluate((dots) => {
      window.smp!.setPlan({ dots });
      window.smp!.setView('top', { distanceMm: 70 });
      window.smp!.setShowSmp(false);
    }, DOTS);
    bare = await grabFrame(app.page);
    rect = centralRect(bare, 0.6);
    await app.page.evaluate(() => window.smp!.setShowSmp(true));
  });

  const frameWith = async (setup: () => void): Promise<Image> => {
    await app.page.evaluate(setup);
    return grabFrame(app.page);
  };

  it('previews the scalp after each session: session 1 is a lighter, sparser subset of the finished dots', async () => {
    const linksBefore = await shaderLinks(app.page);
    const after1 = await frameWith(() => window.smp!.setSessionPreview(1));
    await expect.poll(() => app.page.getByTestId('preview-badge').textContent()).toContain('after session 1 of 3');
    const after2 = await frameWith(() => window.smp!.setSessionPreview(2));
    const final = await frameWith(() => window.smp!.setSessionPreview(null));
    await savePng(after1, `${ARTIFACTS}/session-1.png`);
    await savePng(final, `${ARTIFACTS}/session-final.png`);
    expect(await app.page.getByTestId('preview-badge').count()).toBe(0);

    const sessions = defaultSessions(3);
    const full = sessionLayers(sessions);
    const expected = [1, 2].map((n) => {
      const layers = sessionLayers(sessions, n);
      return (layers.visibleShare * layers.meanStrength) / (full.visibleShare * full.meanStrength);
    });
    const d = [after1, after2, final].map((img) => darkening(img, bare, rect));
    const measured = [d[0]! / d[2]!, d[1]! / d[2]!];
    console.log(`ink after session 1 and 2 / finished: ${measured.map((v) => v.toFixed(3)).join(', ')} (planned ${expected.map((v) => v.toFixed(3)).join(', ')})`);
    expect(measured[0]).toBeGreaterThan(expected[0]! * 0.8);
    expect(measured[0]).toBeLessThan(expected[0]! * 1.2);
    expect(measured[1]).toBeGreaterThan(expected[1]! * 0.85);
    expect(measured[1]).toBeLessThan(expected[1]! * 1.15);

    // Session 1's dots are still there, in the same places, when the treatment is finished.
    const first = inked(after1, bare, rect);
    const last = inked(final, bare, rect);
    // Enough inked pixels to judge by (500 at one device pixel per CSS pixel).
    expect(first.size).toBeGreaterThan(500 * PIXEL_RATIO ** 2);
    let kept = 0;
    for (const p of first) if (last.has(p)) kept++;
    expect(kept / first.size).toBeGreaterThan(0.97);
    expect(await shaderLinks(app.page), 'shader programs linked by the previews').toBe(linksBefore);
  });

  it('draws each session in its own pigment strength: the same dots, inked as at that share of the opacity', async () => {
    const draw = async (plan: object) => {
      await app.page.evaluate((plan) => window.smp!.setPlan(plan), plan);
      return grabFrame(app.page);
    };
    const strong = await draw({ dots: DOTS, sessions: [{ densityShare: 1, shadeStrength: 1 }] });
    const light = await draw({ dots: DOTS, sessions: [{ densityShare: 1, shadeStrength: 0.5 }] });
    const halfOpacity = await draw({ dots: { ...DOTS, opacity: 0.5 }, sessions: [{ densityShare: 1, shadeStrength: 1 }] });
    expect(darkening(light, bare, rect)).toBeLessThan(darkening(strong, bare, rect) * 0.7);
    expect(imageDifference(light, halfOpacity)).toBeLessThan(0.0005);
    await app.page.evaluate((dots) => window.smp!.setPlan({ dots }), DOTS);
  });

  it('ages the pigment by the documented model: fainter, softer, deeper and so bluer, faster with more sun, with the touch-up time', async () => {
    const linksBefore = await shaderLinks(app.page);
    const fresh = await grabFrame(app.page);
    const aged = await frameWith(() => window.smp!.setAgeYears(10));
    await savePng(aged, `${ARTIFACTS}/aged-10-years.png`);
    // The preview draws exactly the dots the model gives (src/domain/ageing.ts, unit-tested).
    await app.page.evaluate((dots) => {
      window.smp!.setAgeYears(0);
      window.smp!.setPlan({ dots });
    }, agedDots(DOTS, 10, 'moderate'));
    expect(imageDifference(await grabFrame(app.page), aged)).toBeLessThan(0.0005);
    // Its blue cast comes from the skin: the same faded, spread dots at their fresh depth are less blue.
    await app.page.evaluate((depthMm) => window.smp!.setPlan({ dots: { ...window.smp!.getPlan().dots, depthMm } }), DOTS.depthMm);
    const notBlue = await grabFrame(app.page);
    const pixels = inked(fresh, bare, rect);
    // Deeper pigment is seen through more skin, which passes red further than blue: a bluer grey.
    expect(redOverBlueDarkening(aged, bare, pixels)).toBeGreaterThan(redOverBlueDarkening(notBlue, bare, pixels) * 1.05);
    await app.page.evaluate((dots) => {
      window.smp!.setPlan({ dots });
      window.smp!.setAgeYears(10);
    }, DOTS);
    const planBefore = await app.page.evaluate(() => window.smp!.getPlan());
    const agedSunny = await frameWith(() => window.smp!.setPlan({ ...window.smp!.getPlan(), aftercare: { sunExposure: 'high' } }));
    const d0 = darkening(fresh, bare, rect);
    const ratio = darkening(aged, bare, rect) / d0;
    const ratioSunny = darkening(agedSunny, bare, rect) / d0;
    console.log(`ink after 10 years / fresh: ${ratio.toFixed(3)} (some sun), ${ratioSunny.toFixed(3)} (a lot of sun)`);
    expect(ratio).toBeLessThan(0.8);
    expect(ratioSunny).toBeLessThan(ratio * 0.85);

    // The age is a preview, not part of the plan: undo takes back the sun exposure, and the preview stays.
    await app.page.evaluate(() => window.smp!.undo());
    expect(await app.page.evaluate(() => window.smp!.getPlan())).toEqual(planBefore);
    await expect.poll(() => app.page.getByTestId('preview-badge').textContent()).toContain('10 years after treatment');

    // The slider in the panel drives the same preview and states the touch-up time.
    await app.page.getByTestId('age-years').fill('3');
    const left = darkeningLeft(await app.page.evaluate(() => window.smp!.getPlan()), 3);
    await expect.poll(() => app.page.getByTestId('touch-up').textContent()).toContain(
      `Touch-up suggested after about 4.5 years. At 3 years, the dots keep about ${Math.round(left * 100)} % of the darkening they had freshly healed.`,
    );
    await app.page.getByTestId('preview-badge').click();
    expect(await app.page.getByTestId('age-years').inputValue()).toBe('0');
    expect(await shaderLinks(app.page), 'shader programs linked by ageing').toBe(linksBefore);
  });

  it('sets the number of sessions in one undoable step, with each session booked in hours', async () => {
    await app.page.locator('[data-session-count="2"]').click();
    const plan = await app.page.evaluate(() => window.smp!.getPlan());
    expect(plan.sessions).toEqual(defaultSessions(2));
    const m = await app.page.evaluate(() => window.smp!.getMeasurements());
    expect(m.sessions).toBe(2);
    expect(m.sessionHours).toHaveLength(2);
    expect(m.hours).toBeCloseTo(m.sessionHours[0]! + m.sessionHours[1]!, 9);
    await expect.poll(() => app.page.locator('[data-testid^="session-"][data-testid$="-share"]').count()).toBe(2);
    await app.page.evaluate(() => window.smp!.undo());
    expect((await app.page.evaluate(() => window.smp!.getPlan())).sessions).toHaveLength(3);
    // The session slider previews the scalp after each session.
    await app.page.getByTestId('session-preview').fill('1');
    await expect.poll(() => app.page.getByTestId('preview-badge').textContent()).toContain('after session 1 of 3');
    await app.page.getByTestId('session-preview').fill('3');
    await expect.poll(() => app.page.getByTestId('preview-badge').count()).toBe(0);
    await expect(app.page.evaluate(() => window.smp!.setSessionPreview(7))).rejects.toThrow(/from 1 to 3/);
  });
});

describe('before and after', () => {
  beforeAll(async () => {
    await showStep(app.page, 'compare');
    await app.page.evaluate((dots) => {
      window.smp!.setPlan({ dots });
      window.smp!.setView('back', { distanceMm: 250 });
    }, DOTS);
  });

  /** The region [x0, x1) of the frame's width, full height. */
  const band = (img: Image, from: number, to: number): Image => {
    const x0 = Math.round(img.width * from);
    const x1 = Math.round(img.width * to);
    const data = new Uint8Array((x1 - x0) * img.height * 4);
    for (let y = 0; y < img.height; y++) data.set(img.data.subarray((y * img.width + x0) * 4, (y * img.width + x1) * 4), y * (x1 - x0) * 4);
    return { width: x1 - x0, height: img.height, data };
  };

  it('splits one view: before left of the divider, after right of it; the divider follows a finger and the keys', async () => {
    await app.page.evaluate(() => window.smp!.setShowSmp(false));
    const before = await grabFrame(app.page);
    await app.page.evaluate(() => window.smp!.setShowSmp(true));
    const after = await grabFrame(app.page);
    await app.page.evaluate(() => window.smp!.setCompare('split', { splitPosition: 0.5 }));
    const split = await grabFrame(app.page);
    await savePng(split, `${ARTIFACTS}/compare-split.png`);
    expect(imageDifference(band(before, 0.5, 1), band(after, 0.5, 1)), 'SMP shows in this view').toBeGreaterThan(0.004);
    expect(imageDifference(band(split, 0, 0.48), band(before, 0, 0.48))).toBeLessThan(0.001);
    expect(imageDifference(band(split, 0.52, 1), band(after, 0.52, 1))).toBeLessThan(0.001);

    const divider = app.page.getByTestId('compare-divider');
    const stage = (await app.page.locator('canvas').boundingBox())!;
    const knob = (await divider.boundingBox())!;
    await app.page.mouse.move(knob.x + knob.width / 2, stage.y + stage.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(stage.x + stage.width * 0.25, stage.y + stage.height / 2, { steps: 5 });
    await app.page.mouse.up();
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBeCloseTo(25, -0.5);
    const dragged = await grabFrame(app.page);
    expect(imageDifference(band(dragged, 0.27, 1), band(after, 0.27, 1))).toBeLessThan(0.001);
    await divider.focus();
    await app.page.keyboard.press('ArrowRight');
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(27);
    await app.page.locator('[data-compare="off"]').click();
    expect(await divider.count()).toBe(0);
  });

  it('shows front, top and back side by side, before above and after below', async () => {
    await app.page.locator('[data-compare="grid"]').click();
    const grid = await grabFrame(app.page);
    await savePng(grid, `${ARTIFACTS}/compare-grid.png`);
    await expect.poll(() => app.page.getByTestId('compare-grid').locator('span').allTextContents()).toEqual([
      'Before · Front', 'Before · Top', 'Before · Back', 'After · Front', 'After · Top', 'After · Back',
    ]);
    const pane = (col: number, row: number): Rect => {
      const w = grid.width / 3;
      const h = grid.height / 2;
      // The middle of the pane: the head, away from the labels.
      return { x0: Math.round(col * w + w * 0.3), x1: Math.round(col * w + w * 0.7), y0: Math.round(row * h + h * 0.2), y1: Math.round(row * h + h * 0.6) };
    };
    const mean = (r: Rect) => {
      let sum = 0;
      for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) sum += linearLuminance(grid, x, y);
      return sum / ((r.x1 - r.x0) * (r.y1 - r.y0));
    };
    // Top and back views are mostly scalp: after (bottom row) is darker than before (top row).
    for (const col of [1, 2]) expect(mean(pane(col, 1)), `column ${col}`).toBeLessThan(mean(pane(col, 0)) * 0.97);
    // The three columns are three different views.
    expect(Math.abs(mean(pane(0, 0)) - mean(pane(2, 0)))).toBeGreaterThan(0.005);
    // Exported as on screen: the grid, with its labels, at twice the canvas's pixels.
    const canvas = await app.page.evaluate(() => ({ width: document.querySelector('canvas')!.width, height: document.querySelector('canvas')!.height }));
    const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 180_000 }), app.page.getByTestId('export-image').click()]);
    expect(download.suggestedFilename()).toBe(`smp-before-after-front-top-back-${canvas.width * 2}x${canvas.height * 2}.png`);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const png = PNG.sync.read(Buffer.concat(chunks));
    const exported: Image = { width: png.width, height: png.height, data: new Uint8Array(png.data) };
    await savePng(exported, `${ARTIFACTS}/compare-grid-export.png`);
    const paneMean = (img: Image, col: number, row: number) => {
      const w = img.width / 3;
      const h = img.height / 2;
      let sum = 0;
      let n = 0;
      for (let y = Math.round(row * h + h * 0.2); y < row * h + h * 0.6; y++) {
        for (let x = Math.round(col * w + w * 0.3); x < col * w + w * 0.7; x++, n++) sum += linearLuminance(img, x, y);
      }
      return sum / n;
    };
    for (const col of [1, 2]) expect(paneMean(exported, col, 1)).toBeLessThan(paneMean(exported, col, 0) * 0.97);
    await app.page.locator('[data-compare="off"]').click();
    expect(await app.page.getByTestId('compare-grid').count()).toBe(0);
  });
});
