/**
 * Autosave: the plan on screen is always a saved plan in the library (src/io/planLibrary.ts), written a
 * moment after every change and at once when the page is hidden or closed. Also the saved-plan actions
 * (new, open, duplicate, rename, delete, open a file), which the Plans dialog and `window.smp` share.
 *
 * Every library write goes through one queue, so a save of the old plan always lands before another plan
 * is opened, and a deleted plan is never written back by a late save.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Simulator } from '../app/simulator';
import { defaultPlan, parsePlan, PlanError, type Plan } from '../domain/plan';
import type { ScanHead } from '../domain/scan/scanHead';
import { chooseStartRecord, newRecord, openPlanLibrary, type PlanHead, type PlanLibrary, type PlanRecord } from './planLibrary';

/** Long enough to gather a burst of typing into one write, short enough to lose nothing in a crash. */
const SAVE_DELAY_MS = 300;
/** A broken IndexedDB must not keep the app from starting: after this, start without saved plans. */
const START_TIMEOUT_MS = 1500;

export const AUTOSAVE_OFF_MESSAGE =
  'Autosave is off: this browser does not let the simulator keep plans on this device (private browsing, or storage is full or blocked). To keep this plan, export it as a file from Plans.';

export interface SavedPlansState {
  /** False when this browser cannot store plans: nothing is saved, and there is no list of plans. */
  available: boolean;
  /** The saved plan that the plan on screen is written to. */
  openId: string | null;
  /** Counts writes to the library, so that a shown list knows to read it again. */
  revision: number;
  /** The head scan the plan on screen is drawn on; null: the default head. */
  head: PlanHead | null;
}

export interface SavedPlans {
  state: StoreApi<SavedPlansState>;
  /** Resolves once the plan on screen is in the library; rejects when autosave is off. */
  flush(): Promise<void>;
  /** Every saved plan, newest first, including the plan on screen as it is now. */
  list(): Promise<PlanRecord[]>;
  /** Opens a fresh default plan as a new saved plan. */
  newPlan(): Promise<void>;
  /** Opens a saved plan, with a fresh undo history. */
  open(id: string): Promise<void>;
  /** Saves a copy of a saved plan (the plan on screen stays open). */
  duplicate(id: string): Promise<void>;
  /** Sets a saved plan's client name; on the plan on screen that is an edit, so it can be undone. */
  rename(id: string, name: string): Promise<void>;
  /** Deletes a saved plan; deleting the plan on screen opens the newest other one, or a new plan. */
  remove(id: string): Promise<void>;
  /** Opens a plan from elsewhere (a file) as a new saved plan; the plan on screen stays saved. */
  openAsNew(plan: Plan): Promise<void>;
  /**
   * Draws the plan on screen on this head scan from now on: the scan is stored (when autosave is on) and
   * the plan's saved record refers to it. A scan the plan no longer refers to is deleted, unless another
   * saved plan uses it.
   */
  attachScan(scan: ScanHead): Promise<void>;
  /** Switches the plan on screen between its scan (true) and the default head (false), keeping the scan. */
  useScan(use: boolean): Promise<void>;
  /** A stored scan; undefined when it is not on this device (or autosave is off). */
  loadScan(id: string): Promise<ScanHead | undefined>;
}

/** Asked for a saved plan that is not there (deleted in another tab, or a wrong id from a page). */
class MissingPlanError extends Error {
  constructor(id: string) {
    super(`There is no saved plan with the id "${id}".`);
    this.name = 'MissingPlanError';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`IndexedDB did not answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * Opens the library and brings back the plan to show (see `chooseStartRecord`), then saves every change.
 * Never rejects: without storage it shows a notice once and the app works on, unsaved. `restored` tells
 * whether a saved plan was brought back (rather than the link's or the default plan kept).
 */
export async function startAutosave(sim: Simulator, linkPlan: Plan | undefined): Promise<{ savedPlans: SavedPlans; restored: boolean }> {
  const { planStore, viewStore } = sim;
  const state = createStore<SavedPlansState>()(() => ({ available: false, openId: null, revision: 0, head: null }));
  let library: PlanLibrary | null = null;
  /** The saved plan on screen, as last written. */
  let open: PlanRecord | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let noticeShown = false;

  const turnOff = (error: unknown) => {
    // For whoever supports the clinic: the notice says what it means, the console says why.
    console.warn('Autosave is off:', error);
    clearTimeout(timer);
    library?.close();
    library = null;
    state.setState({ available: false, openId: null });
    if (!noticeShown) viewStore.getState().showNotice('error', AUTOSAVE_OFF_MESSAGE);
    noticeShown = true;
  };
  const changed = () => state.setState((s) => ({ revision: s.revision + 1 }));
  /** Runs library work after all earlier work; a failure turns autosave off (and the caller still sees it). */
  const enqueue = <T>(work: (lib: PlanLibrary) => Promise<T>): Promise<T> => {
    const task = queue.then(async () => {
      if (!library) throw new Error(AUTOSAVE_OFF_MESSAGE);
      try {
        return await work(library);
      } catch (error) {
        // A wrong id or an invalid name is the caller's mistake; anything else means the database failed.
        if (!(error instanceof MissingPlanError || error instanceof PlanError)) turnOff(error);
        throw error;
      }
    });
    queue = task.catch(() => undefined);
    return task;
  };
  const getRecord = async (lib: PlanLibrary, id: string) => {
    const record = await lib.get(id);
    if (!record) throw new MissingPlanError(id);
    return record;
  };

  /** Writes the plan on screen into its saved plan, if it changed. Only ever called inside the queue. */
  const saveOpenPlan = async (lib: PlanLibrary) => {
    clearTimeout(timer);
    const plan = planStore.getState().plan;
    if (!open || open.plan === plan) return;
    const record = { ...open, updatedAt: new Date().toISOString(), plan };
    await lib.save(record);
    open = record;
    changed();
  };
  /** Shows `plan` (fresh history) and makes `record`, or a new saved plan, the one it is written to. */
  const show = async (lib: PlanLibrary, plan: Plan, record: PlanRecord | null) => {
    if (plan !== planStore.getState().plan) planStore.getState().openPlan(plan);
    // openPlan stores a fresh copy: keep that very object, so that the save it schedules finds no change.
    const shown = planStore.getState().plan;
    open = { ...(record ?? newRecord(shown, new Date())), plan: shown };
    state.setState({ openId: open.id, head: open.head ?? null });
    if (record) await lib.setOpen(open.id);
    else await lib.save(open, { open: true });
    changed();
  };
  const flush = () => enqueue(saveOpenPlan);
  /** Gives the saved plan on screen another head, saving it with the plan as it is now. */
  const setOpenHead = async (lib: PlanLibrary, head: PlanHead) => {
    if (!open) return;
    const previous = open.head?.scanId;
    const plan = planStore.getState().plan;
    const record: PlanRecord = { ...open, updatedAt: new Date().toISOString(), plan, head };
    await lib.save(record);
    open = record;
    state.setState({ head });
    if (previous && previous !== head.scanId) await lib.removeUnusedScans([previous]);
    changed();
  };

  const starting = openPlanLibrary().then(async (lib) => ({ lib, records: await lib.list(), openId: await lib.openId() }));
  let restored = false;
  try {
    const start = await withTimeout(starting, START_TIMEOUT_MS);
    library = start.lib;
    state.setState({ available: true });
    const record = chooseStartRecord(start.records, start.openId, linkPlan);
    restored = record !== undefined && !linkPlan;
    await enqueue((lib) => show(lib, record?.plan ?? planStore.getState().plan, record ?? null));
  } catch (error) {
    // A late answer is not used: this page goes on unsaved rather than start saving behind the user's back.
    void starting.then(({ lib }) => lib.close(), () => undefined);
    turnOff(error);
  }

  planStore.subscribe((s, prev) => {
    if (s.plan === prev.plan || !library) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush().catch(() => undefined), SAVE_DELAY_MS);
  });
  // The last chances to save: the tab is closing or reloading (pagehide), or hidden and may be discarded.
  const flushNow = () => void (library && flush().catch(() => undefined));
  window.addEventListener('pagehide', flushNow);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flushNow());

  const savedPlans: SavedPlans = {
    state,
    flush,
    list: () =>
      enqueue(async (lib) => {
        await saveOpenPlan(lib);
        return lib.list();
      }),
    async newPlan() {
      if (!library) {
        state.setState({ head: null });
        return planStore.getState().openPlan(defaultPlan());
      }
      await enqueue(async (lib) => {
        await saveOpenPlan(lib);
        await show(lib, defaultPlan(), null);
      });
    },
    open: (id) =>
      enqueue(async (lib) => {
        await saveOpenPlan(lib);
        const record = await getRecord(lib, id);
        await show(lib, record.plan, record);
      }),
    duplicate: (id) =>
      enqueue(async (lib) => {
        await saveOpenPlan(lib);
        const original = await getRecord(lib, id);
        const copy = newRecord(original.plan, new Date());
        await lib.save(original.head ? { ...copy, head: original.head } : copy);
        changed();
      }),
    async rename(id, name) {
      if (id === open?.id) return planStore.getState().edit('Rename plan', (draft) => void (draft.client.name = name));
      await enqueue(async (lib) => {
        const record = await getRecord(lib, id);
        // Validated like any edit, so a name the schema refuses (too long) never reaches the database.
        const plan = parsePlan({ ...record.plan, client: { ...record.plan.client, name } });
        await lib.save({ ...record, updatedAt: new Date().toISOString(), plan });
        changed();
      });
    },
    remove: (id) =>
      enqueue(async (lib) => {
        const record = await lib.get(id);
        if (id !== open?.id) {
          await lib.remove(id);
          if (record?.head) await lib.removeUnusedScans([record.head.scanId]);
          return changed();
        }
        // The plan on screen is going: drop its pending save so that it cannot come back.
        clearTimeout(timer);
        open = null;
        await lib.remove(id);
        if (record?.head) await lib.removeUnusedScans([record.head.scanId]);
        const next = (await lib.list())[0];
        await show(lib, next?.plan ?? defaultPlan(), next ?? null);
      }),
    async openAsNew(plan) {
      if (!library) {
        state.setState({ head: null });
        return planStore.getState().openPlan(plan);
      }
      await enqueue(async (lib) => {
        await saveOpenPlan(lib);
        await show(lib, plan, null);
      });
    },
    async attachScan(scan) {
      const head: PlanHead = { scanId: scan.id, name: scan.name, useScan: true };
      if (!library) return void state.setState({ head });
      await enqueue(async (lib) => {
        await lib.saveScan(scan);
        await setOpenHead(lib, head);
      });
    },
    async useScan(use) {
      const head = state.getState().head;
      if (!head || head.useScan === use) return;
      if (!library) return void state.setState({ head: { ...head, useScan: use } });
      await enqueue((lib) => setOpenHead(lib, { ...head, useScan: use }));
    },
    loadScan: (id) => (library ? enqueue((lib) => lib.getScan(id)) : Promise.resolve(undefined)),
  };
  return { savedPlans, restored };
}
