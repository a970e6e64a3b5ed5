import { describe, expect, it } from 'vitest';
import { HEALED_DAY, HEALING_DAYS, healingDots, healingState } from '../../src/domain/healing';
import { defaultPlan } from '../../src/domain/plan';

describe('the days after a session', () => {
  const dots = defaultPlan().dots;

  it('is red on the day, fading over days 3 to 5', () => {
    expect(healingState(0).redness).toBe(1);
    expect(healingState(1).redness).toBeGreaterThan(0.4);
    expect(healingState(3).redness).toBeLessThan(0.2);
    expect(healingState(5).redness).toBeLessThan(0.05);
    for (let d = 0; d < HEALED_DAY; d += 0.5) expect(healingState(d + 0.5).redness).toBeLessThanOrEqual(healingState(d).redness);
  });

  it('scabs larger (1.3 to 1.6 times) and darker in the first days, the scabs shed by day 9', () => {
    for (const day of [2, 3, 5]) {
      const scab = healingDots(dots, day);
      expect(scab.diameterMm / dots.diameterMm).toBeGreaterThanOrEqual(1.3);
      expect(scab.diameterMm / dots.diameterMm).toBeLessThanOrEqual(1.6);
      expect(scab.opacity).toBeGreaterThan(dots.opacity);
      expect(scab.depthMm).toBeLessThan(dots.depthMm);
    }
    expect(healingState(9).scab).toBe(0);
    expect(healingState(10).scab).toBe(0);
  });

  it('looks lighter than healed once the scabs are shed (the panic phase), healed by day 28', () => {
    for (const day of [9, 14]) {
      const d = healingDots(dots, day);
      expect(d.diameterMm).toBeCloseTo(dots.diameterMm, 10);
      expect(d.opacity).toBeLessThan(dots.opacity * 0.8);
    }
    expect(healingDots(dots, 21).opacity).toBeLessThan(dots.opacity);
    expect(healingDots(dots, HEALED_DAY)).toEqual(dots);
    expect(healingDots(dots, 40)).toEqual(dots);
    expect(healingState(HEALED_DAY)).toEqual({ redness: 0, scab: 0, lightening: 0 });
  });

  it('offers the days a client asks about, ending healed, and clamps the rest', () => {
    expect([...HEALING_DAYS]).toEqual([0, 1, 3, 7, 14, 28]);
    expect(healingState(-3)).toEqual(healingState(0));
    expect(healingState(Number.NaN)).toEqual(healingState(HEALED_DAY));
  });
});
