/**
 * The saved plans on this device, in IndexedDB: one record per plan, and which one is on screen, so that a
 * reload, a closed or a crashed tab brings back the plan. Nothing here leaves the device.
 *
 * The choices (which record to start with, what to call a plan) are pure functions next to the database
 * code, so they are tested without a browser.
 */
import { parsePlan, repairPlan, type Plan } from '../domain/plan';
import type { ScanHead } from '../domain/scan/scanHead';

/**
 * The client's head scan a saved plan is drawn on. The scan itself is stored once, under its id, in its own
 * store (it is megabytes; plans are kilobytes). It is kept with the plan, not in it: plan files and links
 * never carry a client's scan off the device.
 */
export interface PlanHead {
  scanId: string;
  /** The scan's file name, for the lists. */
  name: string;
  /** False while the plan is shown on the default head; the scan stays stored, one click away. */
  useScan: boolean;
}

export interface PlanRecord {
  /** Random, never reused: a saved plan's identity does not depend on its client's name. */
  id: string;
  /** ISO 8601 times; they sort as text. */
  createdAt: string;
  updatedAt: string;
  plan: Plan;
  head?: PlanHead;
}

/** What the list shows for a plan without a client name. */
export const UNTITLED_PLAN = 'Untitled plan';

export function planTitle(plan: Plan): string {
  return plan.client.name.trim() || UNTITLED_PLAN;
}

export function newPlanId(): string {
  // getRandomValues, unlike randomUUID, also works on a clinic's plain-http intranet address.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function newRecord(plan: Plan, now: Date, id = newPlanId()): PlanRecord {
  const time = now.toISOString();
  return { id, createdAt: time, updatedAt: time, plan };
}

/** Plans are equal when they draw the same (parsed plans have one key order, so their JSON is comparable). */
export function samePlan(a: Plan, b: Plan): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
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
  const { id, createdAt, updatedAt, plan, head } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof createdAt !== 'string' || typeof updatedAt !== 'string') return undefined;
  try {
    const record: PlanRecord = { id, createdAt, updatedAt, plan: parsePlan(plan) };
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
export function damagedPlanNotice(damaged: DamagedRecord, shownInstead: 'other' | 'new'): string {
  if (damaged.repaired) {
    return 'The plan you last had open was saved with a fault (perhaps by an older version) and could not be opened as it was. A repaired copy is open: check its hairline, painting and sessions. The original is kept on this device unchanged.';
  }
  const instead = shownInstead === 'other' ? 'Your most recent other plan is shown instead.' : 'A new plan is shown instead.';
  return `The plan you last had open is damaged and cannot be opened; it is kept on this device unchanged. ${instead}`;
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

/**
 * The saved plan to show when the app starts, or undefined to start a new saved plan (with the link's plan,
 * or the default plan).
 * - A link whose plan is the plan last on screen is a reload: that saved plan stays open. Any other link is
 *   a plan from someone else, saved as a new plan so that it never overwrites one of this device's.
 * - Without a link, the plan last on screen comes back; if it was deleted meanwhile, the newest one.
 */
export function chooseStartRecord(records: readonly PlanRecord[], openId: string | undefined, linkPlan: Plan | undefined): PlanRecord | undefined {
  const lastOpen = records.find((r) => r.id === openId);
  if (linkPlan) return lastOpen && samePlan(lastOpen.plan, linkPlan) ? lastOpen : undefined;
  return lastOpen ?? newestFirst(records)[0];
}

const DB_NAME = 'smp-simulator';
const DB_VERSION = 2;
const PLANS = 'plans';
/** Head scans (ScanHead), by id: added in version 2. */
const SCANS = 'scans';
/** Small key-value facts about the library (which plan is on screen). */
const META = 'meta';
const OPEN_PLAN_KEY = 'openPlanId';

export interface PlanLibrary {
  /** Every saved plan this app can read, newest first. */
  list(): Promise<PlanRecord[]>;
  get(id: string): Promise<PlanRecord | undefined>;
  /** The stored record `id` when this app cannot read it as it is (see `checkStoredRecord`). */
  damaged(id: string | undefined): Promise<DamagedRecord | undefined>;
  /** Writes a record; `open` also remembers it as the plan on screen, in the same transaction. */
  save(record: PlanRecord, options?: { open?: boolean }): Promise<void>;
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

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves once the transaction is committed: only then is a plan safe from a closed tab. */
function committed(tx: IDBTransaction): Promise<void> {
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

  const write = async (stores: string[], work: (tx: IDBTransaction) => void) => {
    const tx = db.transaction(stores, 'readwrite');
    work(tx);
    // Commit now rather than after the requests' round trip: a save made as the page goes away
    // (pagehide) must not wait for a reply the closing page may never get.
    tx.commit();
    await committed(tx);
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
    save(record, options = {}) {
      return write(options.open ? [PLANS, META] : [PLANS], (tx) => {
        tx.objectStore(PLANS).put(record);
        if (options.open) tx.objectStore(META).put(record.id, OPEN_PLAN_KEY);
      });
    },
    setOpen(id) {
      return write([META], (tx) => tx.objectStore(META).put(id, OPEN_PLAN_KEY));
    },
    async openId() {
      const id: unknown = await request(db.transaction(META).objectStore(META).get(OPEN_PLAN_KEY));
      return typeof id === 'string' ? id : undefined;
    },
    remove(id) {
      return write([PLANS], (tx) => tx.objectStore(PLANS).delete(id));
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
    close: () => db.close(),
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
