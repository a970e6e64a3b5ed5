import { describe, expect, it } from 'vitest';
import type { PlanMeasurements } from '../../src/domain/measurements';
import { PIGMENT_PRESETS } from '../../src/domain/pigment';
import { defaultPlan, parsePlan, type Plan } from '../../src/domain/plan';
import { buildReport, pigmentPresetName, wholePercents, type ReportInput } from '../../src/domain/report';
import { HAIR_LOSS_PATTERNS } from '../../src/domain/hairLoss/patterns';
import { HAIRLINE_AGES, HAIRLINE_SHAPES } from '../../src/domain/hairline/presets';
import { HAIR_COLOR_PRESETS } from '../../src/domain/pigment';
import { SCAR_KINDS } from '../../src/domain/scars/scars';
import { SUN_EXPOSURES } from '../../src/domain/sunExposure';
import { VIEW_NAMES } from '../../src/domain/views';
import { dotWarnings, warningText } from '../../src/domain/warnings';
import { CATALOGUES } from '../../src/ui/i18n/catalogues';
import type { WrittenLine } from '../../src/ui/reportText';
import { catalogueInstance, writtenReport } from './writtenReport';

const measurements: PlanMeasurements = {
  hairlineHeightMm: 80.4,
  frontotemporalWidthMm: 82.6,
  treatedAreaCm2: 581.7,
  impressions: 54_962,
  sessions: 3,
  suggestedSessions: 3,
  sessionHours: [4, 5.5, 3],
  hours: 12.5,
  warnings: [],
};

const madeAt = new Date(2026, 10, 24, 9, 30);
const report = (plan: Plan = defaultPlan(), m: PlanMeasurements = measurements) => writtenReport({ plan, measurements: m, madeAt });
const value = (lines: WrittenLine[], label: string) => lines.find((l) => l.label === label)?.value;

describe('consultation report', () => {
  it('heads the report with the client, the consultation date and the day it was made, spelt out', () => {
    const r = report(parsePlan({ client: { name: ' Alex Example ', date: '2026-11-03', notes: '' } }));
    expect(value(r.client, 'Client')).toBe('Alex Example');
    expect(value(r.client, 'Consultation date')).toBe('3 November 2026');
    expect(value(r.client, 'Report made')).toBe('24 November 2026');
    const anonymous = report();
    expect(value(anonymous.client, 'Client')).toBe('Not given');
    expect(value(anonymous.client, 'Consultation date')).toBe('Not given');
  });

  it('says which head the plan is drawn on: the default head or the client\'s scan', () => {
    expect(value(report().client, 'Head')).toBe('Default head');
    const onScan = writtenReport({ plan: defaultPlan(), measurements, madeAt, scanName: 'client-2026.glb' });
    expect(value(onScan.client, 'Head')).toBe('The client’s head scan');
    expect(onScan.client.find((l) => l.label === 'Head')?.detail).toBe('client-2026.glb');
  });

  it('carries the simulation disclaimer', () => {
    const { disclaimer } = CATALOGUES.en.report;
    expect(disclaimer).toMatch(/simulation, not a guarantee/);
    expect(disclaimer).toMatch(/skin, aftercare and the practitioner/);
  });

  it('gives the hairline measurements rounded as the panel shows them, with their units', () => {
    const r = report();
    expect(value(r.hairline, 'Hairline height')).toBe('80 mm');
    expect(value(r.hairline, 'Frontotemporal width')).toBe('83 mm');
    expect(value(r.hairline, 'Treated area')).toBe('582 cm²');
    expect(value(r.treatment, 'Estimated impressions')).toBe('≈ 55,000');
    expect(value(r.treatment, 'Sessions')).toBe('3');
    expect(value(r.treatment, 'Time')).toBe('≈ 12.5 h in all');
    expect(value(r.hairline, 'Transition zone')).toBe('8.0 mm');
    expect(value(r.hairline, 'Hairline age')).toBe('Mature');
    expect(value(r.hairline, 'Hairline shape')).toBe('Straight');
    expect(value(report(parsePlan({ hairline: { shape: 'widows-peak', age: 'juvenile', transitionMm: 7.5 } })).hairline, 'Hairline shape')).toBe('Widow’s peak');
  });

  it('says so when the line does not reach both temples, and adds the suggested sessions when the plan has fewer', () => {
    const r = report(defaultPlan(), { ...measurements, frontotemporalWidthMm: NaN, sessions: 2, suggestedSessions: 3, sessionHours: [6, 7] });
    const width = r.hairline.find((l) => l.label === 'Frontotemporal width')!;
    expect(width.value).toBe('Not measured');
    expect(width.detail).toMatch(/both temples/);
    expect(r.treatment.find((l) => l.label === 'Sessions')!.detail).toBe('this area at this density usually takes 3');
    expect(report().treatment.find((l) => l.label === 'Sessions')!.detail).toBeUndefined();
  });

  it('writes lengths and areas in inches when the display is imperial (the plan stays in mm)', () => {
    const r = writtenReport({ plan: parsePlan({ dots: { diameterMm: 0.5, densityPerCm2: 100 } }), measurements, madeAt, units: 'imperial' });
    expect(value(r.hairline, 'Hairline height')).toBe(`${(measurements.hairlineHeightMm / 25.4).toFixed(2)} in`);
    expect(value(r.hairline, 'Treated area')).toBe(`${(measurements.treatedAreaCm2 / 6.4516).toFixed(0)} in²`);
    expect(value(r.dots, 'Dot size')).toBe('0.0197 in');
    expect(value(r.dots, 'Density')).toBe('645 dots/in²');
  });

  it('describes the client\'s hair, the density map and each scar only when the plan has them', () => {
    expect([report().hair, report().density, report().scars]).toEqual([[], [], []]);
    const plan = parsePlan({
      hairColor: '#5a4030',
      hairLoss: { pattern: 'norwood-3v', stubbleMm: 1.5 },
      density: { regions: { crown: 1.2 } },
      dots: { densityPerCm2: 100 },
      scars: [{ id: 'strip', kind: 'fut', uptake: 0.5 }],
    });
    const r = report(plan, { ...measurements, scars: [{ id: 'strip', kind: 'fut', areaCm2: 6, coverage: 0.72 }] });
    expect(value(r.hair, 'Hair loss')).toMatch(/Norwood 3 vertex/);
    expect(value(r.hair, 'Hair colour')).toBe('Brown (#5a4030)');
    expect(value(r.hair, 'Hair length')).toBe('1.5 mm');
    expect(r.density).toEqual([{ label: 'Crown (vertex)', value: '120 dots/cm²', detail: "120 % of the plan's density" }]);
    expect(r.scars).toEqual([{ label: 'FUT strip scar (strip)', value: '72 % covered', detail: '6.0 cm², pigment uptake 50 %' }]);
  });

  it('lists the plan warnings', () => {
    const warned = report(defaultPlan(), { ...measurements, warnings: [{ id: 'low-hairline', message: 'The mid-frontal point is low.' }] });
    expect(warned.warnings).toEqual(['The mid-frontal point is low.']);
    expect(report().warnings).toEqual([]);
  });

  it('lists every warning the screen shows: the measured ones (hairline, sessions, scars) and the dot settings\' own', () => {
    // A plan that sets off every dot warning the Dots panel shows, on fair skin.
    const plan = parsePlan({ skin: { color: '#f6ede4' }, dots: { diameterMm: 1.2, softness: 0.8, densityPerCm2: 180, color: '#000000' } });
    const measured = [
      { id: 'low-hairline', message: 'The mid-frontal point is 6.0 cm above the glabella.', imperial: 'The mid-frontal point is 2.36 in above the glabella.' },
      { id: 'few-sessions', message: '1 session planned.' },
      { id: 'scar-coverage:fut-1', message: 'Only 40 % of the FUT strip scar "fut-1" would blend in.' },
    ];
    const onScreen = [...measured, ...dotWarnings(plan)];
    expect(dotWarnings(plan).map((w) => w.id)).toEqual(['large-dots', 'heavy-spread', 'dense-dots', 'blue-cast']);
    for (const units of ['metric', 'imperial'] as const) {
      const r = writtenReport({ plan, measurements: { ...measurements, warnings: measured }, madeAt, units });
      expect(r.warnings).toEqual(onScreen.map((w) => warningText(w, units)));
    }
    expect(buildReport({ plan, measurements: { ...measurements, warnings: measured }, madeAt }).warnings).toEqual(onScreen);
    expect(writtenReport({ plan, measurements: { ...measurements, warnings: measured }, madeAt, units: 'imperial' }).warnings).toContain(
      'Above about 1032 dots/in² dots start to merge into a solid tone.',
    );
  });

  it('describes the dots with units, naming a preset shade and showing its swatch', () => {
    const plan = parsePlan({ dots: { diameterMm: 0.35, densityPerCm2: 120, sizeVariation: 0.2, opacity: 0.9, softness: 0.25, color: PIGMENT_PRESETS[2].color } });
    const r = report(plan);
    expect(value(r.dots, 'Dot size')).toBe('0.35 mm');
    expect(value(r.dots, 'Density')).toBe('120 dots/cm²');
    expect(value(r.dots, 'Size variation')).toBe('20 %');
    expect(value(r.dots, 'Opacity')).toBe('90 %');
    expect(value(r.dots, 'Ink spread')).toBe('25 %');
    const shade = r.dots.find((l) => l.label === 'Pigment shade')!;
    expect(shade.value).toBe(`Charcoal (${PIGMENT_PRESETS[2].color})`);
    expect(shade.swatch).toBe(PIGMENT_PRESETS[2].color);
    const custom = report(parsePlan({ dots: { color: '#3a3a50' } })).dots.find((l) => l.label === 'Pigment shade')!;
    expect(custom.value).toBe('Custom (#3a3a50)');
  });

  it('looks shade names up whatever the letter case', () => {
    for (const preset of PIGMENT_PRESETS) expect(pigmentPresetName(preset.color.toUpperCase())).toBe(preset.label);
    expect(pigmentPresetName('#123456')).toBeNull();
  });

  it('splits the impressions between the sessions by their normalised shares, which add up to exactly 100 %', () => {
    const plan = parsePlan({
      sessions: [
        { densityShare: 0.35, shadeStrength: 0.7 },
        { densityShare: 0.35, shadeStrength: 1 },
        { densityShare: 0.35, shadeStrength: 0.85 },
      ],
    });
    const r = report(plan, { ...measurements, impressions: 30_000 });
    expect(r.sessions.map((s) => s.session)).toEqual(['Session 1', 'Session 2', 'Session 3']);
    const shares = r.sessions.map((s) => Number(/^(\d+) %$/.exec(s.share)![1]));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect(shares).toEqual([34, 33, 33]);
    expect(r.sessions.map((s) => s.impressions)).toEqual(['≈ 10,000', '≈ 10,000', '≈ 10,000']);
    expect(r.sessions.map((s) => s.strength)).toEqual(['70 %', '100 %', '85 %']);
    expect(r.sessions.map((s) => s.hours)).toEqual(['≈ 4 h', '≈ 5.5 h', '≈ 3 h']);
    expect(CATALOGUES.en.report.sessionNote).toMatch(/10–30 days apart/);
  });

  it.each([
    [[0.3, 0.45, 0.25], [30, 45, 25]],
    [[1 / 3, 1 / 3, 1 / 3], [34, 33, 33]],
    [[0.125, 0.125, 0.125, 0.625], [13, 13, 12, 62]],
    [[1], [100]],
  ])('rounds shares %j to whole percents %j that sum to 100', (shares, percents) => {
    const result = wholePercents(shares);
    expect(result.reduce((a, b) => a + b, 0)).toBe(100);
    expect(result).toEqual(percents);
  });

  it('suggests a touch-up from the sun exposure', () => {
    expect(report(parsePlan({ aftercare: { sunExposure: 'moderate' } })).touchUp).toBe('A touch-up is usually due after about 4.5 years with some sun.');
    expect(report(parsePlan({ aftercare: { sunExposure: 'low' } })).touchUp).toBe('A touch-up is usually due after about 6 years with little sun.');
    expect(report(parsePlan({ aftercare: { sunExposure: 'high' } })).touchUp).toBe('A touch-up is usually due after about 3 years with a lot of sun.');
  });

  it('keeps client notes, and leaves them out when there are none', () => {
    const notes = (plan: Plan) => buildReport({ plan, measurements, madeAt }).notes;
    expect(notes(parsePlan({ client: { notes: 'Scar on the crown.\nPrefers a soft front.' } }))).toBe('Scar on the crown.\nPrefers a soft front.');
    expect(notes(parsePlan({ client: { notes: '   \n ' } }))).toBeNull();
    expect(notes(defaultPlan())).toBeNull();
  });

  it('asks for the five standard views with SMP and a three-quarter before / after pair', () => {
    const r = buildReport({ plan: defaultPlan(), measurements, madeAt });
    expect(r.views.map((p) => p.view)).toEqual(['front', 'left', 'right', 'top', 'back']);
    expect(r.views.every((p) => p.showSmp)).toBe(true);
    expect(r.beforeAfter).toEqual([
      expect.objectContaining({ view: 'three-quarter', showSmp: false }),
      expect.objectContaining({ view: 'three-quarter', showSmp: true }),
    ]);
    for (const p of [...r.views, ...r.beforeAfter]) expect(VIEW_NAMES).toContain(p.view);
  });

  it('is written in German, Spanish and Turkish with their words, numbers and dates', () => {
    const plan = parsePlan({
      client: { name: 'Alex Example', date: '2026-11-03', notes: '' },
      dots: { diameterMm: 0.35, densityPerCm2: 120, color: PIGMENT_PRESETS[2].color },
      hairLoss: { pattern: 'norwood-3v', stubbleMm: 1.5 },
      aftercare: { sunExposure: 'moderate' },
    });
    const input = { plan, measurements, madeAt };
    const de = writtenReport(input, 'de');
    expect(value(de.client, 'Beratungsdatum')).toBe('3. November 2026');
    expect(value(de.dots, 'Punktgröße')).toBe('0,35 mm');
    expect(value(de.dots, 'Pigmentton')).toBe(`Anthrazit (${PIGMENT_PRESETS[2].color})`);
    expect(value(de.treatment, 'Geschätzte Impressionen')).toBe('≈ 55.000');
    expect(value(de.treatment, 'Zeit')).toBe('≈ 12,5 Std. insgesamt');
    expect(value(de.hair, 'Haarausfall')).toMatch(/^Norwood 3 Vertex:/);
    expect(de.sessions[1]).toEqual({ session: 'Sitzung 2', share: '45 %', impressions: '≈ 24.730', hours: '≈ 5,5 Std.', strength: '100 %' });
    expect(de.touchUp).toBe('Eine Auffrischung ist in der Regel nach etwa 4,5 Jahren bei mäßiger Sonne fällig.');
    const es = writtenReport(input, 'es');
    expect(value(es.client, 'Fecha de la consulta')).toBe('3 de noviembre de 2026');
    expect(value(es.hairline, 'Altura de la línea capilar')).toBe('80 mm');
    const tr = writtenReport(input, 'tr');
    expect(value(tr.client, 'Konsültasyon tarihi')).toBe('3 Kasım 2026');
    expect(value(tr.dots, 'Boyut farklılığı')).toBe('%25');
    expect(tr.touchUp).toBe('Orta düzeyde güneş alma durumunda rötuş genellikle yaklaşık 4,5 yıl sonra gerekir.');
  });

  it('names only keys the catalogue has, for every hair-loss pattern, hairline, colour, shade, region, scar kind and sun exposure', () => {
    const keys = new Set<string>();
    const collect = (value: unknown): void => {
      if (!value || typeof value !== 'object') return;
      if ('key' in value && typeof value.key === 'string') keys.add(value.key);
      for (const inner of Object.values(value)) collect(inner);
    };
    const most = Math.max(HAIR_LOSS_PATTERNS.length, HAIR_COLOR_PRESETS.length, PIGMENT_PRESETS.length);
    for (let i = 0; i < most; i++) {
      const input: ReportInput = {
        plan: parsePlan({
          hairColor: HAIR_COLOR_PRESETS[i % HAIR_COLOR_PRESETS.length]!.color,
          hairLoss: { pattern: HAIR_LOSS_PATTERNS[i % HAIR_LOSS_PATTERNS.length] },
          hairline: { age: HAIRLINE_AGES[i % HAIRLINE_AGES.length], shape: HAIRLINE_SHAPES[i % HAIRLINE_SHAPES.length] },
          dots: { color: PIGMENT_PRESETS[i % PIGMENT_PRESETS.length]!.color },
          density: { regions: { frontal: 0.8, midScalp: 0.9, crown: 1.2, leftTemporal: 0.7, rightTemporal: 0.7, leftParietal: 1.1, rightParietal: 1.1, occipital: 0.5 } },
          scars: SCAR_KINDS.map((kind, k) => ({ id: `scar-${k}`, kind })),
          aftercare: { sunExposure: SUN_EXPOSURES[i % SUN_EXPOSURES.length] },
        }),
        measurements: i % 2 ? measurements : { ...measurements, frontotemporalWidthMm: 0, impressions: 0, scars: [{ id: 'scar-0', kind: 'fut', areaCm2: 6, coverage: 0.7 }] },
        madeAt,
        ...(i % 2 ? { scanName: 'scan.glb' } : {}),
      };
      collect(buildReport(input));
      writtenReport(input);
    }
    const english = catalogueInstance('en');
    expect(keys.size).toBeGreaterThan(60);
    for (const key of keys) {
      const full = key.includes(':') ? key : `report:${key}`;
      expect(english.exists(full) || english.exists(`${full}_other`), key).toBe(true);
    }
  });
});
