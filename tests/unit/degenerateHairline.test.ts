import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TreatmentArea } from '../../src/domain/hairline/treatmentArea';
import { NO_AREA_WARNING } from '../../src/domain/hairline/measurements';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { defaultPlan, parsePlan, type Plan } from '../../src/domain/plan';
import { DEFAULT_HEAD_GLB, loadDefaultHead } from './fixtures';
import { writtenReport } from './writtenReport';

// The first case builds the head's surface query and maps (seconds on a busy machine).
describe.skipIf(!existsSync(DEFAULT_HEAD_GLB))('degenerate hairlines', { timeout: 60_000 }, () => {
  const head = () => loadDefaultHead();
  let area: TreatmentArea | undefined;
  const measure = (plan: Plan) => {
    area ??= new TreatmentArea(head().skin.positions, head().skin.indices, head().landmarks);
    return area.measure(plan);
  };
  const withPoints = (points: Vec3[]) => parsePlan({ ...defaultPlan(), hairline: { ...defaultPlan().hairline, points } });
  const forehead = (): Vec3 => head().query.project([0, 95, 90]);

  const cases: [string, () => Vec3[]][] = [
    ['three identical points', () => [forehead(), forehead(), forehead()]],
    ['collinear points', () => [0, 10, 20, 30].map((dx) => [forehead()[0] + dx, forehead()[1], forehead()[2]] as Vec3)],
    ['a tiny triangle', () => [forehead(), [forehead()[0] + 0.2, forehead()[1], forehead()[2]], [forehead()[0], forehead()[1] + 0.2, forehead()[2]]]],
  ];

  it.each(cases)('%s: a clear warning and finite figures, no width and no time', (_, points) => {
    const m = measure(withPoints(points()));
    expect(m.warnings[0]).toEqual(NO_AREA_WARNING);
    // Nothing else about a line that encloses nothing (no "low hairline" from its stray height).
    expect(m.warnings.every((w) => w.id === 'no-area' || w.id === 'off-skin')).toBe(true);
    for (const value of [m.hairlineHeightMm, m.frontotemporalWidthMm, m.treatedAreaCm2, m.impressions, m.hours, ...m.sessionHours]) expect(Number.isFinite(value)).toBe(true);
    expect(m.frontotemporalWidthMm).toBe(0);
    expect(m.impressions).toBe(0);
    expect(m.sessions).toBe(3);
    expect(JSON.stringify(m)).not.toMatch(/null/);

    const report = writtenReport({ plan: withPoints(points()), measurements: m, madeAt: new Date(2026, 0, 5) });
    const line = (label: string) => [...report.hairline, ...report.treatment].find((l) => l.label === label)!;
    expect(line('Frontotemporal width').value).toBe('Not measured');
    expect(line('Time')).toEqual({ label: 'Time', value: 'None', detail: 'no dots to place' });
    expect(line('Sessions').detail).toBeUndefined();
    expect(report.sessions.map((s) => s.hours)).toEqual(['None', 'None', 'None']);
    expect(report.warnings[0]).toBe(NO_AREA_WARNING.message);
  });

  it('one or two points draw the preset: full figures, no warning', () => {
    for (const points of [[forehead()], [forehead(), head().query.project([30, 95, 80])]]) {
      const m = measure(withPoints(points));
      expect(m.warnings.map((w) => w.id)).not.toContain('no-area');
      expect(m.frontotemporalWidthMm).toBeGreaterThan(70);
      expect(m.hours).toBeGreaterThan(0);
    }
  });

  it('a normal line keeps its figures', () => {
    const m = measure(defaultPlan());
    expect(m.warnings.map((w) => w.id)).not.toContain('no-area');
    expect(m.frontotemporalWidthMm).toBeGreaterThan(70);
    const report = writtenReport({ plan: defaultPlan(), measurements: m, madeAt: new Date(2026, 0, 5) });
    expect(report.treatment.find((l) => l.label === 'Time')!.value).toMatch(/^≈ [\d.]+ h in all$/);
  });
});
