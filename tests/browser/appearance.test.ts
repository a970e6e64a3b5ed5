/**
 * Pigment seen through the skin, as a person sees it: the default plan's darkening against the appearance
 * model's prediction, the same darkening near and far, and no seam where resolved deposits give way to their
 * mean. Figures come from two renders of one view (exportImage without and with the SMP), in linear light.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { predictedDarkening, skinAlbedo, skinOpticsForTone } from '../../src/domain/appearance';
import { linearToLab, luminanceOfLinear } from '../../src/domain/color';
import { defaultPlan } from '../../src/domain/plan';
import { sessionLayers } from '../../src/domain/sessions';
import { MONK_SKIN_TONES } from '../../src/domain/skinTones';
import { openApp, resizeView, savePng, UI_PIXEL_RATIO, type AppPage, type Image } from './harness';
import { linearLuminance, type Rect } from './imageStats';

const ARTIFACTS = 'tests/artifacts';
const FOV_DEGREES = 32;
const PICTURE_PX = 1000;
/** Saturating black ink: it takes all the light the pigment can take, leaving the sheen above it. */
const SOLID = { dots: { densityPerCm2: 200, diameterMm: 1.75, sizeVariation: 0, softness: 0, opacity: 1, color: '#000000' } };

const lightness = (y: number) => linearToLab([y, y, y])[0];

describe('pigment in the skin', () => {
  let app: AppPage;
  beforeAll(async () => {
    // Every figure comes from exported pictures, drawn offscreen at their own size in pixels with the view's
    // camera: the view on screen only has to show the plan, so it draws at a fraction of a pixel. The
    // pictures are PICTURE_PX high and as wide as the view's shape makes them: a narrow, tall view (the
    // panel keeps 320 px) for the crown, which needs little around it.
    app = await openApp({ width: 901, height: 1800, deviceScaleFactor: UI_PIXEL_RATIO });
  });
  afterAll(async () => {
    await app.close();
  });

  /** The top view from `distanceMm`, without and with the SMP, as exported pictures PICTURE_PX high. */
  async function beforeAfter(skin: string, distanceMm: number, height = PICTURE_PX): Promise<{ bare: Image; inked: Image; pxPerMm: number }> {
    const [bare, inked] = await pictures(skin, distanceMm, height, [{}, {}]);
    return { bare: bare!, inked: inked!, pxPerMm: height / (2 * distanceMm * Math.tan(((FOV_DEGREES / 2) * Math.PI) / 180)) };
  }

  /** The top view from `distanceMm`: the bare scalp, then one picture with the SMP of each plan. */
  async function pictures(skin: string, distanceMm: number, height: number, plans: object[]): Promise<Image[]> {
    const urls = await app.page.evaluate(
      async ({ skin, distanceMm, plans, height }) => {
        window.smp!.setView('top', { distanceMm });
        const shots: string[] = [];
        for (const [i, plan] of plans.entries()) {
          window.smp!.setPlan({ ...plan, skin: { color: skin } });
          await window.smp!.whenRendered();
          shots.push(await window.smp!.exportImage({ height, showSmp: i > 0 }));
        }
        return shots;
      },
      { skin, distanceMm, plans, height },
    );
    return urls.map((url) => {
      const png = PNG.sync.read(Buffer.from(url.split(',')[1]!, 'base64'));
      return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
    });
  }

  /** A square of scalp `sizeMm` across at the picture's centre (the crown, in the top view). */
  const crown = (img: Image, pxPerMm: number, sizeMm: number): Rect => {
    const half = Math.max(3, Math.round((sizeMm / 2) * pxPerMm));
    const [cx, cy] = [Math.round(img.width / 2), Math.round(img.height / 2)];
    expect(cx - half, 'the crown fits in the picture').toBeGreaterThanOrEqual(0);
    return { x0: cx - half, y0: cy - half, x1: cx + half, y1: cy + half };
  };

  const sum = (img: Image, r: Rect) => {
    let total = 0;
    for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) total += linearLuminance(img, x, y);
    return total;
  };
  /** The share of the light the pigment takes over a region (1 − after / before, in linear light). */
  const share = (bare: Image, inked: Image, r: Rect) => 1 - sum(inked, r) / sum(bare, r);

  const plan = defaultPlan();
  const layers = sessionLayers(plan.sessions);

  it('darkens the crown seen from 1 m as the appearance model predicts, on Monk 1, 3, 6 and 9 (within 15%)', async () => {
    const lines: string[] = [];
    const results: { tone: number; measured: number; predicted: number }[] = [];
    for (const tone of [1, 3, 6, 9]) {
      const color = MONK_SKIN_TONES[tone - 1]!.color;
      const [bare, inked, solid] = (await pictures(color, 1000, PICTURE_PX, [{}, {}, SOLID])) as [Image, Image, Image];
      const pxPerMm = PICTURE_PX / (2 * 1000 * Math.tan(((FOV_DEGREES / 2) * Math.PI) / 180));
      if (tone === 3) await savePng(inked, `${ARTIFACTS}/appearance-monk3-1m.png`);
      const optics = skinOpticsForTone(color);
      const model = predictedDarkening({
        optics,
        diameterMm: plan.dots.diameterMm,
        depthMm: plan.dots.depthMm,
        densityPerCm2: plan.dots.densityPerCm2,
        shade: plan.dots.color,
        opacity: plan.dots.opacity,
        sessionStrength: layers.meanStrength * layers.visibleShare,
      });
      // The share of the skin's diffuse light the pigment takes, on that skin's albedo: ΔL* as the model
      // states it. The sheen lies above the pigment (on dark skin it is much of the light): the solid ink's
      // picture measures it, and it is left out of both.
      const y = luminanceOfLinear(skinAlbedo(optics));
      const r = crown(bare, pxPerMm, 30);
      const taken = (sum(bare, r) - sum(inked, r)) / (sum(bare, r) - sum(solid, r));
      const measured = lightness(y) - lightness(y * (1 - taken));
      results.push({ tone, measured, predicted: model.deltaL });
      lines.push(`Monk ${tone}: ΔL* ${measured.toFixed(2)} measured, ${model.deltaL.toFixed(2)} predicted (light taken ${(100 * taken).toFixed(2)}%)`);
    }
    console.log(lines.join('\n'));
    for (const r of results) {
      expect(r.measured / r.predicted, lines.join('; ')).toBeGreaterThan(0.85);
      expect(r.measured / r.predicted, lines.join('; ')).toBeLessThan(1.15);
    }
  });

  // One tone a test: a close-up resolves every deposit, which SwiftShader draws slowly.
  it.each([1, 3, 6, 9])('takes the same share of light from 15 cm as from 2 m on Monk %i (within 10%)', async (tone) => {
    const color = MONK_SKIN_TONES[tone - 1]!.color;
    // The same 24 mm of scalp around the crown at both distances; from 15 cm, 800 px resolve every deposit.
    const near = await beforeAfter(color, 150, 800);
    if (tone === 3) await savePng(near.inked, `${ARTIFACTS}/appearance-monk3-15cm.png`);
    const far = await beforeAfter(color, 2000);
    const [n, f] = [share(near.bare, near.inked, crown(near.bare, near.pxPerMm, 24)), share(far.bare, far.inked, crown(far.bare, far.pxPerMm, 24))];
    const line = `Monk ${tone}: ${(100 * n).toFixed(2)}% at 15 cm, ${(100 * f).toFixed(2)}% at 2 m (×${(f / n).toFixed(3)})`;
    console.log(line);
    expect(f / n, line).toBeGreaterThan(0.9);
    expect(f / n, line).toBeLessThan(1.1);
  });

  it('shows no seam from the crown to the silhouette, where resolved deposits give way to their mean', async () => {
    // From 40 cm the pixel's footprint grows towards the silhouette, so the deposits fade to their mean along
    // the way. The share of light they take, in blocks along the line, must change smoothly. A wider view:
    // the picture reaches past the silhouette.
    await resizeView(app.page, { width: 1000, height: 1000 });
    const { bare, inked } = await beforeAfter(MONK_SKIN_TONES[2]!.color, 400);
    expect(bare.width, 'as wide as the view on a 1000 × 1000 page').toBeGreaterThan(700);
    await savePng(inked, `${ARTIFACTS}/appearance-seam.png`);
    const cy = Math.round(bare.height / 2);
    const cx = Math.round(bare.width / 2);
    // The silhouette: the first column from the centre, going right, where the skin ends and the picture turns
    // from skin's red to grey (the background, or the default head's grey shirt on the shoulders beyond it).
    const skinAt = (x: number) => bare.data[4 * (cy * bare.width + x)]! - bare.data[4 * (cy * bare.width + x) + 2]! > 12;
    let edge = cx;
    while (edge < bare.width - 1 && skinAt(edge)) edge++;
    const block = 8;
    const shares: number[] = [];
    for (let x = cx; x + block < edge - block; x += block) shares.push(share(bare, inked, { x0: x, y0: cy - 2 * block, x1: x + block, y1: cy + 2 * block }));
    // Noise: the spread of neighbouring blocks' differences; a seam is a jump between two runs of blocks.
    const run = 4;
    let worst = 0;
    for (let i = run; i + run <= shares.length; i++) {
      const before = shares.slice(i - run, i).reduce((a, b) => a + b, 0) / run;
      const after = shares.slice(i, i + run).reduce((a, b) => a + b, 0) / run;
      worst = Math.max(worst, Math.abs(after - before));
    }
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    console.log(`seam: ${shares.length} blocks to the silhouette, share ${(100 * mean).toFixed(2)}% on average, largest step ${(100 * worst).toFixed(2)} points`);
    expect(shares.length).toBeGreaterThan(12);
    expect(worst / mean).toBeLessThan(0.15);
  });
});
