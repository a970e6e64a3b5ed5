/**
 * Sharing with the client (the last step's "Share with client"): the QR code on the page, read back from its
 * pixels and decoded in Node, opens the same design at the app's own address and holds none of the client's
 * personal data; a link too long for a QR code says so and can still be copied; "Share…" hands PNG pictures
 * to the Web Share API where the browser has it, and downloads them where it does not.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_FIELD_KINDS, sameDesign } from '../../src/domain/personalData';
import { defaultPlan, type Plan } from '../../src/domain/plan';
import { readLinkHash } from '../../src/io/planLink';
import { appUrl, drawSmallPictures, openApp, showStep, UI_PIXEL_RATIO, type AppPage } from './harness';

const CLIENT = { name: 'Jonas Brightwater', date: '2026-11-23', notes: 'Takes anticoagulants; keloid scar on the crown.' };
const DESIGN = { skin: { color: '#6b4a35' }, dots: { diameterMm: 0.6 } };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Drawing three report pictures on a busy SwiftShader machine can take a while. */
const PICTURES_TIMEOUT_MS = 240_000;

const personalFields = Object.entries(PLAN_FIELD_KINDS).flatMap(([field, kind]) => (kind === 'personal' ? [field as keyof Plan] : []));

/** The QR code as the page draws it, decoded from its pixels in Node; null when jsQR finds no code. */
async function readQrCode(page: Page): Promise<string | null> {
  const dataUrl = await page.getByTestId('share-qr').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL('image/png'));
  const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** Opens step 7's share panel for a plan with a client and a design of its own. */
async function openSharePanel(page: Page): Promise<void> {
  await page.evaluate(([client, design]) => window.smp!.setPlan({ client, ...design }), [CLIENT, DESIGN] as const);
  await showStep(page, 'compare');
  await page.getByTestId('share-open').click();
}

const sharePictures = (page: Page) => page.getByTestId('share-pictures');

async function waitForPictures(page: Page): Promise<void> {
  await expect.poll(() => sharePictures(page).isEnabled(), { timeout: PICTURES_TIMEOUT_MS, interval: 500 }).toBe(true);
}

/** A browser with the Web Share API: what it is handed is kept for the test to look at. */
function installWebShare() {
  const shared: ShareData[] = [];
  (window as unknown as { sharedWithApi: ShareData[] }).sharedWithApi = shared;
  Object.defineProperty(navigator, 'canShare', {
    configurable: true,
    value: (data?: ShareData) => Array.isArray(data?.files) && data.files.every((f) => f instanceof File && f.type === 'image/png'),
  });
  Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
}

// One page for the file, with small frames on screen and small pictures: their names, format and what is done
// with them are checked here, not their detail (the report's tests look at that, drawn as the share panel draws them).
let app: AppPage;
beforeAll(async () => {
  app = await openApp({ deviceScaleFactor: UI_PIXEL_RATIO, readyTimeoutMs: 240_000 });
  await drawSmallPictures(app.page);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

describe('sharing with the client, where the browser cannot share files', () => {
  it('shows a QR code that opens the same design at the app’s address, without the client', { timeout: 240_000 }, async () => {
    const { page } = app;
    await openSharePanel(page);
    const expected = await page.evaluate(() => window.smp!.getShareLink());
    await expect.poll(() => readQrCode(page), { timeout: 30_000 }).toBe(expected);
    const link = (await readQrCode(page))!;
    expect(await page.getByTestId('share-link').inputValue()).toBe(link);

    const url = new URL(link);
    const own = new URL(appUrl());
    expect(url.origin + url.pathname).toBe(own.origin + own.pathname);
    const opened = readLinkHash(url.hash);
    expect(opened.planError).toBeUndefined();
    const plan = await page.evaluate(() => window.smp!.getPlan());
    expect(plan.client.name).toBe(CLIENT.name);
    expect(sameDesign(opened.plan!, plan)).toBe(true);
    expect(opened.plan!.dots.diameterMm).toBe(DESIGN.dots.diameterMm);
    for (const field of personalFields) expect(opened.plan![field], field).toEqual(defaultPlan()[field]);
    const encoded = Buffer.from(new URLSearchParams(url.hash.slice(1)).get('plan')!, 'base64url').toString('utf8');
    for (const text of [CLIENT.name, 'anticoagulants', 'keloid', CLIENT.date]) expect(encoded).not.toContain(text);
    expect(await page.getByTestId('share').textContent()).not.toContain(CLIENT.name);
  });

  it('downloads the pictures from the same button', { timeout: PICTURES_TIMEOUT_MS + 60_000 }, async () => {
    const { page } = app;
    await waitForPictures(page);
    expect(await sharePictures(page).textContent()).toBe('Download pictures');
    const [download] = await Promise.all([page.waitForEvent('download'), sharePictures(page).click()]);
    expect(download.suggestedFilename()).toMatch(/^smp-(before|after)-[a-z-]+\.png$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect([...Buffer.concat(chunks).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    await expect.poll(() => page.getByTestId('share-status').textContent()).toMatch(/^Downloaded 3 pictures: smp-before-three-quarter\.png, smp-after-three-quarter\.png, smp-after-front\.png\.$/);
  });

  it('says so when the link is too long for a QR code, and still copies it', { timeout: 120_000 }, async () => {
    const { page, context } = app;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // Many painted points: the kind of plan whose link outgrows a QR code.
    await page.evaluate(() => {
      const points = Array.from({ length: 300 }, (_, i): [number, number, number] => [Math.round(Math.sin(i) * 600) / 10, 80 + (i % 50) / 10, Math.round(Math.cos(i) * 500) / 10]);
      const plan = window.smp!.getPlan();
      window.smp!.setPlan({ ...plan, density: { ...plan.density, strokes: [{ mode: 'up', radiusMm: 8, softness: 0.5, amount: 0.2, points }] } });
    });
    await expect.poll(() => page.getByTestId('share-too-long').textContent(), { timeout: 30_000 }).toMatch(/too long for a QR code \([\d,]+ characters; a QR code holds at most 2,953\).*Copy the link/);
    expect(await page.getByTestId('share-qr').count()).toBe(0);
    const link = await page.evaluate(() => window.smp!.getShareLink());
    expect(link.length).toBeGreaterThan(2953);
    await page.getByTestId('share-copy').click();
    await expect.poll(() => page.getByTestId('share-status').textContent()).toContain('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  });
});

describe('sharing with the client through the Web Share API', () => {
  beforeAll(async () => {
    // The share panel looks for the Web Share API each time it opens: closed, given the API, then opened again.
    if ((await app.page.getByTestId('share-open').getAttribute('aria-expanded')) === 'true') await app.page.getByTestId('share-open').click();
    await app.page.evaluate(installWebShare);
  });

  it('hands the PNG pictures and the design’s link to the share menu, downloading nothing', { timeout: PICTURES_TIMEOUT_MS + 60_000 }, async () => {
    const { page } = app;
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await openSharePanel(page);
    await waitForPictures(page);
    expect(await sharePictures(page).textContent()).toBe('Share…');
    await sharePictures(page).click();
    await expect.poll(() => page.getByTestId('share-status').textContent()).toBe('Shared 3 pictures and the link.');
    const shared = await page.evaluate(async () => {
      const calls = (window as unknown as { sharedWithApi: ShareData[] }).sharedWithApi;
      return Promise.all(
        calls.map(async ({ title, text, files = [] }) => ({
          title,
          text,
          files: await Promise.all(files.map(async (f) => ({ name: f.name, type: f.type, head: [...new Uint8Array(await f.slice(0, 8).arrayBuffer())] }))),
        })),
      );
    });
    expect(shared).toHaveLength(1);
    const [call] = shared;
    expect(call!.files.map((f) => f.name)).toEqual(['smp-before-three-quarter.png', 'smp-after-three-quarter.png', 'smp-after-front.png']);
    for (const file of call!.files) {
      expect(file.type).toBe('image/png');
      expect(file.head).toEqual(PNG_SIGNATURE);
    }
    const link = await page.evaluate(() => window.smp!.getShareLink());
    expect(call!.text).toContain(link);
    expect(`${call!.title} ${call!.text}`).not.toContain(CLIENT.name);
    expect(downloads).toEqual([]);
  });
});
