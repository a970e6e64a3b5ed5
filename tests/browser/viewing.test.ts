/**
 * Seeing the SMP as people do: the mirror, conversation and across-the-room views put the camera at those
 * real distances (so dots take the angle they would), the hairline view frames the hairline, and the
 * days-after preview shows redness and scabs that settle to the healed look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEW_PRESETS } from '../../src/domain/views';
import { grabFrame, imageDifference, openApp, resizeView, savePng, showStep, type AppPage, type Image } from './harness';
import { meanLinearColour } from './imageStats';

const ARTIFACTS = 'tests/artifacts';
const FOV_DEG = 32;

describe('seeing it at the right distance and the right day', () => {
  let app: AppPage;
  let canvas: { width: number; height: number };
  const frame = async (): Promise<Image> => grabFrame(app.page);
  beforeAll(async () => {
    app = await openApp({ width: 1100, height: 800 });
    canvas = await app.page.evaluate(() => {
      const c = document.querySelector('canvas')!;
      return { width: c.clientWidth, height: c.clientHeight };
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('puts the camera 30 cm, 1 m and 3 m from the skin, where a 10 mm span takes the angle it would at that distance', async () => {
    const frames: Image[] = [];
    for (const name of ['mirror', 'conversation', 'across-room'] as const) {
      const expected = VIEW_PRESETS[name].distanceMm!;
      const seen = await app.page.evaluate(async (view) => {
        window.smp!.setView(view);
        await window.smp!.whenRendered();
        const { position, target } = window.smp!.getCamera();
        const dir = position.map((p, i) => p - target[i]!);
        const length = Math.hypot(...dir);
        // The camera's right: up × (towards the camera), as three's lookAt makes it.
        const right = [dir[2]!, 0, -dir[0]!];
        const r = Math.hypot(...right);
        const across = target.map((t, i) => t + (10 * right[i]!) / r) as [number, number, number];
        return { distance: length, centre: window.smp!.toScreen(target), across: window.smp!.toScreen(across) };
      }, name);
      const pxPerMm = canvas.height / 2 / Math.tan(((FOV_DEG / 2) * Math.PI) / 180) / expected;
      expect(seen.distance, name).toBeCloseTo(expected, 0);
      expect(Math.abs(seen.centre.x - canvas.width / 2), `${name}: the skin it looks at is in the middle`).toBeLessThan(2);
      expect(Math.abs(seen.centre.y - canvas.height / 2), name).toBeLessThan(2);
      expect((seen.across.x - seen.centre.x) / 10 / pxPerMm, `${name}: size on screen`).toBeCloseTo(1, 2);
      frames.push(await frame());
      await savePng(frames.at(-1)!, `${ARTIFACTS}/view-${name}.png`);
    }
    expect(imageDifference(frames[0]!, frames[1]!), 'the mirror and 1 m views differ').toBeGreaterThan(0.01);
    expect(imageDifference(frames[1]!, frames[2]!), 'the 1 m and 3 m views differ').toBeGreaterThan(0.01);
    await app.page.locator('[data-view="conversation"]').click();
    await app.page.locator('[data-view="conversation"][aria-pressed="true"]').waitFor();
  });

  it('frames the frontal hairline from the front, near the middle of the picture', async () => {
    const seen = await app.page.evaluate(async () => {
      window.smp!.setView('hairline');
      await window.smp!.whenRendered();
      const points = window.smp!.getHairlinePoints();
      // The line's frontmost point is its middle (the points may run on round the sides).
      const middle = points.reduce((best, p) => (p[2] > best[2] ? p : best));
      const { position, target } = window.smp!.getCamera();
      const front = points.filter((p) => p[2] > middle[2] - 40);
      return { middle: window.smp!.toScreen(middle), edges: front.map((p) => window.smp!.toScreen(p)), position, target };
    });
    const hairline = await frame();
    await savePng(hairline, `${ARTIFACTS}/view-hairline.png`);
    await app.page.evaluate(() => window.smp!.setView('mirror'));
    expect(imageDifference(hairline, await frame()), 'the hairline and mirror views differ').toBeGreaterThan(0.01);
    expect(Math.abs(seen.middle.x - canvas.width / 2), 'the hairline is centred across').toBeLessThan(0.1 * canvas.width);
    expect(Math.abs(seen.middle.y - canvas.height / 2), 'the hairline is near the middle, up and down').toBeLessThan(0.2 * canvas.height);
    for (const p of seen.edges) {
      expect(p.x, 'the front of the hairline is in the picture').toBeGreaterThan(0);
      expect(p.x).toBeLessThan(canvas.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(canvas.height);
    }
    // From the front and a little above eye level.
    const dir = seen.position.map((p, i) => p - seen.target[i]!);
    expect(dir[2]! / Math.hypot(...dir)).toBeGreaterThan(0.9);
    expect(dir[1]).toBeGreaterThan(0);
  });

  it('shows the treated area redder and darker on day 3 than healed, and healed again on day 28', async () => {
    await showStep(app.page, 'sessions');
    // Close up, each deposit costs seconds a frame on a software renderer: a narrower view (the panel keeps
    // 320 px), as high as before, so each pixel covers as much skin and the measured region, 312 × 297 px at
    // the centre (40 % of the 1100 × 800 page's view each way), is the same.
    await resizeView(app.page, { width: 802, height: 800 });
    const region = (img: Image) => {
      const [x0, y0] = [Math.round((img.width - 312) / 2), Math.round((img.height - 297) / 2)];
      return { x0, y0, x1: x0 + 312, y1: y0 + 297 };
    };
    const look = async (pick: () => Promise<void>): Promise<{ img: Image; colour: [number, number, number] }> => {
      await pick();
      await app.page.evaluate(() => window.smp!.whenRendered());
      const img = await frame();
      expect(img.height, 'as many pixels from top to bottom as on the 1100 × 800 page').toBe(canvas.height);
      return { img, colour: meanLinearColour(img, region(img)) };
    };
    // After session 1: the first days a client meets (the view and the preview in one step, one frame).
    const healed = await look(() =>
      app.page.evaluate(() => {
        window.smp!.setView('top', { distanceMm: 150 });
        window.smp!.setSessionPreview(1);
        window.smp!.setHealingDay(null);
      }),
    );
    const day3 = await look(() => app.page.locator('[data-healing-day="3"]').click());
    await expect.poll(() => app.page.getByTestId('healing-state').textContent()).toMatch(/^Day 3 after session 1/);
    const day28 = await look(() => app.page.evaluate(() => window.smp!.setHealingDay(28)));
    await savePng(healed.img, `${ARTIFACTS}/healing-healed.png`);
    await savePng(day3.img, `${ARTIFACTS}/healing-day-3.png`);
    const lum = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const redness = ([r, g]: [number, number, number]) => r / g;
    console.log(`healed ${healed.colour.map((c) => c.toFixed(4))}, day 3 ${day3.colour.map((c) => c.toFixed(4))}, day 28 ${day28.colour.map((c) => c.toFixed(4))}`);
    expect(redness(day3.colour), 'redder on day 3').toBeGreaterThan(redness(healed.colour) * 1.01);
    expect(lum(day3.colour), 'darker on day 3').toBeLessThan(lum(healed.colour) * 0.95);
    for (let c = 0; c < 3; c++) expect(Math.abs(day28.colour[c]! - healed.colour[c]!), 'day 28 looks healed').toBeLessThan(0.002);
  });
});
