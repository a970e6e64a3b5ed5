import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/domain/plan';
import { fieldLabel, mergePlans } from '../../src/domain/planMerge';

const base = parsePlan({ client: { name: 'Jane Doe' }, dots: { densityPerCm2: 100 } });

describe('merging two tabs’ changes to one saved plan', () => {
  it('keeps both sides’ changes when they touch different fields', () => {
    const mine = parsePlan({ ...base, client: { ...base.client, notes: 'Scar on the crown' } });
    const theirs = parsePlan({ ...base, dots: { ...base.dots, densityPerCm2: 120 }, density: { ...base.density, regions: { ...base.density.regions, crown: 1.2 } } });
    const { merged, conflicts } = mergePlans(base, mine, theirs);
    expect(conflicts).toEqual([]);
    const plan = parsePlan(merged);
    expect(plan.client.notes).toBe('Scar on the crown');
    expect(plan.dots.densityPerCm2).toBe(120);
    expect(plan.density.regions.crown).toBe(1.2);
    expect(plan.density.regions.frontal).toBe(1);
  });

  it('merges sub-fields of one object (density in one tab, dot size in the other)', () => {
    const mine = parsePlan({ ...base, dots: { ...base.dots, diameterMm: 0.6 } });
    const theirs = parsePlan({ ...base, dots: { ...base.dots, densityPerCm2: 140 } });
    const plan = parsePlan(mergePlans(base, mine, theirs).merged);
    expect(plan.dots).toMatchObject({ diameterMm: 0.6, densityPerCm2: 140 });
  });

  it('reports a field both sides changed differently, by the name the panels use', () => {
    const mine = parsePlan({ ...base, dots: { ...base.dots, densityPerCm2: 90 }, client: { ...base.client, notes: 'mine' } });
    const theirs = parsePlan({ ...base, dots: { ...base.dots, densityPerCm2: 130 }, client: { ...base.client, notes: 'theirs' } });
    const { conflicts } = mergePlans(base, mine, theirs);
    expect(conflicts).toEqual([['client', 'notes'], ['dots', 'densityPerCm2']]);
    expect(conflicts.map(fieldLabel)).toEqual(['Notes', 'Density']);
  });

  it('takes lists whole: both sides painting is a conflict, one side painting is not', () => {
    const stroke = { mode: 'up', radiusMm: 10, amount: 0.5, softness: 0.5, points: [[0, 100, 60]] };
    const mine = parsePlan({ ...base, density: { ...base.density, strokes: [stroke] } });
    const theirs = parsePlan({ ...base, density: { ...base.density, strokes: [{ ...stroke, radiusMm: 20 }] } });
    expect(mergePlans(base, mine, base).conflicts).toEqual([]);
    expect(mergePlans(base, mine, theirs).conflicts).toEqual([['density', 'strokes']]);
    expect(fieldLabel(['density', 'strokes'])).toBe('Painted density');
    // The same change on both sides is no conflict.
    expect(mergePlans(base, mine, mine).conflicts).toEqual([]);
  });
});
