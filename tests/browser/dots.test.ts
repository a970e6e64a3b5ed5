import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skinAlbedo, skinOpticsForTone } from '../../src/domain/appearance';
import { meanTransmittance } from '../../src/domain/dots/coverage';
import { dotKernel } from '../../src/domain/dots/kernel';
import { pcg3d, RANK_SALT } from '../../src/domain/dots/lattice';
import { MAX_DENSITY_FACTOR } from '../../src/domain/density/regions';
import { defaultPlan } from '../../src/domain/plan';
import { defaultSessions, sessionLayers } from '../../src/domain/sessions';
import { grabFrame, openApp, resizeView, savePng, type AppPage, type Image } from './harness';
import { blobAreas, darkeningMap, meanLuminance, type Rect } from './imageStats';

const ARTIFACTS = 'tests/artifacts';
/** Uniform deposits of undiluted ink: what the accuracy checks measure. */
const MEASURED = { sizeVariation: 0, softness: 0, opacity: 1, color: '#1c1a19' };
/** Saturating deposits: they take all the light the pigment can take (the sheen above it stays). */
const SOLID = { ...MEASURED, densityPerCm2: 200, diameterMm: 1.75, color: '#000000' };

/**
 * The share of the skin's diffuse light the planned deposits take on average, by the law the shader draws
 * (src/domain/dots/kernel.ts, coverage.ts), in luminance on the default skin, with the default sessions.
 */
function plannedShare(dots: { densityPerCm2: number; diameterMm: number }): number {
  const plan = defaultPlan();
  const optics = skinOpticsForTone(plan.skin.color);
  const kernel = dotKernel({ ...plan.dots, ...MEASURED, ...dots }, sessionLayers(defaultSessions(3)), optics, MAX_DENSITY_FACTOR);
  const t = meanTransmittance(kernel, 1 / MAX_DENSITY_FACTOR);
  const albedo = skinAlbedo(optics);
  const lum = (c: readonly number[]) => 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  return 1 - lum(albedo.map((a, i) => a * t[i]!)) / lum(albedo);
}

/** The marks: pixels darkened by more than `share` of the darkest mark's darkening. */
function markMask(map: Float32Array, share: number): Uint8Array {
  let peak = 0;
  for (const v of map) peak = Math.max(peak, v);
  return Uint8Array.from(map, (v) => (v > share * peak ? 1 : 0));
}

type View = { name: 'top' | 'back'; distanceMm: number };

/**
 * The measured region of the close-ups: 645 × 589 px at the centre, 70 % of a 1280 × 900 page's view each
 * way. Its pixels and what they show depend only on the view's height, not its width (the lens is 32° from
 * top to bottom), so the close-ups are drawn in a narrower view, with the same region in it.
 */
const MEASURED_PX = { width: 645, height: 589 };
const measuredRect = (img: Image): Rect => {
  const [x0, y0] = [Math.round((img.width - MEASURED_PX.width) / 2), Math.round((img.height - MEASURED_PX.height) / 2)];
  return { x0, y0, x1: x0 + MEASURED_PX.width, y1: y0 + MEASURED_PX.height };
};

// One page for the file: each test sets the view, the plan and the SMP's visibility it draws.
let app: AppPage;
/** The view's height on a 1280 × 900 page (px). */
let viewHeight = 0;
beforeAll(async () => {
  app = await openApp({ width: 1280, height: 900 });
  viewHeight = (await grabFrame(app.page)).height;
});
afterAll(async () => {
  await app.close();
});

describe('follicle dots', () => {
  beforeAll(async () => {
    // The panel keeps 320 px: the view is 650 px wide, as high as before.
    await resizeView(app.page, { width: 970, height: 900 });
  });

  async function frame(view: View, dots: object, showSmp = true, skin?: { color: string }): Promise<Image> {
    await app.page.evaluate(
      ({ view, plan, showSmp }) => {
        window.smp!.setView(view.name, { distanceMm: view.distanceMm });
        window.smp!.setPlan(plan);
        window.smp!.setShowSmp(showSmp);
      },
      { view, plan: skin ? { dots, skin } : { dots }, showSmp },
    );
    const img = await grabFrame(app.page);
    expect(img.height, 'as many pixels from top to bottom as on the 1280 × 900 page').toBe(viewHeight);
    return img;
  }

  // The references depend only on the view: each is drawn once per view, and only when a test needs it
  // (solid ink is slow to draw).
  const references = new Map<string, Image>();
  async function reference(view: View, kind: 'bare' | 'solid'): Promise<Image> {
    const key = `${kind} ${view.name}@${view.distanceMm}`;
    if (!references.has(key)) references.set(key, await frame(view, SOLID, kind === 'solid'));
    return references.get(key)!;
  }

  /** The deposits, and how much darker than the bare skin they make each pixel of the measured region. */
  async function measure(view: View, dots: object) {
    const bare = await reference(view, 'bare');
    const img = await frame(view, { ...MEASURED, ...dots });
    const rect = measuredRect(img);
    return { img, bare, rect, darkening: darkeningMap(img, bare, rect) };
  }

  /** The share of the light the pigment can take (all but the sheen above it) that these deposits take. */
  async function shareOfLight(view: View, dots: object) {
    const { img, bare, rect } = await measure(view, dots);
    const solid = await reference(view, 'solid');
    return { img, share: (meanLuminance(bare, rect) - meanLuminance(img, rect)) / (meanLuminance(bare, rect) - meanLuminance(solid, rect)) };
  }

  // The densest, most overlapping deposits and the largest, sparsest; tests/unit/dots.test.ts checks the CPU
  // twin of the placement (which the hash test below ties to the GPU's) against the law at 100/cm², 0.5 mm
  // and 40/cm², 1 mm too.
  it.each([
    [150, 0.4],
    [25, 1.5],
  ])('takes the share of light the pigment law predicts at %i/cm² and %f mm, resolved deposits (within 10%)', async (densityPerCm2, diameterMm) => {
    const shares: number[] = [];
    for (const view of [{ name: 'top', distanceMm: 70 }, { name: 'back', distanceMm: 70 }] as View[]) {
      const { img, share } = await shareOfLight(view, { densityPerCm2, diameterMm });
      await savePng(img, `${ARTIFACTS}/dots-${densityPerCm2}-${diameterMm}-${view.name}.png`);
      shares.push(share);
    }
    const measured = (shares[0]! + shares[1]!) / 2;
    const planned = plannedShare({ densityPerCm2, diameterMm });
    expect(measured / planned, `measured ${measured.toFixed(4)} vs planned ${planned.toFixed(4)}`).toBeGreaterThan(0.9);
    expect(measured / planned).toBeLessThan(1.1);
  });

  it('hashes lattice cells on the GPU exactly as the CPU twin does (shaders/hash.glsl, lattice.ts)', async () => {
    // Negative cells too: the shaders hash uvec3(ivec3(cell)), the CPU the same cell as unsigned lanes.
    const cells: [number, number, number][] = [[0, 0, 0], [1, 2, 3], [-1, 7, -12], [1000, -2000, 30000], [2147483647, -2147483647, -1]];
    const gpu = await app.page.evaluate(
      ({ hashGlsl, cells }) => {
        // Each row hashes one cell: pixel 0 holds pcg3d(cell), pixel 1 that hash salted with RANK_SALT.
        const gl = document.createElement('canvas').getContext('webgl2');
        if (!gl) throw new Error('no WebGL2');
        const program = gl.createProgram();
        const sources: [number, string][] = [
          [gl.VERTEX_SHADER, '#version 300 es\nvoid main() { gl_Position = vec4(vec2(gl_VertexID & 1, gl_VertexID >> 1) * 4.0 - 1.0, 0.0, 1.0); }'],
          [
            gl.FRAGMENT_SHADER,
            `#version 300 es\nprecision highp float;\nprecision highp int;\n${hashGlsl}\n` +
              `const uvec3 CELLS[${cells.length}] = uvec3[${cells.length}](${cells.map((c) => `uvec3(ivec3(${c.join(', ')}))`).join(', ')});\n` +
              'out uvec4 hashed;\nvoid main() {\n  ivec2 p = ivec2(gl_FragCoord.xy);\n  uvec3 h = pcg3d(CELLS[p.y]);\n  hashed = uvec4(p.x == 0 ? h : pcg3d(h ^ RANK_SALT), 0u);\n}\n',
          ],
        ];
        for (const [type, source] of sources) {
          const shader = gl.createShader(type)!;
          gl.shaderSource(shader, source);
          gl.compileShader(shader);
          if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader) ?? 'shader did not compile');
          gl.attachShader(program, shader);
        }
        gl.linkProgram(program);
        if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program) ?? 'program did not link');
        const target = gl.createTexture();
        gl.bindTexture(gl.TEXTURE_2D, target);
        gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA32UI, 2, cells.length);
        gl.bindFramebuffer(gl.FRAMEBUFFER, gl.createFramebuffer());
        gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, target, 0);
        gl.viewport(0, 0, 2, cells.length);
        gl.useProgram(program);
        gl.drawArrays(gl.TRIANGLES, 0, 3);
        const out = new Uint32Array(2 * cells.length * 4);
        gl.readPixels(0, 0, 2, cells.length, gl.RGBA_INTEGER, gl.UNSIGNED_INT, out);
        gl.getExtension('WEBGL_lose_context')?.loseContext();
        return cells.map((_, row) => [Array.from(out.subarray(8 * row, 8 * row + 3)), Array.from(out.subarray(8 * row + 4, 8 * row + 7))]);
      },
      { hashGlsl: readFileSync(new URL('../../shaders/hash.glsl', import.meta.url), 'utf8'), cells },
    );
    const cpu = cells.map(([i, j, k]) => {
      const h = pcg3d(i >>> 0, j >>> 0, k >>> 0);
      return [h, pcg3d(h[0] ^ RANK_SALT[0], h[1] ^ RANK_SALT[1], h[2] ^ RANK_SALT[2])];
    });
    expect(gpu).toEqual(cpu);
  });

  it('draws a smaller deposit as a smaller mark, widened by the skin', async () => {
    const view: View = { name: 'top', distanceMm: 60 };
    // The mark's width at half its darkest darkening, averaged over isolated marks.
    const width = async (diameterMm: number) => {
      const { darkening, rect } = await measure(view, { densityPerCm2: 12, diameterMm });
      const areas = blobAreas(markMask(darkening, 0.5), rect.x1 - rect.x0);
      expect(areas.length).toBeGreaterThan(40);
      const meanArea = areas.reduce((a, b) => a + b, 0) / areas.length;
      return 2 * Math.sqrt(meanArea / Math.PI);
    };
    const ratio = (await width(0.4)) / (await width(0.8));
    console.log(`mark width 0.4 mm / 0.8 mm deposit: ${ratio.toFixed(3)}`);
    // Smaller, but more than half: light scattered in the skin widens every mark by about the same.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(0.9);
  });

  it('doubles the darkening when the density is doubled, at low density where marks rarely overlap', async () => {
    const view: View = { name: 'top', distanceMm: 110 };
    // Soft marks seen through the skin touch and merge, so counting blobs says little; the share of light the
    // pigment takes, 1 − exp(−n·A), is nearly proportional to n while n·A is small.
    const taken = async (densityPerCm2: number) => {
      const { darkening } = await measure(view, { densityPerCm2, diameterMm: 0.35 });
      return darkening.reduce((sum, v) => sum + v, 0) / darkening.length;
    };
    const [d10, d20] = [await taken(10), await taken(20)];
    console.log(`darkening at 10 and 20 dots/cm²: ${d10.toFixed(4)}, ${d20.toFixed(4)} (×${(d20 / d10).toFixed(3)})`);
    expect(d10).toBeGreaterThan(0.002);
    expect(d20 / d10).toBeGreaterThan(1.8);
    expect(d20 / d10).toBeLessThan(2.05);
  });

  it('keeps the scalp tone from close up to 2 m away (dots fade to their mean coverage)', async () => {
    // A mid skin tone (between Monk 5 and 6); tests/browser/appearance.test.ts checks Monk 1, 3, 6 and 9.
    const tone = async (distanceMm: number, dots: object, showSmp: boolean) => {
      const img = await frame({ name: 'top', distanceMm }, dots, showSmp, { color: '#b8956b' });
      if (showSmp) await savePng(img, `${ARTIFACTS}/distance-${distanceMm}.png`);
      // The same patch of scalp around the vertex, about 12 mm across, whatever the distance.
      const pxPerMm = img.height / (2 * distanceMm * Math.tan((32 / 2) * (Math.PI / 180)));
      const half = Math.max(3, Math.round(6 * pxPerMm));
      const cx = Math.round(img.width / 2);
      const cy = Math.round(img.height / 2);
      return meanLuminance(img, { x0: cx - half, y0: cy - half, x1: cx + half, y1: cy + half });
    };
    const distances = [250, 700, 2000];
    // The plan as a client would see it: the mean tone must hold within 10% at every distance.
    const dots = { densityPerCm2: 100, diameterMm: 0.5, sizeVariation: 0.3, softness: 0.2, opacity: 0.9, color: '#2e2a28' };
    const close = await tone(60, dots, true);
    const tones: number[] = [];
    for (const d of distances) tones.push((await tone(d, dots, true)) / close);
    // The darkening the dots add, with faint ink (no dark pixels in the curve's toe): held within 15%.
    const faint = { ...dots, opacity: 0.3 };
    const closeDarkening = (await tone(60, faint, false)) - (await tone(60, faint, true));
    const darkening: number[] = [];
    for (const d of distances) darkening.push(((await tone(d, faint, false)) - (await tone(d, faint, true))) / closeDarkening);
    const report = distances.map((d, i) => `${d} mm: tone ${tones[i]!.toFixed(3)}, darkening ${darkening[i]!.toFixed(3)}`).join('; ');
    for (let i = 0; i < distances.length; i++) {
      expect(tones[i], report).toBeGreaterThan(0.9);
      expect(tones[i], report).toBeLessThan(1.1);
      expect(darkening[i], report).toBeGreaterThan(0.85);
      expect(darkening[i], report).toBeLessThan(1.15);
    }
  }, 480_000); // Twelve pictures, three of them close-ups that resolve every deposit: slow on SwiftShader.
});

describe('where dots go', () => {
  beforeAll(async () => {
    // The whole head at the page's own size: how large a pixel is decides whether deposits are drawn one by one.
    await resizeView(app.page, { width: 1280, height: 900 });
  });

  /** Pixels that change when SMP is switched on, with solid black pigment so that any dot shows. */
  async function smpPixels(view: 'front' | 'left' | 'back' | 'top'): Promise<{ changed: (x: number, y: number) => boolean; img: Image }> {
    await app.page.evaluate((v) => {
      window.smp!.setView(v);
      window.smp!.setPlan({ dots: { ...{ densityPerCm2: 200, diameterMm: 1.75, sizeVariation: 0, softness: 0, opacity: 1, color: '#000000' } } });
      window.smp!.setShowSmp(false);
    }, view);
    const bare = await grabFrame(app.page);
    await app.page.evaluate(() => window.smp!.setShowSmp(true));
    const img = await grabFrame(app.page);
    await savePng(img, `${ARTIFACTS}/treatment-area-${view}.png`);
    const changed = (x: number, y: number) => {
      const i = (Math.round(y) * img.width + Math.round(x)) * 4;
      return Math.abs(img.data[i]! - bare.data[i]!) + Math.abs(img.data[i + 1]! - bare.data[i + 1]!) + Math.abs(img.data[i + 2]! - bare.data[i + 2]!) > 6;
    };
    return { changed, img };
  }

  const screen = (p: readonly [number, number, number]) => app.page.evaluate((q) => window.smp!.toScreen(q), p as [number, number, number]);

  it('covers the scalp but never the face', async () => {
    const lm = await app.page.evaluate(() => window.smp!.getLandmarks());
    const { changed } = await smpPixels('front');
    const left = await screen(lm.leftLateralCanthus);
    const right = await screen(lm.rightLateralCanthus);
    const glabella = await screen(lm.glabella);
    const menton = await screen(lm.menton);
    const vertexArea = await screen([lm.vertex[0], lm.vertex[1] - 3, lm.vertex[2] + 20]);
    expect(changed(vertexArea.x, vertexArea.y), 'the top of the head is treated').toBe(true);
    let faceChanges = 0;
    for (let y = glabella.y; y <= menton.y; y += 2) {
      for (let x = Math.min(left.x, right.x); x <= Math.max(left.x, right.x); x += 2) if (changed(x, y)) faceChanges++;
    }
    expect(faceChanges).toBe(0);
  });

  it('leaves the ears and the neck bare', async () => {
    const lm = await app.page.evaluate(() => window.smp!.getLandmarks());
    const { changed } = await smpPixels('left');
    const t = lm.leftTragus;
    const ear: [number, number, number][] = [];
    for (let dy = -20; dy <= 20; dy += 2) for (let dz = -15; dz <= 0; dz += 2) ear.push([t[0], t[1] + dy, t[2] + dz]);
    const neck: [number, number, number][] = [];
    for (let y = -150; y <= -90; y += 5) for (let z = -40; z <= 40; z += 5) neck.push([t[0], y, z]);
    // Every point in one call: a round trip to the page for each would cost seconds.
    const onScreen = await app.page.evaluate((points) => points.map((p) => window.smp!.toScreen(p)), [...ear, ...neck]);
    const earChanges = onScreen.slice(0, ear.length).filter((p) => changed(p.x, p.y)).length;
    expect(earChanges, 'pixels of the ear that got dots').toBe(0);
    const neckChanges = onScreen.slice(ear.length).filter((p) => changed(p.x, p.y)).length;
    expect(neckChanges, 'pixels of the neck that got dots').toBe(0);
  });
});
