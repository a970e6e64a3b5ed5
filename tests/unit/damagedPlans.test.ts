import { describe, expect, it, vi } from 'vitest';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { defaultPlan, MAX_PLAN_STROKE_POINTS, parsePlan, repairPlan, strokePointCount } from '../../src/domain/plan';
import type { Message } from '../../src/domain/languages';
import { checkStoredRecord, damagedPlanNotice } from '../../src/io/planLibrary';
import { CATALOGUES } from '../../src/ui/i18n/catalogues';

const line = (n: number): Vec3[] => Array.from({ length: n }, (_, i) => [i, 100, 50] as Vec3);

/** A plan as an older version could have stored it: a hairline point deleted, leaving a gap. */
function holedPlan() {
  const plan = structuredClone(defaultPlan()) as ReturnType<typeof defaultPlan>;
  plan.hairline.points = line(10);
  delete plan.hairline.points[4];
  return plan;
}

describe('repairing a stored plan', () => {
  it('closes the gaps of lists an older version saved with holes', () => {
    const holed = holedPlan();
    expect(() => parsePlan(holed)).toThrow(/gap/);
    const repaired = repairPlan(holed)!;
    expect(repaired.hairline.points).toEqual(line(10).filter((_, i) => i !== 4));
    expect(repaired.dots).toEqual(defaultPlan().dots);
  });

  it('drops the latest strokes of painting past the bound', () => {
    const stroke = { radiusMm: 10, points: Array.from({ length: 400 }, (_, i) => [i % 50, 100, 0]) };
    const heavy = { ...defaultPlan(), density: { ...defaultPlan().density, strokes: Array.from({ length: 40 }, () => stroke) }, hairLoss: { ...defaultPlan().hairLoss, strokes: Array.from({ length: 20 }, () => stroke) } };
    expect(() => parsePlan(heavy)).toThrow(/brush points/);
    const repaired = repairPlan(heavy)!;
    expect(strokePointCount(repaired)).toBeLessThanOrEqual(MAX_PLAN_STROKE_POINTS);
    // The longest painting gave up strokes first; both keep most of theirs.
    expect(repaired.density.strokes.length + repaired.hairLoss.strokes.length).toBe(MAX_PLAN_STROKE_POINTS / 400);
    expect(repaired.hairLoss.strokes.length).toBe(20);
  });

  it('gives up on what cannot be mended', () => {
    expect(repairPlan({ ...defaultPlan(), dots: { diameterMm: 99 } })).toBeUndefined();
    expect(repairPlan('not a plan')).toBeUndefined();
    expect(repairPlan({ version: 99 })).toBeUndefined();
  });
});

describe('a damaged stored record', () => {
  const record = (plan: unknown) => ({ id: 'abc', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 3, plan });

  it('is told apart from a readable or missing one, keeping the details in the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(checkStoredRecord('abc', record(defaultPlan()))).toBeUndefined();
    expect(checkStoredRecord('abc', undefined)).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    const damaged = checkStoredRecord('abc', record(holedPlan()));
    expect(damaged?.repaired?.hairline.points).toHaveLength(9);
    expect(checkStoredRecord('abc', record({ dots: { color: 'red' } }))).toEqual({ id: 'abc' });
    expect(checkStoredRecord('abc', 'garbage')).toEqual({ id: 'abc' });
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  it('is explained in the user’s words, saying that nothing was deleted', () => {
    const english = (message: Message) => message.key.split(':')[1]!.split('.').reduce<unknown>((tree, key) => (tree as Record<string, unknown>)[key], CATALOGUES.en.app) as string;
    const repaired = english(damagedPlanNotice({ id: 'abc', repaired: defaultPlan() }, 'new'));
    expect(repaired).toMatch(/repaired copy is open/);
    expect(repaired).toMatch(/original is kept on this device unchanged/);
    expect(english(damagedPlanNotice({ id: 'abc' }, 'other'))).toMatch(/cannot be opened; it is kept on this device unchanged\. Your most recent other plan is shown instead\./);
    expect(english(damagedPlanNotice({ id: 'abc' }, 'new'))).toMatch(/A new plan is shown instead\./);
  });
});

describe('errors worded for the user', () => {
  it('keeps the app’s own messages and replaces the engine’s, which go to the console', async () => {
    const { userMessage } = await import('../../src/app/userMessage');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(userMessage(new Error('This GLB file is damaged.'), 'fallback')).toBe('This GLB file is damaged.');
    let engine: unknown;
    try {
      void (undefined as unknown as number[])[1];
    } catch (e) {
      engine = e;
    }
    expect(userMessage(engine, 'The scan is damaged.')).toBe('The scan is damaged.');
    expect(userMessage(new RangeError('Invalid array length'), 'Too large.')).toBe('Too large.');
    expect(userMessage('a string', 'Something failed.')).toBe('Something failed.');
    expect(error).toHaveBeenCalledTimes(3);
    error.mockRestore();
  });
});
