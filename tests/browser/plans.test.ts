import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { defaultPlan, type Plan } from '../../src/domain/plan';
import { encodeBase64Url } from '../../src/io/planLink';
import { openApp, UI_PIXEL_RATIO, waitForLinkToMatchPlan, waitForReady, type AppPage } from './harness';

const getPlan = (page: Page) => page.evaluate(() => window.smp!.getPlan());
const listPlans = (page: Page) => page.evaluate(() => window.smp!.listPlans());
const noticeText = (scope: Page | Locator) => scope.getByTestId('notice').locator('p').textContent();

async function openPlansDialog(page: Page): Promise<Locator> {
  await page.getByTestId('plans-button').click();
  const dialog = page.getByRole('dialog', { name: 'Plans' });
  await dialog.waitFor();
  return dialog;
}

/** The saved plan's row in the dialog, once it is listed. */
async function row(dialog: Locator, name: string): Promise<Locator> {
  const found = dialog.locator('.plans-row').filter({ has: dialog.page().getByText(name, { exact: true }) });
  await found.first().waitFor();
  return found;
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

// These tests look at storage, links and the dialog, not the picture: small frames, and one profile for the
// autosave and dialog tests (the dialog's tests start from a new plan of their own).
let app: AppPage;
beforeAll(async () => {
  app = await openApp({ deviceScaleFactor: UI_PIXEL_RATIO });
});
afterAll(async () => {
  await app.close();
});

describe('autosave', () => {

  it('brings back the last plan in a new tab opened without a link', async () => {
    await app.page.evaluate(() => window.smp!.setPlan({ client: { name: 'Reload Test' }, dots: { diameterMm: 0.9, densityPerCm2: 140 } }));
    await app.page.evaluate(() => window.smp!.flushAutosave());
    const saved = await getPlan(app.page);
    expect(saved).not.toEqual(defaultPlan());

    const tab = await openApp({ context: app.context });
    try {
      expect(await getPlan(tab.page)).toEqual(saved);
      // Brought back, not saved again as another plan.
      expect((await listPlans(tab.page)).map((p) => p.name)).toEqual(['Reload Test']);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('saves a change made just before the tab navigates away, without waiting for the save delay', async () => {
    // The edit and the navigation happen in one task, well inside the 300 ms delay: the page-hide save keeps it.
    await app.page.evaluate(() => {
      window.smp!.setPlan({ client: { name: 'Closed Quickly' }, skin: { color: '#604134' } });
      location.href = location.pathname;
    });
    await app.page.waitForLoadState('load');
    await waitForReady(app.page);
    const plan = await getPlan(app.page);
    expect(plan.client.name).toBe('Closed Quickly');
    expect(plan.skin.color).toBe('#604134');
  });

  it('keeps the same saved plan on a reload with its link, and saves a different link as a new plan', async () => {
    await waitForLinkToMatchPlan(app.page);
    const before = await listPlans(app.page);
    await app.page.reload();
    await waitForReady(app.page);
    expect(await listPlans(app.page)).toEqual(before);

    const shared: Plan = { ...defaultPlan(), client: { name: 'From A Colleague', date: '2026-11-20', notes: '' } };
    const tab = await openApp({ context: app.context, hash: `#plan=${encodeBase64Url(JSON.stringify(shared))}` });
    try {
      expect(await getPlan(tab.page)).toEqual(shared);
      const after = await listPlans(tab.page);
      expect(after.map((p) => p.name).sort()).toEqual([...before.map((p) => p.name), 'From A Colleague'].sort());
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
    expect(app.errors).toEqual([]);
  });

  it('opens a link pasted into the open tab as a new saved plan, leaving the open plan saved as it was', async () => {
    await app.page.evaluate(() => window.smp!.setPlan({ ...window.smp!.getPlan(), client: { name: 'Open Before Paste', date: '', notes: '' } }));
    await app.page.evaluate(() => window.smp!.flushAutosave());
    const before = await getPlan(app.page);
    const pasted: Plan = { ...defaultPlan(), client: { name: 'Pasted Link', date: '', notes: '' }, dots: { ...defaultPlan().dots, diameterMm: 0.7 } };
    await app.page.evaluate((hash) => void (location.hash = hash), `#plan=${encodeBase64Url(JSON.stringify(pasted))}`);
    await expect.poll(() => getPlan(app.page)).toEqual(pasted);
    const names = (await listPlans(app.page)).map((p) => p.name);
    expect(names).toContain('Pasted Link');
    expect(names).toContain('Open Before Paste');
    const saved = await app.page.evaluate(async () => {
      const list = await window.smp!.listPlans();
      return list.find((p) => p.name === 'Open Before Paste')!.id;
    });
    await app.page.evaluate((id) => window.smp!.openSavedPlan(id), saved);
    expect(await getPlan(app.page)).toEqual(before);
  });
});

describe('the Plans dialog', () => {
  let page: Page;
  beforeAll(async () => {
    page = app.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    // A new, untitled plan with a history of its own, as in a fresh profile.
    const dialog = await openPlansDialog(page);
    await dialog.getByRole('button', { name: 'New plan' }).click();
    await page.waitForFunction(() => window.smp!.getPlan().client.name === '');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
  afterAll(async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Plans' }).waitFor({ state: 'detached' });
  });

  it('edits the client details, each field typed being one undo step, and closes with Escape', async () => {
    const dialog = await openPlansDialog(page);
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);

    await dialog.getByLabel('Client name').pressSequentially('Jane Doe');
    await dialog.getByLabel('Consultation date').fill('2026-11-23');
    await dialog.getByLabel('Notes').fill('Scar on the left crown.');
    expect((await getPlan(page)).client).toEqual({ name: 'Jane Doe', date: '2026-11-23', notes: 'Scar on the left crown.' });
    expect(await (await row(dialog, 'Jane Doe')).getByText('On screen').count()).toBe(1);

    await page.evaluate(() => window.smp!.undo());
    await page.evaluate(() => window.smp!.undo());
    expect((await getPlan(page)).client).toEqual({ name: 'Jane Doe', date: '', notes: '' });
    await page.evaluate(() => window.smp!.undo());
    expect((await getPlan(page)).client.name).toBe('');
    for (let i = 0; i < 3; i++) await page.evaluate(() => window.smp!.redo());
    expect(await dialog.getByLabel('Client name').inputValue()).toBe('Jane Doe');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('plans-button');
  });

  it('exports the plan as a file and imports it back, identical, as a new saved plan', async () => {
    await page.evaluate(() => window.smp!.setPlan({ ...window.smp!.getPlan(), dots: { ...window.smp!.getPlan().dots, diameterMm: 0.65 } }));
    const exported = await getPlan(page);
    const dialog = await openPlansDialog(page);
    const file = await readDownload(page, () => dialog.getByRole('button', { name: 'Export file' }).click());
    expect(file.name).toBe('jane-doe-2026-11-23.smp.json');
    const json = JSON.parse(file.text) as { format: string; formatVersion: number; exportedAt: string; plan: unknown };
    expect(json).toMatchObject({ format: 'smp-simulator-plan', formatVersion: 1 });
    expect(Date.now() - Date.parse(json.exportedAt)).toBeLessThan(60_000);
    expect(json.plan).toEqual(exported);
    expect(JSON.parse(await page.evaluate(() => window.smp!.exportPlanFile()))).toMatchObject({ format: 'smp-simulator-plan', plan: exported });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.evaluate(() => window.smp!.setPlan({ client: { name: 'Changed Since' }, dots: { diameterMm: 1.2 } }));
    const countBefore = (await listPlans(page)).length;
    const again = await openPlansDialog(page);
    await again.getByTestId('plan-file-input').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await again.waitFor({ state: 'detached' });
    expect(await noticeText(page)).toContain('Opened “Jane Doe” from file');
    expect(await getPlan(page)).toEqual(exported);
    // The plan that was on screen stays saved; the file is a new saved plan with a fresh history.
    const names = (await listPlans(page)).map((p) => p.name);
    expect(names).toHaveLength(countBefore + 1);
    expect(names).toContain('Changed Since');
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
  });

  it('explains a bad file, picked or dropped, and changes nothing', async () => {
    const plan = await getPlan(page);
    const count = (await listPlans(page)).length;
    const dialog = await openPlansDialog(page);
    await dialog.getByTestId('plan-file-input').setInputFiles({ name: 'clinic-map.geojson', mimeType: 'application/json', buffer: Buffer.from('{"type":"FeatureCollection","features":[]}') });
    await dialog.getByTestId('notice').filter({ hasText: 'clinic-map.geojson' }).waitFor();
    expect(await noticeText(dialog)).toMatch(/Could not open “clinic-map\.geojson”\. This file is not an SMP Simulator plan.*The plan on screen is unchanged/);
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const drop = (name: string, text: string, events: string[]) =>
      page.evaluate(
        ({ name, text, events }) => {
          const data = new DataTransfer();
          data.items.add(new File([text], name, { type: 'application/json' }));
          const target = document.querySelector('.stage')!;
          for (const type of events) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
        },
        { name, text, events },
      );
    await drop('notes.smp.json', 'Jane: mature line, 3 sessions', ['dragenter', 'dragover']);
    await page.getByText('Drop a plan file to open it, or a head scan to plan on it').waitFor();
    await drop('notes.smp.json', 'Jane: mature line, 3 sessions', ['drop']);
    await page.getByTestId('notice').filter({ hasText: 'notes.smp.json' }).waitFor();
    expect(await noticeText(page)).toMatch(/Could not open “notes\.smp\.json”\. This file is not an SMP Simulator plan: it is not JSON text\./);
    await page.getByText('Drop a plan file to open it, or a head scan to plan on it').waitFor({ state: 'detached' });

    const newer = JSON.stringify({ format: 'smp-simulator-plan', formatVersion: 1, exportedAt: '2030-01-01T00:00:00Z', plan: { version: 99 } });
    await drop('future.smp.json', newer, ['drop']);
    await page.getByTestId('notice').filter({ hasText: 'future.smp.json' }).waitFor();
    expect(await noticeText(page)).toMatch(/newer version of the SMP Simulator.*please update/);
    const invalid = JSON.stringify({ version: 2, dots: { diameterMm: 9 } });
    expect(await page.evaluate((text) => window.smp!.importPlanFile(text).then(() => 'opened', (e: Error) => e.message), invalid)).toMatch(/^Invalid plan: dots\.diameterMm must be between 0\.25 and 1\.75 mm \(got 9\)$/);

    expect(await getPlan(page)).toEqual(plan);
    expect(await listPlans(page)).toHaveLength(count);

    // A good file dropped on the window opens.
    await drop('marco.smp.json', JSON.stringify({ version: 1, skin: { color: '#825c43' } }), ['drop']);
    await page.getByTestId('notice').filter({ hasText: 'Opened “Untitled plan” from file' }).waitFor();
    expect((await getPlan(page)).skin.color).toBe('#825c43');
    expect(await listPlans(page)).toHaveLength(count + 1);
  });

  it('creates, renames, duplicates, opens and deletes saved plans', async () => {
    const dialog = await openPlansDialog(page);
    await dialog.getByRole('button', { name: 'New plan' }).click();
    const name = dialog.getByLabel('Client name');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('client-name');
    expect(await name.inputValue()).toBe('');
    await name.pressSequentially('Alex Kim');
    expect(await (await row(dialog, 'Alex Kim')).getByText('On screen').count()).toBe(1);

    // Rename a plan that is not on screen.
    const jane = (await row(dialog, 'Changed Since')).first();
    await jane.getByRole('button', { name: /^Rename/ }).click();
    const newName = dialog.getByLabel('New name for “Changed Since”');
    expect(await newName.evaluate((el) => el === document.activeElement)).toBe(true);
    await newName.fill('Jane Smith');
    await newName.press('Enter');
    await row(dialog, 'Jane Smith');
    expect(await dialog.locator('.plans-status').textContent()).toBe('Renamed to “Jane Smith”.');
    expect((await listPlans(page)).map((p) => p.name)).toContain('Jane Smith');
    expect((await getPlan(page)).client.name).toBe('Alex Kim');

    // Escape in the rename box backs out of the rename only.
    await (await row(dialog, 'Jane Smith')).getByRole('button', { name: /^Rename/ }).click();
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Rename Jane Smith');

    // Renaming the plan on screen is an edit that can be undone.
    await (await row(dialog, 'Alex Kim')).getByRole('button', { name: /^Rename/ }).click();
    await dialog.getByLabel('New name for “Alex Kim”').fill('Alex King');
    await dialog.getByRole('button', { name: 'Save name' }).click();
    await row(dialog, 'Alex King');
    await page.evaluate(() => window.smp!.undo());
    await row(dialog, 'Alex Kim');

    const count = (await listPlans(page)).length;
    await (await row(dialog, 'Jane Smith')).getByRole('button', { name: /^Duplicate/ }).click();
    await expect.poll(async () => (await row(dialog, 'Jane Smith')).count()).toBe(2);
    expect(await listPlans(page)).toHaveLength(count + 1);

    await (await row(dialog, 'Jane Smith')).first().getByRole('button', { name: /^Open/ }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await noticeText(page)).toBe('Opened “Jane Smith”');
    expect((await getPlan(page)).client.name).toBe('Jane Smith');
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);

    // Deleting asks first; Cancel keeps the plan.
    const reopened = await openPlansDialog(page);
    const current = reopened.locator('.plans-row.current');
    await current.getByRole('button', { name: /^Delete/ }).click();
    expect(await current.getByText('Delete “Jane Smith”? This cannot be undone.').isVisible()).toBe(true);
    await current.getByRole('button', { name: 'Cancel' }).click();
    expect(await listPlans(page)).toHaveLength(count + 1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Delete Jane Smith');

    // Deleting the plan on screen opens the newest remaining one.
    await current.getByRole('button', { name: /^Delete/ }).click();
    await current.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(async () => (await listPlans(page)).length).toBe(count);
    const remaining = await listPlans(page);
    expect(remaining.filter((p) => p.name === 'Jane Smith')).toHaveLength(1);
    expect((await getPlan(page)).client.name).toBe(remaining[0]!.name);
    expect(await reopened.locator('.plans-row.current strong').textContent()).toBe(remaining[0]!.name || 'Untitled plan');
    expect(await reopened.locator('.plans-status').textContent()).toBe(`Deleted “Jane Smith”. Now on screen: “${remaining[0]!.name || 'Untitled plan'}”.`);
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});

/** Starts, says once that autosave is off, and keeps working: edits, the Plans dialog, a file export. */
async function checkAutosaveOff(app: AppPage): Promise<void> {
  // Storage that does not answer is waited for (20 s) before autosave is called off.
  await app.page.getByTestId('notice').filter({ hasText: /^Autosave is off/ }).waitFor({ timeout: 40_000 });
  await app.page.evaluate(() => window.smp!.setPlan({ client: { name: 'Unsaved Client' } }));
  expect(await app.page.evaluate(() => window.smp!.flushAutosave().then(() => 'saved', (e: Error) => e.message))).toMatch(/^Autosave is off/);
  const dialog = await openPlansDialog(app.page);
  expect(await dialog.getByText(/^Autosave is off/).count()).toBeGreaterThan(0);
  expect(await dialog.getByText('Saved plans').count()).toBe(0);
  const file = await readDownload(app.page, () => dialog.getByRole('button', { name: 'Export file' }).click());
  expect(file.name).toBe('unsaved-client.smp.json');
  expect(app.errors).toEqual([]);
}

describe('without storage', () => {
  /**
   * Opened first and looked at last: the app waits 20 s for storage that never answers, and the other
   * tests here run meanwhile instead of waiting too.
   */
  let neverAnswers: AppPage;
  beforeAll(async () => {
    neverAnswers = await openApp({ deviceScaleFactor: UI_PIXEL_RATIO, initScript: () => void (IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest) });
  });
  afterAll(async () => {
    await neverAnswers?.close();
  });

  it('starts, says once that autosave is off, and keeps working when IndexedDB refuses it (as some private modes do)', async () => {
    const app = await openApp({
      deviceScaleFactor: UI_PIXEL_RATIO,
      initScript: () => void (IDBFactory.prototype.open = () => { throw new DOMException('IndexedDB is disabled', 'InvalidStateError'); }),
    });
    try {
      await checkAutosaveOff(app);
    } finally {
      await app.close();
    }
  });

  it('waits for storage that is slow to open, without turning autosave off, and saves what was done meanwhile', async () => {
    const app = await openApp({
      deviceScaleFactor: UI_PIXEL_RATIO,
      initScript: () => {
        // IndexedDB answers 2.5 s late (a busy machine): the app starts after 1.5 s without it, and storage
        // is waited for (autosave would be called off only after 20 s).
        const open = IDBFactory.prototype.open;
        IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
          let real: IDBOpenDBRequest | undefined;
          const late = {
            get result() {
              return real!.result;
            },
            get error() {
              return real!.error;
            },
          } as unknown as IDBOpenDBRequest;
          setTimeout(() => {
            real = open.apply(this, args);
            for (const type of ['success', 'error', 'upgradeneeded', 'blocked'] as const) {
              real.addEventListener(type, (event) => (late as unknown as Record<string, ((e: Event) => void) | null>)[`on${type}`]?.(event));
            }
          }, 2500);
          return late;
        };
      },
    });
    const { page } = app;
    try {
      await page.evaluate(() => window.smp!.setPlan({ client: { name: 'Typed While Slow' } }));
      expect(await page.evaluate(() => window.smp!.flushAutosave().then(() => 'saved', (e: Error) => e.message))).toBe('saved');
      expect((await listPlans(page)).map((p) => p.name)).toContain('Typed While Slow');
      expect(await page.getByTestId('notice').allTextContents()).toEqual([]);
      expect((await getPlan(page)).client.name).toBe('Typed While Slow');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('turns autosave off with one message when storage fills up, and back on once it has room', async () => {
    // Storage fills up while the app runs: the file's page, its storage made to refuse writes while storageFull is set.
    const { page } = app;
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if ((window as unknown as { storageFull?: boolean }).storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const errorsBefore = app.errors.length;
    await page.evaluate(() => window.smp!.setPlan({ client: { name: 'Before Full' } }));
    await page.evaluate(() => window.smp!.flushAutosave());
    await page.evaluate(() => {
      (window as unknown as { storageFull?: boolean }).storageFull = true;
      window.smp!.setPlan({ client: { name: 'After Full' } });
    });
    // The first save to fail says why (after its retries); one asked for after that, that autosave is off.
    expect(await page.evaluate(() => window.smp!.flushAutosave().then(() => 'saved', (e: Error) => e.message))).toMatch(/quota|^Autosave is off/);
    expect(await noticeText(page)).toMatch(/^Autosave is off/);
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    // Later edits neither save nor repeat the message.
    await page.evaluate(() => window.smp!.setPlan({ client: { name: 'Still Working' } }));
    await page.waitForTimeout(600);
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect((await getPlan(page)).client.name).toBe('Still Working');
    await page.evaluate(() => window.smp!.undo());
    expect((await getPlan(page)).client.name).toBe('After Full');

    // Room again: autosave comes back by itself and saves the plan on screen.
    await page.evaluate(() => void ((window as unknown as { storageFull?: boolean }).storageFull = false));
    await page.getByTestId('notice').filter({ hasText: 'Autosave is back on' }).waitFor({ timeout: 30_000 });
    await page.evaluate(() => window.smp!.flushAutosave());
    expect((await listPlans(page)).map((p) => p.name)).toContain('After Full');
    expect(app.errors.slice(errorsBefore)).toEqual([]);
  });

  it('starts, says once that autosave is off, and keeps working when IndexedDB never answers', async () => {
    await checkAutosaveOff(neverAnswers);
  });
});
