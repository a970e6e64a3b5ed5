import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TreatmentArea } from '../../src/domain/hairline/treatmentArea';
import type { HairLossPattern } from '../../src/domain/hairLoss/patterns';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { HAIR_COLOR_PRESETS } from '../../src/domain/pigment';
import { loadDefaultHead } from '../unit/fixtures';
import { countShaderLinks, grabFrame, imageDifference, openApp, resizeView, savePng, shaderLinks, UI_PIXEL_RATIO, type AppPage, type Image } from './harness';
import { centralRect, linearLuminance, meanLuminance, type Rect } from './imageStats';

const ARTIFACTS = 'tests/artifacts';
const BLACK = HAIR_COLOR_PRESETS.find((h) => h.id === 'black')!.color;
const BLOND = HAIR_COLOR_PRESETS.find((h) => h.id === 'blond')!.color;

// Each pattern's own map, worked out here with the app's domain code on the same head.
const head = loadDefaultHead();
const area = new TreatmentArea(head.skin.positions, head.skin.indices, head.landmarks);
const positions = head.skin.positions;
const normals = head.skin.normals;
const vertexAt = (v: number): Vec3 => [positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!];
/**
 * Vertices of the top of the head seen squarely from above (every fifth, for speed), with nothing over
 * them: where the top view's pixels are checked.
 */
const topVertices = Array.from({ length: positions.length / 3 }, (_, v) => v).filter((v) => v % 5 === 0 && normals[3 * v + 1]! > 0.75 && positions[3 * v + 1]! > 60);

/**
 * The pattern's map around each top vertex: its lowest and highest value within 5 mm, so a sample is only
 * called bald or haired when the hair drawn from roots beside it cannot reach it either.
 */
function neighbourhood(map: Float32Array): { low: number; high: number }[] {
  return topVertices.map((v) => {
    let low = Infinity;
    let high = -Infinity;
    area.grid.near([vertexAt(v)], 5, (u) => {
      const d = Math.hypot(positions[3 * u]! - positions[3 * v]!, positions[3 * u + 1]! - positions[3 * v + 1]!, positions[3 * u + 2]! - positions[3 * v + 2]!);
      if (d > 5) return;
      low = Math.min(low, map[u]!);
      high = Math.max(high, map[u]!);
    });
    return { low, high };
  });
}

/** A patch of skin `widthMm` × `heightMm` at the centre of a picture seen from `distanceMm` (the lens is 32° from top to bottom). */
const patch = (img: Image, distanceMm: number, widthMm: number, heightMm: number): Rect => {
  const pxPerMm = img.height / (2 * distanceMm * Math.tan((32 / 2) * (Math.PI / 180)));
  const [cx, cy] = [Math.round(img.width / 2), Math.round(img.height / 2)];
  const [halfWidth, halfHeight] = [widthMm, heightMm].map((mm) => Math.max(3, Math.round((mm / 2) * pxPerMm))) as [number, number];
  return { x0: cx - halfWidth, y0: cy - halfHeight, x1: cx + halfWidth, y1: cy + halfHeight };
};

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/**
 * Patterns drawn here: between them bald, full and thinning hair and small patches. The Node test
 * (tests/unit/hairLoss.test.ts) checks that the layer the shader reads holds every pattern's map.
 */
const DRAWN_PATTERNS: HairLossPattern[] = ['none', 'norwood-3v', 'norwood-7', 'ludwig-2', 'diffuse', 'areata'];

/** Darkening of a 3 × 3 pixel patch round each screen point against the bare frame (0 none, 1 black). */
const darkening = (img: Image, bare: Image, at: { x: number; y: number }[]) =>
  at.map(({ x, y }) => {
    let a = 0;
    let b = 0;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        a += linearLuminance(img, Math.round(x) + dx, Math.round(y) + dy);
        b += linearLuminance(bare, Math.round(x) + dx, Math.round(y) + dy);
      }
    }
    return (b - a) / b;
  });

/**
 * One page for a describe block, on the hair step, that checks no hair edit links a shader program.
 * `deviceScaleFactor`: 1 for the tests that look at resolved hairs, UI_PIXEL_RATIO for those at 60 cm
 * (hair drawn by its mean there whatever the pixel's size).
 */
function hairPage(deviceScaleFactor: number) {
  const state = {
    app: undefined as unknown as AppPage,
    /** Shader programs linked when the test began (or since the brush's ring was drawn): no hair edit may link another. */
    links: 0,
    async frame(plan: object, view?: { distanceMm: number }): Promise<Image> {
      // The view and the plan in one step: a frame in between (at the new distance with the old plan) would be wasted.
      await state.app.page.evaluate(
        ({ plan, view }) => {
          if (view) window.smp!.setView('top', view);
          window.smp!.setPlan(plan);
        },
        { plan, view },
      );
      return grabFrame(state.app.page);
    },
    plan: () => state.app.page.evaluate(() => window.smp!.getPlan()),
  };
  beforeAll(async () => {
    state.app = await openApp({ width: 1100, height: 800, deviceScaleFactor, initScript: countShaderLinks });
    // (A first-visit guide may be open over the page: skip it.)
    const guide = state.app.page.locator('dialog[open]');
    if ((await guide.count()) > 0) await guide.getByRole('button', { name: 'Skip' }).click();
    await state.app.page.locator('[data-step="hair"]').click();
    await grabFrame(state.app.page);
  });
  beforeEach(async () => {
    state.links = await shaderLinks(state.app.page);
  });
  afterEach(async () => {
    expect(await shaderLinks(state.app.page), 'shader programs linked by hair edits').toBe(state.links);
  });
  afterAll(async () => {
    await state.app?.close();
  });
  return state;
}

describe("the client's hair today, in the picture", () => {
  const hairApp = hairPage(1);
  const frame = hairApp.frame;

  it('draws the patterns from the top: hair where the map has hair, bare skin where it is bald', async () => {
    const { page } = hairApp.app;
    await page.evaluate(() => {
      window.smp!.setShowSmp(false);
      window.smp!.setView('top');
    });
    const hair = (pattern: HairLossPattern) => ({ hairColor: BLACK, hairLoss: { pattern, stubbleMm: 3 } });
    const bare = await frame(hair('none'));
    const at = await page.evaluate((points) => points.map((p) => window.smp!.toScreen(p)), topVertices.map(vertexAt));
    const inFrame = at.map(({ x, y }) => x > 2 && y > 2 && x < bare.width - 3 && y < bare.height - 3);
    const counts = { bald: 0, full: 0, thin: 0 };
    for (const pattern of DRAWN_PATTERNS) {
      const img = await frame(hair(pattern));
      await savePng(img, `${ARTIFACTS}/hair-${pattern}.png`);
      const around = neighbourhood(area.hair.patternDensity(pattern));
      const dark = darkening(img, bare, at);
      const pick = (keep: (n: { low: number; high: number }) => boolean) => dark.filter((_, i) => inFrame[i] && keep(around[i]!));
      const bald = pick((n) => n.high === 0);
      const full = pick((n) => n.low > 0.95);
      const thin = pick((n) => n.low > 0.15 && n.high < 0.65);
      if (bald.length > 100) counts.bald++;
      if (full.length > 100) counts.full++;
      if (thin.length > 100) counts.thin++;
      const report = `${pattern}: bald ${bald.length} (95% ≤ ${quantile(bald, 0.95).toFixed(3)}), full ${full.length} (median ${quantile(full, 0.5).toFixed(3)}), thin ${thin.length} (median ${quantile(thin, 0.5).toFixed(3)})`;
      if (pattern === 'none') {
        expect(imageDifference(img, bare)).toBe(0);
        continue;
      }
      // Bare skin where the pattern is bald, exactly as without hair.
      if (bald.length > 0) expect(quantile(bald, 0.95), `${pattern}: bald areas show bare skin`).toBeLessThan(0.005);
      // Hair coverage where it has hair: black 3 mm stubble darkens the skin by about half.
      if (full.length > 0) {
        expect(quantile(full, 0.5), `${pattern}: haired areas show hair`).toBeGreaterThan(0.3);
        expect(quantile(full, 0.05), `${pattern}: haired areas show hair`).toBeGreaterThan(0.15);
      }
      // Thinning hair shows as less hair than full hair, but still hair.
      if (thin.length > 20 && full.length > 20) {
        expect(quantile(thin, 0.5), `${pattern}: thin hair covers less than full hair`).toBeLessThan(0.8 * quantile(full, 0.5));
        expect(quantile(thin, 0.5), `${pattern}: thin hair still shows`).toBeGreaterThan(0.05);
      }
      // The picture agrees with the map wherever the map is clearly haired or clearly bald.
      const clear = dark.map((d, i) => ({ d, n: around[i]! })).filter(({ n }, i) => inFrame[i] && (n.low > 0.5 || n.high < 0.05));
      const agree = clear.filter(({ d, n }) => d > 0.08 === n.low > 0.5).length / clear.length;
      console.log(report, `agree ${(100 * agree).toFixed(1)} % of ${clear.length}`);
      expect(agree, `${pattern}: pixels agree with the map`).toBeGreaterThan(0.99);
    }
    // Not a picture of nothing: bald skin (Norwood 7), full hair (Norwood 3 vertex, areata) and thinning
    // hair (Norwood 3 vertex, Ludwig 2, diffuse) each cover much of the top in some of the patterns drawn.
    expect(counts.bald, 'patterns bald over much of the top').toBeGreaterThanOrEqual(1);
    expect(counts.full, 'patterns with full hair over much of the top').toBeGreaterThanOrEqual(2);
    expect(counts.thin, 'patterns thinning over much of the top').toBeGreaterThanOrEqual(2);
  });

  it('draws thin hair as thin hair: Ludwig and diffuse thinning cover less of the top than a full head of hair', async () => {
    // Resolved hairs cost seconds a frame on a software renderer, all over the picture: from here on the view is
    // narrower (the panel takes the rest). Same height, so each pixel covers as much skin as before: the
    // same resolved hairs, in the same patch at the centre, only less around it.
    const { page } = hairApp.app;
    const height = (await grabFrame(page)).height;
    await resizeView(page, { width: 802, height: 800 });
    const tone = async (pattern: HairLossPattern) => {
      const img = await frame({ hairColor: BLACK, hairLoss: { pattern, stubbleMm: 1 } }, { distanceMm: 150 });
      expect(img.height, 'as many pixels from top to bottom as at full width').toBe(height);
      await savePng(img, `${ARTIFACTS}/hair-top-150-${pattern}.png`);
      return meanLuminance(img, patch(img, 150, 27, 26));
    };
    const bare = await tone('none');
    const cover = async (pattern: HairLossPattern) => (bare - (await tone(pattern))) / bare;
    const full = await cover('norwood-1');
    const ludwig = await cover('ludwig-2');
    const diffuse = await cover('diffuse');
    console.log(`darkening of the top at 150 mm: full ${full.toFixed(3)}, Ludwig 2 ${ludwig.toFixed(3)}, diffuse ${diffuse.toFixed(3)}`);
    expect(full).toBeGreaterThan(0.12);
    // Ludwig 2 leaves 40 % of the hairs, thinner ones; diffuse thinning 40-65 %.
    expect(ludwig).toBeLessThan(0.5 * full);
    expect(ludwig).toBeGreaterThan(0.03);
    expect(diffuse).toBeLessThan(0.75 * full);
    expect(diffuse).toBeGreaterThan(ludwig);
  });

  it('keeps the hair’s tone from close up to 2 m away (hairs fade to their mean coverage)', async () => {
    // (In the narrower view of the test above: the patch measured is far inside it.)
    // A mid skin tone keeps the lit scalp in the display tone curve's linear range (see dots.test.ts).
    const skin = { color: '#b8956b' };
    const tone = async (distanceMm: number, pattern: HairLossPattern) => {
      const img = await frame({ skin, hairColor: BLACK, hairLoss: { pattern, stubbleMm: 1 } }, { distanceMm });
      if (pattern !== 'none') await savePng(img, `${ARTIFACTS}/hair-distance-${distanceMm}.png`);
      // The same patch of scalp around the vertex, about 12 mm across, whatever the distance.
      return meanLuminance(img, patch(img, distanceMm, 12, 12));
    };
    const darkening = async (d: number) => (await tone(d, 'none')) - (await tone(d, 'norwood-1'));
    const close = await darkening(60);
    const far = [await darkening(700), await darkening(2000)];
    const arm = await darkening(250);
    console.log(`hair darkening: 60 mm ${close.toFixed(4)}; 250 mm ×${(arm / close).toFixed(3)}; 700 mm ×${(far[0]! / close).toFixed(3)}; 2000 mm ×${(far[1]! / close).toFixed(3)}`);
    expect(close).toBeGreaterThan(0.05);
    for (const d of far) {
      expect(d / close).toBeGreaterThan(0.9);
      expect(d / close).toBeLessThan(1.12);
    }
    // Sub-pixel hairs at arm's length overlap less than resolved ones: a little darker, never lighter.
    expect(arm / close).toBeGreaterThan(0.95);
    expect(arm / close).toBeLessThan(1.25);
  });
});

describe("the client's hair today, in the panel", () => {
  // From 60 cm, where hair is drawn by its mean (a pixel covers over 0.4 mm of skin, five hairs' widths, at
  // any pixel ratio), so these tests draw at a fraction of a pixel: the picture is the same mean, in fewer pixels.
  const hairApp = hairPage(UI_PIXEL_RATIO);
  const frame = hairApp.frame;
  const plan = hairApp.plan;

  it('picks the pattern, the hair colour and the length in the panel, each one undo step; blond is lighter than black', async () => {
    const { page } = hairApp.app;
    await page.evaluate(() => window.smp!.setShowSmp(false));
    await frame({ hairLoss: { pattern: 'none' } }, { distanceMm: 600 });
    await page.locator('[data-hair-pattern="norwood-3v"]').click();
    expect((await plan()).hairLoss.pattern).toBe('norwood-3v');
    await expect.poll(() => page.getByTestId('hair-pattern-description').textContent()).toBe('Norwood 3 vertex: temples receded and a thinning crown.');
    await page.locator('[data-hair-pattern="norwood-1"]').click();
    await page.evaluate(() => window.smp!.undo());
    expect((await plan()).hairLoss.pattern).toBe('norwood-3v');
    await page.evaluate(() => window.smp!.redo());

    await page.getByTestId('hair-length').fill('3');
    expect((await plan()).hairLoss.stubbleMm).toBe(3);

    await page.locator(`[data-hair-color="black"]`).click();
    expect((await plan()).hairColor).toBe(BLACK);
    const black = await grabFrame(page);
    await page.locator(`[data-hair-color="blond"]`).click();
    expect((await plan()).hairColor).toBe(BLOND);
    const blond = await grabFrame(page);
    await savePng(black, `${ARTIFACTS}/hair-black.png`);
    await savePng(blond, `${ARTIFACTS}/hair-blond.png`);
    await page.evaluate(() => window.smp!.setPlan({ ...window.smp!.getPlan(), hairLoss: { pattern: 'none' } }));
    const bare = await grabFrame(page);
    const rect = centralRect(bare, 0.3);
    const [b, k, l] = [bare, black, blond].map((img) => meanLuminance(img, rect));
    console.log(`top at 600 mm, 3 mm hair: bare ${b!.toFixed(3)}, black ${k!.toFixed(3)}, blond ${l!.toFixed(3)}`);
    expect(l!).toBeGreaterThan(k! * 1.15);
    expect(l!).toBeLessThan(b!);
    await page.evaluate(() => window.smp!.undo());
    expect((await plan()).hairColor).toBe(BLOND);
    await page.evaluate(() => window.smp!.undo());
    expect((await plan()).hairColor).toBe(BLACK);
    await page.evaluate(() => window.smp!.undo());
    await page.evaluate(() => window.smp!.undo());
    expect((await plan()).hairLoss.stubbleMm).toBe(1);
  });

  it('paints hair in and out with the brush through the panel, one undo step per stroke', async () => {
    // From 60 cm: the map the brush paints is the same at every distance (the close-ups above check the
    // resolved hairs), and the drag draws a frame per move.
    const { page } = hairApp.app;
    await page.evaluate(() => window.smp!.setShowSmp(false));
    const drag = async () => {
      const box = (await page.locator('canvas').boundingBox())!;
      const y = box.y + box.height / 2;
      // Across the top of the head, pressed on the scalp (from 60 cm the head spans about a third to two thirds of the view).
      await page.mouse.move(box.x + box.width * 0.32, y);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * (0.32 + (0.36 * i) / 12), y);
      await page.mouse.up();
    };
    const band = (img: Image, y0: number, y1: number): Rect => ({ x0: Math.round(img.width * 0.35), x1: Math.round(img.width * 0.65), y0: Math.round(y0), y1: Math.round(y1) });
    const paintAndCheck = async (pattern: HairLossPattern, mode: 'up' | 'down') => {
      const before = await frame({ hairColor: BLACK, hairLoss: { pattern, stubbleMm: 3 } }, { distanceMm: 600 });
      const pastBefore = await page.evaluate(() => window.smp!.getPlan());
      await page.getByTestId('brush-hair').click();
      await page.locator(`[data-brush-mode="${mode}"]`).click();
      await page.getByTestId('brush-radius').fill('8');
      await page.getByLabel('Strength').fill('1');
      // The brush's ring (its own small material) is drawn once before counting: painting itself links nothing.
      const box = (await page.locator('canvas').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await grabFrame(page);
      hairApp.links = await shaderLinks(page);
      await drag();
      await page.getByTestId('brush-hair').click();
      const painted = await grabFrame(page);
      await savePng(painted, `${ARTIFACTS}/hair-painted-${mode}.png`);
      const strokes = (await plan()).hairLoss.strokes;
      expect(strokes).toHaveLength(1);
      expect(strokes[0]).toMatchObject({ mode, radiusMm: 8, amount: 1 });
      expect(strokes[0]!.points.length).toBeGreaterThan(5);
      const h = before.height;
      // Within about 3.5 mm of the stroke's centre line (the brush's radius is 8 mm).
      const along = band(before, h * 0.489, h * 0.511);
      // Between about 28 and 60 mm from it, still on the head.
      const above = band(before, h * 0.33, h * 0.42);
      const change = (r: Rect) => (meanLuminance(before, r) - meanLuminance(painted, r)) / meanLuminance(before, r);
      console.log(`${mode} on ${pattern}: darkening along the stroke ${change(along).toFixed(3)}, above it ${change(above).toFixed(4)}`);
      if (mode === 'up') expect(change(along)).toBeGreaterThan(0.1);
      else expect(change(along)).toBeLessThan(-0.1);
      expect(Math.abs(change(above))).toBeLessThan(0.002);
      // The whole drag is one undo step.
      await page.evaluate(() => window.smp!.undo());
      expect(await plan()).toEqual(pastBefore);
      expect(imageDifference(await grabFrame(page), before)).toBeLessThan(0.0005);
    };
    await paintAndCheck('norwood-7', 'up');
    await paintAndCheck('norwood-1', 'down');
  });
});
