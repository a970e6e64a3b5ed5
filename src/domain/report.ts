/**
 * The consultation report: what the client takes home, assembled from the plan and its measurements as
 * labelled values, each with its unit. The UI lays it out and prints it; the scene draws its pictures.
 */
import { SUN_EXPOSURE_LABELS, touchUpYears } from './ageing';
import { percent, years } from './format';
import { formatArea, formatDensity, formatLength, type UnitSystem } from './units';
import type { PlanMeasurements } from './measurements';
import { planWarnings, warningText } from './warnings';
import { HAIRLINE_AGE_LABELS, HAIRLINE_SHAPE_LABELS } from './hairline/presets';
import { DENSITY_REGION_LABELS, DENSITY_REGIONS } from './density/regions';
import { HAIR_LOSS_LABELS } from './hairLoss/labels';
import { HAIR_COLOR_PRESETS, PIGMENT_PRESETS } from './pigment';
import { SCAR_KIND_LABELS } from './scars/scars';
import { DOT_FIELDS, HAIR_LOSS_FIELDS, HAIRLINE_FIELDS, type Plan } from './plan';
import { sessionShares } from './sessions';
import type { ViewName } from './views';

export const REPORT_TITLE = 'SMP consultation report';

export const REPORT_DISCLAIMER =
  'This is a simulation, not a guarantee. Healed results vary with skin, aftercare and the practitioner’s technique.';

export const SESSION_INTERVAL_NOTE = 'Sessions are 10–30 days apart. Each covers the whole treated area and adds its share of the dots.';

/** A picture of the head in the report. */
export interface ReportPicture {
  view: ViewName;
  showSmp: boolean;
  caption: string;
}

/** The before / after pair: the same three-quarter view without and with the SMP. */
export const REPORT_BEFORE_AFTER: readonly ReportPicture[] = [
  { view: 'three-quarter', showSmp: false, caption: 'Before' },
  { view: 'three-quarter', showSmp: true, caption: 'After (simulated)' },
];

/** The standard views, all with the SMP. */
export const REPORT_VIEWS: readonly ReportPicture[] = [
  { view: 'front', showSmp: true, caption: 'Front' },
  { view: 'left', showSmp: true, caption: 'Client’s left side' },
  { view: 'right', showSmp: true, caption: 'Client’s right side' },
  { view: 'top', showSmp: true, caption: 'Top' },
  { view: 'back', showSmp: true, caption: 'Back' },
];

/** One labelled value; `swatch` is a colour (`#rrggbb`) to show beside it. */
export interface ReportLine {
  label: string;
  value: string;
  detail?: string;
  swatch?: string;
}

export interface ReportSession {
  session: string;
  /** Its share of the finished dots, in whole percent; the sessions' shares add up to exactly 100 %. */
  share: string;
  impressions: string;
  hours: string;
  strength: string;
}

export interface ConsultationReport {
  title: string;
  /** Client name, consultation date and the day the report was made. */
  client: ReportLine[];
  disclaimer: string;
  beforeAfter: readonly ReportPicture[];
  views: readonly ReportPicture[];
  hairline: ReportLine[];
  /** Every warning the screen shows for the plan (`planWarnings`), in the chosen units. */
  warnings: string[];
  dots: ReportLine[];
  /** The client's hair today (hair-loss pattern, colour, length); empty when no hair is drawn. */
  hair: ReportLine[];
  /** Regions planned at another density than the plan's, and painted density; empty when uniform. */
  density: ReportLine[];
  /** Each scar with its area, pigment uptake and coverage; empty without scars. */
  scars: ReportLine[];
  treatment: ReportLine[];
  sessions: ReportSession[];
  sessionNote: string;
  touchUp: string;
  /** The client notes, or null when there are none. */
  notes: string | null;
}

export interface ReportInput {
  plan: Plan;
  /** The plan measured on the head (`TreatmentArea.measure`). */
  measurements: PlanMeasurements;
  /** When the report is made: its day is printed on it. */
  madeAt: Date;
  /** How lengths and areas are written (the plan stays in mm); metric when omitted. */
  units?: UnitSystem;
  /** The client's head scan the plan is drawn on (its file name); omitted: the default head. */
  scanName?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A calendar day spelt out ("23 November 2026"): no locale can misread it, unlike 03/11/2026. */
const day = (year: number, month: number, date: number) => `${date} ${MONTHS[month - 1]} ${year}`;
const groupedNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const roundTo = (v: number, step: number) => Math.round(v / step) * step;

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

/** The pigment preset a shade is, if any. */
export function pigmentPresetName(color: string): string | null {
  return PIGMENT_PRESETS.find((p) => p.color.toLowerCase() === color.toLowerCase())?.label ?? null;
}

function hairLines(plan: Plan, units: UnitSystem): ReportLine[] {
  const { pattern, strokes, stubbleMm } = plan.hairLoss;
  if (pattern === 'none' && strokes.length === 0) return [];
  const hairName = HAIR_COLOR_PRESETS.find((h) => h.color === plan.hairColor)?.label ?? 'Custom';
  return [
    { label: 'Hair loss', value: HAIR_LOSS_LABELS[pattern].description, ...(strokes.length > 0 ? { detail: `adjusted with ${strokes.length} painted stroke${strokes.length === 1 ? '' : 's'}` } : {}) },
    { label: 'Hair colour', value: `${hairName} (${plan.hairColor})`, swatch: plan.hairColor },
    { label: HAIR_LOSS_FIELDS.stubbleMm.label, value: formatLength(stubbleMm, units) },
  ];
}

function densityLines(plan: Plan, units: UnitSystem): ReportLine[] {
  const lines: ReportLine[] = DENSITY_REGIONS.filter((r) => plan.density.regions[r] !== 1).map((r) => ({
    label: DENSITY_REGION_LABELS[r],
    value: formatDensity(plan.density.regions[r] * plan.dots.densityPerCm2, units),
    detail: `${percent(plan.density.regions[r])} of the plan's density`,
  }));
  const painted = plan.density.strokes.length;
  if (painted > 0) lines.push({ label: 'Painted density', value: `${painted} stroke${painted === 1 ? '' : 's'}`, detail: 'denser or sparser by hand where the regions are not enough' });
  return lines;
}

export function buildReport({ plan, measurements: m, madeAt, units = 'metric', scanName }: ReportInput): ConsultationReport {
  const consultationDay = /^(\d{4})-(\d{2})-(\d{2})$/.exec(plan.client.date);
  const shareNumbers = sessionShares(plan.sessions);
  const shares = wholePercents(shareNumbers);
  const shadeName = pigmentPresetName(plan.dots.color);
  // 0 (or, from an older caller, NaN) when the line does not reach both temples.
  const widthMeasured = m.frontotemporalWidthMm > 0;
  // Without dots to place there is no chair time: say so rather than print "0 h".
  const work = m.impressions > 0;
  const notes = plan.client.notes.trim();
  return {
    title: REPORT_TITLE,
    client: [
      { label: 'Client', value: plan.client.name.trim() || 'Not given' },
      { label: 'Consultation date', value: consultationDay ? day(Number(consultationDay[1]), Number(consultationDay[2]), Number(consultationDay[3])) : 'Not given' },
      { label: 'Report made', value: day(madeAt.getFullYear(), madeAt.getMonth() + 1, madeAt.getDate()) },
      scanName === undefined
        ? { label: 'Head', value: 'Default head', detail: 'an average adult head, not the client’s own' }
        : { label: 'Head', value: 'The client’s head scan', detail: scanName },
    ],
    disclaimer: REPORT_DISCLAIMER,
    beforeAfter: REPORT_BEFORE_AFTER,
    views: REPORT_VIEWS,
    hairline: [
      { label: 'Hairline height', value: formatLength(m.hairlineHeightMm, units, 0), detail: 'mid-frontal point above the glabella, along the skin' },
      widthMeasured
        ? { label: 'Frontotemporal width', value: formatLength(m.frontotemporalWidthMm, units, 0), detail: 'straight across, between the temple corners' }
        : { label: 'Frontotemporal width', value: 'Not measured', detail: 'the line does not reach both temples' },
      { label: 'Treated area', value: formatArea(m.treatedAreaCm2, units) },
      { label: HAIRLINE_FIELDS.age.label, value: HAIRLINE_AGE_LABELS[plan.hairline.age] },
      { label: HAIRLINE_FIELDS.shape.label, value: HAIRLINE_SHAPE_LABELS[plan.hairline.shape] },
      { label: HAIRLINE_FIELDS.transitionMm.label, value: formatLength(plan.hairline.transitionMm, units), detail: 'over which density builds up behind the line' },
      { label: HAIRLINE_FIELDS.irregularity.label, value: percent(plan.hairline.irregularity) },
      { label: HAIRLINE_FIELDS.sentinels.label, value: percent(plan.hairline.sentinels), detail: 'isolated impressions in front of the line' },
    ],
    warnings: planWarnings(plan, m.warnings).map((w) => warningText(w, units)),
    dots: [
      { label: DOT_FIELDS.diameterMm.label, value: formatLength(plan.dots.diameterMm, units, 2) },
      { label: DOT_FIELDS.sizeVariation.label, value: percent(plan.dots.sizeVariation) },
      { label: DOT_FIELDS.densityPerCm2.label, value: formatDensity(plan.dots.densityPerCm2, units), detail: 'at full density' },
      { label: DOT_FIELDS.color.label, value: shadeName ? `${shadeName} (${plan.dots.color})` : `Custom (${plan.dots.color})`, swatch: plan.dots.color },
      { label: DOT_FIELDS.opacity.label, value: percent(plan.dots.opacity) },
      { label: DOT_FIELDS.softness.label, value: percent(plan.dots.softness), detail: 'from crisp (0 %) to blurred (100 %)' },
    ],
    hair: hairLines(plan, units),
    density: densityLines(plan, units),
    scars: plan.scars.map((scar) => {
      const measured = m.scars?.find((s) => s.id === scar.id);
      return {
        label: `${SCAR_KIND_LABELS[scar.kind]} (${scar.id})`,
        value: measured ? `${percent(measured.coverage)} covered` : 'Not measured',
        detail: `${measured ? `${formatArea(measured.areaCm2, units, 1)}, ` : ''}pigment uptake ${percent(scar.uptake)}`,
      };
    }),
    treatment: [
      { label: 'Estimated impressions', value: `≈ ${groupedNumber.format(roundTo(m.impressions, 100))}` },
      {
        label: 'Sessions',
        value: `${m.sessions}`,
        ...(m.suggestedSessions > 0 && m.suggestedSessions !== m.sessions ? { detail: `this area at this density usually takes ${m.suggestedSessions}` } : {}),
      },
      work ? { label: 'Time', value: `≈ ${groupedNumber.format(m.hours)} h in all` } : { label: 'Time', value: 'None', detail: 'no dots to place' },
    ],
    sessions: plan.sessions.map((s, i) => ({
      session: `Session ${i + 1}`,
      share: `${shares[i]} %`,
      impressions: `≈ ${groupedNumber.format(roundTo(m.impressions * shareNumbers[i]!, 10))}`,
      // Measured for this plan: one figure per session.
      hours: work ? `≈ ${groupedNumber.format(m.sessionHours[i] ?? 0)} h` : 'None',
      strength: percent(s.shadeStrength),
    })),
    sessionNote: SESSION_INTERVAL_NOTE,
    touchUp: `A touch-up is usually due after about ${years(touchUpYears(plan.aftercare.sunExposure))} with ${SUN_EXPOSURE_LABELS[plan.aftercare.sunExposure].phrase}.`,
    notes: notes || null,
  };
}
