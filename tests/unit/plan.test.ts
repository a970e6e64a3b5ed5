import { describe, expect, it } from 'vitest';
import { defaultPlan, parsePlan, PLAN_VERSION, PlanError, DOT_FIELDS } from '../../src/domain/plan';
import { MONK_SKIN_TONES, monkToneOf } from '../../src/domain/skinTones';
import { DEFAULT_PIGMENT_DEPTH_MM } from '../../src/domain/appearance';

describe('plan schema', () => {
  it('gives every field a default, with the current version', () => {
    const plan = defaultPlan();
    expect(plan.version).toBe(PLAN_VERSION);
    expect(plan.skin.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(plan.hairColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(plan.dots).toEqual({ diameterMm: 0.4, sizeVariation: 0.25, densityPerCm2: 100, color: '#2e2a28', opacity: 0.85, softness: 0.3, depthMm: DEFAULT_PIGMENT_DEPTH_MM });
  });

  it('fills omitted fields of a partial plan with defaults', () => {
    const plan = parsePlan({ skin: { color: '#604134' } });
    expect(plan).toEqual({ ...defaultPlan(), skin: { ...defaultPlan().skin, color: '#604134' } });
    expect(parsePlan({})).toEqual(defaultPlan());
    expect(parsePlan({ dots: { diameterMm: 1 } }).dots).toEqual({ ...defaultPlan().dots, diameterMm: 1 });
  });

  it('is plain JSON that round-trips unchanged', () => {
    const plan = parsePlan({ skin: { color: '#A07E56' } });
    expect(plan.skin.color).toBe('#a07e56');
    expect(parsePlan(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it.each([
    [{ skin: { color: 'red' } }, 'skin.color'],
    [{ skin: { color: '#12345' } }, 'skin.color'],
    [{ skin: 'dark' }, 'skin'],
    [{ dots: { diameterMm: 0.1 } }, 'dots.diameterMm'],
    [{ dots: { diameterMm: 1.8 } }, 'dots.diameterMm'],
    [{ dots: { densityPerCm2: 201 } }, 'dots.densityPerCm2'],
    [{ dots: { densityPerCm2: 50.5 } }, 'dots.densityPerCm2'],
    [{ dots: { opacity: Number.NaN } }, 'dots.opacity'],
    [{ dots: { softness: '0.5' } }, 'dots.softness'],
    [{ dots: { diameter: 1 } }, 'dots.diameter'],
    [{ version: 99 }, 'version'],
    [{ version: 0 }, 'version'],
  ])('rejects %j naming the field %s', (input, field) => {
    let error: unknown;
    try {
      parsePlan(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).field).toBe(field);
    expect((error as Error).message).toContain(field);
  });

  it('rejects things that are not plans', () => {
    for (const bad of [null, 3, 'plan', [], undefined]) expect(() => parsePlan(bad)).toThrow(PlanError);
  });

  it('does not mutate its input', () => {
    const input = { skin: { color: '#ABCDEF' } };
    parsePlan(input);
    expect(input.skin.color).toBe('#ABCDEF');
  });

  it('keeps dot ranges from the domain notes', () => {
    expect([DOT_FIELDS.diameterMm.min, DOT_FIELDS.diameterMm.max]).toEqual([0.25, 1.75]);
    expect([DOT_FIELDS.densityPerCm2.min, DOT_FIELDS.densityPerCm2.max]).toEqual([5, 200]);
  });
});

describe('Monk skin tones', () => {
  it('has ten swatches from #f6ede4 to #292420, darkening overall', () => {
    expect(MONK_SKIN_TONES).toHaveLength(10);
    expect(MONK_SKIN_TONES[0].color).toBe('#f6ede4');
    expect(MONK_SKIN_TONES[9].color).toBe('#292420');
    expect(monkToneOf('#A07E56')).toBe(6);
    expect(monkToneOf('#123456')).toBeUndefined();
  });
});
