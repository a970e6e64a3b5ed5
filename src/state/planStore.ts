/**
 * The plan store: the plan (plain data) plus its undo history. Framework-free (zustand vanilla); React
 * reads it through selectors, the scene reads it with `getState()` in its frame loop.
 *
 * Every change goes through `edit` or `replacePlan`, so every change is a named, undoable step. A
 * continuous gesture (a slider drag, a handle drag, a brush stroke) passes the same `gesture` key on each
 * event and becomes a single step. A pointer gesture also marks where it began (`beginGesture`): Escape or a
 * cancelled pointer returns exactly there (`cancelGesture`), and undo and redo wait until it ends.
 *
 * Plans are never changed in place: an edit makes a new plan that keeps every unchanged part of the old
 * one by reference, so a step in the history costs what it changed, and the history is bounded in bytes
 * as well as in steps.
 */
import { createStore } from 'zustand/vanilla';
import { defaultPlan, parsePlan, type Plan } from '../domain/plan';
import { copyData, editData, shareUnchanged, unsharedBytes } from '../domain/plainData';
import type { Message } from '../domain/languages';

export interface HistoryStep {
  /** What Undo names the step by, in English (the API's word). */
  label: string;
  /** The same for the interface, in the reader's language (a catalogue key and its values). */
  text?: Message;
  /** The plan as it was before this step. */
  before: Plan;
  /** Rough memory (bytes) this step holds that the plan next to it does not (what the step changed). */
  bytes: number;
  /** A step that changed something kept beside the plan (a client's photo): how to take it back and do it again. */
  effect?: HistoryEffect;
}

/**
 * An edit of something the plan does not hold (a photo's landmarks or mask, stored with the saved plan): it
 * joins the plan's one history, so Undo takes back the newest change, whichever it was. Each side sets its
 * state whole (not by difference), so running one twice does no harm.
 */
export interface HistoryEffect {
  undo(): void;
  redo(): void;
  /** Rough memory (bytes) the two states hold. */
  bytes: number;
}

/** Where a pointer gesture began: the plan and its history as they were. */
export interface GestureMark {
  key: string;
  plan: Plan;
  past: HistoryStep[];
  future: HistoryStep[];
}

export interface PlanState {
  plan: Plan;
  past: HistoryStep[];
  future: HistoryStep[];
  /** The gesture the newest step belongs to, while that gesture is still going on. */
  openGesture: string | null;
  /** The pointer gesture under way (`beginGesture`), while only it has changed the plan; null: none. */
  gestureMark: GestureMark | null;
  /**
   * Applies `recipe` to a copy-on-write draft of the plan (valid only while the recipe runs); what it changed
   * is validated, so an edit can never store a bad plan. Throws PlanError, changing nothing, if invalid.
   */
  edit(label: string, recipe: (draft: Plan) => void, options?: { gesture?: string; text?: Message }): void;
  /** Replaces the whole plan (validated; partial plans take defaults). Throws PlanError and changes nothing if invalid. */
  replacePlan(input: unknown, label?: string, text?: Message): void;
  /**
   * Opens another plan (a saved plan, a file): it replaces the plan and starts a fresh history, because
   * undoing into a different client's plan would be a surprise. Validated; throws PlanError, changing nothing.
   */
  openPlan(input: unknown): void;
  /**
   * Records an edit made outside the plan (already done) as one step whose undo and redo run `effect`; the
   * plan is unchanged. Passing the open pointer gesture's key keeps the gesture's mark, as `edit` does.
   */
  record(label: string, effect: HistoryEffect, options?: { gesture?: string; text?: Message }): void;
  /** Ends a continuous gesture so that the next edit becomes a new step. */
  endGesture(): void;
  /**
   * Starts a pointer gesture: its edits pass `key` as their `gesture` and make one step. Until it ends
   * (`endGesture`) or is cancelled, undo and redo do nothing, as undoing under a drag would fork the history.
   */
  beginGesture(key: string): void;
  /** Returns the plan and its history exactly to where the open pointer gesture began, leaving no step. */
  cancelGesture(): void;
  /** Steps back; refused (does nothing) while a pointer gesture is open. */
  undo(): void;
  /** Steps forward again; refused (does nothing) while a pointer gesture is open. */
  redo(): void;
}

const HISTORY_LIMIT = 200;
/** Most memory the undo history keeps (bytes, estimated); the oldest steps are dropped beyond it. */
export const HISTORY_BYTES = 32 * 2 ** 20;

/** Rough memory (bytes) the undo and redo steps hold, beyond the plan itself. */
export function historyBytes(state: Pick<PlanState, 'past' | 'future'>): number {
  let bytes = 0;
  for (const step of state.past) bytes += step.bytes;
  for (const step of state.future) bytes += step.bytes;
  return bytes;
}

/** A step back to `before`, from `current` (which shares its unchanged parts). */
const step = (label: string, text: Message | undefined, before: Plan, current: Plan, effect?: HistoryEffect): HistoryStep =>
  effect ? { label, ...(text && { text }), before, bytes: effect.bytes, effect } : { label, ...(text && { text }), before, bytes: unsharedBytes(before, current) };

/** `maxHistoryBytes`: the history's bound in bytes (HISTORY_BYTES unless told). */
export function createPlanStore(initial: Plan = defaultPlan(), { maxHistoryBytes = HISTORY_BYTES } = {}) {
  return createStore<PlanState>()((set, get) => {
    const commit = (label: string, text: Message | undefined, next: Plan, gesture: string | null) => {
      const { plan, past, openGesture, gestureMark } = get();
      if (next === plan) return;
      const continuing = gesture !== null && gesture === openGesture && past.length > 0;
      // A gesture's step goes back to where the gesture began; what it holds is measured against the newest plan.
      const nextPast = continuing ? [...past.slice(0, -1), step(past.at(-1)!.label, past.at(-1)!.text, past.at(-1)!.before, next)] : [...past, step(label, text, plan, next)].slice(-HISTORY_LIMIT);
      let bytes = historyBytes({ past: nextPast, future: [] });
      let drop = 0;
      while (bytes > maxHistoryBytes && drop < nextPast.length - 1) bytes -= nextPast[drop++]!.bytes;
      // Another change in the middle of a pointer gesture ends its mark: cancelling must not undo that change.
      const mark = gestureMark && gesture === gestureMark.key ? gestureMark : null;
      set({ plan: next, past: drop > 0 ? nextPast.slice(drop) : nextPast, future: [], openGesture: gesture, gestureMark: mark });
    };
    return {
      plan: copyData(initial),
      past: [],
      future: [],
      openGesture: null,
      gestureMark: null,
      edit(label, recipe, options) {
        const { plan } = get();
        // Only what the recipe writes is copied, and only that is checked again; then compared with the plan
        // before, as a write may leave a value as it was, or checking make it so (a colour in capitals).
        const checked = parsePlan(editData(plan, recipe), plan);
        commit(label, options?.text, shareUnchanged(checked, plan), options?.gesture ?? null);
      },
      replacePlan(input, label = 'Load plan', text) {
        const { plan } = get();
        commit(label, text, shareUnchanged(parsePlan(input), plan), null);
      },
      record(label, effect, options) {
        const { plan, past, gestureMark } = get();
        const gesture = options?.gesture ?? null;
        let nextPast = [...past, step(label, options?.text, plan, plan, effect)].slice(-HISTORY_LIMIT);
        let bytes = historyBytes({ past: nextPast, future: [] });
        while (bytes > maxHistoryBytes && nextPast.length > 1) {
          bytes -= nextPast[0]!.bytes;
          nextPast = nextPast.slice(1);
        }
        // A step of its own: the next edit, even of the same gesture, starts another.
        set({ past: nextPast, future: [], openGesture: null, gestureMark: gestureMark && gesture === gestureMark.key ? gestureMark : null });
      },
      openPlan(input) {
        set({ plan: parsePlan(input), past: [], future: [], openGesture: null, gestureMark: null });
      },
      endGesture() {
        const { openGesture, gestureMark } = get();
        if (openGesture !== null || gestureMark !== null) set({ openGesture: null, gestureMark: null });
      },
      beginGesture(key) {
        const { plan, past, future } = get();
        // The gesture's first edit makes a new step, whatever gesture was open before.
        set({ openGesture: null, gestureMark: { key, plan, past, future } });
      },
      cancelGesture() {
        const mark = get().gestureMark;
        if (mark) set({ plan: mark.plan, past: mark.past, future: mark.future, openGesture: null, gestureMark: null });
      },
      undo() {
        const { past, future, plan, gestureMark } = get();
        const last = past.at(-1);
        if (!last || gestureMark) return;
        set({ plan: last.before, past: past.slice(0, -1), future: [...future, step(last.label, last.text, plan, last.before, last.effect)], openGesture: null });
        last.effect?.undo();
      },
      redo() {
        const { past, future, plan, gestureMark } = get();
        const next = future.at(-1);
        if (!next || gestureMark) return;
        set({ plan: next.before, future: future.slice(0, -1), past: [...past, step(next.label, next.text, plan, next.before, next.effect)], openGesture: null });
        next.effect?.redo();
      },
    };
  });
}

export type PlanStore = ReturnType<typeof createPlanStore>;
