/**
 * The plan's head shape: its schema (ranges and messages), the migration of older plans to the default
 * head, its place among the client's personal data (never in a link), and the commands that set it.
 */
import { describe, expect, it } from 'vitest';
import { CommandError, runCommand, runNamedCommand } from '../../src/app/commands';
import { createSimulator } from '../../src/app/simulator';
import { DEFAULT_HEAD_SHAPE, HEAD_SHAPE_RANGES } from '../../src/domain/head/headShape';
import { designOf, PLAN_FIELD_KINDS, withPersonalDataOf } from '../../src/domain/personalData';
import { defaultPlan, HEAD_SHAPE_FIELDS, parsePlan, PLAN_VERSION, PlanError } from '../../src/domain/plan';
import { readLinkHash, writeLinkHash } from '../../src/io/planLink';

describe('the plan’s head shape', () => {
  it('is the default head (the identity warp) unless given', () => {
    expect(defaultPlan().headShape).toEqual(DEFAULT_HEAD_SHAPE);
    expect(parsePlan({ headShape: { breadth: 1.04 } }).headShape).toEqual({ ...DEFAULT_HEAD_SHAPE, breadth: 1.04 });
  });

  it('takes its slider ranges from the adult ranges of the warp', () => {
    for (const [name, range] of Object.entries(HEAD_SHAPE_RANGES)) {
      const field = HEAD_SHAPE_FIELDS[name as keyof typeof HEAD_SHAPE_FIELDS];
      expect([field.min, field.max], name).toEqual([range.min, range.max]);
    }
  });

  it('refuses a value out of range, or not a number, naming the field', () => {
    const error = (input: unknown) => {
      try {
        parsePlan(input);
      } catch (caught) {
        return caught;
      }
      throw new Error('accepted');
    };
    const wide = error({ headShape: { breadth: 1.3 } }) as PlanError;
    expect(wide).toBeInstanceOf(PlanError);
    expect(wide.field).toBe('headShape.breadth');
    expect(wide.message).toBe('Invalid plan: headShape.breadth must be between 0.9 and 1.1 (got 1.3)');
    expect((error({ headShape: { crownHeightMm: -40 } }) as Error).message).toBe('Invalid plan: headShape.crownHeightMm must be between -18 and 18 mm (got -40)');
    expect((error({ headShape: { foreheadSlopeDeg: '5' } }) as Error).message).toMatch(/headShape\.foreheadSlopeDeg must be a number/);
    expect((error({ headShape: { width: 1 } }) as Error).message).toMatch(/headShape\.width is not a known plan field/);
  });

  it('opens plans from before it (version 3 and older) on the default head', () => {
    expect(PLAN_VERSION).toBe(4);
    const v3 = { version: 3, dots: { diameterMm: 0.5 } };
    const opened = parsePlan(v3);
    expect(opened.version).toBe(4);
    expect(opened.headShape).toEqual(DEFAULT_HEAD_SHAPE);
    expect(opened.dots.diameterMm).toBe(0.5);
    expect(parsePlan({ version: 1 }).headShape).toEqual(DEFAULT_HEAD_SHAPE);
    expect(() => parsePlan({ version: 3, headShape: { size: 1.05 } })).not.toThrow();
  });

  it('is the client’s personal data: never in a link, kept when a link’s design opens in their plan', () => {
    expect(PLAN_FIELD_KINDS.headShape).toBe('personal');
    const plan = parsePlan({ headShape: { size: 1.08, crownHeightMm: 6 }, dots: { diameterMm: 0.6 } });
    expect(designOf(plan)).not.toHaveProperty('headShape');
    const hash = writeLinkHash(plan);
    const opened = readLinkHash(hash.startsWith('#') ? hash.slice(1) : hash);
    expect(opened.plan?.headShape).toEqual(DEFAULT_HEAD_SHAPE);
    expect(opened.plan?.dots.diameterMm).toBe(0.6);
    const kept = withPersonalDataOf(plan, parsePlan({ dots: { diameterMm: 0.8 } }));
    expect(kept.headShape).toEqual(plan.headShape);
    expect(kept.dots.diameterMm).toBe(0.8);
  });
});

describe('the head shape commands', () => {
  it('set some numbers and keep the others; a slider drag is one undo step', () => {
    const sim = createSimulator();
    const steps = sim.planStore.getState().past.length;
    for (const size of [1.02, 1.04, 1.06]) runCommand(sim, 'head.set-shape', { size }, { gesture: 'drag' });
    sim.planStore.getState().endGesture();
    runCommand(sim, 'head.set-shape', { foreheadSlopeDeg: -3 });
    expect(sim.planStore.getState().plan.headShape).toEqual({ ...DEFAULT_HEAD_SHAPE, size: 1.06, foreheadSlopeDeg: -3 });
    expect(sim.planStore.getState().past).toHaveLength(steps + 2);
    runCommand(sim, 'history.undo', {});
    expect(sim.planStore.getState().plan.headShape).toEqual({ ...DEFAULT_HEAD_SHAPE, size: 1.06 });
    runCommand(sim, 'head.reset-shape', {});
    expect(sim.planStore.getState().plan.headShape).toEqual(DEFAULT_HEAD_SHAPE);
    runCommand(sim, 'history.undo', {});
    expect(sim.planStore.getState().plan.headShape.size).toBe(1.06);
  });

  it('say what is wrong with their arguments, and the schema refuses a value out of range, changing nothing', () => {
    const sim = createSimulator();
    const before = sim.planStore.getState().plan;
    expect(() => runNamedCommand(sim, 'head.set-shape', {})).toThrow(new CommandError('head.set-shape: give at least one of size, length, breadth, foreheadSlopeDeg, crownHeightMm'));
    expect(() => runNamedCommand(sim, 'head.set-shape', { width: 1 })).toThrow(/unknown argument "?width"?: use size, length, breadth, foreheadSlopeDeg, crownHeightMm/);
    expect(() => runNamedCommand(sim, 'head.set-shape', { size: 'big' })).toThrow(/head\.set-shape: size must be a number/);
    expect(() => runNamedCommand(sim, 'head.set-shape', { size: 1.5 })).toThrow(/headShape\.size must be between 0\.88 and 1\.12/);
    expect(() => runNamedCommand(sim, 'head.reset-shape', { size: 1 })).toThrow(/takes none/);
    expect(sim.planStore.getState().plan).toBe(before);
  });
});
