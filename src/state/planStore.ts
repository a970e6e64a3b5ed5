/**
 * The plan store: the plan (plain data) plus its undo history. Framework-free (zustand vanilla); React
 * reads it through selectors, the scene reads it with `getState()` in its frame loop.
 *
 * Every change goes through `edit` or `replacePlan`, so every change is a named, undoable step. A
 * continuous gesture (a slider drag, a handle drag, a brush stroke) passes the same `gesture` key on each
 * event and becomes a single step.
 */
import { createStore } from 'zustand/vanilla';
import { clonePlan, defaultPlan, parsePlan, type Plan } from '../domain/plan';

export interface HistoryStep {
  label: string;
  /** The plan as it was before this step. */
  before: Plan;
}

export interface PlanState {
  plan: Plan;
  past: HistoryStep[];
  future: HistoryStep[];
  /** The gesture the newest step belongs to, while that gesture is still going on. */
  openGesture: string | null;
  /** Applies `recipe` to a copy of the plan; the result is validated, so an edit can never store a bad plan. */
  edit(label: string, recipe: (draft: Plan) => void, options?: { gesture?: string }): void;
  /** Replaces the whole plan (validated; partial plans take defaults). Throws PlanError and changes nothing if invalid. */
  replacePlan(input: unknown, label?: string): void;
  /**
   * Opens another plan (a saved plan, a file): it replaces the plan and starts a fresh history, because
   * undoing into a different client's plan would be a surprise. Validated; throws PlanError, changing nothing.
   */
  openPlan(input: unknown): void;
  /** Ends a continuous gesture so that the next edit becomes a new step. */
  endGesture(): void;
  undo(): void;
  redo(): void;
}

const HISTORY_LIMIT = 200;

export function createPlanStore(initial: Plan = defaultPlan()) {
  return createStore<PlanState>()((set, get) => {
    const commit = (label: string, next: Plan, gesture: string | null) => {
      const { plan, past, openGesture } = get();
      if (JSON.stringify(next) === JSON.stringify(plan)) return;
      const continuing = gesture !== null && gesture === openGesture && past.length > 0;
      const nextPast = continuing ? past : [...past, { label, before: plan }].slice(-HISTORY_LIMIT);
      set({ plan: next, past: nextPast, future: [], openGesture: gesture });
    };
    return {
      plan: clonePlan(initial),
      past: [],
      future: [],
      openGesture: null,
      edit(label, recipe, options) {
        const draft = clonePlan(get().plan);
        recipe(draft);
        commit(label, parsePlan(draft), options?.gesture ?? null);
      },
      replacePlan(input, label = 'Load plan') {
        commit(label, parsePlan(input), null);
      },
      openPlan(input) {
        set({ plan: parsePlan(input), past: [], future: [], openGesture: null });
      },
      endGesture() {
        if (get().openGesture !== null) set({ openGesture: null });
      },
      undo() {
        const { past, future, plan } = get();
        const step = past.at(-1);
        if (!step) return;
        set({ plan: step.before, past: past.slice(0, -1), future: [...future, { label: step.label, before: plan }], openGesture: null });
      },
      redo() {
        const { past, future, plan } = get();
        const step = future.at(-1);
        if (!step) return;
        set({ plan: step.before, future: future.slice(0, -1), past: [...past, { label: step.label, before: plan }], openGesture: null });
      },
    };
  });
}

export type PlanStore = ReturnType<typeof createPlanStore>;
