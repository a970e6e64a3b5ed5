/**
 * The saved plans on this device, as the app and the UI use them. Storage (src/io/autosave.ts) provides
 * them at start-up; nothing here reaches the storage itself.
 */
import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { Plan } from '../domain/plan';
import type { LinkedPlan, PlanHead, PlanRecord, SavedPlanRef } from '../domain/savedPlan';
import type { ScanHead } from '../domain/scan/scanHead';

export const AUTOSAVE_OFF_MESSAGE =
  'Autosave is off: this browser does not let the simulator keep plans on this device (private browsing, or storage is full or blocked). To keep this plan, export it as a file from Plans.';

/** Another tab saved the plan on screen with changes to the same fields as this tab's unsaved ones. */
export interface PlanConflict {
  /** The fields both tabs changed, as paths in the plan (`['dots', 'densityPerCm2']`); none: the plan as a whole. */
  fields: string[][];
}

export interface SavedPlansState {
  /** False when this browser cannot store plans (or not yet): nothing is saved, and there is no list. */
  available: boolean;
  /** True while storage has not answered at start (the plans come when it does). */
  starting: boolean;
  /** The saved plan that the plan on screen is written to. */
  openId: string | null;
  /** Counts writes to the library (by any tab), so that a shown list knows to read it again. */
  revision: number;
  /** The head scan the plan on screen is drawn on; null: the default head. */
  head: PlanHead | null;
  /** Set while the user must choose between this tab's version and another tab's; saving waits. */
  conflict: PlanConflict | null;
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
  /** Opens a link pasted into the tab: its own saved plan when it was written from one here, else a new plan. */
  openLink(link: LinkedPlan): Promise<void>;
  /** The saved plan on screen and the revision it is based on, for the address bar's link; null when unsaved. */
  linkRef(): SavedPlanRef | null;
  /** After a conflict: shows the other tab's version (this tab's stays one undo away). */
  reloadTheirs(): Promise<void>;
  /** After a conflict: saves this tab's version as a new saved plan and works on in it. */
  keepMineAsCopy(): Promise<void>;
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

/** The saved plans of this simulator, for the Plans dialog, file drops and the head import. */
export const SavedPlansContext = createContext<SavedPlans | null>(null);

export function useSavedPlans(): SavedPlans {
  const savedPlans = useContext(SavedPlansContext);
  if (!savedPlans) throw new Error('useSavedPlans must be used inside <SavedPlansContext.Provider>');
  return savedPlans;
}
