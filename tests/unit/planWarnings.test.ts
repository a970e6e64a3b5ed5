import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TreatmentArea } from '../../src/domain/hairline/treatmentArea';
import { defaultPlan, parsePlan } from '../../src/domain/plan';
import { dotWarnings, planWarnings, warningText } from '../../src/domain/warnings';
import { estimateSessions, scarsOrAlopecia } from '../../src/domain/workRate';
import { DEFAULT_HEAD_GLB, loadDefaultHead } from './fixtures';

describe('the dot settings’ warnings', () => {
  const ids = (over: Parameters<typeof parsePlan>[0]) => dotWarnings(parsePlan(over)).map((w) => w.id);

  it('says nothing about the default plan', () => {
    expect(dotWarnings(defaultPlan())).toEqual([]);
  });

  it('warns of each risky choice on its own, at the limits of the domain notes', () => {
    expect(ids({ dots: { diameterMm: 1.0 } })).toEqual([]);
    expect(ids({ dots: { diameterMm: 1.05 } })).toEqual(['large-dots']);
    expect(ids({ dots: { softness: 0.75 } })).toEqual(['heavy-spread']);
    expect(ids({ dots: { densityPerCm2: 160 } })).toEqual([]);
    expect(ids({ dots: { densityPerCm2: 170 } })).toEqual(['dense-dots']);
    expect(ids({ skin: { color: '#f6ede4' }, dots: { color: '#000000' } })).toEqual(['blue-cast']);
    // Undiluted black on dark skin, or a diluted grey on fair skin, is no blue-cast risk.
    expect(ids({ skin: { color: '#292420' }, dots: { color: '#000000' } })).toEqual([]);
    expect(ids({ skin: { color: '#f6ede4' }, dots: { color: '#3a3a3a' } })).toEqual([]);
  });

  it('names lengths and densities in the units shown', () => {
    const [large, dense] = dotWarnings(parsePlan({ dots: { diameterMm: 1.2, densityPerCm2: 180 } }));
    expect(warningText(large!, 'metric')).toMatch(/^Dots over 1 mm read as large blurred dots.*usually 0\.25–0\.50 mm\.$/);
    expect(warningText(large!, 'imperial')).not.toMatch(/\bmm\b/);
    expect(warningText(dense!, 'metric')).toBe('Above about 160 dots/cm² dots start to merge into a solid tone.');
    expect(warningText(dense!, 'imperial')).toBe('Above about 1032 dots/in² dots start to merge into a solid tone.');
  });

  it('follows the measured warnings in the plan’s whole list', () => {
    const plan = parsePlan({ dots: { softness: 0.9 } });
    const measured = [{ id: 'few-sessions', message: '1 session planned.' }];
    expect(planWarnings(plan, measured).map((w) => w.id)).toEqual(['few-sessions', 'heavy-spread']);
  });
});

describe('the work-rate model', () => {
  it('gives scars and alopecia areata their extra session', () => {
    expect(scarsOrAlopecia(defaultPlan())).toBe(false);
    expect(scarsOrAlopecia(parsePlan({ hairLoss: { pattern: 'areata' } }))).toBe(true);
    expect(scarsOrAlopecia(parsePlan({ hairLoss: { pattern: 'diffuse' } }))).toBe(false);
    expect(scarsOrAlopecia(parsePlan({ scars: [{ id: 'fut-1', kind: 'fut' }] }))).toBe(true);
    expect(estimateSessions(40_000, 500, { scarsOrAlopecia: true })).toBe(estimateSessions(40_000, 500) + 1);
  });
});

describe.skipIf(!existsSync(DEFAULT_HEAD_GLB))('the plan measured on the default head', { timeout: 60_000 }, () => {
  it('suggests one more session for alopecia areata', () => {
    const head = loadDefaultHead();
    const area = new TreatmentArea(head.skin.positions, head.skin.indices, head.landmarks);
    const plain = area.measure(parsePlan({ sessions: [{ densityShare: 1, shadeStrength: 1 }, { densityShare: 1, shadeStrength: 1 }] }));
    const areata = area.measure(parsePlan({ hairLoss: { pattern: 'areata' }, sessions: [{ densityShare: 1, shadeStrength: 1 }, { densityShare: 1, shadeStrength: 1 }] }));
    expect(plain.suggestedSessions).toBe(3);
    expect(areata.suggestedSessions).toBe(4);
    expect(areata.warnings.find((w) => w.id === 'few-sessions')?.message).toMatch(/usually takes 4/);
  });
});
