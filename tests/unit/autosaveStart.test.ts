/**
 * Autosave's start-up with a damaged record stored as the plan last open, in Node on an in-memory
 * IndexedDB (fake-indexeddb): the browser suite checks the same through a real page, but a loaded machine
 * makes its timing vary; here the slow start (storage answering after the app has started) is made on
 * purpose, so both paths of `begin` are covered every run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/app/simulator';
import { defaultPlan, type Plan } from '../../src/domain/plan';
import { startAutosave } from '../../src/io/autosave';
import { newRecord, openPlanLibrary } from '../../src/io/planLibrary';
import type { PlanRecord } from '../../src/domain/savedPlan';
import { stubPage } from '../support/nodePage';

/** What the page offers autosave: window and document events, localStorage. */
function installPage(): void {
  const items = new Map<string, string>();
  const storage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
  // Object.keys(localStorage) lists the stored keys in a browser: a proxy gives the same here.
  const localStorage = new Proxy(storage, {
    ownKeys: () => [...items.keys()],
    getOwnPropertyDescriptor: (target, key) => (typeof key === 'string' && items.has(key) ? { value: items.get(key), enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(target, key)),
  });
  stubPage({ localStorage });
}

/** Makes IndexedDB answer `delayMs` late, as a busy machine's storage does. */
function slowStorage(delayMs: number): void {
  const factory = globalThis.indexedDB;
  const open = factory.open.bind(factory);
  factory.open = (name: string, version?: number) => {
    const real = open(name, version);
    const late = {
      result: undefined as unknown,
      error: null as DOMException | null,
      onsuccess: null as (() => void) | null,
      onerror: null as (() => void) | null,
      onupgradeneeded: null as ((event: Event) => void) | null,
    };
    real.onupgradeneeded = (event) => {
      late.result = real.result;
      late.onupgradeneeded?.(event);
    };
    real.onsuccess = () =>
      setTimeout(() => {
        late.result = real.result;
        late.onsuccess?.();
      }, delayMs);
    real.onerror = () => {
      late.error = real.error;
      late.onerror?.();
    };
    return late as unknown as IDBOpenDBRequest;
  };
}

/** Stores `record` (its plan given a gap in the hairline's points) as the plan last open, as an older version could have. */
async function storeDamaged(record: PlanRecord, repairable: boolean): Promise<void> {
  const lib = await openPlanLibrary();
  const plan = structuredClone(record.plan) as Plan & { hairline: { points: number[][] } };
  plan.hairline.points = [
    [0, 110, 60],
    [20, 108, 58],
    [40, 104, 50],
    [55, 90, 45],
    [65, 70, 40],
  ];
  delete plan.hairline.points[3];
  if (!repairable) plan.dots.diameterMm = 99;
  await lib.save({ ...record, plan }, { open: true });
  lib.close();
}

async function storedRecord(id: string): Promise<{ plan: { hairline: { points: unknown[] } } }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const opening = indexedDB.open('smp-simulator');
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
  const value = await new Promise<{ plan: { hairline: { points: unknown[] } } }>((resolve) => {
    const request = db.transaction('plans').objectStore('plans').get(id);
    request.onsuccess = () => resolve(request.result as { plan: { hairline: { points: unknown[] } } });
  });
  db.close();
  return value;
}

/** Waits until `check` holds (autosave's late start runs on its own). */
async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('autosave start-up with a damaged last-open plan', { timeout: 20_000 }, () => {
  beforeEach(installPage);
  afterEach(() => {
    window.dispatchEvent(new Event('pagehide'));
  });

  const damagedRecord = (): PlanRecord => ({ ...newRecord({ ...defaultPlan(), client: { ...defaultPlan().client, name: 'Damaged' } }, new Date(), 'damaged0001'), revision: 1 });

  for (const late of [false, true]) {
    const when = late ? 'when storage answers late' : 'when storage answers at once';

    it(`opens a repaired copy and keeps the stored record as it was, ${when}`, async () => {
      await storeDamaged(damagedRecord(), true);
      if (late) slowStorage(1800);
      const sim = createSimulator();
      const { savedPlans } = await startAutosave(sim, undefined);
      await until(() => !savedPlans.state.getState().starting && sim.viewStore.getState().notice !== null);
      expect(sim.viewStore.getState().notice?.text).toEqual({ key: 'app:notices.damaged.repaired' });
      const plan = sim.planStore.getState().plan;
      expect(plan.client.name).toBe('Damaged');
      expect(plan.hairline.points).toHaveLength(4);
      expect(savedPlans.state.getState().openId).not.toBe('damaged0001');
      const stored = await storedRecord('damaged0001');
      expect(stored.plan.hairline.points).toHaveLength(5);
      expect(3 in stored.plan.hairline.points).toBe(false);
    });

    it(`shows the most recent other plan when the damaged one cannot be repaired, ${when}`, async () => {
      const lib = await openPlanLibrary();
      const other = { ...newRecord({ ...defaultPlan(), client: { ...defaultPlan().client, name: 'Other' } }, new Date(Date.now() - 60_000), 'other000001'), revision: 3 };
      await lib.save(other);
      lib.close();
      await storeDamaged(damagedRecord(), false);
      if (late) slowStorage(1800);
      const sim = createSimulator();
      const { savedPlans } = await startAutosave(sim, undefined);
      await until(() => !savedPlans.state.getState().starting && sim.viewStore.getState().notice !== null);
      expect(sim.viewStore.getState().notice?.text).toEqual({ key: 'app:notices.damaged.other' });
      expect(sim.planStore.getState().plan.client.name).toBe('Other');
      expect(savedPlans.state.getState().openId).toBe('other000001');
    });
  }
});
