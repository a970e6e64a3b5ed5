/**
 * What the address bar and storage keep: links without personal data, the newest plan after a quick
 * reload, several tabs on one saved plan, and a page's mistakes never turning autosave off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Plan } from '../../src/domain/plan';
import { decodeBase64Url } from '../../src/io/planLink';
import { openApp, UI_PIXEL_RATIO, waitForLinkToMatchPlan, waitForReady, type AppPage } from './harness';

const getPlan = (page: Page) => page.evaluate(() => window.smp!.getPlan());
const listPlans = (page: Page) => page.evaluate(() => window.smp!.listPlans());
const flush = (page: Page) => page.evaluate(() => window.smp!.flushAutosave());
/** The plan the address bar's link holds, as JSON. */
const linkedPlan = async (page: Page) => {
  const hash = await page.evaluate(() => location.hash);
  return JSON.parse(decodeBase64Url(new URLSearchParams(hash.slice(1)).get('plan')!)) as Record<string, unknown>;
};
/**
 * Sets one field of the plan on screen (`group.field`) to each value in turn, keeping the rest: a burst
 * of edits, as typing makes. After a burst the tab has unsaved changes for a moment (the save delay).
 */
const edit = (page: Page, path: string, ...values: unknown[]) =>
  page.evaluate(
    ([path, values]) => {
      for (const value of values) {
        const plan = window.smp!.getPlan() as unknown as Record<string, Record<string, unknown>>;
        const [group, field] = path.split('.') as [string, string];
        plan[group]![field] = value;
        window.smp!.setPlan(plan);
      }
    },
    [path, values] as const,
  );

/** The tab among `tabs` that asks the user to choose after another tab's save, once one does. */
async function askedTab(tabs: AppPage[]): Promise<AppPage> {
  let asked: AppPage | undefined;
  await expect
    .poll(async () => {
      for (const tab of tabs) if ((await tab.page.getByTestId('conflict-notice').count()) > 0) asked = tab;
      return asked !== undefined;
    })
    .toBe(true);
  return asked!;
}

/**
 * Clicks a button of the conflict notice. Several tabs drawing on SwiftShader starve one another of frames,
 * and Playwright's stability check waits for frames: the button is checked to be visible, then clicked
 * without that wait.
 */
async function choose(tab: AppPage, name: string): Promise<void> {
  const button = tab.page.getByTestId('conflict-notice').getByRole('button', { name });
  await tab.page.bringToFront();
  expect(await button.isVisible()).toBe(true);
  await button.click({ force: true });
}

/** The saved plan the tab's address bar names. */
const savedId = async (page: Page) => {
  await waitForLinkToMatchPlan(page);
  return page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('saved'));
};

// Storage, links and the plan only: every page here draws at a quarter of a pixel per CSS pixel (the tabs
// opened in a profile take its pixel ratio). One profile for the file: its page is the first of the several
// tabs too, which bring back the plan it saved last.
let app: AppPage;
beforeAll(async () => {
  app = await openApp({ deviceScaleFactor: UI_PIXEL_RATIO });
});
afterAll(async () => {
  await app.close();
});

describe('links, reloads and a page’s mistakes', () => {

  it('never puts the client’s name, date or notes in the address bar; the saved plan keeps them', async () => {
    const { page } = app;
    await page.getByTestId('plans-button').click();
    const dialog = page.getByRole('dialog', { name: 'Plans' });
    await dialog.getByLabel('Client name').pressSequentially('Jane Private');
    await dialog.getByLabel('Consultation date').fill('2026-11-23');
    await dialog.getByLabel('Notes').fill('FUT scar from 2019');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await edit(page, 'dots.densityPerCm2', 111);
    await waitForLinkToMatchPlan(page);
    const linked = await linkedPlan(page);
    expect(linked).not.toHaveProperty('client');
    expect((linked.dots as Plan['dots']).densityPerCm2).toBe(111);
    expect(JSON.stringify(linked)).not.toMatch(/Jane|FUT|2026-11-23/);

    await page.reload();
    await waitForReady(page);
    expect((await getPlan(page)).client).toEqual({ name: 'Jane Private', date: '2026-11-23', notes: 'FUT scar from 2019' });
    expect(await linkedPlan(page)).not.toHaveProperty('client');
    expect(app.errors).toEqual([]);
  });

  it.each([0, 150])('a reload %i ms after a burst of edits opens the newest plan, without a duplicate', async (delay) => {
    const { page } = app;
    await edit(page, 'dots.densityPerCm2', 100);
    await waitForLinkToMatchPlan(page);
    const before = await listPlans(page);
    // The link in the address bar says 100; the edits raise it to 120 and the page reloads straight after.
    await page.evaluate((delay) => {
      for (const density of [105, 110, 115, 120]) window.smp!.setPlan({ ...window.smp!.getPlan(), dots: { ...window.smp!.getPlan().dots, densityPerCm2: density } });
      setTimeout(() => location.reload(), delay);
    }, delay);
    await page.waitForEvent('load');
    await waitForReady(page);
    expect((await getPlan(page)).dots.densityPerCm2).toBe(120);
    expect((await getPlan(page)).client.name).toBe('Jane Private');
    expect(await listPlans(page)).toHaveLength(before.length);
  });

  it('rejects bad arguments with a clear error, and autosave stays on', async () => {
    const { page } = app;
    const results = await page.evaluate(async () => {
      const smp = window.smp! as unknown as Record<string, (...args: unknown[]) => unknown>;
      const attempt = async (call: () => unknown) => {
        try {
          await call();
          return 'accepted';
        } catch (error) {
          return (error as Error).message;
        }
      };
      return {
        nullId: await attempt(() => smp.openSavedPlan!(null)),
        noId: await attempt(() => smp.openSavedPlan!(undefined)),
        objectId: await attempt(() => smp.openSavedPlan!({})),
        unknownId: await attempt(() => smp.openSavedPlan!('0123456789abcdef')),
        viewOptions: await attempt(() => smp.setView!('top', { distance: 80 })),
        animate: await attempt(() => smp.setView!('top', { animate: 'yes' })),
        compare: await attempt(() => smp.setCompare!('split', 0.5)),
        file: await attempt(() => smp.importPlanFile!({ plan: 'x'.repeat(100_000) })),
      };
    });
    expect(results.nullId).toBe('openSavedPlan needs a plan id (text) from listPlans(), such as "3f9c…" (got null)');
    expect(results.noId).toMatch(/^openSavedPlan needs a plan id \(text\).*\(got undefined\)$/);
    expect(results.objectId).toMatch(/^openSavedPlan needs a plan id \(text\)/);
    expect(results.unknownId).toBe('There is no saved plan with the id "0123456789abcdef".');
    expect(results.viewOptions).toMatch(/^setView: unknown option "distance": use distanceMm, animate$/);
    expect(results.animate).toMatch(/^setView: animate must be true or false/);
    expect(results.compare).toMatch(/^setCompare: options must be an object/);
    expect(results.file.length).toBeLessThan(200);
    await edit(page, 'client.name', 'Still Saving');
    await flush(page);
    expect(await page.evaluate(() => window.smp!.listPlans().then((list) => list.map((p) => p.name)))).toContain('Still Saving');
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});

describe('several tabs on one saved plan', () => {
  let a: AppPage;
  let b: AppPage;
  let c: AppPage;
  beforeAll(async () => {
    a = app;
    await edit(a.page, 'client.name', 'Shared Client');
    await flush(a.page);
    // Opened without a link, the other tabs bring back the same saved plan.
    b = await openApp({ context: a.context });
    c = await openApp({ context: a.context });
  }, 400_000);
  afterAll(async () => {
    await c.close();
    await b.close();
  });

  /** The tab's saved plan as stored, read straight from IndexedDB. */
  const stored = async (page: Page) => {
    await flush(page);
    const id = await savedId(page);
    return page.evaluate(async (id) => {
      const request = indexedDB.open('smp-simulator');
      const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
      const get = db.transaction('plans').objectStore('plans').get(id);
      const record = await new Promise<{ plan: Plan; revision: number }>((resolve) => (get.onsuccess = () => resolve(get.result as { plan: Plan; revision: number })));
      db.close();
      return record;
    }, id!);
  };

  it('keeps both edits when two tabs change different fields at once', async () => {
    expect((await getPlan(b.page)).client.name).toBe('Shared Client');
    // Both tabs have unsaved changes when the first of them saves: the other one merges.
    await Promise.all([edit(a.page, 'dots.densityPerCm2', 125, 130), edit(b.page, 'client.notes', 'Notes from', 'Notes from B')]);
    await Promise.all([flush(a.page), flush(b.page)]);
    const record = await stored(b.page);
    expect(record.plan.dots.densityPerCm2).toBe(130);
    expect(record.plan.client.notes).toBe('Notes from B');
    for (const tab of [a, b, c]) await expect.poll(async () => (await getPlan(tab.page)).dots.densityPerCm2).toBe(130);
    for (const tab of [a, b, c]) await expect.poll(async () => (await getPlan(tab.page)).client.notes).toBe('Notes from B');
    const told = async (tab: AppPage) => (await tab.page.getByTestId('notice').filter({ hasText: 'Both sets of changes are kept' }).count()) > 0;
    await expect.poll(async () => (await told(a)) || (await told(b))).toBe(true);
  });

  it('keeps all three edits when three tabs change different fields at once', async () => {
    await Promise.all([edit(a.page, 'skin.color', '#5a3e30', '#604134'), edit(b.page, 'dots.diameterMm', 0.55, 0.6), edit(c.page, 'hairline.transitionMm', 11, 12)]);
    await Promise.all([flush(a.page), flush(b.page), flush(c.page)]);
    const record = await stored(c.page);
    expect(record.plan.skin.color).toBe('#604134');
    expect(record.plan.dots.diameterMm).toBe(0.6);
    expect(record.plan.hairline.transitionMm).toBe(12);
    for (const tab of [a, b, c]) await expect.poll(async () => JSON.stringify(await getPlan(tab.page))).toBe(JSON.stringify(record.plan));
    expect((await listPlans(a.page)).filter((p) => p.name === 'Shared Client')).toHaveLength(1);
  });

  it('asks when two tabs change the same field, and loses neither version', async () => {
    const count = (await listPlans(a.page)).length;
    await Promise.all([edit(a.page, 'dots.densityPerCm2', 95, 90), edit(b.page, 'dots.densityPerCm2', 160, 170)]);
    await Promise.all([flush(a.page).catch(() => undefined), flush(b.page).catch(() => undefined)]);
    // The tab whose save came second is asked; the other one's version is the saved plan.
    const loser = await askedTab([a, b]);
    const winner = loser === a ? b : a;
    const mine = (await getPlan(loser.page)).dots.densityPerCm2;
    const theirs = (await getPlan(winner.page)).dots.densityPerCm2;
    expect(new Set([mine, theirs])).toEqual(new Set([90, 170]));
    const notice = loser.page.getByTestId('conflict-notice');
    expect(await notice.textContent()).toContain('Density');
    expect(await loser.page.evaluate(() => window.smp!.flushAutosave().then(() => 'saved', (e: Error) => e.message))).toMatch(/another tab/);

    await choose(loser, 'Keep mine as a copy');
    await notice.waitFor({ state: 'detached' });
    await flush(loser.page);
    const plans = await listPlans(loser.page);
    expect(plans).toHaveLength(count + 1);
    expect((await getPlan(loser.page)).dots.densityPerCm2).toBe(mine);
    expect((await stored(winner.page)).plan.dots.densityPerCm2).toBe(theirs);
    for (const tab of [a, b, c]) expect(tab.errors).toEqual([]);
  });

  it('offers the other tab’s version, keeping this tab’s one Undo away', async () => {
    // Both tabs on one saved plan again (the copy kept in the last test is on screen in one of them).
    const id = await savedId(c.page);
    await a.page.evaluate((id) => window.smp!.openSavedPlan(id!), id);
    await b.page.evaluate((id) => window.smp!.openSavedPlan(id!), id);
    await Promise.all([edit(a.page, 'client.notes', 'A say', 'A says'), edit(b.page, 'client.notes', 'B say', 'B says')]);
    await Promise.all([flush(a.page).catch(() => undefined), flush(b.page).catch(() => undefined)]);
    const loser = await askedTab([a, b]);
    const mine = (await getPlan(loser.page)).client.notes;
    await choose(loser, 'Reload theirs');
    const theirs = mine === 'A says' ? 'B says' : 'A says';
    await expect.poll(async () => (await getPlan(loser.page)).client.notes).toBe(theirs);
    await loser.page.evaluate(() => window.smp!.undo());
    expect((await getPlan(loser.page)).client.notes).toBe(mine);
  });
});
