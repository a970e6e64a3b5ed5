import { describe, expect, it } from 'vitest';
import { DEFAULT_PIGMENT_DEPTH_MM } from '../../src/domain/appearance';
import { agedDots, contrastLeft, TOUCH_UP_CONTRAST, touchUpYears } from '../../src/domain/ageing';
import { estimateHours, sessionHours } from '../../src/domain/workRate';
import { migratePlan } from '../../src/domain/migrations';
import { defaultPlan, parsePlan, PLAN_VERSION, SKIN_SHINE_FIELD } from '../../src/domain/plan';
import { defaultSessions, sessionLayers, sessionShares } from '../../src/domain/sessions';

describe('sessions', () => {
  it('defaults to 3 sessions, the first lighter and sparser, as the domain notes describe', () => {
    const sessions = defaultPlan().sessions;
    expect(sessions).toHaveLength(3);
    expect(sessions[0]!.shadeStrength).toBeLessThan(sessions[1]!.shadeStrength);
    expect(sessions[0]!.densityShare).toBeLessThan(sessions[1]!.densityShare);
  });

  it.each([1, 2, 3, 4])('gives a typical layering for %i sessions whose shares sum to 1', (count) => {
    const sessions = defaultSessions(count);
    expect(sessions).toHaveLength(count);
    expect(sessions.reduce((s, x) => s + x.densityShare, 0)).toBeCloseTo(1, 9);
    expect(sessions.every((s) => s.shadeStrength >= 0.3 && s.shadeStrength <= 1)).toBe(true);
    expect(parsePlan({ sessions }).sessions).toEqual(sessions);
  });

  it('normalises shares and stacks them: each preview shows a growing subset of the final dots', () => {
    const sessions = [
      { densityShare: 0.6, shadeStrength: 0.5 },
      { densityShare: 0.9, shadeStrength: 1 },
      { densityShare: 0.5, shadeStrength: 0.8 },
    ];
    expect(sessionShares(sessions)).toEqual([0.3, 0.45, 0.25]);
    const after1 = sessionLayers(sessions, 1);
    const after2 = sessionLayers(sessions, 2);
    const final = sessionLayers(sessions);
    expect(after1.ends).toEqual([0.3, 0.75, 1]);
    expect([after1.visibleShare, after2.visibleShare, final.visibleShare]).toEqual([0.3, 0.75, 1]);
    expect([after1.done, after2.done, final.done]).toEqual([1, 2, 3]);
    expect(after1.meanStrength).toBeCloseTo(0.5, 9);
    expect(after2.meanStrength).toBeCloseTo((0.3 * 0.5 + 0.45 * 1) / 0.75, 9);
    expect(final.meanStrength).toBeCloseTo(0.3 * 0.5 + 0.45 + 0.25 * 0.8, 9);
    // Out-of-range previews clamp to the plan's sessions.
    expect(sessionLayers(sessions, 9).done).toBe(3);
    expect(sessionLayers(sessions, 0).done).toBe(1);
  });

  it('rejects a plan with no sessions or more than 4, naming the field', () => {
    expect(() => parsePlan({ sessions: [] })).toThrow(/sessions must have 1 to 4 items/);
    expect(() => parsePlan({ sessions: defaultSessions(4).concat(defaultSessions(1)) })).toThrow(/sessions/);
    expect(() => parsePlan({ sessions: [{ densityShare: 0, shadeStrength: 1 }] })).toThrow(/sessions\[0\]\.densityShare/);
    expect(() => parsePlan({ sessions: [{ densityShare: 1, shade: 1 }] })).toThrow(/sessions\[0\]\.shade is not a known plan field/);
  });

  it('books each session by its own share of the impressions (at least 2 h, in half hours)', () => {
    expect(sessionHours(60_000, [0.3, 0.45, 0.25])).toEqual([4, 6, 3.5]);
    expect(sessionHours(0, [0.5, 0.5])).toEqual([0, 0]);
    expect(estimateHours(60_000, 3)).toBe(13.5);
  });
});

describe('ageing model', () => {
  it('fades to the touch-up contrast exactly when the notes\' 3–6 year touch-up is due', () => {
    expect([touchUpYears('high'), touchUpYears('moderate'), touchUpYears('low')]).toEqual([3, 4.5, 6]);
    for (const exposure of ['low', 'moderate', 'high'] as const) {
      expect(contrastLeft(0, exposure)).toBe(1);
      expect(contrastLeft(touchUpYears(exposure), exposure)).toBeCloseTo(TOUCH_UP_CONTRAST, 9);
    }
    expect(contrastLeft(5, 'high')).toBeLessThan(contrastLeft(5, 'moderate'));
    expect(contrastLeft(5, 'moderate')).toBeLessThan(contrastLeft(5, 'low'));
  });

  it('leaves freshly healed dots as planned, then fades, softens, spreads and sinks them', () => {
    const dots = defaultPlan().dots;
    expect(agedDots(dots, 0, 'moderate')).toEqual(dots);
    let previous = dots;
    for (const years of [2, 5, 10]) {
      const aged = agedDots(dots, years, 'moderate');
      expect(aged.opacity).toBeLessThan(previous.opacity);
      expect(aged.softness).toBeGreaterThan(previous.softness);
      expect(aged.softness).toBeLessThanOrEqual(1);
      expect(aged.diameterMm).toBeGreaterThan(previous.diameterMm);
      expect(aged.depthMm).toBeGreaterThan(previous.depthMm);
      expect(aged.color).toBe(dots.color);
      expect(aged.densityPerCm2).toBe(dots.densityPerCm2);
      previous = aged;
    }
    expect(previous.diameterMm / dots.diameterMm).toBeCloseTo(1.15, 9);
    // Ages beyond the preview's 10 years are the 10-year look.
    expect(agedDots(dots, 25, 'moderate')).toEqual(previous);
  });
});

describe('plan migrations', () => {
  const v1 = {
    version: 1,
    skin: { color: '#a07e56' },
    hairColor: '#3b2c22',
    hairline: { points: [], age: 'juvenile', shape: 'rounded', mirror: true, transitionMm: 6, irregularity: 0.4, sentinels: 0.2 },
    dots: { diameterMm: 0.5, sizeVariation: 0.2, densityPerCm2: 90, color: '#403b38', opacity: 0.8, softness: 0.25 },
  };

  it('brings a version 1 plan to the current version, keeping everything it had and its look', () => {
    const plan = parsePlan(v1);
    expect(plan.version).toBe(PLAN_VERSION);
    // Scalp shine came later: older plans take the default shine.
    expect(plan.skin).toEqual({ ...v1.skin, shine: SKIN_SHINE_FIELD.default });
    expect(plan.hairline).toEqual(v1.hairline);
    // Pigment depth came later: older plans take the default depth.
    expect(plan.dots).toEqual({ ...v1.dots, depthMm: DEFAULT_PIGMENT_DEPTH_MM });
    expect(plan.client).toEqual({ name: '', date: '', notes: '' });
    // Version 1 drew every dot at full strength: so does the migrated plan.
    expect(plan.sessions.map((s) => s.shadeStrength)).toEqual([1, 1, 1]);
    expect(v1.version).toBe(1);
  });

  it('treats a plan without a version as the current version (partial plans from embedding pages)', () => {
    expect(migratePlan({ dots: {} }, PLAN_VERSION)).toEqual({ dots: {} });
  });

  it.each([[99], [0], [1.5], ['2']])('rejects version %j clearly', (version) => {
    expect(() => parsePlan({ version })).toThrow(/version/);
  });

  it('accepts client details and checks the date', () => {
    const plan = parsePlan({ client: { name: 'Jane Doe', date: '2026-11-23', notes: 'Scar on the crown' } });
    expect(plan.client.name).toBe('Jane Doe');
    expect(() => parsePlan({ client: { date: '23/11/2026' } })).toThrow(/client\.date must be a date on the calendar like/);
    expect(() => parsePlan({ client: { name: 'x'.repeat(121) } })).toThrow(/client\.name must be at most 120/);
  });
});
