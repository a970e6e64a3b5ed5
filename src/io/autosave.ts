/**
 * Autosave: the plan on screen is always a saved plan in the library (src/io/planLibrary.ts), written
 * at once after a pause in editing, a moment after the last change (and at least every second while
 * changes keep coming), and at once when the page is hidden or closed. Also the saved-plan actions (new,
 * open, duplicate, rename, delete, open a file), which the Plans dialog and `window.smp` share.
 *
 * Every library write goes through one queue, so a save of the old plan always lands before another plan
 * is opened, and a deleted plan is never written back by a late save.
 *
 * Tabs on one saved plan see each other's saves: a save names the revision it replaces, and when another
 * tab saved first, this tab takes theirs (no unsaved changes here), merges both (different fields), or
 * asks the user (the same fields), so that no edit is lost without a word.
 *
 * Only storage that keeps refusing turns autosave off (after retries); it comes back on by itself once
 * storage works again. A mistake by a caller (a wrong id) is the caller's error and changes nothing.
 */
import { createStore } from 'zustand/vanilla';
import { runCommand } from '../app/commands';
import type { Simulator } from '../app/simulator';
import { excerpt } from '../domain/format';
import { defaultPlan, parsePlan, PlanError, type Plan } from '../domain/plan';
import { mergePlans } from '../domain/planMerge';
import { sameData } from '../domain/plainData';
import {
  chooseLinkedRecord,
  chooseStartRecord,
  damagedPlanNotice,
  newRecord,
  openPlanLibrary,
  readRecord,
  RevisionConflictError,
  type PlanLibrary,
  type StartChoice,
} from './planLibrary';
import { planTitle, type LinkedPlan, type PlanHead, type PlanRecord } from '../domain/savedPlan';
import { AUTOSAVE_OFF_MESSAGE, type SavedPlans, type SavedPlansState } from '../app/savedPlans';
import type { Message } from '../domain/languages';
import { message, TextError } from '../domain/textError';
import { removePlanPhotos } from './photos/photoStore';

/** Long enough to gather a burst of typing into one write, short enough to lose nothing in a crash. */
const SAVE_DELAY_MS = 300;
/** Changes that keep coming (a long slider drag, steady typing) are still saved at least this often. */
const SAVE_MAX_WAIT_MS = 1000;
/** The app starts after this even if storage has not answered; the plans come when it does. */
const START_WAIT_MS = 1500;
/** Storage that has not answered by then is reported as off (it is still waited for). */
const START_GIVE_UP_MS = 20_000;
/** Waits before trying a failed write again; after the last one autosave is off. */
const RETRY_DELAYS_MS = [200, 600, 1500];
/** While off, storage is tried again this often (doubling up to the maximum). */
const PROBE_FIRST_MS = 5000;
const PROBE_MAX_MS = 60_000;

const CONFLICT_PENDING_MESSAGE = 'This plan was also changed in another tab: choose “Reload theirs” or “Keep mine as a copy” first.';

/** A notice's plan title; an untitled plan is named in the reader's language (the `_untitled` wording). */
const titled = (plan: Plan) => ({ title: planTitle(plan), ...(!plan.client.name.trim() && { context: 'untitled' }) });

/** Asked for a saved plan that is not there (deleted in another tab, or a wrong id from a page). */
class MissingPlanError extends TextError {
  constructor(id: unknown) {
    super(message('saved.missing', { id: excerpt(id) }), `There is no saved plan with the id ${excerpt(id)}.`);
    this.name = 'MissingPlanError';
  }
}

/** Whether an error means storage failed, rather than a caller's mistake (a wrong id, an invalid plan). */
function isStorageFailure(error: unknown): boolean {
  if (error instanceof MissingPlanError || error instanceof PlanError || error instanceof RevisionConflictError) return false;
  // IndexedDB's DataError: a key it cannot use, which only a bad argument produces.
  return !(error instanceof DOMException && error.name === 'DataError');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface LibraryStart {
  lib: PlanLibrary;
  records: PlanRecord[];
  openId: string | undefined;
}

/** localStorage keys of plans written as a page closed (one per saved plan): see `keepForNextStart`. */
const CLOSING_KEY_PREFIX = 'smp-simulator.closing.';

/**
 * A write made as the page closes may not land: the browser can drop an IndexedDB transaction of a page
 * it is unloading (a reload straight after an edit). localStorage is written at once, so the record is also
 * kept there, and the next start writes it unless the library already holds that revision or a newer one.
 */
function keepForNextStart(record: PlanRecord): void {
  try {
    localStorage.setItem(CLOSING_KEY_PREFIX + record.id, JSON.stringify(record));
  } catch {
    // Full or refused: the IndexedDB write is still on its way.
  }
}

/** Takes (and forgets) the records kept by `keepForNextStart`. */
function takeKeptRecords(): PlanRecord[] {
  const kept: PlanRecord[] = [];
  try {
    for (const key of Object.keys(localStorage).filter((k) => k.startsWith(CLOSING_KEY_PREFIX))) {
      const text = localStorage.getItem(key);
      localStorage.removeItem(key);
      const record = readRecord(JSON.parse(text ?? 'null'));
      if (record) kept.push(record);
    }
  } catch {
    // localStorage refused or held something damaged: nothing to bring back.
  }
  return kept;
}

async function startLibrary(): Promise<LibraryStart> {
  const lib = await openPlanLibrary();
  let records = await lib.list();
  const kept = takeKeptRecords().filter((k) => (records.find((r) => r.id === k.id)?.revision ?? 0) < k.revision);
  if (kept.length) {
    for (const record of kept) await lib.save(record);
    records = await lib.list();
  }
  return { lib, records, openId: await lib.openId() };
}

/**
 * Opens the library and brings back the plan to show (see `chooseStartRecord`), then saves every change.
 * Never rejects and waits at most START_WAIT_MS: storage that answers later is used from then on, and
 * without storage the app works on, unsaved, with one notice. `restored` tells whether a saved plan was
 * brought back (rather than the link's or the default plan kept).
 */
export async function startAutosave(sim: Simulator, link: LinkedPlan | undefined): Promise<{ savedPlans: SavedPlans; restored: boolean }> {
  const { planStore, viewStore } = sim;
  const state = createStore<SavedPlansState>()(() => ({ available: false, starting: true, openId: null, revision: 0, head: null, conflict: null }));
  let library: PlanLibrary | null = null;
  /** The saved plan on screen, as last written or read: the base that unsaved changes are made on. */
  let open: PlanRecord | null = null;
  /** The other tab's version, while the user chooses (state.conflict). */
  let theirs: PlanRecord | null = null;
  /** The newest revision of the plan on screen that other tabs announced. */
  let announced = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest unsaved change was made (performance.now()), for the maximum wait. */
  let pendingSince: number | undefined;
  let lastSaveAt = -Infinity;
  let queue: Promise<unknown> = Promise.resolve();
  let offNoticeShown = false;
  let probeTimer: ReturnType<typeof setTimeout> | undefined;
  let probeDelay = PROBE_FIRST_MS;
  let stopListening = () => {};
  const startPlan = planStore.getState().plan;

  const changed = () => state.setState((s) => ({ revision: s.revision + 1 }));
  const notice = (kind: 'info' | 'error', message: Message) => viewStore.getState().showNotice(kind, message);

  const turnOff = (error: unknown) => {
    // For whoever supports the clinic: the notice says what it means, the console says why.
    console.warn('Autosave is off:', error);
    clearTimeout(timer);
    stopListening();
    library?.close();
    library = null;
    state.setState({ available: false, starting: false });
    if (!offNoticeShown) notice('error', { key: 'app:notices.autosaveOff' });
    offNoticeShown = true;
    scheduleProbe();
  };

  /** Runs library work after all earlier work. Storage failures are retried; only then is autosave off. */
  const enqueue = <T,>(work: (lib: PlanLibrary) => Promise<T>): Promise<T> => {
    const task = queue.then(async () => {
      for (let attempt = 0; ; attempt++) {
        if (!library) throw new TextError({ key: 'app:notices.autosaveOff' }, AUTOSAVE_OFF_MESSAGE);
        try {
          return await work(library);
        } catch (error) {
          if (!isStorageFailure(error)) throw error;
          const delay = RETRY_DELAYS_MS[attempt];
          if (delay === undefined) {
            turnOff(error);
            throw error;
          }
          console.warn('Saving failed; trying again:', error);
          await sleep(delay);
        }
      }
    });
    queue = task.catch(() => undefined);
    return task;
  };
  const getRecord = async (lib: PlanLibrary, id: string) => {
    if (typeof id !== 'string' || !id) throw new MissingPlanError(id);
    const record = await lib.get(id);
    if (!record) throw new MissingPlanError(id);
    return record;
  };

  /** Makes `record` the base of the plan on screen; `shown` is the plan object on screen when they match. */
  const setOpen = (record: PlanRecord) => {
    const shown = planStore.getState().plan;
    open = sameData(record.plan, shown) ? { ...record, plan: shown } : record;
    announced = Math.max(announced, record.revision);
    const { openId, head } = state.getState();
    if (openId !== record.id || JSON.stringify(head) !== JSON.stringify(record.head ?? null)) state.setState({ openId: record.id, head: record.head ?? null });
  };

  /** Writes the plan on screen into its saved plan, if it changed. Only ever called inside the queue. */
  const saveOpenPlan = async (lib: PlanLibrary): Promise<void> => {
    clearTimeout(timer);
    pendingSince = undefined;
    const plan = planStore.getState().plan;
    if (!open || theirs || open.plan === plan) return;
    const record: PlanRecord = { ...open, updatedAt: new Date().toISOString(), revision: open.revision + 1, plan };
    try {
      await lib.save(record, { replaces: open.revision });
    } catch (error) {
      if (!(error instanceof RevisionConflictError)) throw error;
      return catchUp(lib, error.stored);
    }
    lastSaveAt = performance.now();
    open = record;
    changed();
  };

  /**
   * Another tab saved the plan on screen (`stored`): take theirs when nothing here is unsaved, merge when
   * the two changed different fields, else ask the user. Inside the queue.
   */
  const catchUp = async (lib: PlanLibrary, stored: PlanRecord | undefined): Promise<void> => {
    if (!open || !stored || stored.id !== open.id || stored.revision <= open.revision) return;
    const mine = planStore.getState().plan;
    if (mine === open.plan || sameData(mine, stored.plan)) {
      if (!sameData(mine, stored.plan)) runCommand(sim, 'plan.replace', { plan: stored.plan, label: 'Changes from another tab' });
      theirs = null;
      state.setState({ conflict: null });
      return setOpen(stored);
    }
    const { merged, conflicts } = mergePlans(open.plan, mine, stored.plan);
    let plan: Plan | undefined;
    if (!conflicts.length) {
      try {
        plan = parsePlan(merged);
      } catch {
        // Two valid halves that do not make a valid whole (rare): the user chooses.
      }
    }
    if (!plan) {
      theirs = stored;
      state.setState({ conflict: { fields: conflicts } });
      return;
    }
    runCommand(sim, 'plan.replace', { plan, label: 'Merge with another tab’s changes' });
    theirs = null;
    state.setState({ conflict: null });
    setOpen(stored);
    notice('info', { key: 'app:notices.mergedWithOtherTab' });
    await saveOpenPlan(lib);
  };

  /** Keeps this tab's version as a new saved plan; `show` also makes it the plan on screen. */
  const saveMineAsCopy = async (lib: PlanLibrary, show: boolean) => {
    const mine = planStore.getState().plan;
    const copy: PlanRecord = { ...newRecord(mine, new Date()), revision: 1, ...(open?.head && { head: open.head }) };
    await lib.save(copy, { open: show });
    theirs = null;
    state.setState({ conflict: null });
    if (show) setOpen(copy);
    changed();
    return copy;
  };

  /** Before another plan replaces the one on screen: save it (during a conflict, as a copy). */
  const leaveOpenPlan = async (lib: PlanLibrary) => {
    if (theirs && open && !sameData(planStore.getState().plan, theirs.plan)) await saveMineAsCopy(lib, false);
    theirs = null;
    state.setState({ conflict: null });
    await saveOpenPlan(lib);
  };

  /** Shows `plan` (fresh history) in `record`, or in a new saved plan, and makes that the one written to. */
  const show = async (lib: PlanLibrary, plan: Plan, record: PlanRecord | null) => {
    if (plan !== planStore.getState().plan) planStore.getState().openPlan(plan);
    const shown = planStore.getState().plan;
    if (record) {
      setOpen(record);
      await lib.setOpen(record.id);
      // A link's newer design shown in its saved plan: written as that plan's next revision.
      await saveOpenPlan(lib);
    } else {
      const created: PlanRecord = { ...newRecord(shown, new Date()), revision: 1 };
      await lib.save(created, { open: true });
      setOpen(created);
    }
    changed();
  };
  const flush = async () => {
    await started;
    if (theirs) throw new TextError(message('saved.conflictPending'), CONFLICT_PENDING_MESSAGE);
    return enqueue(saveOpenPlan);
  };
  /** Gives the saved plan on screen another head, saving it with the plan as it is now. */
  const setOpenHead = async (lib: PlanLibrary, head: PlanHead) => {
    if (!open) return;
    const previous = open.head?.scanId;
    const record: PlanRecord = { ...open, updatedAt: new Date().toISOString(), revision: open.revision + 1, plan: planStore.getState().plan, head };
    try {
      await lib.save(record, { replaces: open.revision });
    } catch (error) {
      if (!(error instanceof RevisionConflictError)) throw error;
      // Another tab saved meanwhile: catch up with it first, then change the head on top.
      await catchUp(lib, error.stored);
      return setOpenHead(lib, head);
    }
    open = record;
    state.setState({ head });
    if (previous && previous !== head.scanId) await lib.removeUnusedScans([previous]);
    changed();
  };

  /** Saves soon: after a pause in the changes, at the latest SAVE_MAX_WAIT_MS after the first unsaved one. */
  const scheduleSave = () => {
    const now = performance.now();
    const idle = pendingSince === undefined && now - lastSaveAt > SAVE_DELAY_MS;
    pendingSince ??= now;
    clearTimeout(timer);
    // The first change after a quiet spell is saved at once: a crash right after it loses nothing.
    const wait = idle ? 0 : Math.min(SAVE_DELAY_MS, pendingSince + SAVE_MAX_WAIT_MS - now);
    timer = setTimeout(() => void flush().catch(() => undefined), Math.max(0, wait));
  };

  /** Listens to the other tabs: a save of the plan on screen is caught up with; any change refreshes lists. */
  const listen = (lib: PlanLibrary) => {
    stopListening = lib.onChange((change) => {
      changed();
      if (change.id !== open?.id || change.revision === null) return;
      announced = Math.max(announced, change.revision);
      if (change.revision > open.revision) void enqueue(async (l) => catchUp(l, await l.get(change.id))).catch(() => undefined);
    });
  };

  /** Autosave works (again): no more probing, and a user who was told it was off is told it is back. */
  const resumed = () => {
    clearTimeout(probeTimer);
    probeDelay = PROBE_FIRST_MS;
    if (offNoticeShown) notice('info', { key: 'app:notices.autosaveBack' });
    offNoticeShown = false;
  };

  /** Storage answered: bring back the plan to show (or save the one the user has been editing since). */
  const begin = async (start: LibraryStart, late: boolean) => {
    if (library) {
      // Already started by another attempt (a probe): this connection is not needed.
      start.lib.close();
      return false;
    }
    library = start.lib;
    listen(start.lib);
    state.setState({ available: true, starting: false });
    const edited = !sameData(planStore.getState().plan, startPlan);
    // The plan last open, stored with a fault this version refuses (an older version's), never stops the
    // start: a repaired copy opens as a new plan where one can be made; the stored record stays as it is.
    const damaged = link || (late && edited) ? undefined : await start.lib.damaged(start.openId);
    const choice: StartChoice | undefined = damaged?.repaired ? undefined : chooseStartRecord(start.records, start.openId, link);
    if (late && edited) {
      // The user has been working meanwhile: that plan is kept, saved into its own record or a new one.
      const own = choice && link ? choice.record : null;
      await enqueue((lib) => show(lib, planStore.getState().plan, own));
    } else {
      await enqueue((lib) => show(lib, damaged?.repaired ?? choice?.plan ?? planStore.getState().plan, choice?.record ?? null));
      if (damaged) notice('error', damagedPlanNotice(damaged, choice ? 'other' : 'new'));
      else if (late && choice && !link) notice('info', { key: 'app:notices.broughtBack', params: titled(choice.plan) });
    }
    resumed();
    return choice !== undefined && !link;
  };

  /** While autosave is off: tries storage again now and then; once it works, autosave is back on. */
  function scheduleProbe() {
    clearTimeout(probeTimer);
    probeTimer = setTimeout(() => void probe(), probeDelay);
    probeDelay = Math.min(probeDelay * 2, PROBE_MAX_MS);
  }
  async function probe() {
    if (library) return;
    let start: LibraryStart | undefined;
    try {
      start = await Promise.race([startLibrary(), sleep(START_GIVE_UP_MS).then(() => Promise.reject(new Error('IndexedDB did not answer')))]);
      if (open) {
        const lib = start.lib;
        // A real write proves storage works again; then the plan on screen is saved.
        await lib.setOpen(open.id);
        library = lib;
        listen(lib);
        state.setState({ available: true, starting: false });
        const id = open.id;
        await enqueue(async (l) => {
          // Another tab may have saved meanwhile: catch up with it, then save what this tab has.
          await catchUp(l, await l.get(id));
          await saveOpenPlan(l);
        });
      } else {
        await begin(start, true);
      }
    } catch (error) {
      start?.lib.close();
      if (library === start?.lib) library = null;
      console.warn('Storage is still not available:', error);
      state.setState({ available: false });
      return scheduleProbe();
    }
    resumed();
  }

  // Start: wait a moment for storage; a slow answer is still used when it comes.
  const starting = startLibrary();
  let restored = false;
  let started: Promise<void>;
  const first = await Promise.race([starting.then((start) => ({ start }), (error: unknown) => ({ error })), sleep(START_WAIT_MS).then(() => undefined)]);
  if (first && 'start' in first) {
    restored = await begin(first.start, false).catch((error: unknown) => (turnOff(error), false));
    started = Promise.resolve();
  } else if (first) {
    turnOff(first.error);
    started = Promise.resolve();
  } else {
    started = Promise.race([
      starting.then(
        (start) => begin(start, true).then(() => undefined, turnOff),
        (error: unknown) => turnOff(error),
      ),
      sleep(START_GIVE_UP_MS - START_WAIT_MS).then(() => {
        if (!state.getState().starting) return;
        // Still waiting: say so, but use the answer if it comes (the probe also tries afresh).
        turnOff(new Error(`IndexedDB did not answer within ${START_GIVE_UP_MS} ms`));
      }),
    ]);
  }

  planStore.subscribe((s, prev) => {
    if (s.plan !== prev.plan && library) scheduleSave();
  });
  // The last chances to save. Hidden (the tab may be discarded): the usual save. Closing or reloading
  // (pagehide): written at once without waiting for answers, which a closing page may never get.
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && library && void flush().catch(() => undefined));
  window.addEventListener('pagehide', () => {
    const plan = planStore.getState().plan;
    if (!library || !open || (open.plan === plan && !theirs)) return;
    clearTimeout(timer);
    try {
      let record: PlanRecord;
      if (theirs || announced > open.revision) {
        // Another tab's save is newer than this tab's base and there is no time to merge: nothing is lost
        // if this tab's version becomes a plan of its own.
        record = { ...newRecord(plan, new Date()), revision: 1, ...(open.head && { head: open.head }) };
      } else {
        record = { ...open, updatedAt: new Date().toISOString(), revision: open.revision + 1, plan };
        open = record;
      }
      keepForNextStart(record);
      library.saveNow(record);
    } catch (error) {
      console.warn('Could not save as the page was closed:', error);
    }
  });

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
        await leaveOpenPlan(lib);
        await show(lib, defaultPlan(), null);
      });
    },
    open: (id) =>
      enqueue(async (lib) => {
        await getRecord(lib, id);
        await leaveOpenPlan(lib);
        // Read after the plan on screen is saved: opening that very plan must not bring back an older version.
        const record = await getRecord(lib, id);
        await show(lib, record.plan, record);
      }),
    duplicate: (id) =>
      enqueue(async (lib) => {
        await saveOpenPlan(lib);
        const original = await getRecord(lib, id);
        const copy: PlanRecord = { ...newRecord(original.plan, new Date()), revision: 1 };
        await lib.save(original.head ? { ...copy, head: original.head } : copy);
        changed();
      }),
    async rename(id, name) {
      if (id === open?.id) return planStore.getState().edit('Rename plan', (draft) => void (draft.client.name = name), { text: { key: 'messages:history.rename' } });
      await enqueue(async (lib) => {
        const record = await getRecord(lib, id);
        // Validated like any edit, so a name the schema refuses (too long) never reaches the database.
        const plan = parsePlan({ ...record.plan, client: { ...record.plan.client, name } });
        await lib.save({ ...record, updatedAt: new Date().toISOString(), revision: record.revision + 1, plan }, { replaces: record.revision });
        changed();
      });
    },
    remove: (id) =>
      enqueue(async (lib) => {
        // The client's photos go with their plan; first, so that a failure half-way never leaves them behind.
        await removePlanPhotos(id);
        const record = await lib.get(id);
        if (id !== open?.id) {
          await lib.remove(id);
          if (record?.head) await lib.removeUnusedScans([record.head.scanId]);
          return changed();
        }
        // The plan on screen is going: drop its pending save so that it cannot come back.
        clearTimeout(timer);
        open = null;
        theirs = null;
        state.setState({ conflict: null });
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
        await leaveOpenPlan(lib);
        await show(lib, plan, null);
      });
    },
    async openLink(linked) {
      if (!library) {
        runCommand(sim, 'plan.replace', { plan: linked.plan, label: 'Open link' });
        return;
      }
      await enqueue(async (lib) => {
        await leaveOpenPlan(lib);
        const choice = chooseLinkedRecord(await lib.list(), open?.id, linked);
        // A link of the plan on screen that is older than it changes nothing.
        if (choice?.record.id === open?.id && choice?.plan === choice?.record.plan) return;
        await show(lib, choice?.plan ?? linked.plan, choice?.record ?? null);
      });
    },
    linkRef: () => (library && open ? { id: open.id, revision: open.revision } : null),
    reloadTheirs: () =>
      enqueue(async (lib) => {
        if (!theirs || !open) return;
        const latest = (await lib.get(open.id)) ?? theirs;
        // This tab's version stays one undo away.
        if (!sameData(planStore.getState().plan, latest.plan)) runCommand(sim, 'plan.replace', { plan: latest.plan, label: 'Reload the other tab’s version' });
        theirs = null;
        state.setState({ conflict: null });
        setOpen(latest);
      }),
    keepMineAsCopy: () =>
      enqueue(async (lib) => {
        if (!theirs) return;
        const copy = await saveMineAsCopy(lib, true);
        notice('info', { key: 'app:notices.keptAsCopy', params: titled(copy.plan) });
      }),
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
