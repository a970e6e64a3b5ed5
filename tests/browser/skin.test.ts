import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { linearToLab } from '../../src/domain/color';
import { HAIR_COLOR_PRESETS } from '../../src/domain/pigment';
import { MONK_SKIN_TONES } from '../../src/domain/skinTones';
import { countShaderLinks, imageDifference, openApp, savePng, shaderLinks, UI_PIXEL_RATIO, waitForReady, type AppPage, type Image } from './harness';

const ARTIFACTS = 'tests/artifacts';
const BLACK = HAIR_COLOR_PRESETS.find((h) => h.id === 'black')!.color;
const BLOND = HAIR_COLOR_PRESETS.find((h) => h.id === 'blond')!.color;
const SIZE = 600;

const srgbToLinear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Pixels where two pictures differ by more than `levels` (8-bit) in any channel: the region a change touches. */
function changedRegion(a: Image, b: Image, levels = 2): Uint8Array {
  const mask = new Uint8Array(a.width * a.height);
  for (let i = 0; i < mask.length; i++) {
    const d = Math.max(...[0, 1, 2].map((c) => Math.abs(a.data[4 * i + c]! - b.data[4 * i + c]!)));
    mask[i] = d > levels ? 1 : 0;
  }
  return mask;
}

/** L* of the mean linear colour over the masked pixels: the tone a region shows from afar. */
function meanLightness(img: Image, mask: Uint8Array): number {
  const sum = [0, 0, 0];
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    for (const c of [0, 1, 2]) sum[c]! += srgbToLinear(img.data[4 * i + c]!);
    n++;
  }
  return linearToLab(sum.map((s) => s / n))[0];
}

const count = (mask: Uint8Array) => mask.reduce((s, v) => s + v, 0);

describe('skin and stubble', () => {
  let app: AppPage;

  /** The head as the plan and view show it, drawn offscreen at SIZE × SIZE, without SMP. */
  const render = async (plan: object, view: string, distanceMm: number): Promise<Image> => {
    const url = await app.page.evaluate(
      async ({ plan, view, distanceMm, size }) => {
        window.smp!.setPlan(plan);
        window.smp!.setShowSmp(false);
        window.smp!.setView(view as 'back', { distanceMm });
        await window.smp!.whenRendered();
        return window.smp!.exportImage({ width: size, height: size });
      },
      { plan, view, distanceMm, size: SIZE },
    );
    const png = PNG.sync.read(Buffer.from(url.split(',')[1]!, 'base64'));
    return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
  };

  beforeAll(async () => {
    // Every figure comes from pictures drawn offscreen at SIZE × SIZE pixels with the view's camera: the view
    // on screen only has to show the plan, so it draws at a fraction of a pixel (the pictures are the same).
    app = await openApp({ width: 640, height: 480, deviceScaleFactor: UI_PIXEL_RATIO, initScript: countShaderLinks, waitForReady: false });
    // (A machine busy with other work may take over a minute to compile the skin's shader on SwiftShader.)
    await app.page.waitForFunction(() => document.documentElement.dataset.smpReady === 'true', null, { timeout: 170_000 });
    await waitForReady(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows a 1 mm buzz cut from across a room, and its colour, dark or fair, changes the whole head', async () => {
    // Monk 6 skin: lit, it stays in the display tone curve's linear range (see dots.test.ts).
    const skin = { color: MONK_SKIN_TONES[5].color };
    const buzz = (hairColor: string) => ({ skin, hairColor, hairLoss: { pattern: 'norwood-1', stubbleMm: 1 } });
    const figures: string[] = [];
    for (const distanceMm of [1000, 3000]) {
      const bare = await render({ skin }, 'three-quarter', distanceMm);
      const black = await render(buzz(BLACK), 'three-quarter', distanceMm);
      const blond = await render(buzz(BLOND), 'three-quarter', distanceMm);
      await savePng(black, `${ARTIFACTS}/buzz-black-${distanceMm}.png`);
      await savePng(blond, `${ARTIFACTS}/buzz-blond-${distanceMm}.png`);
      // The scalp the hair covers: where the black buzz cut changed the bare head.
      const scalp = changedRegion(bare, black);
      const buzzDelta = meanLightness(bare, scalp) - meanLightness(black, scalp);
      const colourDelta = meanLightness(blond, scalp) - meanLightness(black, scalp);
      figures.push(`${distanceMm} mm: ${count(scalp)} px of scalp; dark buzz ΔL* ${buzzDelta.toFixed(1)}, blond − black ΔL* ${colourDelta.toFixed(1)}`);
      expect(count(scalp), 'the hair covers the scalp in the picture').toBeGreaterThan(distanceMm === 1000 ? 5000 : 500);
      // ΔL* 3 is a difference anyone sees side by side; a dark buzz cut against bare skin is far more.
      expect(buzzDelta, `a dark buzz cut darkens the scalp from ${distanceMm} mm`).toBeGreaterThan(6);
      expect(colourDelta, `blond against black hair from ${distanceMm} mm`).toBeGreaterThan(3);
    }
    console.log(figures.join('\n'));
  });

  it('shows a hairless FUT scar through Norwood 5 hair from behind', async () => {
    const plan = (scars: object[]) => ({ hairColor: BLACK, hairLoss: { pattern: 'norwood-5', stubbleMm: 1 }, scars });
    const without = await render(plan([]), 'back', 1000);
    const withScar = await render(plan([{ id: 'strip', kind: 'fut' }]), 'back', 1000);
    await savePng(withScar, `${ARTIFACTS}/fut-norwood-5-back.png`);
    const strip = changedRegion(without, withScar);
    const delta = meanLightness(withScar, strip) - meanLightness(without, strip);
    const grey = imageDifference(withScar, without) * 255;
    console.log(`FUT scar through Norwood 5 from behind at 1 m: ${count(strip)} px changed, ΔL* ${delta.toFixed(1)} there; whole picture ${grey.toFixed(2)} grey levels`);
    // A 3 mm strip 200 mm long, seen from behind at 1 m: about 3 px wide and 150 px long here.
    expect(count(strip)).toBeGreaterThan(250);
    // Pale, hairless scar tissue against dark stubble.
    expect(delta).toBeGreaterThan(2);
  });

  it('changes the scalp’s shine with the plan and the step 1 slider, without recompiling', async () => {
    const links = await shaderLinks(app.page);
    const matte = await render({ skin: { shine: 0 } }, 'three-quarter', 600);
    const oily = await render({ skin: { shine: 1 } }, 'three-quarter', 600);
    await savePng(matte, `${ARTIFACTS}/skin-matte.png`);
    await savePng(oily, `${ARTIFACTS}/skin-oily.png`);
    // An oily scalp concentrates the light it reflects into sharper, brighter highlights.
    const changed = changedRegion(matte, oily, 4);
    const brightest = (img: Image) => {
      const levels = Array.from(changed.entries(), ([i, set]) => (set ? img.data[4 * i]! + img.data[4 * i + 1]! + img.data[4 * i + 2]! : -1)).filter((v) => v >= 0);
      return levels.sort((a, b) => a - b)[Math.floor(0.99 * levels.length)]! / 3;
    };
    console.log(`shine 0 → 1: ${count(changed)} px changed by over 4 levels; their brightest 1 % ${brightest(matte).toFixed(0)} → ${brightest(oily).toFixed(0)} (of 255)`);
    expect(count(changed)).toBeGreaterThan(500);
    expect(brightest(oily)).toBeGreaterThan(brightest(matte) + 5);
    expect(await shaderLinks(app.page), 'shader programs linked by shine edits').toBe(links);

    await app.page.locator('[data-step="head"]').click();
    await app.page.getByTestId('skin-shine').fill('0.8');
    expect(await app.page.evaluate(() => window.smp!.getPlan().skin.shine)).toBe(0.8);
    await app.page.evaluate(() => window.smp!.undo());
    expect(await app.page.evaluate(() => window.smp!.getPlan().skin.shine)).toBe(1);
  });
});
