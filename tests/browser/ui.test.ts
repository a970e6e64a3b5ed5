import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOT_FIELDS } from '../../src/domain/plan';
import { PIGMENT_PRESETS } from '../../src/domain/pigment';
import { countShaderLinks, grabFrame, imageDifference, openApp, savePng, shaderLinks, UI_PIXEL_RATIO, waitForReady, type AppPage, showStep } from './harness';
import { linearLuminance } from './imageStats';

const ARTIFACTS = 'tests/artifacts';

// The panel, the plan and the units; the picture only as "it changed": the view draws at a quarter of a
// pixel per CSS pixel.
describe('editing dots in the interface, and the units', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp({ initScript: countShaderLinks, deviceScaleFactor: UI_PIXEL_RATIO });
    await showStep(app.page, 'dots');
    await app.page.evaluate(() => window.smp!.setView('top', { distanceMm: 90 }));
    await app.page.evaluate(() => window.smp!.whenRendered());
  });
  afterAll(async () => {
    await app.close();
  });

  const plan = () => app.page.evaluate(() => window.smp!.getPlan());
  const links = () => shaderLinks(app.page);

  it('shows every slider with its unit, and edits show in the next frame without recompiling a shader', async () => {
    for (const text of ['Dot size', '0.40 mm', 'Density', '100 dots/cm²', 'Size variation', 'Opacity', 'Ink spread']) {
      await expect(app.page.getByText(text, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    const linksBefore = await links();
    const before = await grabFrame(app.page);
    const slider = app.page.getByTestId('dots-diameter');
    await slider.focus();
    for (let i = 0; i < 6; i++) await app.page.keyboard.press('ArrowRight');
    expect((await plan()).dots.diameterMm).toBeCloseTo(0.7, 5);
    const after = await grabFrame(app.page);
    expect(imageDifference(before, after)).toBeGreaterThan(0.005);
    await app.page.getByTestId('dots-density').focus();
    await app.page.keyboard.press('PageDown');
    await grabFrame(app.page);
    expect(await links(), 'shader programs linked by the edits').toBe(linksBefore);
  });

  it('keeps values in range and makes a slider gesture one undo step', async () => {
    const slider = app.page.getByTestId('dots-diameter');
    await slider.focus();
    await app.page.keyboard.press('End');
    await app.page.keyboard.press('ArrowRight');
    expect((await plan()).dots.diameterMm).toBe(DOT_FIELDS.diameterMm.max);
    await app.page.keyboard.press('Home');
    await app.page.keyboard.press('ArrowLeft');
    expect((await plan()).dots.diameterMm).toBe(DOT_FIELDS.diameterMm.min);

    // A mouse drag across the slider is one step.
    await app.page.evaluate(() => window.smp!.setPlan({ dots: { diameterMm: 0.4 } }));
    const box = (await slider.boundingBox())!;
    await app.page.mouse.move(box.x + 4, box.y + box.height / 2);
    await app.page.mouse.down();
    for (let i = 1; i <= 10; i++) await app.page.mouse.move(box.x + 4 + i * (box.width / 12), box.y + box.height / 2);
    await app.page.mouse.up();
    const dragged = (await plan()).dots.diameterMm;
    expect(dragged).toBeGreaterThan(1);
    await app.page.evaluate(() => window.smp!.undo());
    expect((await plan()).dots.diameterMm).toBe(0.4);
  });

  it('sets the pigment from presets and from the hair colour, and warns about risky choices', async () => {
    await app.page.click(`[data-pigment="${PIGMENT_PRESETS[3].id}"]`);
    expect((await plan()).dots.color).toBe(PIGMENT_PRESETS[3].color);
    await app.page.getByTestId('match-hair').selectOption('black');
    const p = await plan();
    expect(p.hairColor).toBe('#1b1816');
    expect(p.dots.color).not.toBe(PIGMENT_PRESETS[3].color);
    await app.page.evaluate(() => window.smp!.setPlan({ dots: { diameterMm: 1.5 } }));
    await expect(app.page.getByRole('list', { name: 'Warnings' }).textContent()).resolves.toMatch(/helmet/);
  });

  it('undoes and redoes with the buttons, Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z, each edit one step', async () => {
    await app.page.evaluate(() => window.smp!.setPlan({ dots: { color: '#2e2a28' } }));
    const shade = async () => (await plan()).dots.color;
    await app.page.click(`[data-pigment="${PIGMENT_PRESETS[0].id}"]`);
    await app.page.click(`[data-pigment="${PIGMENT_PRESETS[4].id}"]`);
    expect(await shade()).toBe(PIGMENT_PRESETS[4].color);
    await app.page.keyboard.press('Control+z');
    expect(await shade()).toBe(PIGMENT_PRESETS[0].color);
    await app.page.keyboard.press('Meta+z');
    expect(await shade()).toBe('#2e2a28');
    await app.page.keyboard.press('Shift+Control+z');
    expect(await shade()).toBe(PIGMENT_PRESETS[0].color);
    await app.page.keyboard.press('Shift+Meta+z');
    expect(await shade()).toBe(PIGMENT_PRESETS[4].color);
    await app.page.getByRole('button', { name: 'Undo' }).click();
    expect(await shade()).toBe(PIGMENT_PRESETS[0].color);
    await expect(app.page.getByRole('button', { name: 'Undo' }).getAttribute('title')).resolves.toBe('Undo Pigment shade (Ctrl+Z)');
    await app.page.getByRole('button', { name: 'Redo' }).click();
    expect(await shade()).toBe(PIGMENT_PRESETS[4].color);
    expect(await app.page.getByRole('button', { name: 'Redo' }).isDisabled()).toBe(true);
  });

  it('shows lengths and areas in inches on request, remembers the choice, and keeps the plan in mm', async () => {
    // From the default plan (the tests above changed the dots).
    await app.page.evaluate(() => window.smp!.setPlan({}));
    const planBefore = await app.page.evaluate(() => window.smp!.getPlan());
    await app.page.locator('[data-units="imperial"]').click();
    await showStep(app.page, 'hairline');
    await expect.poll(() => app.page.getByTestId('measurements').textContent()).toMatch(/\d\.\d\d in.*in²/s);
    await showStep(app.page, 'dots');
    const sizeOutput = app.page.locator('.slider-field', { has: app.page.getByTestId('dots-diameter') }).locator('output');
    expect(await sizeOutput.textContent()).toBe('0.0157 in');
    expect(await app.page.evaluate(() => window.smp!.getPlan())).toEqual(planBefore);
    await app.page.reload();
    await waitForReady(app.page);
    await showStep(app.page, 'dots');
    expect(await sizeOutput.textContent()).toBe('0.0157 in');
    await app.page.locator('[data-units="metric"]').click();
    expect(await sizeOutput.textContent()).toBe('0.40 mm');
  });
});

// The loupe's picture itself: dots in it, resolved at one pixel per CSS pixel.
describe('the loupe', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    if (!app) return; // the page never opened: beforeAll has failed already
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('magnifies the scalp under the pointer with a millimetre scale', async () => {
    await app.page.evaluate(() => window.smp!.setView('three-quarter'));
    await app.page.evaluate(() => window.smp!.whenRendered());
    await app.page.getByTestId('loupe-toggle').click();
    const lm = await app.page.evaluate(() => window.smp!.getLandmarks());
    const canvasBox = (await app.page.locator('canvas').boundingBox())!;
    const target = await app.page.evaluate((p) => window.smp!.toScreen(p), [lm.vertex[0], lm.vertex[1], lm.vertex[2]] as [number, number, number]);
    await app.page.mouse.move(canvasBox.x + target.x, canvasBox.y + target.y);
    await expect(app.page.getByTestId('loupe-scale').textContent()).resolves.toMatch(/2 mm/);
    const frame = await grabFrame(app.page);
    await savePng(frame, `${ARTIFACTS}/loupe.png`);
    // The loupe circle sits above the pointer: dots in it give a wide spread of tones.
    const scale = (await app.page.getByTestId('loupe-scale').boundingBox())!;
    const cx = Math.round(scale.x - canvasBox.x + scale.width / 2);
    const cy = Math.round(scale.y - canvasBox.y - 8 - 120);
    const tones: number[] = [];
    for (let y = cy - 60; y <= cy + 60; y += 2) for (let x = cx - 60; x <= cx + 60; x += 2) tones.push(linearLuminance(frame, x, y));
    tones.sort((a, b) => a - b);
    const dark = tones[Math.floor(tones.length * 0.03)]!;
    const light = tones[Math.floor(tones.length * 0.5)]!;
    // Deposits seen through 0.3 mm of skin: the darkest marks take about 15 % of the light (0.85, ΔL* ≈ 6),
    // not the near-black of a disc on the surface; under 0.92 (ΔL* ≈ 3) the dots are still plainly seen.
    expect(dark / light, 'dark dots on lighter skin inside the loupe').toBeLessThan(0.92);
    // The 2 mm scale bar is as long as 2 mm of scalp in the loupe: 240 px across 12 mm.
    const bar = (await app.page.locator('.loupe-bar').boundingBox())!;
    expect(bar.width).toBeCloseTo(40, 0);
    expect(app.errors).toEqual([]);
    await app.page.getByTestId('loupe-toggle').click();
  });
});
