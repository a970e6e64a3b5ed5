import { existsSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/domain/languages';
import { buildHairline } from '../../src/domain/hairline/hairline';
import { hairlineWarnings, measureHairline, NO_AREA_WARNING } from '../../src/domain/hairline/measurements';
import { hairlinePreset } from '../../src/domain/hairline/presets';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { scarWarnings, type ScarCoverage } from '../../src/domain/scars/coverage';
import { formatArea, formatDensity, formatDensityRange, formatLength, formatLengthRange, type UnitSystem } from '../../src/domain/units';
import { dotWarnings, warningText, type PlanWarning } from '../../src/domain/warnings';
import { NAMESPACES } from '../../src/ui/i18n';
import { CATALOGUES } from '../../src/ui/i18n/catalogues';
import { warningKey, writeWarning } from '../../src/ui/i18n/warningText';
import { DEFAULT_HEAD_GLB, loadDefaultHead } from './fixtures';

const instance = i18next.createInstance();
beforeAll(async () => {
  await instance.init({ lng: 'en', fallbackLng: false, ns: NAMESPACES, resources: CATALOGUES, interpolation: { escapeValue: false }, initAsync: false });
});

/** What `useFormat()` gives a component, for a language and units. */
function format(language: Language, units: UnitSystem) {
  const dots = instance.getFixedT(language, 'panels')('units.dots');
  return {
    units,
    locale: language,
    length: (mm: number, decimals = 1) => formatLength(mm, units, decimals, language),
    lengthRange: (low: number, high: number, decimals = 1) => formatLengthRange(low, high, units, decimals, language),
    density: (perCm2: number, decimals = 0) => formatDensity(perCm2, units, decimals, language, dots),
  };
}

const write = (w: PlanWarning, language: Language, units: UnitSystem) =>
  writeWarning(w, instance.getFixedT(language) as TFunction as unknown as Parameters<typeof writeWarning>[1], format(language, units));

const scar = (over: Partial<ScarCoverage>): ScarCoverage => ({
  id: 'fut-1',
  kind: 'fut',
  areaCm2: 6,
  coverage: 0.4,
  uptake: 0.5,
  bareShare: 0,
  coverageAtFullUptake: 0.4,
  ...over,
});

/** Warnings as the domain makes them without a head: the dot settings', the scars' (every reason) and the line's. */
function warningsWithoutHead(): PlanWarning[] {
  return [
    ...dotWarnings({ dots: { diameterMm: 1.5, densityPerCm2: 190, color: '#1c1a19', softness: 0.9 }, skin: { color: '#f6ede4' } }),
    ...scarWarnings([
      scar({ id: 'fut-1', bareShare: 0.6 }),
      scar({ id: 'fue-2', kind: 'fue', coverageAtFullUptake: 0.95 }),
      scar({ id: 'freeform-3', kind: 'freeform', uptake: 1 }),
    ]),
    NO_AREA_WARNING,
    ...hairlineWarnings({
      hairline: { closed: true, points: [[0, 0, 0]] },
      landmarks: {} as never,
      query: {} as never,
    }),
  ];
}

/**
 * Every wording the catalogue has, with values as the domain gives them: the keys a head-free test cannot
 * produce (a head's landmarks decide between them) are checked against the catalogue here.
 */
const SAMPLES: PlanWarning[] = [
  { id: 'low-hairline', message: '', params: { height: { cm: 61, decimals: 1 }, limit: { cm: 70, decimals: 0 }, typical: { cm: 80, decimals: 0 }, conservative: { cm: 100, decimals: 0 } } },
  { id: 'asymmetric', message: '', params: { variant: 'mean', mean: { mm: 7, decimals: 0 }, max: { mm: 12, decimals: 0 } } },
  { id: 'asymmetric', message: '', params: { variant: 'stretch', mean: { mm: 3, decimals: 0 }, max: { mm: 18, decimals: 0 } } },
  { id: 'off-skin', message: '', params: { variant: 'points', count: 1, distance: { mm: 12, decimals: 0 } } },
  { id: 'off-skin', message: '', params: { variant: 'points', count: 3, distance: { mm: 12, decimals: 0 } } },
  { id: 'on-face', message: '', params: { variant: 'below-brows', distance: { mm: 9, decimals: 0 } } },
  { id: 'on-face', message: '', params: { variant: 'landmarks', landmarks: ['glabella', 'nasion', 'leftLateralCanthus', 'rightLateralCanthus'] } },
  { id: 'on-ear', message: '', params: { variant: 'line', landmarks: [], clearance: { mmRange: [10, 15], decimals: 0 } } },
  { id: 'on-ear', message: '', params: { variant: 'landmarks', landmarks: ['leftTragus', 'rightTragus'], clearance: { mmRange: [10, 15], decimals: 0 } } },
  { id: 'few-sessions', message: '', params: { count: 1, suggested: 3 } },
  { id: 'few-sessions', message: '', params: { count: 2, suggested: 3 } },
];

type Tree = { [key: string]: string | Tree };
/** The warnings' wordings: every leaf key but the shared words (scar kinds, landmarks), plural suffixes dropped. */
function wordings(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    prefix === '' && (key === 'scarKinds' || key === 'landmarks') ? [] : typeof value === 'string' ? [`${prefix}${key.replace(/_(one|other)$/, '')}`] : wordings(value, `${prefix}${key}.`),
  );
}

describe('the plan warnings in every language', () => {
  const all = [...warningsWithoutHead(), ...SAMPLES];

  it('has a sample of every wording in the catalogue', () => {
    const covered = new Set(all.map(warningKey));
    expect([...new Set(wordings(CATALOGUES.en.warnings as Tree))].sort()).toEqual([...covered].sort());
  });

  for (const language of LANGUAGES) {
    it(`writes every warning in ${language}, every value filled in, in both unit systems`, () => {
      for (const w of all) {
        expect(instance.exists(`warnings:${warningKey(w)}`, { lng: language, count: w.params?.count }), `${language} ${w.id}`).toBe(true);
        for (const units of ['metric', 'imperial'] as const) {
          const text = write(w, language, units);
          expect(text, `${language} ${w.id}`).not.toMatch(/\{\{|\}\}|undefined|NaN|\[object/);
          expect(text.trim(), `${language} ${w.id}`).not.toBe('');
          if (units === 'imperial') expect(text, `${language} ${w.id}`).not.toMatch(/\d (mm|cm)\b/);
          if (language !== 'en') expect(text, `${language} ${w.id}`).not.toBe(write(w, 'en', units));
        }
      }
    });
  }

  it('says in English what the domain says, from the same values', () => {
    for (const w of warningsWithoutHead()) {
      expect(write(w, 'en', 'metric'), w.id).toBe(warningText(w, 'metric'));
      // Grouped thousands (1,032) are the only difference the reader's locale makes in English.
      expect(write(w, 'en', 'imperial').replace(/(\d),(\d{3})/g, '$1$2'), w.id).toBe(warningText(w, 'imperial'));
    }
  });

  it('writes numbers and units as the language does', () => {
    const dense = dotWarnings({ dots: { diameterMm: 1.5, densityPerCm2: 190, color: '#57514d', softness: 0.2 }, skin: { color: '#604134' } });
    const large = dense.find((w) => w.id === 'large-dots')!;
    expect(write(large, 'de', 'metric')).toContain('0,25–0,50 mm');
    expect(write(large, 'es', 'metric')).toContain('0,25–0,50 mm');
    expect(write(large, 'tr', 'metric')).toContain('0,25–0,50 mm');
    const merging = dense.find((w) => w.id === 'dense-dots')!;
    expect(write(merging, 'de', 'metric')).toContain('160 Punkte/cm²');
    expect(write(merging, 'es', 'imperial')).toContain('1032 puntos/in²');
    expect(write(merging, 'tr', 'metric')).toContain('160 nokta/cm²');
    const low = SAMPLES[0]!;
    expect(write(low, 'de', 'metric')).toContain('6,1 cm über der Glabella');
    expect(write(low, 'tr', 'imperial')).toContain('2,40 in');
  });

  it('names a scar by its kind and landmarks by their names in the language', () => {
    const [outside] = scarWarnings([scar({ bareShare: 0.6 })]);
    expect(write(outside!, 'de', 'metric')).toMatch(/^Nur 40 % von der FUT-Streifennarbe „fut-1“/);
    const face = SAMPLES.find((w) => w.params?.variant === 'landmarks' && w.id === 'on-face')!;
    expect(write(face, 'en', 'metric')).toContain('the glabella and nasion and left lateral canthus and right lateral canthus');
    expect(write(face, 'es', 'metric')).toContain('la glabela y el nasion y el canto lateral izquierdo y el canto lateral derecho');
  });
});

describe.skipIf(!existsSync(DEFAULT_HEAD_GLB))('the head warnings, as the domain makes them on the default head', () => {
  const { skin, landmarks, query } = loadDefaultHead();
  const mature = hairlinePreset(landmarks, query.project, 'mature', 'straight');
  const move = (moves: Record<number, Vec3>, snap = true) => ({
    closed: true as const,
    points: mature.points.map((p, i) => {
      const m = moves[i];
      if (!m) return p;
      const q: Vec3 = [p[0] + m[0], p[1] + m[1], p[2] + m[2]];
      return snap ? query.project(q) : q;
    }),
  });

  it('are written in every language from their values, and in English as the domain says them', () => {
    const canthus = landmarks.leftLateralCanthus;
    const p4 = mature.points[4]!;
    const tragus = landmarks.leftTragus;
    const p12 = mature.points[12]!;
    const hairlines = [
      buildHairline(landmarks, query.project, { midFrontalMm: 60 }),
      move({ 4: [0, 6, -20] }),
      move({ 8: [12, 0, 0] }, false),
      move({ 4: [canthus[0] - p4[0], canthus[1] + 15 - p4[1], canthus[2] - p4[2]] }),
      move({ 12: [tragus[0] + 8 - p12[0], tragus[1] + 12 - p12[1], tragus[2] - 12 - p12[2]] }),
    ];
    const warnings = hairlines.flatMap((hairline) => hairlineWarnings({ hairline, landmarks, query }));
    const sessions = measureHairline({ positions: skin.positions, indices: skin.indices, landmarks, hairline: mature, densityPerCm2: 100, transitionMm: 7, query, sessionShares: [1] });
    warnings.push(...sessions.warnings);
    expect(new Set(warnings.map((w) => w.id))).toEqual(new Set(['low-hairline', 'asymmetric', 'off-skin', 'on-face', 'on-ear', 'few-sessions']));
    for (const w of warnings) {
      expect(write(w, 'en', 'metric'), w.id).toBe(warningText(w, 'metric'));
      expect(write(w, 'en', 'imperial'), w.id).toBe(warningText(w, 'imperial'));
      for (const language of LANGUAGES) expect(write(w, language, 'metric'), `${language} ${w.id}`).not.toMatch(/\{\{|undefined|NaN/);
    }
    expect(formatArea(sessions.treatedAreaCm2, 'metric', 0, 'de')).toMatch(/^\d+ cm²$/);
  });
});

describe('units in the reader’s language', () => {
  it('write a decimal comma in German, Spanish and Turkish, and a point in English or with no locale', () => {
    for (const locale of ['de', 'es', 'tr']) {
      expect(formatLength(12.5, 'metric', 1, locale)).toBe('12,5 mm');
      expect(formatArea(12.25, 'metric', 1, locale)).toBe('12,3 cm²');
      expect(formatLengthRange(0.25, 0.5, 'metric', 2, locale)).toBe('0,25–0,50 mm');
      expect(formatLength(25.4, 'imperial', 0, locale)).toBe('1,00 in');
    }
    expect(formatLength(12.5, 'metric', 1, 'en')).toBe('12.5 mm');
    expect(formatLength(12.5, 'metric', 1)).toBe('12.5 mm');
  });

  it('count dots in the reader’s words, "dots" when none is given', () => {
    expect(formatDensity(100, 'metric')).toBe('100 dots/cm²');
    expect(formatDensity(100, 'metric', 0, 'de', CATALOGUES.de.panels.units.dots)).toBe('100 Punkte/cm²');
    expect(formatDensity(12.5, 'metric', 1, 'es', CATALOGUES.es.panels.units.dots)).toBe('12,5 puntos/cm²');
    expect(formatDensity(100, 'imperial', 0, 'tr', CATALOGUES.tr.panels.units.dots)).toBe('645 nokta/in²');
    expect(formatDensityRange(65, 90, 'metric', 0, 'de', CATALOGUES.de.panels.dots.follicularUnits)).toBe('65–90 follikuläre Einheiten/cm²');
  });
});
