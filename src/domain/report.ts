/**
 * The consultation report: what the client takes home, assembled from the plan and its measurements. It is
 * language-free: each line is named by a key of the interface's `report` catalogue (or, for the names and
 * labels the editing panels already say, of `panels:`) and carries its numbers (lengths in mm, areas in cm²,
 * shares 0..1), so the UI writes it in the chosen language and units.
 */
import { touchUpYears } from './ageing';
import type { SunExposure } from './sunExposure';
import type { PlanMeasurements } from './measurements';
import { planWarnings, type PlanWarning } from './warnings';
import { DENSITY_REGIONS } from './density/regions';
import { HAIR_COLOR_PRESETS, PIGMENT_PRESETS } from './pigment';
import type { Plan } from './plan';
import { sessionShares } from './sessions';
import type { ViewName } from './views';

/** A picture's caption: a key of the report catalogue's `pictures`. */
export type ReportCaption = 'before' | 'after' | 'front' | 'left' | 'right' | 'top' | 'back';

/** A picture of the head in the report. */
export interface ReportPicture {
  view: ViewName;
  showSmp: boolean;
  caption: ReportCaption;
}

/** The before / after pair: the same three-quarter view without and with the SMP. */
export const REPORT_BEFORE_AFTER: readonly ReportPicture[] = [
  { view: 'three-quarter', showSmp: false, caption: 'before' },
  { view: 'three-quarter', showSmp: true, caption: 'after' },
];

/** The standard views, all with the SMP. */
export const REPORT_VIEWS: readonly ReportPicture[] = [
  { view: 'front', showSmp: true, caption: 'front' },
  { view: 'left', showSmp: true, caption: 'left' },
  { view: 'right', showSmp: true, caption: 'right' },
  { view: 'top', showSmp: true, caption: 'top' },
  { view: 'back', showSmp: true, caption: 'back' },
];

/** A day on the calendar, as the plan and the clock give it (month 1–12). */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/**
 * A value a piece of report text names, before it is written: a string is printed as it is (a name, a file
 * name, a colour code, an id); a number in the language's digits (at most one decimal; `count` also picks
 * the plural); the others are a length (mm), an area (cm²), a density (per cm²), a share written as a whole
 * percentage, a calendar day, or a piece of text of its own.
 */
export type ReportParam =
  | string
  | number
  | ReportText
  | { lengthMm: number; decimals: number }
  | { areaCm2: number; decimals: number }
  | { perCm2: number }
  | { share: number }
  | { day: CalendarDay };

/** A piece of report text: a key of the `report` catalogue (`panels:…` for another's) and the values it names. */
export interface ReportText {
  key: string;
  params?: Record<string, ReportParam>;
}

/** One labelled value; `swatch` is a colour (`#rrggbb`) to show beside it. */
export interface ReportLine {
  label: ReportText;
  value: ReportText;
  detail?: ReportText;
  swatch?: string;
}

export interface ReportSession {
  /** 1, 2, 3, … */
  number: number;
  /** Its share of the finished dots, in whole percent; the sessions' shares add up to exactly 100. */
  sharePercent: number;
  /** Its impressions, rounded to tens. */
  impressions: number;
  /** Its chair time in hours, or null when there are no dots to place. */
  hours: number | null;
  /** Pigment strength, 0..1. */
  strength: number;
}

export interface ConsultationReport {
  /** Client name, consultation date, the day the report was made and the head the plan is drawn on. */
  client: ReportLine[];
  beforeAfter: readonly ReportPicture[];
  views: readonly ReportPicture[];
  hairline: ReportLine[];
  /** Every warning the screen shows for the plan (`planWarnings`). */
  warnings: PlanWarning[];
  dots: ReportLine[];
  /** The client's hair today (hair-loss pattern, colour, length); empty when no hair is drawn. */
  hair: ReportLine[];
  /** Regions planned at another density than the plan's, and painted density; empty when uniform. */
  density: ReportLine[];
  /** Each scar with its area, pigment uptake and coverage; empty without scars. */
  scars: ReportLine[];
  treatment: ReportLine[];
  sessions: ReportSession[];
  /** When a touch-up is usually due, with the sun exposure it depends on. */
  touchUp: { years: number; sunExposure: SunExposure };
  /** The client notes, or null when there are none. */
  notes: string | null;
}

export interface ReportInput {
  plan: Plan;
  /** The plan measured on the head (`TreatmentArea.measure`). */
  measurements: PlanMeasurements;
  /** When the report is made: its day is printed on it. */
  madeAt: Date;
  /** The client's head scan the plan is drawn on (its file name); omitted: the default head. */
  scanName?: string;
}

const roundTo = (v: number, step: number) => Math.round(v / step) * step;
const text = (key: string, params?: Record<string, ReportParam>): ReportText => (params ? { key, params } : { key });
const label = (key: string) => text(key.includes(':') ? key : `lines.${key}`);
const percentOf = (share: number) => text('values.plain', { value: { share } });

/**
 * Whole percentages of `shares` (which sum to 1) that add up to exactly 100: each share rounded down, and
 * the points left over given to the largest remainders.
 */
export function wholePercents(shares: readonly number[]): number[] {
  const exact = shares.map((s) => s * 100);
  const result = exact.map(Math.floor);
  const leftOver = 100 - result.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((v, i) => ({ i, remainder: v - Math.floor(v) })).sort((a, b) => b.remainder - a.remainder);
  for (let k = 0; k < leftOver && k < byRemainder.length; k++) result[byRemainder[k]!.i]!++;
  return result;
}

/** The pigment preset a shade is, if any, whatever the letter case. */
export function pigmentPreset(color: string): (typeof PIGMENT_PRESETS)[number] | null {
  return PIGMENT_PRESETS.find((p) => p.color.toLowerCase() === color.toLowerCase()) ?? null;
}

/** The pigment preset a shade is, by its English name (the plan API's wording), if any. */
export const pigmentPresetName = (color: string): string | null => pigmentPreset(color)?.label ?? null;

/** `Name (#rrggbb)`: a preset's name from the catalogue section `names` (`Custom` when none) and the colour code. */
const namedColour = (names: string, id: string | undefined, color: string) =>
  text('values.namedColour', { name: text(id ? `${names}.${id}` : 'panels:common.custom'), colour: color });

function hairLines(plan: Plan): ReportLine[] {
  const { pattern, strokes, stubbleMm } = plan.hairLoss;
  if (pattern === 'none' && strokes.length === 0) return [];
  const hairPreset = HAIR_COLOR_PRESETS.find((h) => h.color === plan.hairColor);
  return [
    { label: label('hairLoss'), value: text(`panels:hair.patterns.${pattern}`), ...(strokes.length > 0 ? { detail: text('details.paintedStrokes', { count: strokes.length }) } : {}) },
    { label: label('panels:hair.colour'), value: namedColour('panels:hairColours', hairPreset?.id, plan.hairColor), swatch: plan.hairColor },
    { label: label('panels:fields.hairLoss.stubbleMm'), value: text('values.plain', { value: { lengthMm: stubbleMm, decimals: 1 } }) },
  ];
}

function densityLines(plan: Plan): ReportLine[] {
  const lines: ReportLine[] = DENSITY_REGIONS.filter((r) => plan.density.regions[r] !== 1).map((r) => ({
    label: text(`panels:fields.density.regions.${r}`),
    value: text('values.plain', { value: { perCm2: plan.density.regions[r] * plan.dots.densityPerCm2 } }),
    detail: text('details.regionShare', { share: { share: plan.density.regions[r] } }),
  }));
  const painted = plan.density.strokes.length;
  if (painted > 0) lines.push({ label: label('paintedDensity'), value: text('values.strokes', { count: painted }), detail: text('details.paintedDensity') });
  return lines;
}

function scarLines(plan: Plan, m: PlanMeasurements): ReportLine[] {
  return plan.scars.map((scar) => {
    const measured = m.scars?.find((s) => s.id === scar.id);
    const uptake = { share: scar.uptake };
    return {
      label: text('values.scar', { kind: text(`panels:scars.kinds.${scar.kind}`), id: scar.id }),
      value: measured ? text('values.covered', { share: { share: measured.coverage } }) : text('panels:hairline.notMeasured'),
      detail: measured ? text('details.scarMeasured', { area: { areaCm2: measured.areaCm2, decimals: 1 }, uptake }) : text('details.scarUptake', { uptake }),
    };
  });
}

const calendarDay = (date: Date): CalendarDay => ({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });

export function buildReport({ plan, measurements: m, madeAt, scanName }: ReportInput): ConsultationReport {
  const consultationDay = /^(\d{4})-(\d{2})-(\d{2})$/.exec(plan.client.date);
  const shareNumbers = sessionShares(plan.sessions);
  const shares = wholePercents(shareNumbers);
  // 0 (or, from an older caller, NaN) when the line does not reach both temples.
  const widthMeasured = m.frontotemporalWidthMm > 0;
  // Without dots to place there is no chair time: say so rather than print "0 h".
  const work = m.impressions > 0;
  const notes = plan.client.notes.trim();
  const name = plan.client.name.trim();
  const length = (mm: number, decimals: number) => text('values.plain', { value: { lengthMm: mm, decimals } });
  return {
    client: [
      { label: label('client'), value: name ? text('values.plain', { value: name }) : text('values.notGiven') },
      {
        label: label('consultationDate'),
        value: consultationDay
          ? text('values.plain', { value: { day: { year: Number(consultationDay[1]), month: Number(consultationDay[2]), day: Number(consultationDay[3]) } } })
          : text('values.notGiven'),
      },
      { label: label('reportMade'), value: text('values.plain', { value: { day: calendarDay(madeAt) } }) },
      scanName === undefined
        ? { label: label('head'), value: text('values.defaultHead'), detail: text('details.defaultHead') }
        : { label: label('head'), value: text('values.headScan'), detail: text('values.plain', { value: scanName }) },
    ],
    beforeAfter: REPORT_BEFORE_AFTER,
    views: REPORT_VIEWS,
    hairline: [
      { label: label('panels:hairline.height'), value: length(m.hairlineHeightMm, 0), detail: text('panels:hairline.heightNote') },
      widthMeasured
        ? { label: label('panels:hairline.width'), value: length(m.frontotemporalWidthMm, 0), detail: text('details.frontotemporalWidth') }
        : { label: label('panels:hairline.width'), value: text('panels:hairline.notMeasured'), detail: text('panels:hairline.notMeasuredNote') },
      { label: label('panels:hairline.area'), value: text('values.plain', { value: { areaCm2: m.treatedAreaCm2, decimals: 0 } }) },
      { label: label('panels:hairline.ageLabel'), value: text(`panels:hairline.ages.${plan.hairline.age}`) },
      { label: label('panels:hairline.shapeLabel'), value: text(`panels:hairline.shapes.${plan.hairline.shape}`) },
      { label: label('panels:fields.hairline.transitionMm'), value: length(plan.hairline.transitionMm, 1), detail: text('details.transitionZone') },
      { label: label('panels:fields.hairline.irregularity'), value: percentOf(plan.hairline.irregularity) },
      { label: label('panels:fields.hairline.sentinels'), value: percentOf(plan.hairline.sentinels), detail: text('details.sentinels') },
    ],
    warnings: planWarnings(plan, m.warnings),
    dots: [
      { label: label('panels:fields.dots.diameterMm'), value: length(plan.dots.diameterMm, 2) },
      { label: label('panels:fields.dots.sizeVariation'), value: percentOf(plan.dots.sizeVariation) },
      { label: label('panels:fields.dots.densityPerCm2'), value: text('values.plain', { value: { perCm2: plan.dots.densityPerCm2 } }), detail: text('details.fullDensity') },
      {
        label: label('panels:dots.pigmentShade'),
        value: namedColour('panels:dots.pigments', pigmentPreset(plan.dots.color)?.id, plan.dots.color),
        swatch: plan.dots.color,
      },
      { label: label('panels:fields.dots.opacity'), value: percentOf(plan.dots.opacity) },
      { label: label('panels:fields.dots.softness'), value: percentOf(plan.dots.softness), detail: text('details.inkSpread') },
    ],
    hair: hairLines(plan),
    density: densityLines(plan),
    scars: scarLines(plan, m),
    treatment: [
      { label: label('impressions'), value: text('values.approx', { value: roundTo(m.impressions, 100) }) },
      {
        label: label('panels:hairline.sessions'),
        value: text('values.plain', { value: m.sessions }),
        ...(m.suggestedSessions > 0 && m.suggestedSessions !== m.sessions ? { detail: text('details.suggestedSessions', { count: m.suggestedSessions }) } : {}),
      },
      work
        ? { label: label('panels:hairline.time'), value: text('panels:hairline.hoursInAll', { hours: m.hours }) }
        : { label: label('panels:hairline.time'), value: text('values.none'), detail: text('details.noDots') },
    ],
    sessions: plan.sessions.map((s, i) => ({
      number: i + 1,
      sharePercent: shares[i]!,
      impressions: roundTo(m.impressions * shareNumbers[i]!, 10),
      // Measured for this plan: one figure per session.
      hours: work ? (m.sessionHours[i] ?? 0) : null,
      strength: s.shadeStrength,
    })),
    touchUp: { years: touchUpYears(plan.aftercare.sunExposure), sunExposure: plan.aftercare.sunExposure },
    notes: notes || null,
  };
}
