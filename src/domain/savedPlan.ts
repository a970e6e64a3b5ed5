/**
 * A plan saved on this device, as the Plans dialog, the link and the storage (src/io/planLibrary.ts) see it.
 */
import type { Plan } from './plan';

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
  /**
   * Counts the record's writes (0: never written; records of older app versions read as 0). A write
   * names the revision it replaces, so a tab never overwrites a save it has not seen.
   */
  revision: number;
  plan: Plan;
  head?: PlanHead;
}

/** What the list shows for a plan without a client name. */
export const UNTITLED_PLAN = 'Untitled plan';

export function planTitle(plan: Plan): string {
  return plan.client.name.trim() || UNTITLED_PLAN;
}

/** A saved plan and the revision of it that a link was written from. */
export interface SavedPlanRef {
  id: string;
  revision: number;
}

/** A plan from the address bar: its design, and the saved plan it was written from, if it says. */
export interface LinkedPlan {
  plan: Plan;
  saved?: SavedPlanRef;
}
