import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, openApp, showStep, UI_PIXEL_RATIO, waitForReady, type AppPage } from './harness';

/** Records Content-Security-Policy violations in the page, from before any of its scripts run. */
function recordViolations() {
  const seen: string[] = [];
  (window as unknown as { __violations: string[] }).__violations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
}
const violations = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe('installable, offline and private', () => {
  // One page, with its service worker, for the file: the manifest and the security policy are checked online
  // first, then the same profile goes offline. Small frames: nothing here looks at the picture.
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp({ serviceWorker: true, deviceScaleFactor: UI_PIXEL_RATIO, initScript: recordViolations });
  });
  afterAll(async () => {
    await app?.context.setOffline(false);
    await app?.close();
  });

  it('is an installable web app with its icons', async () => {
    const manifest = await app.page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link ? ((await (await fetch(link.href)).json()) as { name: string; display: string; start_url: string; icons: { src: string; sizes: string; purpose: string }[] }) : null;
    });
    expect(manifest).not.toBeNull();
    expect(manifest!.name).toBe('SMP Simulator');
    expect(manifest!.display).toBe('standalone');
    expect(manifest!.start_url).toBe('./');
    const sizes = manifest!.icons.map((i) => i.sizes);
    expect(sizes).toContain('192x192');
    expect(sizes).toContain('512x512');
    expect(manifest!.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest!.icons) {
      const response = await app.page.request.get(new URL(icon.src, appUrl()).href);
      expect(response.ok()).toBe(true);
      const png = PNG.sync.read(await response.body());
      expect(`${png.width}x${png.height}`).toBe(icon.sizes);
    }
  });

  it('makes no request to another origin, and its security policy forbids one', async () => {
    // Use the app a little: views, a plan change, an exported picture.
    await app.page.evaluate(async () => {
      window.smp!.setView('top');
      window.smp!.setPlan({ dots: { densityPerCm2: 80 } });
      await window.smp!.exportImage({ width: 200, height: 150 });
    });
    expect(await violations(app.page), 'the app itself never breaks its policy').toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    // Nothing went wrong so far (the service worker's install included); the blocked attempts below log errors.
    expect(app.errors).toEqual([]);
    const policy = await app.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    // What a careless script might try: each is blocked by the browser and reported.
    const blocked = await app.page.evaluate(async () => {
      const fetched = await fetch('https://example.com/track').then(
        () => 'sent',
        () => 'blocked',
      );
      const image = new Image();
      image.src = 'https://example.com/pixel.png';
      await new Promise((resolve) => setTimeout(resolve, 200));
      return fetched;
    });
    expect(blocked).toBe('blocked');
    const seen = await violations(app.page);
    expect(seen.some((v) => v.startsWith('connect-src https://example.com'))).toBe(true);
    expect(seen.some((v) => v.startsWith('img-src https://example.com'))).toBe(true);
  });

  it('opens and works with no network once it has been opened', async () => {
    const { page, context } = app;
    const errorsBefore = app.errors.length;
    // The service worker has cached the app and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    await context.setOffline(true);
    await page.reload();
    await waitForReady(page);
    await page.evaluate(() => window.smp!.setPlan({ dots: { diameterMm: 0.6 } }));
    expect((await page.evaluate(() => window.smp!.getPlan())).dots.diameterMm).toBe(0.6);
    await page.evaluate(() => window.smp!.whenRendered());
    // What the app reads only when first needed comes from the cache too: a step's panels, another language.
    await showStep(page, 'compare');
    await page.getByTestId('consent').waitFor();
    await page.evaluate(() => window.smp!.setLanguage('de'));
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.evaluate(() => window.smp!.setLanguage('en'));
    // A new tab, offline too.
    const tab = await openApp({ context });
    expect(await tab.page.evaluate(() => typeof window.smp!.getPlan)).toBe('function');
    await tab.close();
    expect(app.errors.slice(errorsBefore)).toEqual([]);
  });
});
