/**
 * The saved plans on this device, in IndexedDB: one record per plan, and which one is on screen, so that a
 * reload, a closed or a crashed tab brings back the plan. Nothing here leaves the device.
 *
 * The choices (which record to start with, what to call a plan) are pure functions next to the database
 * code, so they are tested without a browser.
 */
import type { Message } from '../domain/languages';
import { message, TextError } from '../domain/textError';
import { parsePlan, repairPlan, type Plan } from '../domain/plan';
import { sameDesign, withPersonalDataOf } from '../domain/personalData';
import type { ScanHead } from '../domain/scan/scanHead';
import type { LinkedPlan, PlanHead, PlanRecord } from '../domain/savedPlan';

export function newPlanId(): string {
  // getRandomValues, unlike randomUUID, also works on a clinic's plain-http intranet address.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function newRecord(plan: Plan, now: Date, id = newPlanId()): PlanRecord {
  const time = now.toISOString();
  return { id, createdAt: time, updatedAt: time, revision: 0, plan };
}

export function newestFirst(records: readonly PlanRecord[]): PlanRecord[] {
  return [...records].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/**
 * A stored record, checked: plans saved by an older app version are migrated. A record this app cannot
 * read (written by a newer version, or damaged) gives undefined; it is left in the database untouched.
 */
export function readRecord(value: unknown): PlanRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, createdAt, updatedAt, revision, plan, head } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof createdAt !== 'string' || typeof updatedAt !== 'string') return undefined;
  try {
    const record: PlanRecord = { id, createdAt, updatedAt, revision: Number.isSafeInteger(revision) ? (revision as number) : 0, plan: parsePlan(plan) };
    const planHead = readPlanHead(head);
    return planHead ? { ...record, head: planHead } : record;
  } catch {
    return undefined;
  }
}

/** A stored record this app cannot read as it is; `repaired`: its plan mended (see `repairPlan`), if it can be. */
export interface DamagedRecord {
  id: string;
  repaired?: Plan;
}

/** The stored value of a record `readRecord` refuses, as a DamagedRecord; undefined for one it reads. */
export function checkStoredRecord(id: string, value: unknown): DamagedRecord | undefined {
  if (value === undefined || readRecord(value) !== undefined) return undefined;
  console.warn(`Saved plan ${id} cannot be read as stored:`, value);
  const repaired = typeof value === 'object' && value !== null ? repairPlan((value as Record<string, unknown>).plan) : undefined;
  return repaired ? { id, repaired } : { id };
}

/**
 * What the user is told when the plan last open is damaged: what happened, that nothing was deleted, and
 * what is shown instead.
 */
export function damagedPlanNotice(damaged: DamagedRecord, shownInstead: 'other' | 'new'): Message {
  return { key: `app:notices.damaged.${damaged.repaired ? 'repaired' : shownInstead}` };
}

/** A record's head reference; a damaged one is dropped (the plan then shows on the default head). */
function readPlanHead(value: unknown): PlanHead | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { scanId, name, useScan } = value as Record<string, unknown>;
  if (typeof scanId !== 'string' || typeof name !== 'string' || typeof useScan !== 'boolean') return undefined;
  return { scanId, name, useScan };
}

/** The stored scans no saved plan refers to any more, among `candidates`. */
export function unusedScans(records: readonly PlanRecord[], candidates: readonly string[]): string[] {
  const used = new Set(records.flatMap((r) => (r.head ? [r.head.scanId] : [])));
  return candidates.filter((id) => !used.has(id));
}

/** A saved plan to open, and the plan to show in it (the record's own, or a link's newer design). */
export interface StartChoice {
  record: PlanRecord;
  plan: Plan;
}

/**
 * The saved plan a link belongs to on this device, or undefined when the link is someone else's plan (to
 * be saved as a new plan, so that it never overwrites one of this device's).
 * - A link written from one of this device's saved plans (`saved`) opens that plan. When the link is
 *   older than the saved plan (a reload a moment after an edit, a bookmark), the saved plan as it is now;
 *   when it holds changes the saved plan lacks (the tab closed before its last save), the link's design
 *   with the saved plan's client details.
 * - An older-style link without `saved` is a reload when it draws the plan last on screen.
 */
export function chooseLinkedRecord(records: readonly PlanRecord[], openId: string | undefined, link: LinkedPlan): StartChoice | undefined {
  const own = link.saved && records.find((r) => r.id === link.saved!.id);
  if (own && link.saved) {
    const newer = link.saved.revision >= own.revision && !sameDesign(own.plan, link.plan);
    return { record: own, plan: newer ? withPersonalDataOf(own.plan, link.plan) : own.plan };
  }
  const lastOpen = records.find((r) => r.id === openId);
  return lastOpen && sameDesign(lastOpen.plan, link.plan) ? { record: lastOpen, plan: lastOpen.plan } : undefined;
}

/**
 * The saved plan to show when the app starts, or undefined to start a new saved plan (with the link's plan,
 * or the default plan). With a link, see `chooseLinkedRecord`. Without a link, the plan last on screen
 * comes back; if it was deleted meanwhile, the newest one.
 */
export function chooseStartRecord(records: readonly PlanRecord[], openId: string | undefined, link: LinkedPlan | undefined): StartChoice | undefined {
  if (link) return chooseLinkedRecord(records, openId, link);
  const record = records.find((r) => r.id === openId) ?? newestFirst(records)[0];
  return record && { record, plan: record.plan };
}

const DB_NAME = 'smp-simulator';
const DB_VERSION = 2;
const PLANS = 'plans';
/** Head scans (ScanHead), by id: added in version 2. */
const SCANS = 'scans';
/** Small key-value facts about the library (which plan is on screen). */
const META = 'meta';
const OPEN_PLAN_KEY = 'openPlanId';
/** Tabs of this app tell each other about saved and deleted plans on this channel. */
const CHANNEL = 'smp-simulator-plans';

/** A saved plan changed in another tab: saved at `revision`, or deleted (`revision` null). */
export interface PlanChange {
  id: string;
  revision: number | null;
}

/** A write named a revision that is no longer the stored one: another tab saved the plan meanwhile. */
export class RevisionConflictError extends TextError {
  constructor(readonly stored: PlanRecord | undefined) {
    super(message('saved.revisionConflict'), 'This plan was saved in another tab meanwhile.');
    this.name = 'RevisionConflictError';
  }
}

export interface SaveOptions {
  /** Also remember the record as the plan on screen, in the same transaction. */
  open?: boolean;
  /**
   * The stored revision this write replaces: checked in the write's own transaction, and the write
   * refused with a RevisionConflictError when another tab has saved since. A record not stored (yet, or
   * any more) is written.
   */
  replaces?: number;
}

export interface PlanLibrary {
  /** Every saved plan this app can read, newest first. */
  list(): Promise<PlanRecord[]>;
  get(id: string): Promise<PlanRecord | undefined>;
  /** The stored record `id` when this app cannot read it as it is (see `checkStoredRecord`). */
  damaged(id: string | undefined): Promise<DamagedRecord | undefined>;
  /** Writes a record, as it is (its `revision` included); see SaveOptions. */
  save(record: PlanRecord, options?: SaveOptions): Promise<void>;
  /**
   * Writes a record without reading first, committed at once: for the page going away, when no answer
   * would come back. The tab checks the revision against what the other tabs told it instead.
   */
  saveNow(record: PlanRecord): void;
  /** Calls `listener` when another tab saves or deletes a plan; returns a function that stops it. */
  onChange(listener: (change: PlanChange) => void): () => void;
  /** Remembers which saved plan is on screen. */
  setOpen(id: string): Promise<void>;
  openId(): Promise<string | undefined>;
  remove(id: string): Promise<void>;
  /** Stores a head scan (typed arrays and all) under its id. */
  saveScan(scan: ScanHead): Promise<void>;
  getScan(id: string): Promise<ScanHead | undefined>;
  /** Deletes the given scans unless a saved plan still refers to them. */
  removeUnusedScans(ids: readonly string[]): Promise<void>;
  close(): void;
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves once the transaction is committed: only then is a plan safe from a closed tab. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction was aborted'));
  });
}

/** Opens (creating on first use) the library. Rejects where the browser keeps no storage (some private modes). */
export async function openPlanLibrary(): Promise<PlanLibrary> {
  const opening = indexedDB.open(DB_NAME, DB_VERSION);
  opening.onupgradeneeded = () => {
    const db = opening.result;
    if (!db.objectStoreNames.contains(PLANS)) db.createObjectStore(PLANS, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    if (!db.objectStoreNames.contains(SCANS)) db.createObjectStore(SCANS, { keyPath: 'id' });
  };
  const db = await request(opening);
  // A newer app version opened in another tab needs this connection gone to upgrade the database.
  db.onversionchange = () => db.close();
  // Older browsers without BroadcastChannel still save; their tabs only miss each other's saves.
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const announce = (change: PlanChange) => channel?.postMessage(change);

  const write = async (stores: string[], work: (tx: IDBTransaction) => void) => {
    const tx = db.transaction(stores, 'readwrite');
    work(tx);
    // Commit now rather than after the requests' round trip: a save made as the page goes away
    // (pagehide) must not wait for a reply the closing page may never get.
    tx.commit();
    await committed(tx);
  };
  const putRecord = (tx: IDBTransaction, record: PlanRecord, open: boolean | undefined) => {
    tx.objectStore(PLANS).put(record);
    if (open) tx.objectStore(META).put(record.id, OPEN_PLAN_KEY);
  };

  const list = async () => {
    const values = await request(db.transaction(PLANS).objectStore(PLANS).getAll());
    return newestFirst(values.map(readRecord).filter((r): r is PlanRecord => r !== undefined));
  };

  return {
    list,
    async get(id) {
      return readRecord(await request(db.transaction(PLANS).objectStore(PLANS).get(id)));
    },
    async damaged(id) {
      return id === undefined ? undefined : checkStoredRecord(id, await request(db.transaction(PLANS).objectStore(PLANS).get(id)));
    },
    async save(record, options = {}) {
      const stores = options.open ? [PLANS, META] : [PLANS];
      const { replaces } = options;
      if (replaces === undefined) {
        await write(stores, (tx) => putRecord(tx, record, options.open));
      } else {
        // Read, compare and write in one transaction: no other tab can write in between.
        const tx = db.transaction(stores, 'readwrite');
        /** Why the write was given up: another tab's save, or the store refusing the write (a full disk). */
        let refusal: unknown;
        const reading = tx.objectStore(PLANS).get(record.id);
        reading.onsuccess = () => {
          const stored = readRecord(reading.result);
          try {
            if (stored && stored.revision !== replaces) throw new RevisionConflictError(stored);
            putRecord(tx, record, options.open);
            tx.commit();
          } catch (error) {
            refusal = error;
            tx.abort();
          }
        };
        try {
          await committed(tx);
        } catch (error) {
          throw refusal ?? error;
        }
      }
      announce({ id: record.id, revision: record.revision });
    },
    saveNow(record) {
      const tx = db.transaction([PLANS], 'readwrite');
      putRecord(tx, record, false);
      tx.commit();
      announce({ id: record.id, revision: record.revision });
    },
    onChange(listener) {
      const receive = (event: MessageEvent<unknown>) => {
        const { id, revision } = (event.data ?? {}) as Partial<PlanChange>;
        if (typeof id === 'string' && (revision === null || Number.isSafeInteger(revision))) listener({ id, revision: revision as number | null });
      };
      channel?.addEventListener('message', receive);
      return () => channel?.removeEventListener('message', receive);
    },
    setOpen(id) {
      return write([META], (tx) => tx.objectStore(META).put(id, OPEN_PLAN_KEY));
    },
    async openId() {
      const id: unknown = await request(db.transaction(META).objectStore(META).get(OPEN_PLAN_KEY));
      return typeof id === 'string' ? id : undefined;
    },
    async remove(id) {
      await write([PLANS], (tx) => tx.objectStore(PLANS).delete(id));
      announce({ id, revision: null });
    },
    saveScan(scan) {
      return write([SCANS], (tx) => tx.objectStore(SCANS).put(scan));
    },
    async getScan(id) {
      const value: unknown = await request(db.transaction(SCANS).objectStore(SCANS).get(id));
      return readStoredScan(value);
    },
    async removeUnusedScans(ids) {
      const unused = unusedScans(await list(), ids);
      if (unused.length) await write([SCANS], (tx) => unused.forEach((scanId) => tx.objectStore(SCANS).delete(scanId)));
    },
    close() {
      channel?.close();
      db.close();
    },
  };
}

/** A stored scan, checked enough to draw: typed arrays of matching sizes. */
function readStoredScan(value: unknown): ScanHead | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const scan = value as ScanHead;
  const ok =
    typeof scan.id === 'string' &&
    scan.positions instanceof Float32Array &&
    scan.normals instanceof Float32Array &&
    scan.normals.length === scan.positions.length &&
    scan.indices instanceof Uint32Array &&
    typeof scan.landmarks === 'object';
  return ok ? scan : undefined;
}
