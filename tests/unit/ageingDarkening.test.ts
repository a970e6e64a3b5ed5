import { describe, expect, it } from 'vitest';
import { darkeningLeft } from '../../src/domain/ageingDarkening';
import { defaultPlan, type Plan } from '../../src/domain/plan';

describe('the darkening the dots keep as they age', () => {
  const plan = defaultPlan();
  const withSun = (sunExposure: Plan['aftercare']['sunExposure']): Plan => ({ ...plan, aftercare: { ...plan.aftercare, sunExposure } });

  it('is all of it freshly healed, then less every year, and less with more sun', () => {
    expect(darkeningLeft(plan, 0)).toBe(1);
    let previous = 1;
    for (let years = 0.5; years <= 10; years += 0.5) {
      const left = darkeningLeft(plan, years);
      expect(left).toBeLessThan(previous);
      expect(left).toBeGreaterThan(0);
      previous = left;
    }
    expect(darkeningLeft(withSun('high'), 5)).toBeLessThan(darkeningLeft(withSun('moderate'), 5));
    expect(darkeningLeft(withSun('moderate'), 5)).toBeLessThan(darkeningLeft(withSun('low'), 5));
  });

  it('does not depend on how dense or dark the plan is beyond a few points (it is a share)', () => {
    const sparse = { ...plan, dots: { ...plan.dots, densityPerCm2: 30 } };
    expect(Math.abs(darkeningLeft(sparse, 5) - darkeningLeft(plan, 5))).toBeLessThan(0.1);
    const none = { ...plan, dots: { ...plan.dots, opacity: 0 } };
    expect(darkeningLeft(none, 5)).toBe(1);
  });
});
