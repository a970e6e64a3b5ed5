/** Opens the built app in headless Chromium and gives tests what they need to look at the picture. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inject, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { PLAN_FIELD_KINDS } from '../../src/domain/personalData';

export interface AppPage {
  page: Page;
  /** The browser profile the page runs in: its storage (IndexedDB) is shared by the pages opened in it. */
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Console warnings seen so far. */
  warnings: string[];
  /** Requests the page made to any origin other than the app's own. */
  foreignRequests: string[];
  /** Closes the page, and its context unless the context was passed in (it belongs to the caller). */
  close(): Promise<void>;
}

let browser: Browser | null = null;

async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.connect(inject('wsEndpoint'));
  return browser;
}

export const appUrl = () => inject('appUrl');

/** The device pixel ratio for tests that check the interface, not the picture's pixels (see `deviceScaleFactor`). */
export const UI_PIXEL_RATIO = 0.25;

export async function openApp(
  options: {
    hash?: string;
    width?: number;
    height?: number;
    waitForReady?: boolean;
    /** How long the first frame may take (ms); a file that starts on a heavily loaded machine may wait longer. */
    readyTimeoutMs?: number;
    initScript?: () => void;
    /** Opens the page in this context (another tab of the same browser profile) instead of a fresh one. */
    context?: BrowserContext;
    /** Show the first-run guide, as a first visit does (tests open the app as a returning user by default). */
    firstRun?: boolean;
    /**
     * Let the app install its service worker (offline.test.ts). Off by default: installing it copies the
     * whole build into the cache of every fresh profile, work that only the offline test looks at.
     */
    serviceWorker?: boolean;
    /**
     * Device pixels per CSS pixel (1 unless told). Layout stays the same; the view draws as many pixels as the
     * device has, so a test that looks at the interface rather than the picture opens at UI_PIXEL_RATIO and
     * each SwiftShader frame costs a sixteenth.
     */
    deviceScaleFactor?: number;
  } = {},
): Promise<AppPage> {
  const b = await sharedBrowser();
  const context =
    options.context ??
    (await b.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      serviceWorkers: options.serviceWorker ? 'allow' : 'block',
    }));
  const page = await context.newPage();
  if (!options.firstRun) await page.addInitScript(() => localStorage.setItem('smp-simulator.guide-seen', 'yes'));
  if (options.initScript) await page.addInitScript(options.initScript);
  const errors: string[] = [];
  const warnings: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(appUrl()).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreignRequests.push(r.url());
  });
  await page.goto(appUrl() + (options.hash ?? ''));
  if (options.waitForReady ?? true) await waitForReady(page, options.readyTimeoutMs);
  return { page, context, errors, warnings, foreignRequests, close: () => (options.context ? page.close() : context.close()) };
}

export async function waitForReady(page: Page, timeoutMs = 150_000): Promise<void> {
  // A start takes seconds; on a machine busy with other work, compiling the shaders on SwiftShader can take minutes.
  await page.waitForFunction(() => document.documentElement.dataset.smpReady === 'true', null, { timeout: timeoutMs });
  // A suite must never pass on nothing: the canvas must hold a real WebGL2 context.
  const webgl2 = await page.evaluate(() => {
    const canvas = document.querySelector('canvas');
    const gl = canvas?.getContext('webgl2');
    return gl ? { version: gl.getParameter(gl.VERSION) as string, lost: gl.isContextLost() } : null;
  });
  expect(webgl2, 'the canvas has a WebGL2 context').not.toBeNull();
  expect(webgl2!.lost).toBe(false);
}

/**
 * Waits until the address bar's `#plan=` link holds exactly the current plan's design (the link is
 * debounced, and never holds the client's personal data).
 */
export async function waitForLinkToMatchPlan(page: Page): Promise<void> {
  const personal = Object.entries(PLAN_FIELD_KINDS).flatMap(([field, kind]) => (kind === 'personal' ? [field] : []));
  await page.waitForFunction((personal) => {
    const encoded = new URLSearchParams(location.hash.slice(1)).get('plan');
    if (!encoded) return false;
    const bytes = Uint8Array.from(atob(encoded.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const design: Record<string, unknown> = { ...window.smp!.getPlan() };
    for (const field of personal) delete design[field];
    return new TextDecoder().decode(bytes) === JSON.stringify(design);
  }, personal);
}

export interface Image {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Resizes the page and waits until the view's canvas has taken its new size (the renderer applies it a frame
 * or so later): a frame asked for before then could be drawn, or read back, at the old size.
 */
export async function resizeView(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  // The canvas matches its box before the resize reaches the page too: wait for the page to have the new size
  // and for two frames (the view measures its box in one, resizes the canvas in the next), then check.
  await page.waitForFunction(({ width, height }) => innerWidth === width && innerHeight === height, size, { timeout: 20_000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForFunction(
    () => {
      const canvas = document.querySelector('canvas');
      return !!canvas && Math.abs(canvas.width - canvas.clientWidth * devicePixelRatio) <= 1 && Math.abs(canvas.height - canvas.clientHeight * devicePixelRatio) <= 1;
    },
    null,
    { timeout: 20_000 },
  );
}

/** The current frame, as drawn by the app (via `window.smp.screenshot()`), decoded. */
export async function grabFrame(page: Page): Promise<Image> {
  const dataUrl = await page.evaluate(() => window.smp!.screenshot());
  const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

export function luminance(img: Image, x: number, y: number): number {
  const i = (y * img.width + x) * 4;
  return (0.2126 * img.data[i]! + 0.7152 * img.data[i + 1]! + 0.0722 * img.data[i + 2]!) / 255;
}

/** Mean absolute per-channel difference between two frames of the same size, 0..1. */
export function imageDifference(a: Image, b: Image): number {
  expect(a.width).toBe(b.width);
  expect(a.height).toBe(b.height);
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    sum += Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
  }
  return sum / ((a.data.length / 4) * 3 * 255);
}

/** Fraction of pixels that differ from the background colour (the head's share of the picture). */
export function foregroundFraction(img: Image, background: [number, number, number], tolerance = 6): number {
  let count = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    const d = Math.abs(img.data[i]! - background[0]) + Math.abs(img.data[i + 1]! - background[1]) + Math.abs(img.data[i + 2]! - background[2]);
    if (d > tolerance) count++;
  }
  return count / (img.width * img.height);
}

export async function savePng(img: Image, path: string): Promise<void> {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  mkdirSync(dirname(path), { recursive: true });
  const png = new PNG({ width: img.width, height: img.height });
  png.data = Buffer.from(img.data);
  writeFileSync(path, PNG.sync.write(png));
}

/** An init script that counts shader program links, to prove that edits never recompile a shader. */
export function countShaderLinks() {
  const proto = WebGL2RenderingContext.prototype;
  const link = proto.linkProgram;
  (window as unknown as { __links: number }).__links = 0;
  proto.linkProgram = function (this: WebGL2RenderingContext, program: WebGLProgram) {
    (window as unknown as { __links: number }).__links++;
    return link.call(this, program);
  };
}

/** How many shader programs the page has linked so far (needs `countShaderLinks` as an init script). */
export function shaderLinks(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __links: number }).__links);
}

/**
 * Has the page draw the report's and the shared pictures this many pixels wide instead of 900
 * (src/ui/pictureSize.ts), for tests that need them drawn but not their detail. Holds until the page reloads.
 */
export function drawSmallPictures(page: Page, px = 240): Promise<void> {
  return page.evaluate((px) => void (document.documentElement.dataset.smpPicturePx = String(px)), px);
}

/** Opens a consultation step in the side panel (each step shows only its own controls). */
export async function showStep(page: Page, step: string): Promise<void> {
  await page.locator(`[data-step="${step}"]`).click();
  await page.locator(`[data-step="${step}"][aria-selected="true"]`).waitFor();
  // A step's panel may be read from its own chunk first: wait until it is the one on screen.
  await page.locator(`#step-panel[aria-labelledby="step-tab-${step}"][aria-busy="false"]`).waitFor();
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical accessibility violations axe-core finds on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
  });
}
