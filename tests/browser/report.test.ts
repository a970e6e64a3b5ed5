import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { drawSmallPictures, grabFrame, imageDifference, luminance, openApp, savePng, type AppPage, type Image, showStep, UI_PIXEL_RATIO } from './harness';
import { centralRect, meanLuminance, type Rect } from './imageStats';

const ARTIFACTS = 'tests/artifacts';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function decodePng(bytes: Buffer): Image {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'a PNG file').toBe(true);
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

function decodeDataUrl(url: string): Image {
  expect(url.startsWith('data:image/png;base64,')).toBe(true);
  return decodePng(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
}

/** The spread of luminance in a region (90th minus 10th percentile): a blank or flat picture has none. */
function luminanceSpread(img: Image, r: Rect): number {
  const values: number[] = [];
  for (let y = r.y0; y < r.y1; y += 2) for (let x = r.x0; x < r.x1; x += 2) values.push(luminance(img, x, y));
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length * 0.9)]! - values[Math.floor(values.length * 0.1)]!;
}

/** Mean luminance (of the sRGB values, as seen) of each cell of an n × n grid over the centre of a picture: the picture shrunk to n × n. */
function centreGrid(img: Image, n: number): number[] {
  const centre = centralRect(img, 0.6);
  const cells: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x0 = centre.x0 + Math.round(((centre.x1 - centre.x0) * i) / n);
      const y0 = centre.y0 + Math.round(((centre.y1 - centre.y0) * j) / n);
      const x1 = centre.x0 + Math.round(((centre.x1 - centre.x0) * (i + 1)) / n);
      const y1 = centre.y0 + Math.round(((centre.y1 - centre.y0) * (j + 1)) / n);
      let sum = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += luminance(img, x, y);
      cells.push(sum / ((x1 - x0) * (y1 - y0)));
    }
  }
  return cells;
}

const exportImage = (page: Page, options?: Record<string, unknown>) => page.evaluate((o) => window.smp!.exportImage(o as never), options);
const exportError = (page: Page, options: unknown) =>
  page.evaluate((o) => window.smp!.exportImage(o as never).then(() => 'resolved', (e: Error) => e.message), options);

/**
 * One page for the file, with small frames on screen: exports and the report's pictures are drawn offscreen
 * at their own size (an export at twice the canvas is compared with the canvas, whatever its size).
 */
let app: AppPage;
beforeAll(async () => {
  app = await openApp({ deviceScaleFactor: UI_PIXEL_RATIO });
  await showStep(app.page, 'compare');
});
afterAll(async () => {
  await app.close();
});

describe('exported images', () => {
  it('draws the current view at twice the canvas size, looking like the screen, and leaves the screen as it was', async () => {
    const before = await grabFrame(app.page);
    const picture = decodeDataUrl(await exportImage(app.page, { width: before.width * 2, height: before.height * 2 }));
    await savePng(picture, `${ARTIFACTS}/export-2x.png`);
    expect({ width: picture.width, height: picture.height }).toEqual({ width: before.width * 2, height: before.height * 2 });

    // The head, shaded: a real spread of tones in the middle, where a blank picture would have none.
    expect(luminanceSpread(picture, centralRect(picture, 0.5))).toBeGreaterThan(0.1);

    // The same picture as on screen: the centre shrunk to 8 × 8 cells matches cell by cell. Cells of the
    // head match to a fraction of a percent; the background is tone-mapped offscreen, 7 levels in 255 darker.
    const exported = centreGrid(picture, 8);
    const onScreen = centreGrid(before, 8);
    const differences = exported.map((v, i) => Math.abs(v - onScreen[i]!)).sort((a, b) => a - b);
    expect(differences.at(-1), 'largest cell difference').toBeLessThan(0.03);
    expect(differences[differences.length >> 1], 'median cell difference').toBeLessThan(0.003);

    // The screen is untouched: the same size and the same pixels in a newly drawn frame.
    const after = await grabFrame(app.page);
    expect({ width: after.width, height: after.height }).toEqual({ width: before.width, height: before.height });
    for (const [fx, fy] of [[0.5, 0.5], [0.3, 0.4], [0.6, 0.3], [0.05, 0.05], [0.45, 0.8]] as const) {
      const x = Math.floor(before.width * fx);
      const y = Math.floor(before.height * fy);
      expect(luminance(after, x, y), `pixel at ${x}, ${y}`).toBeCloseTo(luminance(before, x, y), 6);
    }
    expect(imageDifference(before, after)).toBeLessThan(0.001);
  });

  it('draws a standard view with the SMP forced on or off, whatever the screen shows', async () => {
    await app.page.evaluate(() => window.smp!.setShowSmp(false));
    const withSmp = decodeDataUrl(await exportImage(app.page, { view: 'top', width: 480, height: 360, showSmp: true }));
    const without = decodeDataUrl(await exportImage(app.page, { view: 'top', width: 480, height: 360, showSmp: false }));
    const asShown = decodeDataUrl(await exportImage(app.page, { view: 'top', width: 480, height: 360 }));
    await app.page.evaluate(() => window.smp!.setShowSmp(true));
    expect([withSmp.width, withSmp.height]).toEqual([480, 360]);
    // From the top the treated scalp fills the middle: with the SMP it is darker.
    const centre = centralRect(withSmp, 0.3);
    expect(meanLuminance(withSmp, centre)).toBeLessThan(meanLuminance(without, centre) - 0.01);
    // Left out, showSmp follows the view, which was showing the head without SMP.
    expect(imageDifference(asShown, without)).toBeLessThan(0.001);
  });

  it('fits a side left out to the canvas shape, and rejects bad options with a clear error', async () => {
    const canvas = await app.page.evaluate(() => ({ width: document.querySelector('canvas')!.width, height: document.querySelector('canvas')!.height }));
    const picture = decodeDataUrl(await exportImage(app.page, { width: 300 }));
    expect(picture.width).toBe(300);
    expect(picture.height).toBe(Math.round(300 / (canvas.width / canvas.height)));

    expect(await exportError(app.page, { view: 'side' })).toMatch(/^exportImage: unknown view "side": use one of front, back/);
    expect(await exportError(app.page, { width: 0 })).toBe('exportImage: width must be a whole number of pixels from 1 to 4096 (got 0)');
    expect(await exportError(app.page, { height: 5000 })).toBe('exportImage: height must be a whole number of pixels from 1 to 4096 (got 5000)');
    expect(await exportError(app.page, { width: 640.5 })).toMatch(/width must be a whole number/);
    expect(await exportError(app.page, { showSmp: 'yes' })).toBe('exportImage: showSmp must be true or false (got "yes")');
    expect(await exportError(app.page, { widht: 800 })).toBe('exportImage: unknown option "widht": use view, width, height, showSmp');
    expect(await exportError(app.page, 'front')).toMatch(/^exportImage: options must be an object/);
  });

  it('downloads the current view as a PNG from the Export image button', async () => {
    const canvas = await app.page.evaluate(() => ({ width: document.querySelector('canvas')!.width, height: document.querySelector('canvas')!.height }));
    await app.page.getByTestId('export-scale').selectOption('2');
    const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 120_000 }), app.page.getByRole('button', { name: 'Export image' }).click()]);
    expect(download.suggestedFilename()).toBe(`smp-three-quarter-${canvas.width * 2}x${canvas.height * 2}.png`);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const picture = decodePng(Buffer.concat(chunks));
    expect([picture.width, picture.height]).toEqual([canvas.width * 2, canvas.height * 2]);
    expect(luminanceSpread(picture, centralRect(picture, 0.5))).toBeGreaterThan(0.1);
    await expect(app.page.getByTestId('notice').textContent()).resolves.toContain(download.suggestedFilename());

    // A picture of a preview says so in its name, since it may be passed on without the app around it.
    await app.page.evaluate(() => {
      window.smp!.setShowSmp(false);
      window.smp!.setAgeYears(5);
    });
    const [preview] = await Promise.all([app.page.waitForEvent('download', { timeout: 120_000 }), app.page.getByRole('button', { name: 'Export image' }).click()]);
    expect(preview.suggestedFilename()).toBe(`smp-three-quarter-before-5-years-on-${canvas.width * 2}x${canvas.height * 2}.png`);
    await app.page.evaluate(() => {
      window.smp!.setShowSmp(true);
      window.smp!.setAgeYears(0);
    });
    expect(app.errors).toEqual([]);
  });
});

describe('the consultation report', () => {
  beforeAll(async () => {
    await app.page.evaluate(() =>
      window.smp!.setPlan({
        client: { name: 'Alex Example', date: '2026-11-20', notes: 'Prefers a soft front.\nSmall scar on the crown.' },
        dots: { diameterMm: 0.45, densityPerCm2: 120, color: '#403b38' },
        aftercare: { sunExposure: 'high' },
      }),
    );
    await app.page.evaluate(() => window.smp!.whenRendered());
  });

  it('opens from the Report button with the plan, its measurements, the disclaimer and seven distinct pictures', async () => {
    const button = app.page.getByTestId('report-button');
    await button.click();
    const report = app.page.getByRole('dialog', { name: 'SMP consultation report' });
    await report.waitFor();
    expect(await report.evaluate((e) => e === document.activeElement), 'focus moves into the report').toBe(true);
    await app.page.locator('[data-testid="report"][data-pictures="ready"]').waitFor({ timeout: 180_000 });

    const text = (await report.innerText()).replace(/\s+/g, ' ');
    const m = await app.page.evaluate(() => window.smp!.getMeasurements());
    const grouped = (n: number) => new Intl.NumberFormat('en-GB').format(n);
    for (const expected of [
      'Alex Example',
      '20 November 2026',
      'This is a simulation, not a guarantee. Healed results vary with skin, aftercare and the practitioner’s technique.',
      `Hairline height ${Math.round(m.hairlineHeightMm)} mm`,
      `Frontotemporal width ${Math.round(m.frontotemporalWidthMm)} mm`,
      `Treated area ${Math.round(m.treatedAreaCm2)} cm²`,
      `Estimated impressions ≈ ${grouped(Math.round(m.impressions / 100) * 100)}`,
      `Sessions ${m.sessions}`,
      `Time ≈ ${m.hours} h in all`,
      'Dot size 0.45 mm',
      'Density 120 dots/cm²',
      'Pigment shade Charcoal (#403b38)',
      'Transition zone 8.0 mm',
      'Session 1 30 %',
      'Session 2 45 %',
      'Session 3 25 %',
      '10–30 days apart',
      'A touch-up is usually due after about 3 years with a lot of sun.',
      'Prefers a soft front. Small scar on the crown.',
      ...m.warnings.map((w) => w.message),
    ]) {
      expect(text).toContain(expected);
    }
    for (const heading of ['Before and after', 'Views with SMP', 'Hairline', 'Dots', 'Sessions and aftercare', 'Notes']) {
      await expect(report.getByRole('heading', { name: heading, exact: true }).isVisible()).resolves.toBe(true);
    }

    const sources = await report.locator('img[data-picture]').evaluateAll((images) =>
      (images as HTMLImageElement[]).map((img) => ({ key: img.dataset.picture!, src: img.src, drawn: img.complete && img.naturalWidth > 0 })),
    );
    expect(sources.map((s) => s.key)).toEqual([
      'three-quarter-without-smp',
      'three-quarter-with-smp',
      'front-with-smp',
      'left-with-smp',
      'right-with-smp',
      'top-with-smp',
      'back-with-smp',
    ]);
    const pictures = sources.map((s) => decodeDataUrl(s.src));
    for (const [i, picture] of pictures.entries()) {
      await savePng(picture, `${ARTIFACTS}/report-${sources[i]!.key}.png`);
      expect(sources[i]!.drawn, `${sources[i]!.key} is drawn on the page`).toBe(true);
      expect([picture.width, picture.height]).toEqual([900, 900]);
      expect(luminanceSpread(picture, centralRect(picture, 0.5)), `${sources[i]!.key} shows the head`).toBeGreaterThan(0.08);
    }
    for (let i = 0; i < pictures.length; i++) {
      for (let j = i + 1; j < pictures.length; j++) {
        expect(imageDifference(pictures[i]!, pictures[j]!), `${sources[i]!.key} differs from ${sources[j]!.key}`).toBeGreaterThan(0.002);
      }
    }
  });

  it('prints only the report, on A4 pages', async () => {
    const pdf = await app.page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const source = pdf.toString('latin1');
    const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(source)?.[1]);
    expect(pages, 'pages').toBeGreaterThanOrEqual(2);
    // Every page is A4 portrait: 595 × 842 points.
    const sizes = [...source.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(sizes).toEqual(Array(pages).fill([595, 842]));

    await app.page.emulateMedia({ media: 'print' });
    try {
      await expect(app.page.locator('.topbar').isVisible()).resolves.toBe(false);
      await expect(app.page.locator('.panel').isVisible()).resolves.toBe(false);
      // The 3D view's canvas (the report's consent has signature pads of its own).
      await expect(app.page.getByLabel('3D head view').locator('canvas').isVisible()).resolves.toBe(false);
      await expect(app.page.getByRole('button', { name: 'Print / Save as PDF' }).isVisible()).resolves.toBe(false);
      await expect(app.page.locator('.report-page').isVisible()).resolves.toBe(true);
      await expect(app.page.locator('.report-page img').first().isVisible()).resolves.toBe(true);
    } finally {
      await app.page.emulateMedia({ media: null });
    }
    await expect(app.page.locator('.topbar').isVisible()).resolves.toBe(true);
  });

  it('closes with Escape, giving focus back to the Report button, and opens and closes from window.smp', async () => {
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByTestId('report').count()).resolves.toBe(0);
    expect(await app.page.getByTestId('report-button').evaluate((e) => e === document.activeElement)).toBe(true);
    // The app behind the report is usable again.
    await expect(app.page.locator('.panel').evaluate((e) => (e as HTMLElement).inert)).resolves.toBe(false);

    // From here on the report's pictures need only be drawn: the test above looked at them at full size.
    await drawSmallPictures(app.page);
    const drawn = await app.page.evaluate(async () => {
      await window.smp!.openReport();
      return [...document.querySelectorAll<HTMLImageElement>('[data-testid="report"] img')].map((img) => img.complete && img.naturalWidth > 0);
    });
    expect(drawn).toEqual(Array(7).fill(true));
    await expect(app.page.locator('.panel').evaluate((e) => (e as HTMLElement).inert)).resolves.toBe(true);
    // Opening an open report resolves at once: its pictures are drawn.
    expect(await app.page.evaluate(() => window.smp!.openReport().then(() => 'opened'))).toBe('opened');
    await app.page.evaluate(() => window.smp!.closeReport());
    await expect(app.page.getByTestId('report').count()).resolves.toBe(0);
    expect(
      await app.page.evaluate(() => {
        const opening = window.smp!.openReport();
        window.smp!.closeReport();
        return opening.then(() => 'resolved', (e: Error) => e.message);
      }),
    ).toBe('openReport: the report was closed before its pictures were drawn');
    expect(app.errors).toEqual([]);
  });

  it('is written in the chosen language: German headings, numbers and dates, the report marked lang="de"', async () => {
    await app.page.evaluate(() => {
      window.smp!.setLanguage('de');
      // Only the words are checked: the pictures are not waited for, and closing before they are drawn rejects.
      void window.smp!.openReport().catch(() => undefined);
    });
    try {
      const report = app.page.getByRole('dialog', { name: 'SMP-Beratungsbericht' });
      await report.getByRole('heading', { name: 'Vorher und nachher', exact: true }).waitFor();
      // The page draws the pictures one at a time between the test's requests: the words are read in one.
      const read = await report.evaluate((dialog: HTMLElement) => ({
        lang: dialog.getAttribute('lang'),
        headings: [...dialog.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]')].filter((h) => h.checkVisibility()).map((h) => h.innerText),
        text: dialog.innerText,
      }));
      expect(read.lang).toBe('de');
      expect(read.headings).toEqual(expect.arrayContaining(['SMP-Beratungsbericht', 'Ansichten mit SMP', 'Haaransatz', 'Punkte', 'Sitzungen und Nachsorge', 'Notizen']));
      for (const english of ['SMP consultation report', 'Before and after', 'Views with SMP', 'Hairline', 'Dots', 'Sessions and aftercare', 'Quote', 'Notes']) {
        expect(read.headings).not.toContain(english);
      }
      const text = read.text.replace(/\s+/g, ' ');
      for (const expected of ['20. November 2026', 'Punktgröße 0,45 mm', 'Übergangszone 8,0 mm', 'Sitzung 2 45 %', 'nach etwa 3 Jahren bei viel Sonne']) {
        expect(text).toContain(expected);
      }
    } finally {
      await app.page.evaluate(() => {
        window.smp!.closeReport();
        window.smp!.setLanguage('en');
      });
    }
    await expect(app.page.getByTestId('report').count()).resolves.toBe(0);
    expect(app.errors).toEqual([]);
  });
});
