import { describe, expect, it } from 'vitest';
import type { BrushStroke } from '../../src/domain/brush';
import { defaultPlan, parsePlan } from '../../src/domain/plan';
import { copyData, editData, estimateBytes, sameData, shareUnchanged, unsharedBytes } from '../../src/domain/plainData';
import { extendStroke } from '../../src/domain/painting';
import { createPlanStore, historyBytes } from '../../src/state/planStore';
import { largestPlan } from '../support/largestPlan';

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

/** Every place (a path) where `after` holds something other than the very same value or object as `before`. */
function changedPaths(before: unknown, after: unknown, path = ''): string[] {
  if (before === after) return [];
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return [path];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [path, ...[...keys].flatMap((key) => changedPaths((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], `${path}/${key}`))];
}

describe('edits cost what they change', () => {
  const plan = largestPlan();

  it('an edit of one field returns a plan that shares every other part by reference', () => {
    const store = createPlanStore(plan);
    const start = store.getState().plan;
    store.getState().edit('Opacity', (p) => void (p.dots.opacity = 0.5));
    expect(changedPaths(start, store.getState().plan)).toEqual(['', '/dots', '/dots/opacity']);
    // A brush point: the stroke's list of points and the path to it are new; each point before it is kept.
    const before = store.getState().plan;
    store.getState().edit('Paint', (p) => void extendStroke(p.density.strokes, [70, 110, 5]), { gesture: 'brush' });
    const last = plan.density.strokes.length - 1;
    const points = plan.density.strokes[last]!.points.length;
    expect(changedPaths(before, store.getState().plan)).toEqual(['', '/density', '/density/strokes', `/density/strokes/${last}`, `/density/strokes/${last}/points`, `/density/strokes/${last}/points/${points}`]);
    // A hairline point dragged: the list and that point only.
    const dragged = store.getState().plan;
    store.getState().edit('Move hairline point', (p) => void (p.hairline.points = p.hairline.points.map((q, i) => (i === 3 ? [q[0], q[1], q[2] + 1] : q))));
    expect(changedPaths(dragged, store.getState().plan)).toEqual(['', '/hairline', '/hairline/points', '/hairline/points/3', '/hairline/points/3/2']);
  });

  it('undo history grows with the changes, not with the plan', () => {
    const bytesFor = (start: typeof plan) => {
      const store = createPlanStore(start);
      for (let i = 0; i < 100; i++) store.getState().edit('Opacity', (p) => void (p.dots.opacity = 0.05 + (i % 90) / 100));
      expect(store.getState().past).toHaveLength(100);
      return historyBytes(store.getState());
    };
    const largest = bytesFor(plan);
    // The same 100 steps hold the same bytes on the default plan and on the largest (1.6 MB in memory).
    expect(largest).toBe(bytesFor(defaultPlan()));
    expect(largest / 100).toBeLessThan(400);
    expect(estimateBytes(plan)).toBeGreaterThan(3000 * (largest / 100));
  });

  it('an edit of the largest plan costs about what it costs on the default plan (a ratio of median times)', () => {
    const cost = (start: typeof plan) => {
      const store = createPlanStore(start);
      return (i: number) => {
        const began = performance.now();
        store.getState().edit('Opacity', (p) => void (p.dots.opacity = 0.05 + (i % 90) / 100), { gesture: 'slider' });
        return performance.now() - began;
      };
    };
    const [small, large] = [cost(defaultPlan()), cost(plan)];
    const times: [number[], number[]] = [[], []];
    // Interleaved, so that whatever else the machine does weighs on both alike; medians, as a pause may fall anywhere.
    for (let i = 0; i < 400; i++) {
      times[0].push(small(i));
      times[1].push(large(i));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
    // A copy of the whole plan made this about 100 times the default plan's cost.
    expect(median(times[1]) / median(times[0])).toBeLessThan(5);
  });
});

describe('editing plain data by copy on write', () => {
  const base = () => ({ list: [{ n: 1 }, { n: 2 }, { n: 3 }], nested: { deep: { n: 1 }, other: { n: 2 } }, flag: true });

  it('copies what the recipe writes, keeps the rest by reference and never changes the original', () => {
    const a = base();
    const json = JSON.stringify(a);
    const b = editData(a, (d) => void (d.nested.deep.n = 5));
    expect(JSON.stringify(a)).toBe(json);
    expect(b).toEqual({ ...a, nested: { deep: { n: 5 }, other: { n: 2 } } });
    expect(b.list).toBe(a.list);
    expect(b.nested.other).toBe(a.nested.other);
    // Nothing written, or the same values written again: the original itself.
    expect(editData(a, (d) => void d.nested.deep.n)).toBe(a);
    expect(
      editData(a, (d) => {
        d.flag = true;
        // eslint-disable-next-line no-self-assign -- writing the value it already holds is the case under test
        d.nested = d.nested;
      }),
    ).toBe(a);
    // What a recipe returns is ignored (an arrow function returns what it assigns).
    expect(editData(a, (d) => (d.flag = false))).toEqual({ ...a, flag: false });
  });

  it('works with the list methods recipes use, and finishes drafts put into new containers', () => {
    const a = base();
    const pushed = editData(a, (d) => void d.list.push({ n: 4 }));
    expect(pushed.list.map((x) => x.n)).toEqual([1, 2, 3, 4]);
    expect(pushed.list[0]).toBe(a.list[0]);
    const filtered = editData(a, (d) => void (d.list = d.list.filter((x) => x.n !== 2)));
    expect(filtered.list).toEqual([{ n: 1 }, { n: 3 }]);
    expect(filtered.list[1]).toBe(a.list[2]);
    const spliced = editData(a, (d) => void d.list.splice(0, 1));
    expect(spliced.list).toEqual([{ n: 2 }, { n: 3 }]);
    const sorted = editData(a, (d) => void d.list.sort((x, y) => y.n - x.n));
    expect(sorted.list.map((x) => x.n)).toEqual([3, 2, 1]);
    expect(sorted.list[0]).toBe(a.list[2]);
    // A part copied into a new object, changed on the way; and a list truncated.
    const spread = editData(a, (d) => {
      const first = d.list[0]!;
      first.n = 10;
      d.list.push({ ...d.list[1]!, n: 20 });
      d.nested = { ...d.nested, deep: first };
    });
    expect(spread).toEqual({ list: [{ n: 10 }, { n: 2 }, { n: 3 }, { n: 20 }], nested: { deep: { n: 10 }, other: { n: 2 } }, flag: true });
    expect(spread.nested.other).toBe(a.nested.other);
    const truncated = editData(a, (d) => void (d.list.length = 1));
    expect(truncated.list).toEqual([{ n: 1 }]);
    expect(a.list).toHaveLength(3);
  });

  it('a draft looks like the data it stands for, and stops working once the recipe returns', () => {
    const a = base();
    let kept: unknown = null;
    editData(a, (d) => {
      expect(Array.isArray(d.list)).toBe(true);
      expect(Object.keys(d)).toEqual(['list', 'nested', 'flag']);
      expect(JSON.stringify(d)).toBe(JSON.stringify(a));
      expect({ ...d.nested.deep }).toEqual({ n: 1 });
      expect('flag' in d && !('other' in d)).toBe(true);
      expect(Object.getPrototypeOf(d)).toBe(Object.prototype);
      delete (d as Partial<typeof d>).flag;
      expect(Object.keys(d)).toEqual(['list', 'nested']);
      kept = d.nested;
    });
    expect(() => (kept as { deep: unknown }).deep).toThrow(TypeError);
    expect(editData(a, (d) => void delete (d as Partial<typeof d>).flag)).toEqual({ list: a.list, nested: a.nested });
  });
});
