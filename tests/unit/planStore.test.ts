import { describe, expect, it } from 'vitest';
import { defaultPlan } from '../../src/domain/plan';
import { createPlanStore } from '../../src/state/planStore';

describe('plan store', () => {
  it('makes every edit an undoable, redoable step', () => {
    const store = createPlanStore();
    store.getState().edit('Skin tone', (p) => void (p.skin.color = '#604134'));
    store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = 1));
    expect(store.getState().past.map((s) => s.label)).toEqual(['Skin tone', 'Dot size']);
    store.getState().undo();
    expect(store.getState().plan.dots.diameterMm).toBe(0.4);
    expect(store.getState().plan.skin.color).toBe('#604134');
    store.getState().undo();
    expect(store.getState().plan).toEqual(defaultPlan());
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().plan.dots.diameterMm).toBe(1);
  });

  it('turns one continuous gesture into one step', () => {
    const store = createPlanStore();
    for (const d of [0.5, 0.6, 0.7]) store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = d), { gesture: 'slider' });
    store.getState().endGesture();
    store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = 0.9), { gesture: 'slider' });
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().plan.dots.diameterMm).toBe(0.7);
    store.getState().undo();
    expect(store.getState().plan.dots.diameterMm).toBe(0.4);
  });

  it('refuses an invalid edit or plan and changes nothing', () => {
    const store = createPlanStore();
    const before = store.getState().plan;
    expect(() => store.getState().edit('Bad', (p) => void (p.dots.diameterMm = 5))).toThrow(/dots.diameterMm/);
    expect(() => store.getState().replacePlan({ skin: { color: 'beige' } })).toThrow(/skin.color/);
    expect(store.getState().plan).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it('records no step for an edit that changes nothing, and a new edit clears redo', () => {
    const store = createPlanStore();
    store.getState().edit('Nothing', () => {});
    expect(store.getState().past).toHaveLength(0);
    store.getState().edit('A', (p) => void (p.dots.opacity = 0.5));
    store.getState().undo();
    store.getState().edit('B', (p) => void (p.dots.opacity = 0.6));
    expect(store.getState().future).toHaveLength(0);
  });
});
