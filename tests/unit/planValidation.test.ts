import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARS, excerpt } from '../../src/domain/format';
import { defaultPlan, isCalendarDate, MAX_PLAN_STROKE_POINTS, parsePlan, PLAN_VERSION, PlanError, strokePointCount, type Plan } from '../../src/domain/plan';
import { readPlanFile } from '../../src/io/planFile';
import { readLinkHash, encodeBase64Url } from '../../src/io/planLink';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { editData } from '../../src/domain/plainData';
import { newScar } from '../../src/domain/scars/scars';
import { createPlanStore } from '../../src/state/planStore';
import { largestPlan } from '../support/largestPlan';

/** The message parsePlan throws for `input` (fails the test when it does not throw). */
function refusal(input: unknown): PlanError {
  try {
    parsePlan(input);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    return error as PlanError;
  }
  throw new Error('parsePlan accepted the plan');
}

const line = (n: number): Vec3[] => Array.from({ length: n }, (_, i) => [i, 100, 50] as Vec3);

describe('plan validation: lists with gaps', () => {
  it('refuses a hairline with a deleted point, naming the gap', () => {
    const points = line(8);
    delete points[2];
    const error = refusal({ hairline: { points } });
    expect(error.field).toBe('hairline.points[2]');
    expect(error.message).toMatch(/gap/);
  });

  it('refuses gaps in sessions, strokes, scars and inside a point', () => {
    const sessions: unknown[] = [{ densityShare: 0.5 }, { densityShare: 0.5 }];
    sessions.length = 3;
    expect(refusal({ sessions }).field).toBe('sessions[2]');
    const strokePoints = line(3);
    delete strokePoints[0];
    expect(refusal({ density: { strokes: [{ points: strokePoints }] } }).field).toBe('density.strokes[0].points[0]');
    // eslint-disable-next-line no-sparse-arrays
    expect(refusal({ scars: [, { kind: 'fue', id: 'fue-1' }] }).field).toBe('scars[0]');
    const point = [1, 2, 3];
    delete point[1];
    expect(refusal({ hairline: { points: [point, ...line(3)] } }).field).toBe('hairline.points[0]');
  });

  it('does not count an item on Array.prototype as filling a gap', () => {
    const points = line(4);
    delete points[1];
    Object.defineProperty(Array.prototype, 1, { value: [0, 0, 0], configurable: true });
    try {
      expect(refusal({ hairline: { points } }).field).toBe('hairline.points[1]');
    } finally {
      delete (Array.prototype as unknown as Record<number, unknown>)[1];
    }
  });

  it('refuses a link whose plan JSON has an elided element, with a clear message', () => {
    const json = '{"hairline":{"points":[[1,2,3],,[4,5,6]]}}';
    const state = readLinkHash(`#plan=${encodeBase64Url(json)}`);
    expect(state.plan).toBeUndefined();
    expect(state.planError).toMatch(/damaged/);
  });
});

describe('plan validation: plain objects, own fields only', () => {
  class Dots {
    diameterMm = 0.5;
  }
  it.each([
    ['a class instance', { dots: new Dots() }, 'dots'],
    ['a Map', { dots: new Map([['diameterMm', 0.5]]) }, 'dots'],
    ['a Date', { client: new Date() }, 'client'],
    ['a list where an object is expected', { skin: ['#ffffff'] }, 'skin'],
    ['an object built on another', { dots: Object.create({ diameterMm: 0.5 }) as object }, 'dots'],
  ])('refuses %s', (_, input, field) => {
    const error = refusal(input);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(/must be an object/);
  });

  it('refuses a whole plan that is not plain data', () => {
    expect(refusal(new Map()).field).toBe('plan');
    expect(refusal(Object.create(defaultPlan()) as object).field).toBe('plan');
  });

  it('accepts plain objects without a prototype, and objects from another window', () => {
    const dots = Object.assign(Object.create(null) as object, { diameterMm: 0.5 });
    expect(parsePlan({ dots }).dots.diameterMm).toBe(0.5);
    // structuredClone stands in for another realm's plain object: a different object, the same shape.
    expect(parsePlan(structuredClone({ dots: { diameterMm: 0.6 } })).dots.diameterMm).toBe(0.6);
  });

  it('ignores inherited fields: only own fields count', () => {
    // Polluted the way an assignment to `__proto__.diameterMm` would, and read-only as well.
    for (const writable of [true, false]) {
      Object.defineProperty(Object.prototype, 'diameterMm', { value: 1.5, configurable: true, writable });
      try {
        const plan = parsePlan({ dots: {} });
        expect(plan.dots.diameterMm).toBe(0.4);
        expect(Object.hasOwn(plan.dots, 'diameterMm')).toBe(true);
      } finally {
        delete (Object.prototype as Record<string, unknown>).diameterMm;
      }
    }
  });

  it('ignores an inherited version', () => {
    Object.defineProperty(Object.prototype, 'version', { value: 1, configurable: true, writable: true });
    try {
      // A version-1 plan would get v1 sessions at full strength; an own-fields read keeps the defaults.
      expect(parsePlan({}).sessions).toEqual(defaultPlan().sessions);
    } finally {
      delete (Object.prototype as Record<string, unknown>).version;
    }
  });

  it('refuses names of Object.prototype as fields, and getters', () => {
    expect(refusal({ constructor: 1 }).message).toMatch(/constructor is not a known plan field/);
    expect(refusal({ dots: { toString: 'x' } }).field).toBe('dots.toString');
    let reads = 0;
    const dots = {
      get diameterMm() {
        reads++;
        return 0.5;
      },
    };
    expect(refusal({ dots }).message).toMatch(/not a getter/);
    expect(reads).toBe(0);
  });

  it('refuses a plan file whose plan is not plain data', () => {
    expect(() => readPlanFile('["smp"]')).toThrow(/not an SMP Simulator plan/);
  });
});

describe('plan validation: calendar dates', () => {
  it.each(['2026-02-30', '2026-02-29', '2026-04-31', '2100-02-29'])('refuses %s', (date) => {
    const error = refusal({ client: { date } });
    expect(error.field).toBe('client.date');
    expect(error.message).toContain('a date on the calendar');
  });
  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01', '0001-01-01'])('accepts %s', (date) => {
    expect(parsePlan({ client: { date } }).client.date).toBe(date);
  });
  it('isCalendarDate needs the YYYY-MM-DD form', () => {
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-11-23')).toBe(true);
  });
});

describe('plan validation: total work', () => {
  const stroke = (points: number) => ({ radiusMm: 10, points: Array.from({ length: points }, (_, i) => [i % 100, 100, 0]) });

  it('counts brush points over density, hair and painted scars', () => {
    const plan = parsePlan({
      density: { strokes: [stroke(10), stroke(5)] },
      hairLoss: { strokes: [stroke(7)] },
      scars: [{ kind: 'freeform', id: 'a', strokes: [stroke(3)] }, { kind: 'fue', id: 'b' }],
    });
    expect(strokePointCount(plan)).toBe(25);
  });

  it('accepts a plan at the limit and refuses one above it', () => {
    const full = Math.floor(MAX_PLAN_STROKE_POINTS / 400);
    const strokes = Array.from({ length: full }, () => stroke(400));
    const rest = MAX_PLAN_STROKE_POINTS - full * 400;
    const atLimit = { density: { strokes: rest > 0 ? [...strokes, stroke(rest)] : strokes } };
    expect(strokePointCount(parsePlan(atLimit))).toBe(MAX_PLAN_STROKE_POINTS);
    const over = { ...atLimit, hairLoss: { strokes: [stroke(1)] } };
    const error = refusal(over);
    expect(error.field).toBe('painting');
    expect(error.message).toMatch(/at most 20,000/);
  });

  it('refuses a list over its length before reading its items', () => {
    const huge: unknown[] = [];
    huge.length = 1e9;
    const started = performance.now();
    expect(refusal({ hairline: { points: huge } }).message).toMatch(/at most 200/);
    expect(refusal({ sessions: huge }).message).toMatch(/1 to 4 items/);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('error messages quote a short excerpt of a bad value', () => {
  const long = 'x'.repeat(1_000_000);
  const limit = EXCERPT_CHARS + 200;

  it.each([
    ['a long name', { client: { name: long } }],
    ['a long date', { client: { date: long } }],
    ['a long colour', { dots: { color: long } }],
    ['a long enum', { hairline: { age: long } }],
    ['a long key', { [long]: 1 }],
    ['a long nested key', { dots: { [long]: 1 } }],
    ['a long string as a number', { dots: { opacity: long } }],
    ['a long string as a point', { hairline: { points: [long, ...line(3)] } }],
    ['a long string in a point', { hairline: { points: [[long, 1, 2], ...line(3)] } }],
    ['a long scar kind', { scars: [{ kind: long, id: 'a' }] }],
    ['a long version', { version: long }],
  ])('%s', (_, input) => {
    const message = refusal(input).message;
    expect(message.length).toBeLessThan(limit);
  });

  it('cuts text with an ellipsis and describes what it does not quote', () => {
    expect(excerpt('abc')).toBe('"abc"');
    expect(excerpt(long)).toBe(`"${'x'.repeat(EXCERPT_CHARS)}…"`);
    expect(excerpt(12)).toBe('12');
    expect(excerpt(10n ** 200n).length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(excerpt({ a: long })).toBe('an object');
    expect(excerpt([1, 'a', null])).toBe('[1, "a", null]');
    // eslint-disable-next-line no-sparse-arrays
    expect(excerpt([1, , 3])).toBe('[1, a gap, 3]');
    expect(excerpt(new Array(1e6))).toBe('a list of 1000000 items');
    let deep: unknown = [1];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(excerpt(deep).length).toBeLessThan(limit);
  });

  it('a plan file with a long bad value gives a short message', () => {
    const text = JSON.stringify({ version: 2, client: { name: long } });
    expect(() => readPlanFile(text)).toThrow();
    try {
      readPlanFile(text);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(limit);
    }
  });
});

describe('plan validation by path: an edit is checked in what it changed, with the same result as a full check', () => {
  const plan = largestPlan();
  type Recipe = (draft: Plan) => void;
  /** Writes a value a plan's type does not allow, as a page's script or a bug might. */
  const put = (holder: object, key: string | number, value: unknown) => void ((holder as Record<string | number, unknown>)[key] = value);
  const cases: [string, Recipe][] = [
    ['client.name', (p) => void (p.client.name = 'x'.repeat(121))],
    ['client.date', (p) => void (p.client.date = '2026-02-30')],
    ['skin.color', (p) => void (p.skin.color = 'beige')],
    ['skin.shine', (p) => void (p.skin.shine = 2)],
    ['hairColor', (p) => put(p, 'hairColor', 5)],
    ['hairline.points[3]', (p) => void (p.hairline.points[3]![1] = Number.NaN)],
    ['hairline.points', (p) => void p.hairline.points.push([0, 100, 0])],
    ['hairline.age', (p) => put(p.hairline, 'age', 'old')],
    ['hairline.mirror', (p) => put(p.hairline, 'mirror', 'yes')],
    ['dots.densityPerCm2', (p) => void (p.dots.densityPerCm2 = 100.5)],
    ['dots.diameter', (p) => put(p.dots, 'diameter', 1)],
    ['sessions', (p) => void p.sessions.push({ densityShare: 0.2, shadeStrength: 1 })],
    ['sessions[1].shadeStrength', (p) => void (p.sessions[1]!.shadeStrength = 0.1)],
    ['aftercare.sunExposure', (p) => put(p.aftercare, 'sunExposure', 'lots')],
    ['density.regions.crown', (p) => void (p.density.regions.crown = 2)],
    ['density.strokes[5].points[2]', (p) => void (p.density.strokes[5]!.points[2] = [0, 0, 500])],
    ['density.strokes[7].radiusMm', (p) => void (p.density.strokes[7]!.radiusMm = 0)],
    ['density.strokes[9]', (p) => void delete p.density.strokes[9]],
    ['hairLoss.pattern', (p) => put(p.hairLoss, 'pattern', 'norwood-9')],
    ['hairLoss.strokes[0].mode', (p) => put(p.hairLoss.strokes[0]!, 'mode', 'paint')],
    ['scars[3].uptake', (p) => void (p.scars[3]!.uptake = -1)],
    ['scars[2].strokes', (p) => put(p.scars[2]!, 'kind', 'fut')],
    ['scars[4].strokes[0].points[0]', (p) => void (p.scars[4]!.kind === 'freeform' && (p.scars[4]!.strokes[0]!.points[0]![0] = Number.POSITIVE_INFINITY))],
    ['scars[0].uptake', (p) => void (p.scars.reverse(), (p.scars[0]!.uptake = 3))],
    ['scars[6].id', (p) => void (p.scars[6]!.id = p.scars[5]!.id)],
    ['scars', (p) => void p.scars.push(newScar('fut', p.scars))],
    ['painting', (p) => void p.density.strokes[0]!.points.push(...Array.from({ length: 100 }, (): Vec3 => [1, 100, 1]))],
    ['version', (p) => put(p, 'version', PLAN_VERSION + 1)],
  ];

  // One store for every case: a refused edit leaves it as it was.
  const store = createPlanStore(plan);
  const error = (check: () => unknown): PlanError => {
    try {
      check();
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(PlanError);
      return thrown as PlanError;
    }
    throw new Error('the bad plan was accepted');
  };

  it.each(cases)('%s: the same error as a full check of the whole plan, and nothing changes', (field, recipe) => {
    const whole = structuredClone(plan);
    recipe(whole);
    const full = error(() => parsePlan(whole));
    expect(full.field).toBe(field);
    const byPath = error(() => parsePlan(editData(plan, recipe), plan));
    expect(byPath.message).toBe(full.message);
    const before = store.getState().plan;
    expect(error(() => store.getState().edit('Bad', recipe)).message).toBe(full.message);
    expect(store.getState().plan).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it('accepts a good edit exactly as a full check does', () => {
    const recipe: Recipe = (p) => {
      p.scars.reverse();
      p.dots.color = '#AABBCC';
      p.density.strokes[3]!.points.push([1, 100, 1]);
    };
    const whole = structuredClone(plan);
    recipe(whole);
    expect(parsePlan(editData(plan, recipe), plan)).toEqual(parsePlan(whole));
  });
});
