import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Plan } from '../../src/domain/plan';
import { appUrl, openApp, showStep, UI_PIXEL_RATIO, type AppPage } from './harness';
import { PIGMENT_KERNELS_PATH } from '../../src/io/pigmentKernels';

/**
 * A plan that got past an older version's checks and fails today's (a list with a gap) must never stop the
 * app: a link with one is refused with a notice, and a stored one opens repaired, or not at all, with a
 * notice, and is kept as it was. Each start is checked to draw (openApp asserts a WebGL2 context).
 */

const base64Url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const noticeText = (page: Page) => page.getByTestId('notice').locator('p').textContent();

/** The plan on screen with its hairline's points written out (the preset's, when it has none). */
const planWithPoints = (page: Page) => page.evaluate(() => ({ ...window.smp!.getPlan(), hairline: { ...window.smp!.getPlan().hairline, points: window.smp!.getHairlinePoints() } }));

/**
 * Stores a saved plan record as an older version could have (a hairline point deleted) and makes it the
 * open one. Written from a page of the app's origin that does not run the app, once the app's pages are
 * closed, so that no autosave of theirs writes after it.
 */
async function storeDamagedRecord(context: BrowserContext, plan: Plan, id: string, repairable: boolean): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${appUrl()}favicon.svg`);
  await page.evaluate(
    ({ plan, id, repairable }) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('smp-simulator');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          delete plan.hairline.points[3];
          if (!repairable) plan.dots.diameterMm = 99;
          const time = new Date().toISOString();
          const tx = db.transaction(['plans', 'meta'], 'readwrite');
          tx.objectStore('plans').put({ id, createdAt: time, updatedAt: time, revision: 1, plan });
          tx.objectStore('meta').put(id, 'openPlanId');
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { plan, id, repairable },
  );
  await page.close();
}

/** Whether the stored record still has its gap (it is kept as it was, never overwritten). */
function storedGap(page: Page, id: string): Promise<boolean> {
  return page.evaluate(
    (id) =>
      new Promise<boolean>((resolve, reject) => {
        const opening = indexedDB.open('smp-simulator');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const request = opening.result.transaction('plans').objectStore('plans').get(id);
          request.onsuccess = () => {
            const points = (request.result as { plan: { hairline: { points: unknown[] } } }).plan.hairline.points;
            opening.result.close();
            resolve(points.length > 3 && !(3 in points));
          };
        };
      }),
    id,
  );
}

describe('damaged plans never stop the app', () => {
  let context: BrowserContext | undefined;
  const pages: AppPage[] = [];
  afterAll(async () => {
    for (const app of pages) await app.page.close();
    await context?.close();
  });

  it('refuses a link whose plan has an elided list item, and still starts and draws', async () => {
    // The profile's pages draw small frames: these tests look at notices, storage and the panel, not the picture.
    const app = await openApp({ deviceScaleFactor: UI_PIXEL_RATIO, hash: `#plan=${base64Url('{"version":2,"hairline":{"points":[[1,2,3],,[4,5,6]]}}')}` });
    pages.push(app);
    context = app.context;
    expect(await noticeText(app.page)).toMatch(/The link is damaged.*The default plan is shown instead\./);
    // The default plan is on screen and measured: no NaN anywhere.
    const measured = await app.page.evaluate(() => JSON.stringify(window.smp!.getMeasurements()));
    expect(measured).not.toMatch(/null|NaN/);
    // An old export's gap reads as null in JSON: refused with the field named, and a short message.
    const nulls = await app.page.evaluate(() => {
      try {
        window.smp!.setPlan({ hairline: { points: [[1, 2, 3], null, [4, 5, 6]] } });
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(nulls).toMatch(/^Invalid plan: hairline\.points\[1\] must be \[x, y, z\]/);

    // A hairline of three identical points: the panel says what is wrong, and shows no NaN and no "0 h".
    await app.page.evaluate(() => {
      const point = window.smp!.getHairlinePoints()[0]!;
      window.smp!.setPlan({ ...window.smp!.getPlan(), hairline: { ...window.smp!.getPlan().hairline, points: [point, point, point] } });
    });
    await showStep(app.page, 'hairline');
    const panel = app.page.getByTestId('measurements');
    await panel.filter({ hasText: 'Not measured' }).waitFor();
    const text = await panel.textContent();
    expect(text).toContain('None: no dots to place');
    expect(text).not.toMatch(/NaN|undefined|null|≈ 0 h/);
    expect(await app.page.getByRole('list', { name: 'Hairline warnings' }).textContent()).toMatch(/^The hairline encloses no scalp/);
    await app.page.evaluate(() => window.smp!.undo());
  });

  it('opens a repaired copy of a stored plan with a gap, keeping the stored one as it was', async () => {
    const first = pages[0]!.page;
    const plan = await planWithPoints(first);
    await first.close();
    await storeDamagedRecord(context!, plan, 'damaged0001', true);
    const app = await openApp({ context: context! });
    pages.push(app);
    // The notice comes once storage has answered, which on a loaded machine can be well after the first frame.
    await app.page.getByTestId('notice').filter({ hasText: 'repaired copy' }).waitFor({ timeout: 60_000 });
    expect(await noticeText(app.page)).toMatch(/saved with a fault.*A repaired copy is open.*The original is kept on this device unchanged\./);
    const points = await app.page.evaluate(() => window.smp!.getPlan().hairline.points);
    expect(points.length).toBeGreaterThan(3);
    expect(points.every((p) => Array.isArray(p) && p.length === 3)).toBe(true);
    await app.page.evaluate(() => window.smp!.flushAutosave());
    expect(await storedGap(app.page, 'damaged0001')).toBe(true);
    expect(app.errors.filter((e) => !/cannot be read as stored/.test(e))).toEqual([]);
  });

  it('does not open a stored plan that cannot be repaired, and starts on another', async () => {
    const previous = pages.at(-1)!.page;
    const plan = await planWithPoints(previous);
    await previous.close();
    await storeDamagedRecord(context!, plan, 'damaged0002', false);
    const app = await openApp({ context: context! });
    pages.push(app);
    await app.page.getByTestId('notice').filter({ hasText: 'cannot be opened' }).waitFor({ timeout: 60_000 });
    expect(await noticeText(app.page)).toMatch(/is damaged and cannot be opened; it is kept on this device unchanged\. Your most recent other plan is shown instead\./);
    expect(await app.page.evaluate(() => JSON.stringify(window.smp!.getMeasurements()))).not.toMatch(/null|NaN/);
  });

  it('says in the user’s language that it cannot start when a file it needs is missing, rather than show a blank page', async () => {
    const page = await context!.newPage();
    // A browser set to German, on a server that lost the pigment kernels' file.
    await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['de-DE', 'de'] }));
    await page.route(`**/${PIGMENT_KERNELS_PATH}`, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(appUrl());
    const failure = page.getByTestId('start-failure');
    await failure.waitFor({ timeout: 60_000 });
    expect(await failure.getAttribute('role')).toBe('alert');
    expect(await failure.textContent()).toMatch(/^Der Simulator konnte nicht starten.*Ihre gespeicherten Pläne sind auf diesem Gerät sicher\./);
    expect(await page.getByRole('button', { name: 'Seite neu laden' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.close();
  });
});
