import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countShaderLinks, grabFrame, imageDifference, openApp, resizeView, savePng, shaderLinks, type AppPage, type Image, showStep } from './harness';
import { darkeningMap, meanDarkening, type Rect } from './imageStats';

const ARTIFACTS = 'tests/artifacts';

/**
 * Small, sparse, crisp dots: the share of light the pigment takes (1 − exp(−n·A), A a deposit's optical
 * area) stays low, so it grows almost in proportion to the number of dots.
 */
const DOTS = { diameterMm: 0.5, densityPerCm2: 30, sizeVariation: 0, softness: 0, opacity: 1, color: '#1c1a19' };
const ONE_SESSION = [{ densityShare: 1, shadeStrength: 1 }];

describe('density map', () => {
  let app: AppPage;
  let bare: Image;
  let rect: Rect;

  const frame = async (plan: object): Promise<Image> => {
    await app.page.evaluate((plan) => window.smp!.setPlan(plan), plan);
    return grabFrame(app.page);
  };
  const regions = (occipital: number, frontal = 1) => ({
    frontal,
    midScalp: 1,
    crown: 1,
    leftTemporal: 1,
    rightTemporal: 1,
    leftParietal: 1,
    rightParietal: 1,
    occipital,
  });

  beforeAll(async () => {
    app = await openApp({ width: 1000, height: 760, initScript: countShaderLinks });
    // Every frame here resolves each deposit, which costs seconds on a software renderer: the view is made
    // narrower (the panel keeps 320 px), as high as before, so each pixel covers as much skin as before and the
    // measured region, 408 × 421 px at the centre (60 % of the 1000 × 760 page's view each way), is the same.
    const height = (await grabFrame(app.page)).height;
    await resizeView(app.page, { width: 761, height: 760 });
    await showStep(app.page, 'dots');
    await app.page.evaluate(() => {
      window.smp!.setView('back', { distanceMm: 70 });
      window.smp!.setShowSmp(false);
    });
    bare = await frame({ dots: DOTS, sessions: ONE_SESSION });
    expect(bare.height, 'as many pixels from top to bottom as on the 1000 × 760 page').toBe(height);
    await app.page.evaluate(() => window.smp!.setShowSmp(true));
    const [x0, y0] = [Math.round((bare.width - 408) / 2), Math.round((bare.height - 421) / 2)];
    rect = { x0, y0, x1: x0 + 408, y1: y0 + 421 };
  });
  afterAll(async () => {
    await app.close();
  });

  it('sets the density of each region; the dots of the sparser map stay where they were', async () => {
    const linksBefore = await shaderLinks(app.page);
    const sparse = await frame({ dots: DOTS, sessions: ONE_SESSION, density: { regions: regions(0.5) } });
    const dense = await frame({ dots: DOTS, sessions: ONE_SESSION, density: { regions: regions(1.5) } });
    await savePng(sparse, `${ARTIFACTS}/density-occipital-50.png`);
    await savePng(dense, `${ARTIFACTS}/density-occipital-150.png`);
    const ratio = meanDarkening(dense, bare, rect) / meanDarkening(sparse, bare, rect);
    console.log(`occipital at 150 % / 50 %: ${ratio.toFixed(2)} times the darkening (planned 3, a little less as marks overlap)`);
    expect(ratio).toBeGreaterThan(2.6);
    expect(ratio).toBeLessThan(3.4);
    // A fixed lattice: raising the density adds dots, it never moves the ones already there, so every mark of
    // the sparse map (its pixels darkened by over half its darkest mark's darkening) is at least as dark.
    const sparseMarks = darkeningMap(sparse, bare, rect);
    const denseMarks = darkeningMap(dense, bare, rect);
    const threshold = 0.5 * sparseMarks.reduce((peak, v) => Math.max(peak, v), 0);
    let kept = 0;
    let set = 0;
    sparseMarks.forEach((v, i) => {
      if (v <= threshold) return;
      set++;
      if (denseMarks[i]! >= v - 0.002) kept++;
    });
    expect(set).toBeGreaterThan(50);
    expect(kept / set).toBeGreaterThan(0.97);
    // Another region's density leaves this view untouched.
    const frontalChanged = await frame({ dots: DOTS, sessions: ONE_SESSION, density: { regions: regions(1.5, 0.2) } });
    expect(imageDifference(frontalChanged, dense)).toBeLessThan(0.0005);
    expect(await shaderLinks(app.page), 'shader programs linked by density edits').toBe(linksBefore);
  });

  it('paints density down with the brush, through the interface, as one undo step', async () => {
    const before = await frame({ dots: DOTS, sessions: ONE_SESSION });
    await app.page.getByTestId('brush-density').click();
    await app.page.locator('[data-brush-mode="down"]').click();
    await app.page.getByTestId('brush-radius').fill('6');
    const box = (await app.page.locator('canvas').boundingBox())!;
    const y = box.y + box.height / 2;
    // The brush ring appears under the pointer (its own small material is compiled once, here).
    await app.page.mouse.move(box.x + box.width * 0.2, y);
    await app.page.evaluate(() => window.smp!.whenRendered());
    const linksBefore = await shaderLinks(app.page);
    await app.page.mouse.down();
    for (let i = 1; i <= 12; i++) await app.page.mouse.move(box.x + box.width * (0.2 + (0.6 * i) / 12), y);
    await app.page.mouse.up();
    await app.page.getByTestId('brush-density').click();
    const plan = await app.page.evaluate(() => window.smp!.getPlan());
    expect(plan.density.strokes).toHaveLength(1);
    expect(plan.density.strokes[0]).toMatchObject({ mode: 'down', radiusMm: 6 });
    expect(plan.density.strokes[0]!.points.length).toBeGreaterThan(5);
    const painted = await grabFrame(app.page);
    await savePng(painted, `${ARTIFACTS}/density-painted.png`);
    // Along the stroke dots are gone (strength 25 % per pass takes a quarter away); above it nothing changed.
    const band = (img: Image, y0: number, y1: number): Rect => ({ x0: Math.round(img.width * 0.35), x1: Math.round(img.width * 0.65), y0: Math.round(y0), y1: Math.round(y1) });
    const h = before.height;
    const along = band(before, h / 2 - 10, h / 2 + 10);
    const above = band(before, h * 0.12, h * 0.25);
    const inkAlong = (img: Image) => meanDarkening(img, bare, along);
    const inkAbove = (img: Image) => meanDarkening(img, bare, above);
    console.log(`darkening along the stroke: ${inkAlong(before).toFixed(4)} → ${inkAlong(painted).toFixed(4)}`);
    expect(inkAlong(painted)).toBeLessThan(inkAlong(before) * 0.85);
    expect(Math.abs(inkAbove(painted) - inkAbove(before))).toBeLessThan(0.002);
    expect(await shaderLinks(app.page), 'shader programs linked by painting').toBe(linksBefore);

    await app.page.evaluate(() => window.smp!.undo());
    expect((await app.page.evaluate(() => window.smp!.getPlan())).density.strokes).toEqual([]);
    expect(imageDifference(await grabFrame(app.page), before)).toBeLessThan(0.0005);
    const m = await app.page.evaluate(() => window.smp!.getMeasurements());
    await app.page.evaluate(() => window.smp!.redo());
    const painted2 = await app.page.evaluate(() => window.smp!.getMeasurements());
    expect(painted2.impressions).toBeLessThan(m.impressions);
  });
});
