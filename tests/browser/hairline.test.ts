import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { grabFrame, openApp, savePng, UI_PIXEL_RATIO, waitForLinkToMatchPlan, type AppPage, showStep } from './harness';
import { linearLuminance } from './imageStats';

const ARTIFACTS = 'tests/artifacts';

/** The plan the hairline tests end with, its measurements and its link: the second page opens from it. */
let linked: { hash: string; plan: unknown; measurements: unknown } | undefined;

describe('the hairline', () => {
  let app: AppPage;
  beforeAll(async () => {
    // Measurements, the plan and handles found in CSS pixels: the view draws at a quarter of a pixel per CSS pixel.
    app = await openApp({ width: 1280, height: 900, deviceScaleFactor: UI_PIXEL_RATIO });
    await showStep(app.page, 'hairline');
  });
  afterAll(async () => {
    await app.close();
  });

  const measurements = () => app.page.evaluate(() => window.smp!.getMeasurements());
  const points = () => app.page.evaluate(() => window.smp!.getHairlinePoints());
  const screenOf = (p: Vec3) => app.page.evaluate((q) => window.smp!.toScreen(q), p);

  it('is measured live: height, width, area, impressions, sessions and hours', async () => {
    const m = await measurements();
    expect(m.hairlineHeightMm).toBeGreaterThan(75);
    expect(m.hairlineHeightMm).toBeLessThan(85);
    expect(m.frontotemporalWidthMm).toBeGreaterThan(60);
    expect(m.treatedAreaCm2).toBeGreaterThan(450);
    expect(m.treatedAreaCm2).toBeLessThan(750);
    // About density × area, less the transition zone's ramp.
    expect(m.impressions).toBeLessThan(100 * m.treatedAreaCm2);
    expect(m.impressions).toBeGreaterThan(0.85 * 100 * m.treatedAreaCm2);
    expect(m.sessions).toBeGreaterThanOrEqual(2);
    expect(m.sessions).toBeLessThanOrEqual(4);
    expect(m.hours).toBeGreaterThan(4);
    expect(m.warnings).toEqual([]);
    await expect(app.page.getByTestId('measurements').textContent()).resolves.toContain(`${Math.round(m.treatedAreaCm2)} cm²`);
  });

  it('changes with a preset', async () => {
    const mature = await measurements();
    await app.page.click('[data-hairline-age="juvenile"]');
    const juvenile = await measurements();
    // The plan holds the chosen line itself, in head-frame millimetres.
    const stored = (await app.page.evaluate(() => window.smp!.getPlan())).hairline;
    expect(stored.age).toBe('juvenile');
    expect(stored.points).toEqual(await points());
    expect(await app.page.locator('[data-hairline-age="juvenile"][aria-checked="true"]').count()).toBe(1);
    expect(juvenile.hairlineHeightMm).toBeLessThan(mature.hairlineHeightMm - 5);
    expect(juvenile.treatedAreaCm2).toBeGreaterThan(mature.treatedAreaCm2);
    await app.page.click('[data-hairline-shape="m-shaped"]');
    const m = await measurements();
    expect(m.treatedAreaCm2).toBeLessThan(juvenile.treatedAreaCm2);
    await app.page.click('[data-hairline-age="mature"]');
    await app.page.click('[data-hairline-shape="straight"]');
    expect((await measurements()).treatedAreaCm2).toBeCloseTo(mature.treatedAreaCm2, 1);
  });

  it('moves when a handle is dragged over the head, as one undo step', async () => {
    await app.page.evaluate(() => window.smp!.setView('front'));
    await app.page.getByTestId('edit-hairline').click();
    await app.page.evaluate(() => window.smp!.whenRendered());
    const before = await measurements();
    const planBefore = await app.page.evaluate(() => window.smp!.getPlan());
    const [midFrontal] = await points();
    const start = await screenOf(midFrontal!);
    const box = (await app.page.locator('canvas').boundingBox())!;
    await app.page.mouse.move(box.x + start.x, box.y + start.y);
    await app.page.mouse.down();
    for (let i = 1; i <= 8; i++) await app.page.mouse.move(box.x + start.x + i, box.y + start.y + i * 5);
    await app.page.mouse.up();
    await savePng(await grabFrame(app.page), `${ARTIFACTS}/hairline-dragged.png`);

    const moved = await points();
    expect(moved[0]![1], 'the mid-frontal point moved down the forehead').toBeLessThan(midFrontal![1] - 5);
    expect(moved[0]![0], 'and stayed on the midline').toBeCloseTo(0, 3);
    const after = await measurements();
    expect(after.hairlineHeightMm).toBeLessThan(before.hairlineHeightMm - 5);
    expect(after.treatedAreaCm2).toBeGreaterThan(before.treatedAreaCm2 + 1);
    expect((await app.page.evaluate(() => window.smp!.getPlan())).hairline.points.length).toBe(moved.length);

    // The whole drag is one step.
    await app.page.evaluate(() => window.smp!.undo());
    expect(await app.page.evaluate(() => window.smp!.getPlan())).toEqual(planBefore);
    expect((await measurements()).treatedAreaCm2).toBeCloseTo(before.treatedAreaCm2, 3);
    await app.page.evaluate(() => window.smp!.redo());
  });

  it('mirrors a dragged side point onto the other side', async () => {
    const pts = await points();
    const i = 4;
    const start = await screenOf(pts[i]!);
    const box = (await app.page.locator('canvas').boundingBox())!;
    await app.page.mouse.move(box.x + start.x, box.y + start.y);
    await app.page.mouse.down();
    for (let k = 1; k <= 6; k++) await app.page.mouse.move(box.x + start.x + k * 2, box.y + start.y - k * 3);
    await app.page.mouse.up();
    const moved = await points();
    const n = moved.length;
    expect(moved[i]).not.toEqual(pts[i]);
    expect(moved[n - i]![0]).toBeCloseTo(-moved[i]![0], 6);
    expect(moved[n - i]![1]).toBeCloseTo(moved[i]![1], 6);
    expect(moved[n - i]![2]).toBeCloseTo(moved[i]![2], 6);
  });

  it('puts a dragged point back on Escape or a cancelled pointer, leaving no step, and refuses undo mid-drag', async () => {
    const plan = () => app.page.evaluate(() => window.smp!.getPlan());
    await app.page.evaluate(() => window.smp!.setView('front', { animate: false }));
    await app.page.evaluate(() => window.smp!.whenRendered());
    if ((await app.page.getByTestId('edit-hairline').getAttribute('aria-pressed')) !== 'true') await app.page.getByTestId('edit-hairline').click();
    // A step of its own before the drags, to show that they leave none on top of it.
    const planUnmarked = await plan();
    await app.page.evaluate(() => window.smp!.setPlan({ ...window.smp!.getPlan(), dots: { ...window.smp!.getPlan().dots, opacity: 0.77 } }));
    await app.page.evaluate(() => window.smp!.whenRendered());
    const planBefore = await plan();
    const i = 2;
    const pointsBefore = await points();
    const start = await screenOf(pointsBefore[i]!);
    const box = (await app.page.locator('canvas').boundingBox())!;
    type Pressed = Window & { pressedPointer?: number };
    /** Presses on handle i and drags it down; resolves to the pressing pointer's id. */
    const drag = async () => {
      await app.page.mouse.move(box.x + start.x, box.y + start.y);
      // Heard on the window, before the handle's tool takes the press; listening before the press is made
      // (a listener added while the press is on its way could miss it and leave the test waiting).
      await app.page.evaluate(() => window.addEventListener('pointerdown', (e) => ((window as Pressed).pressedPointer = e.pointerId), { once: true, capture: true }));
      await app.page.mouse.down();
      await app.page.mouse.move(box.x + start.x, box.y + start.y + 10);
      await app.page.mouse.move(box.x + start.x, box.y + start.y + 20);
      expect((await points())[i]).not.toEqual(pointsBefore[i]);
      const pointerId = await app.page.evaluate(() => (window as Pressed).pressedPointer);
      expect(pointerId).toBeTypeOf('number');
      return pointerId!;
    };

    await drag();
    // Undo under a drag would fork the history: it is refused until the drag ends.
    await app.page.evaluate(() => window.smp!.undo());
    expect((await points())[i]).not.toEqual(pointsBefore[i]);
    await app.page.keyboard.press('Escape');
    expect(await plan()).toEqual(planBefore);
    // The rest of the cancelled drag changes nothing.
    await app.page.mouse.move(box.x + start.x, box.y + start.y + 40);
    await app.page.mouse.up();
    expect(await plan()).toEqual(planBefore);

    const pointerId = await drag();
    await app.page.evaluate((id) => document.querySelector('canvas')!.dispatchEvent(new PointerEvent('pointercancel', { pointerId: id, bubbles: true })), pointerId);
    await app.page.mouse.up();
    expect(await plan()).toEqual(planBefore);

    // Neither left a step: undo takes back the step before them.
    await app.page.evaluate(() => window.smp!.undo());
    expect(await plan()).toEqual(planUnmarked);
    // Two drags and a repaint: on a busy 2-core machine with SwiftShader this has taken over four minutes.
  }, 480_000);

  it('turns the head with a drag away from the handles, and adds a point with a double-click near the line', async () => {
    await app.page.evaluate(() => window.smp!.setView('front', { animate: false }));
    await app.page.evaluate(() => window.smp!.whenRendered());
    if ((await app.page.getByTestId('edit-hairline').getAttribute('aria-pressed')) !== 'true') await app.page.getByTestId('edit-hairline').click();
    const planBefore = await app.page.evaluate(() => window.smp!.getPlan());
    const cameraBefore = await app.page.evaluate(() => window.smp!.getCamera());
    const box = (await app.page.locator('canvas').boundingBox())!;
    // The chin, far from every handle: the camera's.
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.8);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height * 0.8);
    await app.page.mouse.up();
    expect((await app.page.evaluate(() => window.smp!.getCamera())).position).not.toEqual(cameraBefore.position);
    expect(await app.page.evaluate(() => window.smp!.getPlan())).toEqual(planBefore);

    await app.page.evaluate(() => window.smp!.setView('front', { animate: false }));
    await app.page.evaluate(() => window.smp!.whenRendered());
    const pts = await points();
    const [a, b] = [pts[1]!, pts[2]!];
    const between = await screenOf([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2]);
    await app.page.mouse.dblclick(box.x + between.x, box.y + between.y);
    expect((await points()).length).toBeGreaterThan(pts.length);
    await app.page.evaluate(() => window.smp!.undo());
    expect(await points()).toEqual(pts);
  });

  it('warns about a hairline set too low', async () => {
    const plan = await app.page.evaluate(() => window.smp!.getPlan());
    const low = plan.hairline.points.map((p, i) => (i === 0 ? ([p[0], p[1] - 25, p[2] + 6] as Vec3) : p));
    await app.page.evaluate((pts) => window.smp!.setPlan({ hairline: { points: pts } }), low);
    const m = await measurements();
    expect(m.warnings.map((w) => w.id)).toContain('low-hairline');
    await expect(app.page.getByRole('list', { name: 'Hairline warnings' }).textContent()).resolves.toMatch(/7 cm|70 mm/);
    await app.page.evaluate(() => window.smp!.undo());
  });

  it('round-trips through setPlan without changing a measurement, and goes into the link', async () => {
    const plan = await app.page.evaluate(() => window.smp!.getPlan());
    expect(plan.hairline.points.length).toBeGreaterThan(8);
    const m = await measurements();
    await app.page.evaluate(() => window.smp!.setPlan(window.smp!.getPlan()));
    expect(await measurements()).toEqual(m);
    await waitForLinkToMatchPlan(app.page);
    linked = { hash: await app.page.evaluate(() => location.hash), plan, measurements: m };
  });
});

// The page opened from the edited hairline's link (one boot for both tests), at one pixel per CSS pixel:
// the edge test reads the picture's pixels.
describe('the hairline from its link, and its edge on the dots', () => {
  let app: AppPage;
  beforeAll(async () => {
    if (!linked) throw new Error('the hairline tests above did not leave a link to open');
    app = await openApp({ hash: linked.hash, width: 1280, height: 900 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the link with the same plan and the same measurements', async () => {
    expect(await app.page.evaluate(() => window.smp!.getPlan())).toEqual(linked!.plan);
    expect(await app.page.evaluate(() => window.smp!.getMeasurements())).toEqual(linked!.measurements);
  });

  it('ramps density over the transition zone, and is crisp at zero', async () => {
    // Ink just behind the front line, in a 6 mm band starting 1 mm behind it, seen from the front.
    const inkBehindLine = async (hairline: object) => {
      await app.page.evaluate((h) => window.smp!.setPlan({ hairline: h, dots: { densityPerCm2: 150, diameterMm: 0.6, opacity: 1, softness: 0 } }), hairline);
      await app.page.evaluate(() => window.smp!.setView('front', { distanceMm: 400 }));
      // toScreen projects with the camera as drawn: wait until the view's frame is on screen.
      await app.page.evaluate(() => window.smp!.whenRendered());
      const [mid] = await app.page.evaluate(() => window.smp!.getHairlinePoints());
      const points: Vec3[] = [];
      for (let dx = -20; dx <= 20; dx += 1) {
        for (let up = 1; up <= 7; up += 0.5) points.push([mid![0] + dx, mid![1] + up, mid![2] - up * 0.3]);
      }
      const band = await app.page.evaluate((ps) => ps.map((p) => window.smp!.toScreen(p)), points);
      const withSmp = await grabFrame(app.page);
      await app.page.evaluate(() => window.smp!.setShowSmp(false));
      const bare = await grabFrame(app.page);
      await app.page.evaluate(() => window.smp!.setShowSmp(true));
      let ink = 0;
      for (const { x, y } of band) {
        const [px, py] = [Math.round(x), Math.round(y)];
        ink += 1 - linearLuminance(withSmp, px, py) / linearLuminance(bare, px, py);
      }
      return { ink: ink / band.length, frame: withSmp };
    };
    const crisp = await inkBehindLine({ transitionMm: 0, irregularity: 0, sentinels: 0 });
    const soft = await inkBehindLine({ transitionMm: 20, irregularity: 0, sentinels: 0 });
    await savePng(crisp.frame, `${ARTIFACTS}/hairline-crisp.png`);
    await savePng(soft.frame, `${ARTIFACTS}/hairline-soft.png`);
    expect(crisp.ink).toBeGreaterThan(0.05);
    expect(soft.ink / crisp.ink).toBeLessThan(0.5);
  });
});
