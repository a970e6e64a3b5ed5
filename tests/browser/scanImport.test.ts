/**
 * Head scan import (#7): scans the test makes itself from the default head (re-meshed, turned, moved and
 * written in another unit) in every format, through `window.smp.importHead` and through the step 1 panel;
 * bad files; storage with the plan; and the plan's features on an imported scan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { Landmarks, Vec3 } from '../../src/domain/head/landmarks';
import type { ScanFile } from '../../src/domain/scan/scanMesh';
import { cubeSphereMesh, loadDefaultHead } from '../unit/fixtures';
import { writeScanGlb, writeScanObj, writeScanPly, writeScanStl } from '../support/scanFiles';
import { FORMAT_CASES, rotation, scanOfDefaultHead } from '../support/placedHead';
import { axeViolations, drawSmallPictures, foregroundFraction, grabFrame, openApp, savePng, UI_PIXEL_RATIO, type AppPage } from './harness';

const BACKGROUND: [number, number, number] = [233, 236, 239];

/** Hands files to the page through a file input of its own (as a picker would), ready for `importHead`. */
async function giveFiles(page: Page, files: ScanFile[]): Promise<void> {
  await page.evaluate(() => {
    if (document.getElementById('test-files')) return;
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.id = 'test-files';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#test-files', files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
}

/** `window.smp.importHead` with the files given; the Error's message, or null when it resolved. */
async function importHead(page: Page, files: ScanFile[], options?: object): Promise<string | null> {
  await giveFiles(page, files);
  return page.evaluate(async (opts) => {
    const input = document.getElementById('test-files') as HTMLInputElement;
    try {
      await window.smp!.importHead([...input.files!], opts as never);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, options);
}

const getHead = (page: Page) => page.evaluate(() => window.smp!.getHead());
const distance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('head scan import', () => {
  let app: AppPage;
  const reference = loadDefaultHead();
  let defaultArea = 0;

  beforeAll(async () => {
    // The checks read the head, the panel and shares of colour or mean tones, none of which needs every
    // pixel: the page (and the tabs opened in its profile) draws at a quarter of a pixel per CSS pixel.
    app = await openApp({ deviceScaleFactor: UI_PIXEL_RATIO });
    defaultArea = (await app.page.evaluate(() => window.smp!.getMeasurements())).treatedAreaCm2;
  });
  afterAll(async () => {
    await app.close();
  });

  // Every format, unit and turn is read and aligned in node (tests/unit/scanImport.test.ts); the page reads
  // two of them through its worker, a single file and one with a companion, and measures the plan on them.
  const cases = FORMAT_CASES.filter((c) => c.format === 'glb' || c.format === 'gltf');
  for (const c of cases) {
    it(`aligns the default head written as ${c.name}`, async () => {
      const { mesh } = scanOfDefaultHead(c.placement, 30_000, c.colors);
      expect(await importHead(app.page, c.files(mesh))).toBeNull();
      const head = await getHead(app.page);
      expect(head.kind).toBe('scan');
      expect(head.scale?.unit).toBe(c.unit);
      // The scan is the default head: aligned, its landmarks are the default head's.
      for (const name of ['glabella', 'vertex', 'leftTragus', 'rightTragus'] as const) {
        expect(distance(head.landmarks[name], reference.landmarks[name]), name).toBeLessThan(6);
      }
      // Everything is measured on the scan as on the default head.
      const measured = await app.page.evaluate(() => window.smp!.getMeasurements());
      expect(measured.treatedAreaCm2 / defaultArea).toBeGreaterThan(0.96);
      expect(measured.treatedAreaCm2 / defaultArea).toBeLessThan(1.04);
    });
  }

  it('shows a textured scan in its own colours', async () => {
    const { mesh } = scanOfDefaultHead({ rotation: rotation([0, 1, 0], 0), scale: 1, translation: [0, 0, 0] }, 30_000, false);
    // A cylindrical projection onto a two-colour image: blue above the brows, skin below.
    const uvs = new Float32Array((mesh.positions.length / 3) * 2);
    for (let v = 0; v < uvs.length / 2; v++) {
      const [x, y, z] = [mesh.positions[3 * v]!, mesh.positions[3 * v + 1]!, mesh.positions[3 * v + 2]!];
      uvs[2 * v] = 0.5 + Math.atan2(x, z) / (2 * Math.PI);
      uvs[2 * v + 1] = Math.min(1, Math.max(0, 0.5 - (y - 45) / 400));
    }
    const image = new PNG({ width: 64, height: 64 });
    for (let i = 0; i < 64 * 64; i++) image.data.set(i < 32 * 64 ? [48, 80, 200, 255] : [224, 185, 160, 255], 4 * i);
    const texture = { bytes: new Uint8Array(PNG.sync.write(image)), mimeType: 'image/png' };
    expect(await importHead(app.page, [{ name: 'textured.glb', bytes: writeScanGlb({ ...mesh, uvs, texture }) }])).toBeNull();
    await app.page.evaluate(() => window.smp!.setShowSmp(false));
    await app.page.evaluate(() => window.smp!.setView('front'));
    await app.page.evaluate(() => window.smp!.whenRendered());
    const frame = await grabFrame(app.page);
    await app.page.evaluate(() => window.smp!.setShowSmp(true));
    await savePng(frame, 'tests/artifacts/scan-textured.png');
    let blue = 0, skin = 0;
    for (let i = 0; i < frame.data.length; i += 4) {
      const [r, g, b] = [frame.data[i]!, frame.data[i + 1]!, frame.data[i + 2]!];
      if (b > r + 40 && b > g + 30) blue++;
      else if (r > b + 30) skin++;
    }
    const pixels = frame.width * frame.height;
    expect(blue / pixels).toBeGreaterThan(0.05);
    expect(skin / pixels).toBeGreaterThan(0.05);
  });

  it('takes the landmarks a page gives in the file’s coordinates', async () => {
    const placement = { rotation: rotation([0.2, 0.1, 1], 35), scale: 0.01, translation: [1, 2, 3] as Vec3 };
    const { mesh, landmarks } = scanOfDefaultHead(placement);
    // Units the size fits none of (1 unit = 3.3 mm): the measurement sets the size.
    const odd = { ...mesh, positions: mesh.positions.map((v) => v * 3.03) };
    const given = Object.fromEntries(['glabella', 'vertex', 'leftTragus', 'rightTragus'].map((n) => [n, landmarks[n as keyof Landmarks].map((v) => v * 3.03)]));
    const error = await importHead(app.page, [{ name: 'odd.glb', bytes: writeScanGlb(odd) }], { landmarks: given, measurement: { kind: 'tragusDistance', mm: distance(reference.landmarks.leftTragus, reference.landmarks.rightTragus) } });
    expect(error).toBeNull();
    const head = await getHead(app.page);
    for (const name of ['glabella', 'vertex', 'leftTragus', 'rightTragus'] as const) {
      expect(distance(head.landmarks[name], reference.landmarks[name]), name).toBeLessThan(1.5);
    }
    expect(head.scale?.measurement?.kind).toBe('tragusDistance');
  });

  it('rejects bad files with a clear message and keeps the head and plan', async () => {
    await app.page.evaluate(() => window.smp!.useDefaultHead());
    await app.page.evaluate(() => window.smp!.setPlan({ dots: { densityPerCm2: 77 } }));
    const plan = await app.page.evaluate(() => window.smp!.getPlan());
    const sphere = cubeSphereMesh(30, [90, 90, 90]);
    const bad: [string, ScanFile[], RegExp][] = [
      ['an empty file', [{ name: 'empty.stl', bytes: new Uint8Array(0) }], /empty/i],
      ['a truncated GLB', [{ name: 'cut.glb', bytes: writeScanGlb(scanOfDefaultHead({ rotation: rotation([1, 0, 0], 0), scale: 1, translation: [0, 0, 0] }).mesh).slice(0, 5000) }], /damaged|truncated|corrupt|short/i],
      ['random bytes', [{ name: 'noise.ply', bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251) }], /PLY/i],
      ['an unknown format', [{ name: 'head.fbx', bytes: new Uint8Array(100) }], /glb|obj|ply|stl/i],
      ['a sphere (not a head)', [{ name: 'ball.stl', bytes: writeScanStl({ positions: sphere.positions, indices: sphere.indices }, 'binary') }], /does not look like a head/i],
    ];
    // Options a page gets wrong are refused before anything is read.
    const good = [{ name: 'head.glb', bytes: writeScanGlb(scanOfDefaultHead({ rotation: rotation([1, 0, 0], 0), scale: 1, translation: [0, 0, 0] }, 5_000, false).mesh) }];
    expect(await importHead(app.page, good, { landmarks: { glabella: [0, 0, 1], leftTragus: [1, 0, 0], rightTragus: [-1, 0, 0] } })).toMatch(/needs at least .*missing vertex/);
    expect(await importHead(app.page, good, { landmarks: { glabella: [0, 0, 1], vertex: [0, 1, 0], leftTragus: [1, 0, 0], rightTragus: [-1, 0, 0], chin: [0, -1, 0] } })).toMatch(/unknown landmark "chin"/);
    expect(await importHead(app.page, good, { landmarks: { glabella: [0, 0], vertex: [0, 1, 0], leftTragus: [1, 0, 0], rightTragus: [-1, 0, 0] } })).toMatch(/glabella must be \[x, y, z\]/);
    expect(await importHead(app.page, good, { measurement: { kind: 'circumference', mm: 5 } })).toMatch(/not plausible/);
    for (const [what, files, message] of bad) {
      const error = await importHead(app.page, files);
      expect(error, what).toMatch(message);
      expect((await getHead(app.page)).kind, what).toBe('default');
      expect(await app.page.evaluate(() => window.smp!.getPlan()), what).toEqual(plan);
    }
  });

  it('offers to simplify a scan of millions of triangles, without freezing the page', async () => {
    // Built in the page (a 100 MB file is too much to pass in): the default head, each triangle split in 16.
    const result = await app.page.evaluate(async () => {
      const bytes = new Uint8Array(await (await fetch('models/head.glb')).arrayBuffer());
      const view = new DataView(bytes.buffer);
      const jsonLength = view.getUint32(12, true);
      const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength)));
      const bin = 20 + jsonLength + 8;
      const skin = json.meshes[json.nodes.find((n: { name: string }) => n.name === 'Skin').mesh].primitives[0];
      const accessor = (i: number) => {
        const a = json.accessors[i];
        const v = json.bufferViews[a.bufferView];
        const start = bin + (v.byteOffset ?? 0) + (a.byteOffset ?? 0);
        const n = a.count * (a.type === 'VEC3' ? 3 : 1);
        const slice = bytes.slice(start, start + n * (a.componentType === 5123 ? 2 : 4));
        return a.componentType === 5126 ? new Float32Array(slice.buffer) : a.componentType === 5123 ? Uint32Array.from(new Uint16Array(slice.buffer)) : new Uint32Array(slice.buffer);
      };
      const p = accessor(skin.attributes.POSITION) as Float32Array;
      const idx = accessor(skin.indices) as Uint32Array;
      const parts = 4; // each triangle into 4 × 4 = 16
      const count = (idx.length / 3) * parts * parts;
      const stl = new Uint8Array(84 + 50 * count);
      const out = new DataView(stl.buffer);
      out.setUint32(80, count, true);
      let o = 84;
      const corner = (t: number, a: number, b: number) => {
        const i0 = 3 * idx[3 * t]!, i1 = 3 * idx[3 * t + 1]!, i2 = 3 * idx[3 * t + 2]!;
        const w0 = 1 - (a + b) / parts, w1 = a / parts, w2 = b / parts;
        return [0, 1, 2].map((c) => w0 * p[i0 + c]! + w1 * p[i1 + c]! + w2 * p[i2 + c]!);
      };
      const put = (q: number[][]) => {
        o += 12;
        for (const v of q) {
          for (const c of v) {
            out.setFloat32(o, c, true);
            o += 4;
          }
        }
        o += 2;
      };
      for (let t = 0; t < idx.length / 3; t++) {
        for (let a = 0; a < parts; a++) {
          for (let b = 0; a + b < parts; b++) {
            put([corner(t, a, b), corner(t, a + 1, b), corner(t, a, b + 1)]);
            if (a + b + 2 <= parts) put([corner(t, a + 1, b), corner(t, a + 1, b + 1), corner(t, a, b + 1)]);
          }
        }
      }
      const file = new File([stl], 'dense.stl');
      // The longest gap between timer ticks while the scan is read: a frozen page would show seconds.
      let last = performance.now(), longest = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 20);
      let refused = '';
      try {
        await window.smp!.importHead(file);
      } catch (error) {
        refused = (error as Error).message;
      }
      const readGap = longest;
      await window.smp!.importHead(file, { simplify: true });
      clearInterval(timer);
      return { triangles: count, refused, readGap, head: window.smp!.getHead() };
    });
    expect(result.triangles).toBeGreaterThan(1_000_000);
    expect(result.refused).toMatch(/simplify/i);
    expect(result.readGap).toBeLessThan(1000);
    expect(result.head.kind).toBe('scan');
    expect(result.head.triangles).toBeLessThan(300_000);
    for (const name of ['glabella', 'vertex', 'leftTragus', 'rightTragus'] as const) {
      expect(distance(result.head.landmarks[name], reference.landmarks[name]), name).toBeLessThan(6);
    }
  });

  it('imports through step 1: suggested landmarks, a landmark moved by a click, a measured size', async () => {
    const { page } = app;
    await page.evaluate(() => window.smp!.useDefaultHead());
    await page.getByRole('tab', { name: /Head/ }).click();
    const placement = { rotation: rotation([0, 1, 0], 60), scale: 0.001, translation: [0, 0, 0] as Vec3 };
    const { mesh } = scanOfDefaultHead(placement);
    await page.getByTestId('scan-file-input').setInputFiles([{ name: 'client.glb', mimeType: 'model/gltf-binary', buffer: Buffer.from(writeScanGlb(mesh)) }]);
    const panel = page.getByTestId('scan-alignment');
    await panel.waitFor({ timeout: 60_000 });
    await page.evaluate(() => window.smp!.whenRendered());
    await savePng(await grabFrame(page), 'tests/artifacts/scan-landmarks.png');
    // The scan is shown for checking; the plan's head is unchanged until "Use this head".
    expect((await getHead(page)).kind).toBe('default');
    await expect.poll(() => panel.getByTestId('scan-scale').textContent()).toMatch(/metres/);
    await page.screenshot({ path: 'tests/artifacts/scan-alignment-panel.png', scale: 'css' });
    expect(await axeViolations(page)).toEqual([]);

    // Move the left tragus 4 mm up by clicking there.
    await page.getByTestId('landmark-leftTragus').click();
    const target: Vec3 = [reference.landmarks.leftTragus[0], reference.landmarks.leftTragus[1] + 4, reference.landmarks.leftTragus[2]];
    await page.evaluate((p) => window.smp!.setView('left', {}) ?? p, target);
    await page.evaluate(() => window.smp!.whenRendered());
    const at = await page.evaluate((p) => window.smp!.toScreen(p), target);
    const box = (await page.locator('canvas').boundingBox())!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await expect.poll(() => page.getByTestId('landmark-leftTragus').textContent()).toMatch(/placed by you/);

    // The client's circumference, 4 % more than the scan's: the scan grows to match.
    const onScan = Number((await panel.getByTestId('scan-scale').textContent())!.match(/circumference ([\d.]+) mm/)![1]);
    await page.getByTestId('scan-measurement-kind').selectOption('circumference');
    await page.getByTestId('scan-measurement-value').fill(String(Math.round(onScan * 1.04)));
    await page.getByTestId('scan-measurement-apply').click();
    await expect.poll(() => panel.getByTestId('scan-scale').textContent()).toMatch(/Sized by your measurement/);
    const grown = Number((await panel.getByTestId('scan-scale').textContent())!.match(/circumference ([\d.]+) mm/)![1]);
    expect(Math.abs(grown - onScan * 1.04)).toBeLessThan(3);

    // An absurd measurement is refused with a message; the size stays.
    await page.getByTestId('scan-measurement-value').fill('5000');
    await page.getByTestId('scan-measurement-apply').click();
    await expect.poll(() => page.getByTestId('scan-error').textContent()).toMatch(/not plausible/);

    await page.getByTestId('scan-confirm').click();
    await expect.poll(async () => (await getHead(page)).kind).toBe('scan');
    const head = await getHead(page);
    expect(head.name).toBe('client.glb');
    expect(head.scale?.measurement?.kind).toBe('circumference');
    // The head frame runs through the tragi: raising the left one 4 mm rolls the scan, so its vertex leaves
    // the midline (by about 130 mm × 4 / 150 ≈ 3.5 mm).
    expect(Math.abs(head.landmarks.vertex[0])).toBeGreaterThan(1.5);
    await page.evaluate(() => window.smp!.setView('three-quarter'));
    await page.evaluate(() => window.smp!.whenRendered());
    const frame = await grabFrame(page);
    await savePng(frame, 'tests/artifacts/scan-in-use.png');
    expect(foregroundFraction(frame, BACKGROUND)).toBeGreaterThan(0.1);
    expect(app.errors).toEqual([]);
  });

  it('takes a scan dropped on the window to step 1, and Cancel leaves the head as it was', async () => {
    const { page } = app;
    await page.evaluate(() => window.smp!.useDefaultHead());
    const { mesh } = scanOfDefaultHead({ rotation: rotation([1, 0, 0], -90), scale: 1, translation: [0, 0, 0] }, 20_000, false);
    await giveFiles(page, [{ name: 'dropped.stl', bytes: writeScanStl(mesh, 'binary') }]);
    await page.evaluate(() => {
      const data = new DataTransfer();
      for (const file of (document.getElementById('test-files') as HTMLInputElement).files!) data.items.add(file);
      const target = document.querySelector('.stage')!;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    });
    await page.getByTestId('scan-alignment').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('tab', { name: /Head/ }).getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('scan-cancel').click();
    await page.getByTestId('import-scan').waitFor();
    expect((await getHead(page)).kind).toBe('default');
  });

  it('keeps the scan with its plan: a reload brings it back, one click switches to the default head and back', async () => {
    const { page } = app;
    const { mesh } = scanOfDefaultHead({ rotation: rotation([0, 0, 1], 10), scale: 1, translation: [0, 0, 0] });
    expect(await importHead(page, [{ name: 'kept.ply', bytes: writeScanPly(mesh, 'binary_little_endian') }])).toBeNull();
    await page.evaluate(() => window.smp!.flushAutosave());
    const tab = await openApp({ context: app.context });
    try {
      await expect.poll(async () => (await getHead(tab.page)).name).toBe('kept.ply');
      await tab.page.getByRole('tab', { name: /Head/ }).click();
      await tab.page.getByTestId('use-default-head').click();
      await expect.poll(async () => (await getHead(tab.page)).kind).toBe('default');
      await tab.page.getByTestId('use-scan').click();
      await expect.poll(async () => (await getHead(tab.page)).kind).toBe('scan');
      await tab.page.getByTestId('use-default-head').click();
      await expect.poll(async () => (await getHead(tab.page)).kind).toBe('default');
      await tab.page.evaluate(() => window.smp!.flushAutosave());
    } finally {
      await tab.close();
    }
    const again = await openApp({ context: app.context });
    try {
      // The choice of head is kept with the plan too; the scan is still there to go back to.
      expect((await getHead(again.page)).kind).toBe('default');
      await again.page.getByRole('tab', { name: /Head/ }).click();
      await expect.poll(() => again.page.getByTestId('use-scan').textContent()).toMatch(/kept\.ply/);
      // The saved plans list which plan has a scan.
      await again.page.getByTestId('plans-button').click();
      await expect.poll(() => again.page.getByTestId('plan-head-scan').first().textContent()).toBe('Head scan: kept.ply');
    } finally {
      await again.close();
    }
  });

  it('plans on the scan as on the default head: dots, hairline, density, hair loss, scars and the report', async () => {
    const { page } = app;
    const { mesh } = scanOfDefaultHead({ rotation: rotation([1, 0.2, 0], 75), scale: 0.1, translation: [3, 3, 3] });
    expect(await importHead(page, writeScanObj(mesh, 'features'))).toBeNull();
    await page.evaluate(() => window.smp!.setPlan({}));
    const base = await page.evaluate(() => window.smp!.getMeasurements());
    await page.evaluate(() => window.smp!.setPlan({ hairline: { age: 'juvenile', shape: 'straight' } }));
    const juvenile = await page.evaluate(() => window.smp!.getMeasurements());
    // A juvenile hairline sits lower: a larger treated area.
    expect(juvenile.treatedAreaCm2).toBeGreaterThan(base.treatedAreaCm2 + 10);
    expect(juvenile.hairlineHeightMm).toBeLessThan(base.hairlineHeightMm - 5);
    await page.evaluate(() =>
      window.smp!.setPlan({
        hairLoss: { pattern: 'norwood-4' },
        density: { regions: { crown: 1.4 } },
        scars: [{ id: 'strip', kind: 'fut' }],
      }),
    );
    const measured = await page.evaluate(() => window.smp!.getMeasurements());
    expect(measured.scars).toHaveLength(1);
    expect(measured.scars![0]!.areaCm2).toBeGreaterThan(1);
    await page.evaluate(() => window.smp!.setView('top', { distanceMm: 80 }));
    await page.evaluate(() => window.smp!.whenRendered());
    const withSmp = await grabFrame(page);
    await page.evaluate(() => window.smp!.setShowSmp(false));
    await page.evaluate(() => window.smp!.whenRendered());
    const without = await grabFrame(page);
    await page.evaluate(() => window.smp!.setShowSmp(true));
    await savePng(withSmp, 'tests/artifacts/scan-dots-top.png');
    // The dots darken the scalp on the scan.
    const mean = (img: typeof withSmp) => img.data.reduce((sum, v, i) => (i % 4 === 3 ? sum : sum + v), 0) / img.data.length;
    expect(mean(withSmp)).toBeLessThan(mean(without) - 3);
    // The report draws its pictures of the scan without an error; their detail is not looked at.
    await drawSmallPictures(page);
    await page.evaluate(() => window.smp!.openReport());
    await page.evaluate(() => window.smp!.closeReport());
    expect(app.errors).toEqual([]);
  });
});
