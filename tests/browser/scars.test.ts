import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TreatmentArea } from '../../src/domain/hairline/treatmentArea';
import { distance, type Vec3 } from '../../src/domain/head/landmarks';
import { percent } from '../../src/domain/format';
import { formatArea } from '../../src/domain/units';
import { parsePlan } from '../../src/domain/plan';
import type { FueShape } from '../../src/domain/scars/fue';
import type { FutShape } from '../../src/domain/scars/fut';
import { loadDefaultHead } from '../unit/fixtures';
import { countShaderLinks, grabFrame, openApp, savePng, shaderLinks, UI_PIXEL_RATIO, type AppPage, type Image } from './harness';
import { linearLuminance } from './imageStats';

const ARTIFACTS = 'tests/artifacts';

/** Large, dark dots in one session: the ink over a scar is a strong, even signal. */
const DOTS = { diameterMm: 0.8, densityPerCm2: 100, sizeVariation: 0, softness: 0.2, opacity: 1, color: '#1c1a19' };
const ONE_SESSION = [{ densityShare: 1, shadeStrength: 1 }];

// The scars' geometry, worked out here with the app's own domain code on the same head.
const head = loadDefaultHead();
const area = new TreatmentArea(head.skin.positions, head.skin.indices, head.landmarks);
const burnCentre = head.query.project([0, 62, -110]);
const burnEnd = head.query.project([18, 58, -110]);
const SCARS = [
  { id: 'fut-1', kind: 'fut' },
  { id: 'fue-1', kind: 'fue' },
  { id: 'burn', kind: 'freeform', strokes: [{ mode: 'up', radiusMm: 7, softness: 0.2, amount: 1, points: [burnCentre, burnEnd] }] },
];
area.measure(parsePlan({ scars: SCARS }));
const fut = area.scars.placed[0]!.shape as FutShape;
const fue = area.scars.placed[1]!.shape as FueShape;
/** The middle of the strip (its tips curve round out of the back view). */
const futPoints = fut.points.filter((_, i) => i > fut.points.length * 0.2 && i < fut.points.length * 0.8);
/** Skin 8 mm above the strip, clear of the FUE dots. */
const aboveStrip = futPoints.map((p) => head.query.project([p[0], p[1] + 8, p[2]])).filter((p) => fue.dots.every((d) => distance(d, p) > 2));
/** Skin between the FUE dots: 2–3 mm from the nearest one, clear of the strip. */
const betweenDots = fue.dots
  .map((d) => head.query.project([d[0], d[1] + 2.4, d[2]]))
  .filter((p) => fue.dots.every((d) => distance(d, p) > 2) && Math.abs(p[1] - fut.points[64]![1]) > 8);

/** One page for a describe block, on the scars step, seen from behind at 15 cm. */
function scarsPage(deviceScaleFactor: number) {
  const state = {
    app: undefined as unknown as AppPage,
    async frame(setup: () => void): Promise<Image> {
      await state.app.page.evaluate(setup);
      return grabFrame(state.app.page);
    },
    /** The plan, with or without the SMP shown, in one step (a frame in between would be wasted). */
    async planFrame(plan: object, showSmp: boolean): Promise<Image> {
      await state.app.page.evaluate(
        ({ plan, showSmp }) => {
          window.smp!.setShowSmp(showSmp);
          window.smp!.setPlan(plan);
        },
        { plan, showSmp },
      );
      return grabFrame(state.app.page);
    },
    screen: (points: Vec3[]) => state.app.page.evaluate((pts) => pts.map((p) => window.smp!.toScreen(p)), points),
    /** Mean linear luminance over a 3 × 3 pixel patch round each point. */
    async luminanceAt(img: Image, points: Vec3[]) {
      // toScreen answers in CSS pixels; the frame has the device's.
      const scale = img.width / (await state.app.page.evaluate(() => document.querySelector('canvas')!.clientWidth));
      const at = await state.screen(points);
      let sum = 0, n = 0;
      for (const { x, y } of at) {
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const px = Math.round(x * scale) + dx, py = Math.round(y * scale) + dy;
            if (px < 0 || py < 0 || px >= img.width || py >= img.height) continue;
            sum += linearLuminance(img, px, py);
            n++;
          }
        }
      }
      expect(n).toBeGreaterThan(points.length * 4);
      return sum / n;
    },
  };
  beforeAll(async () => {
    state.app = await openApp({ width: 1100, height: 800, deviceScaleFactor, initScript: countShaderLinks });
    // (A first-visit guide may be open over the page: skip it.)
    const guide = state.app.page.locator('dialog[open]');
    if ((await guide.count()) > 0) await guide.getByRole('button', { name: 'Skip' }).click();
    await state.app.page.locator('[data-step="scars"]').click();
    await state.app.page.evaluate(() => {
      window.smp!.setShowSmp(false);
      window.smp!.setView('back', { distanceMm: 150 });
    });
  });
  afterAll(async () => {
    await state.app?.close();
  });
  return state;
}

describe('scars in the picture', () => {
  const scars = scarsPage(1);
  const { planFrame, luminanceAt } = scars;
  let plain: Image;
  let bare: Image;

  beforeAll(async () => {
    plain = await planFrame({ dots: DOTS, sessions: ONE_SESSION }, false);
    bare = await planFrame({ dots: DOTS, sessions: ONE_SESSION, scars: SCARS }, false);
  });

  it('draws each kind of scar where it is, paler than the skin, and nothing between', async () => {
    await savePng(plain, `${ARTIFACTS}/scars-none.png`);
    await savePng(bare, `${ARTIFACTS}/scars-without-smp.png`);
    const paler = async (points: Vec3[]) => (await luminanceAt(bare, points)) / (await luminanceAt(plain, points));
    const strip = await paler(futPoints);
    const dots = await paler(fue.dots);
    const burn = await paler([burnCentre, burnEnd]);
    const between = await paler(betweenDots);
    const above = await paler(aboveStrip);
    console.log(`scar / skin luminance: FUT ${strip.toFixed(3)}, FUE dots ${dots.toFixed(3)}, painted ${burn.toFixed(3)}; between dots ${between.toFixed(3)}, above the strip ${above.toFixed(3)}`);
    expect(strip).toBeGreaterThan(1.03);
    expect(dots).toBeGreaterThan(1.02);
    expect(burn).toBeGreaterThan(1.03);
    expect(Math.abs(between - 1)).toBeLessThan(0.004);
    expect(Math.abs(above - 1)).toBeLessThan(0.004);
  });

  it('takes less ink where uptake is low, on the scar only', async () => {
    const { page } = scars.app;
    const linksBefore = await shaderLinks(page);
    const withUptake = (uptake: number) => planFrame({ dots: DOTS, sessions: ONE_SESSION, scars: [{ id: 'fut-1', kind: 'fut', uptake }] }, true);
    const full = await withUptake(1);
    const low = await withUptake(0.2);
    const scarOnly = await planFrame({ dots: DOTS, sessions: ONE_SESSION, scars: [{ id: 'fut-1', kind: 'fut' }] }, false);
    await savePng(full, `${ARTIFACTS}/scars-uptake-100.png`);
    await savePng(low, `${ARTIFACTS}/scars-uptake-20.png`);
    const darkening = async (img: Image, points: Vec3[]) => (await luminanceAt(scarOnly, points)) - (await luminanceAt(img, points));
    const ratio = (await darkening(low, futPoints)) / (await darkening(full, futPoints));
    console.log(`ink over the strip at 20 % uptake / 100 %: ${ratio.toFixed(3)}`);
    expect(ratio).toBeGreaterThan(0.1);
    expect(ratio).toBeLessThan(0.35);
    // Off the scar the SMP is the same.
    expect(Math.abs((await darkening(low, aboveStrip)) / (await darkening(full, aboveStrip)) - 1)).toBeLessThan(0.02);
    expect(await shaderLinks(page), 'shader programs linked by scar edits').toBe(linksBefore);
  });

  it('hides the SMP on the scars only, as their before picture, from the panel and window.smp', async () => {
    const { page } = scars.app;
    const linksBefore = await shaderLinks(page);
    const withSmp = await planFrame({ dots: DOTS, sessions: ONE_SESSION, scars: SCARS }, true);
    await page.getByTestId('scars-hide-smp').check();
    const hidden = await grabFrame(page);
    await savePng(withSmp, `${ARTIFACTS}/scars-with-smp.png`);
    await savePng(hidden, `${ARTIFACTS}/scars-smp-hidden-on-scars.png`);
    const strip = await luminanceAt(hidden, futPoints);
    expect(Math.abs(strip / (await luminanceAt(bare, futPoints)) - 1)).toBeLessThan(0.01);
    expect(strip).toBeGreaterThan((await luminanceAt(withSmp, futPoints)) * 1.05);
    expect(Math.abs((await luminanceAt(hidden, aboveStrip)) / (await luminanceAt(withSmp, aboveStrip)) - 1)).toBeLessThan(0.002);
    // A view setting, not a plan edit: no undo step; window.smp turns it back.
    expect(await page.evaluate(() => window.smp!.getPlan().scars.length)).toBe(3);
    const shown = await scars.frame(() => window.smp!.setShowSmpOnScars(true));
    expect(await page.getByTestId('scars-hide-smp').isChecked()).toBe(false);
    expect(Math.abs((await luminanceAt(shown, futPoints)) / (await luminanceAt(withSmp, futPoints)) - 1)).toBeLessThan(0.002);
    await expect(page.evaluate(() => window.smp!.setShowSmpOnScars('no' as never))).rejects.toThrow(/true or false/);
    expect(await shaderLinks(page), 'shader programs linked by the scars before / after').toBe(linksBefore);
  });
});

describe('scars in the panel', () => {
  // Without the SMP shown, so nothing here depends on how large a pixel is (no deposits drawn one by one):
  // the view draws at a fraction of a pixel, and each frame of the drag costs a sixteenth.
  const scars = scarsPage(UI_PIXEL_RATIO);
  const { planFrame, luminanceAt } = scars;

  it('measures each scar’s area and coverage, and the panel shows the same figures', async () => {
    const { page } = scars.app;
    await planFrame({ dots: DOTS, sessions: ONE_SESSION, scars: SCARS }, false);
    const m = await page.evaluate(() => window.smp!.getMeasurements());
    expect(m.scars!.map((s) => [s.id, s.kind])).toEqual([['fut-1', 'fut'], ['fue-1', 'fue'], ['burn', 'freeform']]);
    for (const s of m.scars!) {
      expect(s.coverage).toBeGreaterThanOrEqual(0);
      expect(s.coverage).toBeLessThanOrEqual(1);
      expect(s.areaCm2).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId(`scar-${s.id}-area`).textContent()).toBe(formatArea(s.areaCm2, 'metric', 1));
      await expect.poll(() => page.getByTestId(`scar-${s.id}-coverage`).textContent()).toBe(percent(s.coverage));
    }
    // Scars add an extra session to the estimate, and low coverage is warned about.
    const noScars = await page.evaluate(() => {
      window.smp!.setPlan({ ...window.smp!.getPlan(), scars: [] });
      return window.smp!.getMeasurements();
    });
    expect(m.suggestedSessions).toBe(Math.min(4, noScars.suggestedSessions + 1));
    expect(m.warnings.some((w) => w.id.startsWith('scar-coverage:'))).toBe(true);
    expect(noScars.scars).toEqual([]);
  });

  it('adds a scar and paints it with the brush through the panel, each one undo step, without a recompile', async () => {
    const { page } = scars.app;
    const before = await planFrame({ dots: DOTS, sessions: ONE_SESSION }, false);
    const steps = () => page.evaluate(() => window.smp!.getPlan().scars);
    await page.getByTestId('scar-add-freeform').click();
    expect(await steps()).toEqual([{ id: 'freeform-1', kind: 'freeform', uptake: 0.5, strokes: [] }]);
    await page.getByTestId('brush-scar-freeform-1').click();
    await page.locator('[data-brush-mode="up"]').click();
    await page.getByTestId('brush-radius').fill('5');
    await page.locator('.brush-controls').getByLabel('Strength').fill('1');
    const box = (await page.locator('canvas').boundingBox())!;
    const y = box.y + box.height * 0.4;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.evaluate(() => window.smp!.whenRendered());
    const linksBefore = await shaderLinks(page);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * (0.3 + (0.4 * i) / 12), y);
    await page.mouse.up();
    await page.getByTestId('brush-scar-freeform-1').click();
    const painted = await grabFrame(page);
    await savePng(painted, `${ARTIFACTS}/scars-painted.png`);
    const [scar] = await steps();
    expect(scar).toMatchObject({ id: 'freeform-1', kind: 'freeform' });
    expect(scar!.kind === 'freeform' && scar!.strokes).toHaveLength(1);
    const stroke = scar!.kind === 'freeform' ? scar!.strokes[0]! : null;
    expect(stroke).toMatchObject({ mode: 'up', radiusMm: 5 });
    expect(stroke!.points.length).toBeGreaterThan(5);
    // The painted skin is paler, along the stroke.
    const along = stroke!.points.slice(1, -1);
    expect((await luminanceAt(painted, along)) / (await luminanceAt(before, along))).toBeGreaterThan(1.03);
    await expect.poll(() => page.getByTestId('scar-freeform-1-area').textContent()).not.toBe('0.0 cm²');
    expect(await shaderLinks(page), 'shader programs linked by painting a scar').toBe(linksBefore);

    // One undo takes the whole stroke back and keeps the scar; a second removes the scar.
    await page.evaluate(() => window.smp!.undo());
    expect(await steps()).toEqual([{ id: 'freeform-1', kind: 'freeform', uptake: 0.5, strokes: [] }]);
    const undone = await grabFrame(page);
    expect((await luminanceAt(undone, along)) / (await luminanceAt(before, along))).toBeCloseTo(1, 2);
    await page.evaluate(() => window.smp!.undo());
    expect(await steps()).toEqual([]);
    // Removing a scar from its card is one step too.
    await page.evaluate(() => window.smp!.redo());
    await page.getByTestId('scar-freeform-1-remove').click();
    expect(await steps()).toEqual([]);
    await page.evaluate(() => window.smp!.undo());
    expect(await steps()).toHaveLength(1);
    expect(scars.app.errors).toEqual([]);
  });
});
