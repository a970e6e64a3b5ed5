/**
 * Takes screenshots of the built app in headless Chromium: `npm run screenshots -- [outDir]`.
 * Used for the README's pictures and for looking at changes. Extra shots are given as
 * `name:width x height:hash` arguments, e.g. `close:1280x800:#view=top`.
 */
import { rm } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/browser/chromium';
import { buildAndServe } from '../tests/browser/server';

const outDir = process.argv[2] ?? 'docs';
const extra = process.argv.slice(3);

interface Shot {
  name: string;
  width: number;
  height: number;
  hash: string;
  /** Script run in the page before the shot. */
  setup?: string;
  /** Turn the loupe on and point at this many mm below the vertex, towards the front. */
  loupeBelowVertexMm?: number;
  /** The consultation step the panel shows. */
  step?: string;
}

const shots: Shot[] =
  extra.length > 0
    ? extra.map((arg) => {
        const [name = 'shot', size = '1280x800', hash = '', setup] = arg.split('|');
        const [width, height] = size.split('x').map(Number);
        return { name, width: width ?? 1280, height: height ?? 800, hash, ...(setup ? { setup } : {}) };
      })
    : [
        { name: 'screenshot-laptop', width: 1920, height: 1080, hash: '', step: 'dots' },
        { name: 'screenshot-tablet', width: 1024, height: 768, hash: '', step: 'hairline' },
        { name: 'screenshot-loupe', width: 1024, height: 768, hash: '#view=three-quarter', loupeBelowVertexMm: 10 },
      ];

const buildDir = `node_modules/.smp-screenshot-build-${process.pid}`;
const { url, server } = await buildAndServe(buildDir);
const browser = await chromium.launch(launchOptions());
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, deviceScaleFactor: 1 });
    // A returning user: the first-run guide would cover the app.
    await page.addInitScript(() => localStorage.setItem('smp-simulator.guide-seen', 'yes'));
    page.on('console', (m) => m.type() === 'error' && console.error(`[${shot.name}] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[${shot.name}] ${e.message}`));
    await page.goto(url + shot.hash);
    await page.waitForFunction(() => document.documentElement.dataset.smpReady === 'true', null, { timeout: 60_000 });
    if (shot.setup) await page.evaluate(shot.setup);
    if (shot.step) await page.locator(`[data-step="${shot.step}"]`).click();
    if (shot.loupeBelowVertexMm !== undefined) {
      await page.getByTestId('loupe-toggle').click();
      const below = shot.loupeBelowVertexMm;
      const target = await page.evaluate((mm) => {
        const v = window.smp!.getLandmarks().vertex;
        return window.smp!.toScreen([v[0], v[1] - mm, v[2] + 2 * mm]);
      }, below);
      const box = (await page.locator('canvas').boundingBox())!;
      await page.mouse.move(box.x + target.x, box.y + target.y);
    }
    await page.evaluate(() => window.smp!.whenRendered());
    await page.screenshot({ path: `${outDir}/${shot.name}.png` });
    console.log(`${outDir}/${shot.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await rm(buildDir, { recursive: true, force: true });
}
