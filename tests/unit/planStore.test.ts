import { describe, expect, it } from 'vitest';
import type { BrushStroke } from '../../src/domain/brush';
import { defaultPlan, parsePlan } from '../../src/domain/plan';
import { copyData, estimateBytes, sameData, shareUnchanged, unsharedBytes } from '../../src/domain/plainData';
import { createPlanStore, historyBytes } from '../../src/state/planStore';

/** A stroke of `n` points (about 100 bytes each in memory). */
const stroke = (n: number, at = 0): BrushStroke => ({
  mode: 'up',
  radiusMm: 10,
  softness: 0.5,
  amount: 0.25,
  points: Array.from({ length: n }, (_, i) => [at + i * 0.1, 100, i * 0.1] as [number, number, number]),
});

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
    store.getState().edit('Same colour', (p) => void (p.skin.color = p.skin.color.toUpperCase()));
    expect(store.getState().past).toHaveLength(0);
    store.getState().edit('A', (p) => void (p.dots.opacity = 0.5));
    store.getState().undo();
    store.getState().edit('B', (p) => void (p.dots.opacity = 0.6));
    expect(store.getState().future).toHaveLength(0);
  });

  it('keeps unchanged parts of the plan by reference: a step holds what it changed', () => {
    const store = createPlanStore(parsePlan({ density: { strokes: [stroke(200), stroke(200, 50)] }, hairLoss: { strokes: [stroke(100)] } }));
    const before = store.getState().plan;
    store.getState().edit('Paint', (p) => void p.density.strokes.push(stroke(3, 20)));
    const after = store.getState().plan;
    expect(after).not.toBe(before);
    expect(after.density.strokes).toHaveLength(3);
    // The untouched branches and the strokes painted before are the very same objects.
    expect(after.hairLoss).toBe(before.hairLoss);
    expect(after.hairline).toBe(before.hairline);
    expect(after.dots).toBe(before.dots);
    expect(after.density.regions).toBe(before.density.regions);
    expect(after.density.strokes[0]).toBe(before.density.strokes[0]);
    expect(after.density.strokes[1]).toBe(before.density.strokes[1]);
    expect(store.getState().past.at(-1)!.before).toBe(before);
    // The step costs the changed path (the density object and its list of strokes), not the plan.
    const step = store.getState().past.at(-1)!;
    expect(step.bytes).toBeLessThan(1000);
    expect(estimateBytes(before)).toBeGreaterThan(40 * step.bytes);
    // What changed is checked as before: a bad point deep in a stroke is refused, and nothing changes.
    expect(() => store.getState().edit('Paint', (p) => void (p.density.strokes[1]!.points[7]![2] = Number.NaN))).toThrow(/density\.strokes\[1\]\.points\[7\]/);
    expect(store.getState().plan).toBe(after);
    // Undo and redo hand back the very same plans.
    store.getState().undo();
    expect(store.getState().plan).toBe(before);
    store.getState().redo();
    expect(store.getState().plan).toBe(after);
    // A replaced plan that is the same in part shares that part too.
    store.getState().replacePlan({ ...copyData(after), dots: { ...after.dots, opacity: 0.5 } });
    expect(store.getState().plan.density).toBe(after.density);
    expect(store.getState().plan.dots).not.toBe(after.dots);
  });

  it('bounds the undo history in bytes: the oldest steps go first', () => {
    const maxHistoryBytes = 2 ** 20;
    const store = createPlanStore(defaultPlan(), { maxHistoryBytes });
    // Each step replaces the whole painting with 5 new strokes of 400 points (~200 kB in memory).
    const painting = (i: number) => Array.from({ length: 5 }, (_, k) => stroke(400, i + k));
    const steps = Math.ceil(maxHistoryBytes / estimateBytes(painting(0))) + 10;
    for (let i = 0; i < steps; i++) store.getState().edit(`Paint ${i}`, (p) => void (p.density.strokes = painting(i)));
    const { past } = store.getState();
    expect(past.length).toBeLessThan(steps);
    expect(past.length).toBeGreaterThan(3);
    expect(historyBytes(store.getState())).toBeLessThanOrEqual(maxHistoryBytes);
    expect(historyBytes(store.getState())).toBeGreaterThan(maxHistoryBytes / 2);
    expect(past.at(-1)!.label).toBe(`Paint ${steps - 1}`);
    expect(past[0]!.label).toBe(`Paint ${steps - past.length}`);
    // Undo still walks back through every step that is kept.
    for (let i = 0; i < past.length; i++) store.getState().undo();
    expect(store.getState().plan.density.strokes[0]!.points[0]![0]).toBeCloseTo(steps - past.length - 1, 5);
  });

  it('measures a growing brush stroke as one step of its final size', () => {
    const store = createPlanStore();
    for (let n = 1; n <= 300; n++) store.getState().edit('Paint', (p) => void (p.density.strokes = [stroke(n)]), { gesture: 'brush' });
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(1);
    // Undoing goes back to before the stroke; the redo step holds the stroke once, not its 300 versions.
    store.getState().undo();
    expect(store.getState().plan.density.strokes).toEqual([]);
    expect(historyBytes(store.getState())).toBeLessThan(1.5 * estimateBytes(stroke(300)) + 2000);
  });
});

describe('plain data', () => {
  it('compares, copies and shares plain data without text', () => {
    const a = { list: [1, [2, 3], { x: 'y' }], flag: true, nested: { deep: { n: 1 } } };
    const copy = copyData(a);
    expect(copy).toEqual(a);
    expect(copy.nested).not.toBe(a.nested);
    expect(sameData(a, copy)).toBe(true);
    expect(sameData(a, { ...copy, flag: false })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData({ a: 1 }, { b: 1 })).toBe(false);
    // Equal throughout: the previous object itself.
    expect(shareUnchanged(copyData(a), a)).toBe(a);
    const next = copyData(a);
    next.nested.deep.n = 2;
    const shared = shareUnchanged(next, a);
    expect(shared).not.toBe(a);
    expect(shared.list).toBe(a.list);
    expect(shared.nested).not.toBe(a.nested);
    expect(shared.nested.deep).toEqual({ n: 2 });
    // What keeping `shared` costs beside `a`: the changed path only.
    expect(unsharedBytes(shared, a)).toBe(unsharedBytes(shared.nested, a.nested) + 24 + 16 * 3);
    expect(unsharedBytes(a, a)).toBe(0);
  });
});
