import { describe, expect, it } from 'vitest';
import { defaultPlan } from '../../src/domain/plan';
import { createPlanStore } from '../../src/state/planStore';

/** A store with two steps done and one undone, so that the history has both a past and a future. */
function storeWithHistory() {
  const store = createPlanStore();
  store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = 0.6));
  store.getState().edit('Opacity', (p) => void (p.dots.opacity = 0.5));
  store.getState().undo();
  return store;
}

describe('pointer gestures in the plan store', () => {
  it('makes a gesture one step under its first label', () => {
    const store = createPlanStore();
    store.getState().beginGesture('drag');
    for (const d of [0.5, 0.6, 0.7]) store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = d), { gesture: 'drag' });
    store.getState().endGesture();
    expect(store.getState().past.map((s) => s.label)).toEqual(['Dot size']);
    store.getState().undo();
    expect(store.getState().plan).toEqual(defaultPlan());
  });

  it('starts a new step even when the gesture before it used the same key and was never ended', () => {
    const store = createPlanStore();
    store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = 0.5), { gesture: 'drag' });
    store.getState().beginGesture('drag');
    store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = 0.6), { gesture: 'drag' });
    expect(store.getState().past).toHaveLength(2);
  });

  it('cancels back to exactly where the gesture began: the same plan, past and future, and no step', () => {
    const store = storeWithHistory();
    const { plan, past, future } = store.getState();
    store.getState().beginGesture('drag');
    for (const d of [0.7, 0.8]) store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = d), { gesture: 'drag' });
    expect(store.getState().future).toHaveLength(0);
    store.getState().cancelGesture();
    const after = store.getState();
    expect(after.plan).toBe(plan);
    expect(after.past).toBe(past);
    expect(after.future).toBe(future);
    expect(after.openGesture).toBeNull();
    expect(after.gestureMark).toBeNull();
    // The redo the gesture had cleared is there again.
    after.redo();
    expect(store.getState().plan.dots.opacity).toBe(0.5);
  });

  it('refuses undo and redo while a gesture is open, and allows them once it ends', () => {
    const store = storeWithHistory();
    store.getState().beginGesture('drag');
    const before = store.getState();
    before.undo();
    before.redo();
    expect(store.getState()).toBe(before);
    store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = 0.9), { gesture: 'drag' });
    const moved = store.getState();
    moved.undo();
    moved.redo();
    expect(store.getState()).toBe(moved);
    store.getState().endGesture();
    store.getState().undo();
    expect(store.getState().plan.dots.diameterMm).toBe(0.6);
  });

  it('does nothing on cancel when no gesture is open, or after it ended', () => {
    const store = createPlanStore();
    store.getState().cancelGesture();
    store.getState().beginGesture('drag');
    store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = 0.5), { gesture: 'drag' });
    store.getState().endGesture();
    store.getState().cancelGesture();
    expect(store.getState().plan.dots.diameterMm).toBe(0.5);
    expect(store.getState().past).toHaveLength(1);
  });

  it('gives up the mark when something else changes the plan mid-gesture, so cancel never undoes that change', () => {
    const store = createPlanStore();
    store.getState().beginGesture('drag');
    store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = 0.5), { gesture: 'drag' });
    store.getState().replacePlan({ ...store.getState().plan, skin: { ...store.getState().plan.skin, color: '#604134' } }, 'Set plan');
    expect(store.getState().gestureMark).toBeNull();
    store.getState().cancelGesture();
    expect(store.getState().plan.skin.color).toBe('#604134');
    expect(store.getState().past.map((s) => s.label)).toEqual(['Dot size', 'Set plan']);
  });

  it('drops the mark when another plan is opened', () => {
    const store = createPlanStore();
    store.getState().beginGesture('drag');
    store.getState().openPlan(defaultPlan());
    expect(store.getState().gestureMark).toBeNull();
  });
});
