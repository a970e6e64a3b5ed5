/**
 * The SMP plan: plain, serialisable data with a versioned schema. This is what is saved, shared in links
 * and exchanged with embedding pages (`window.smp`), so field names are a public interface: extend them,
 * never rename or remove them.
 */
import { defaultsOf, isPlainObject, parseField, PlanError, type ListField, type NumberField, type ObjectField, type TextField } from './schema';
import { MAX_STROKES, STROKE_SCHEMA, type BrushStroke } from './brush';
import { DENSITY_REGION_LABELS, DENSITY_REGIONS, MAX_DENSITY_FACTOR, type DensityRegion } from './density/regions';
import { HAIR_LOSS_PATTERNS, type HairLossPattern } from './hairLoss/patterns';
import { MAX_SCARS, SCAR_SCHEMA, type Scar } from './scars/scars';
import { migratePlan } from './migrations';
import { SUN_EXPOSURES, type SunExposure } from './sunExposure';
import { defaultSessions, type Session } from './sessions';
import type { Vec3 } from './head/landmarks';
import { HAIRLINE_AGES, HAIRLINE_SHAPES, type HairlineAge, type HairlineShape } from './hairline/presets';
import { HAIR_COLOR_PRESETS } from './pigment';
import { MONK_SKIN_TONES } from './skinTones';
import { DEFAULT_PIGMENT_DEPTH_MM } from './appearance';
import { checkConsent, CONSENT_FIELD, type Consent } from './consent';
import { DEFAULT_HEAD_SHAPE, HEAD_SHAPE_RANGES, type HeadShape } from './head/headShape';

/** Bump when a field changes meaning or a newer app writes fields older apps reject; add a migration. */
export const PLAN_VERSION = 4;

export interface Plan {
  version: typeof PLAN_VERSION;
  /** Who the plan is for (shown in the plan list and on the report). Stays on the user's device. */
  client: {
    name: string;
    /** Consultation date, `YYYY-MM-DD`, or empty. */
    date: string;
    notes: string;
  };
  skin: {
    /** Skin colour as `#rrggbb` (defaults to Monk skin tone 3). */
    color: string;
    /** How oily the skin looks, 0 matte .. 1 oily: the strength and sharpness of its sheen. */
    shine: number;
  };
  /** The client's own hair colour (`#rrggbb`): what the pigment shade is matched to. */
  hairColor: string;
  hairline: {
    /**
     * Control points of the closed hairline loop on the skin (head frame, mm), starting at the mid-frontal
     * point and running towards the client's left. Empty: the preset below, fitted to the head's landmarks.
     */
    points: Vec3[];
    age: HairlineAge;
    shape: HairlineShape;
    /** Edits on one side are mirrored across the mid-sagittal plane. */
    mirror: boolean;
    /** Width (mm) over which density builds up behind the line; 0 is a crisp lined-up edge. */
    transitionMm: number;
    /** Natural irregularity of the line, at small and large scale (0 = perfectly smooth). */
    irregularity: number;
    /** Share of isolated "sentinel" impressions 1–3 mm in front of the line (0–1). */
    sentinels: number;
  };
  dots: {
    diameterMm: number;
    sizeVariation: number;
    densityPerCm2: number;
    color: string;
    opacity: number;
    softness: number;
    /** Depth (mm) of the top of each pigment deposit below the skin's surface: deeper looks softer and bluer. */
    depthMm: number;
  };
  /**
   * The treatment's sessions, 1 to 4, in order. Each lays down its share of the dots (shares are relative:
   * they are divided by their sum) at its own pigment strength relative to `dots.color` (1 = full shade,
   * lower = more diluted, lighter). Session 1 is usually lighter and sparser (domain notes).
   */
  sessions: Session[];
  aftercare: {
    /** How much sun the scalp gets: UV is what fades pigment, so it sets the ageing preview and touch-ups. */
    sunExposure: SunExposure;
  };
  /**
   * Where the dots are denser or sparser than `dots.densityPerCm2`: a factor per scalp region (1 = the
   * plan's density, 0–1.5), blended softly across region borders, plus painted strokes on top.
   */
  density: {
    regions: Record<DensityRegion, number>;
    strokes: BrushStroke[];
  };
  /** The client's own hair today: its pattern of loss, adjusted by painting; drawn as a buzz cut in `hairColor`. */
  hairLoss: {
    pattern: HairLossPattern;
    /** Painted changes to the pattern: 'up' adds hair, 'down' takes it away, 'erase' returns to the pattern. */
    strokes: BrushStroke[];
    /** Length of the buzz-cut hair, mm. */
    stubbleMm: number;
  };
  /** Scars to camouflage, each with a unique `id`. */
  scars: Scar[];
  /** The client's consent and health answers, signed on screen (src/domain/consent.ts). Stays on the user's device. */
  consent: Consent;
  /**
   * The client's head as the default head reshaped (src/domain/head/headShape.ts): typed on the sliders or
   * fitted to their photos. The plan's points stay in the default head's own frame and follow the skin when
   * the shape changes. Applies to the default head only (a scan is the client's head already). Stays on the
   * user's device (src/domain/personalData.ts).
   */
  headShape: HeadShape;
}

const num = (f: Omit<NumberField, 'kind'>): NumberField => ({ kind: 'number', ...f });

/** Dot fields, with ranges from the domain notes (dots 0.25–1.75 mm; ~100 impressions/cm² in fill areas). */
export const DOT_FIELDS = {
  diameterMm: num({ default: 0.4, min: 0.25, max: 1.75, step: 0.05, unit: 'mm', label: 'Dot size' }),
  sizeVariation: num({ default: 0.25, min: 0, max: 1, step: 0.05, unit: '', label: 'Size variation' }),
  densityPerCm2: num({ default: 100, min: 5, max: 200, step: 1, unit: 'dots/cm²', label: 'Density', integer: true }),
  color: { kind: 'color', default: '#2e2a28', label: 'Pigment shade' },
  opacity: num({ default: 0.85, min: 0, max: 1, step: 0.01, unit: '', label: 'Opacity' }),
  softness: num({ default: 0.3, min: 0, max: 1, step: 0.01, unit: '', label: 'Ink spread' }),
  depthMm: num({ default: DEFAULT_PIGMENT_DEPTH_MM, min: 0.1, max: 1, step: 0.05, unit: 'mm', label: 'Pigment depth' }),
} as const;

/** Hairline fields; the transition zone range comes from the domain notes (0.5–1 cm typical, up to 2 cm). */
export const HAIRLINE_FIELDS = {
  points: { kind: 'points', maxPoints: 200, maxAbsMm: 400, label: 'Hairline points' },
  age: { kind: 'enum', default: 'mature', values: HAIRLINE_AGES, label: 'Hairline age' },
  shape: { kind: 'enum', default: 'straight', values: HAIRLINE_SHAPES, label: 'Hairline shape' },
  mirror: { kind: 'boolean', default: true, label: 'Mirror left and right' },
  transitionMm: num({ default: 8, min: 0, max: 20, step: 0.5, unit: 'mm', label: 'Transition zone' }),
  irregularity: num({ default: 0.5, min: 0, max: 1, step: 0.05, unit: '', label: 'Irregularity' }),
  sentinels: num({ default: 0.3, min: 0, max: 1, step: 0.05, unit: '', label: 'Sentinel dots' }),
} as const;

/** The head shape's fields: the slider ranges are the adult ranges of src/domain/head/headShape.ts. */
export const HEAD_SHAPE_FIELDS = {
  size: num({ default: DEFAULT_HEAD_SHAPE.size, min: HEAD_SHAPE_RANGES.size.min, max: HEAD_SHAPE_RANGES.size.max, step: 0.01, unit: '', label: 'Head size' }),
  length: num({ default: DEFAULT_HEAD_SHAPE.length, min: HEAD_SHAPE_RANGES.length.min, max: HEAD_SHAPE_RANGES.length.max, step: 0.01, unit: '', label: 'Head length' }),
  breadth: num({ default: DEFAULT_HEAD_SHAPE.breadth, min: HEAD_SHAPE_RANGES.breadth.min, max: HEAD_SHAPE_RANGES.breadth.max, step: 0.01, unit: '', label: 'Head breadth' }),
  foreheadSlopeDeg: num({ default: DEFAULT_HEAD_SHAPE.foreheadSlopeDeg, min: HEAD_SHAPE_RANGES.foreheadSlopeDeg.min, max: HEAD_SHAPE_RANGES.foreheadSlopeDeg.max, step: 0.5, unit: '°', label: 'Forehead slope' }),
  crownHeightMm: num({ default: DEFAULT_HEAD_SHAPE.crownHeightMm, min: HEAD_SHAPE_RANGES.crownHeightMm.min, max: HEAD_SHAPE_RANGES.crownHeightMm.max, step: 0.5, unit: 'mm', label: 'Crown height' }),
} as const;

const text = (f: Omit<TextField, 'kind'>): TextField => ({ kind: 'text', ...f });

/** Whether a `YYYY-MM-DD` date is on the calendar: 2026-02-29 and 2026-04-31 are not. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const CLIENT_FIELDS = {
  name: text({ default: '', maxLength: 120, label: 'Client name' }),
  date: text({ default: '', maxLength: 10, label: 'Consultation date', pattern: { regex: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, description: 'a date on the calendar like "2026-11-23"', valid: isCalendarDate } }),
  notes: text({ default: '', maxLength: 4000, label: 'Notes' }),
} as const;

/** One session's fields: a share of the final dots and the pigment strength it is done in. */
export const SESSION_FIELDS = {
  densityShare: num({ default: 0.34, min: 0.05, max: 1, step: 0.05, unit: '', label: 'Share of the dots' }),
  shadeStrength: num({ default: 1, min: 0.3, max: 1, step: 0.05, unit: '', label: 'Pigment strength' }),
} as const;

export const MAX_SESSIONS = 4;

const strokes = (label: string): ListField => ({ kind: 'list', of: STROKE_SCHEMA, minItems: 0, maxItems: MAX_STROKES, default: () => [], label });

/** Region density factors: 0 (no dots) to 1.5 (half as dense again as the plan's density). */
export const DENSITY_REGION_FIELDS = Object.fromEntries(
  DENSITY_REGIONS.map((region) => [region, num({ default: 1, min: 0, max: MAX_DENSITY_FACTOR, step: 0.05, unit: '', label: DENSITY_REGION_LABELS[region] })]),
) as Record<DensityRegion, NumberField>;

/** Scalp shine: 0 matte (just washed, or a matte product) .. 1 oily; a normal scalp by midday is 0.4. */
export const SKIN_SHINE_FIELD = num({ default: 0.4, min: 0, max: 1, step: 0.05, unit: '', label: 'Scalp shine' });

export const HAIR_LOSS_FIELDS = {
  pattern: { kind: 'enum', default: 'none', values: HAIR_LOSS_PATTERNS, label: 'Hair loss' },
  strokes: strokes('Painted hair'),
  stubbleMm: num({ default: 1, min: 0.3, max: 6, step: 0.1, unit: 'mm', label: 'Hair length' }),
} as const;

export const PLAN_SCHEMA: ObjectField = {
  kind: 'object',
  fields: {
    version: num({ default: PLAN_VERSION, min: 1, max: PLAN_VERSION, step: 1, unit: '', label: 'Version', integer: true }),
    client: { kind: 'object', fields: CLIENT_FIELDS },
    skin: {
      kind: 'object',
      fields: { color: { kind: 'color', default: MONK_SKIN_TONES[2]!.color, label: 'Skin tone' }, shine: SKIN_SHINE_FIELD },
    },
    hairColor: { kind: 'color', default: HAIR_COLOR_PRESETS[1].color, label: 'Hair colour' },
    hairline: { kind: 'object', fields: HAIRLINE_FIELDS },
    dots: { kind: 'object', fields: DOT_FIELDS },
    sessions: {
      kind: 'list',
      of: { kind: 'object', fields: SESSION_FIELDS },
      minItems: 1,
      maxItems: MAX_SESSIONS,
      default: () => defaultSessions(3),
      label: 'Sessions',
    },
    aftercare: {
      kind: 'object',
      fields: { sunExposure: { kind: 'enum', default: 'moderate', values: SUN_EXPOSURES, label: 'Sun exposure' } },
    },
    density: {
      kind: 'object',
      fields: { regions: { kind: 'object', fields: DENSITY_REGION_FIELDS }, strokes: strokes('Painted density') },
    },
    hairLoss: { kind: 'object', fields: HAIR_LOSS_FIELDS },
    scars: { kind: 'list', of: SCAR_SCHEMA, minItems: 0, maxItems: MAX_SCARS, default: () => [], label: 'Scars' },
    consent: CONSENT_FIELD,
    headShape: { kind: 'object', fields: HEAD_SHAPE_FIELDS },
  },
};

/**
 * Most brush points a plan keeps over all its painting (density, hair and painted scars). Every stroke is
 * repainted when a plan opens: this bounds that work (about 2 s at worst on a 2-core laptop, most of it far
 * less) and the plan's size (~20 bytes a point), where the per-stroke and per-map limits alone would allow
 * 300 strokes × 400 points × 14 maps.
 */
export const MAX_PLAN_STROKE_POINTS = 20_000;

/** Brush points over all of a plan's painting. */
export function strokePointCount(plan: Pick<Plan, 'density' | 'hairLoss' | 'scars'>): number {
  const strokes = [plan.density.strokes, plan.hairLoss.strokes, ...plan.scars.map((scar) => (scar.kind === 'freeform' ? scar.strokes : []))];
  let count = 0;
  for (const list of strokes) for (const stroke of list) count += stroke.points.length;
  return count;
}

export function defaultPlan(): Plan {
  return defaultsOf(PLAN_SCHEMA) as Plan;
}

/**
 * Validates a plan, possibly partial: omitted fields take their defaults. A plan saved by an older version
 * is migrated first. Throws a `PlanError` naming the first bad field. Never mutates its input, and always
 * returns a fresh object. With `previous` (the plan before an edit), the parts of `input` that are the very
 * same objects as `previous`'s are kept as they are, not checked again (see `parseField`).
 */
export function parsePlan(input: unknown, previous?: Plan): Plan {
  const plan = parseField(PLAN_SCHEMA, migratePlan(input, PLAN_VERSION), '', previous) as Plan;
  const ids = new Set<string>();
  for (const [i, scar] of plan.scars.entries()) {
    if (ids.has(scar.id)) throw new PlanError(`scars[${i}].id`, `must be unique ("${scar.id}" is used twice)`);
    ids.add(scar.id);
  }
  checkConsent(plan.consent);
  const points = strokePointCount(plan);
  if (points > MAX_PLAN_STROKE_POINTS) {
    throw new PlanError(
      'painting',
      `holds ${points.toLocaleString('en')} brush points in all (density, hair and scars); at most ${MAX_PLAN_STROKE_POINTS.toLocaleString('en')} are allowed`,
      'tooMuchPainting',
      { points, max: MAX_PLAN_STROKE_POINTS },
    );
  }
  return plan;
}

/**
 * A stored plan that no longer passes `parsePlan`, mended where the fault is one an older version could
 * save: lists with gaps are closed up (the gap was an item the older version had deleted), and painting
 * past MAX_PLAN_STROKE_POINTS loses its latest strokes. Undefined when it still does not pass: that plan
 * is not opened at all.
 */
export function repairPlan(input: unknown): Plan | undefined {
  const closeGaps = (value: unknown, depth: number): unknown => {
    if (depth > 16) return value;
    if (Array.isArray(value)) return value.flatMap((item, i) => (Object.hasOwn(value, i) ? [closeGaps(item, depth + 1)] : []));
    if (!isPlainObject(value)) return value;
    return Object.fromEntries(Object.keys(value).map((key) => [key, closeGaps(Object.getOwnPropertyDescriptor(value, key)?.value, depth + 1)]));
  };
  let plan: Plan;
  try {
    plan = parseField(PLAN_SCHEMA, migratePlan(closeGaps(input, 0), PLAN_VERSION), '') as Plan;
  } catch {
    return undefined;
  }
  const painted = [plan.density.strokes, plan.hairLoss.strokes, ...plan.scars.map((scar) => (scar.kind === 'freeform' ? scar.strokes : []))];
  while (strokePointCount(plan) > MAX_PLAN_STROKE_POINTS) {
    // The longest painted list gives up its latest stroke, so no one map loses all its painting first.
    painted.reduce((a, b) => (b.length > a.length ? b : a)).pop();
  }
  try {
    return parsePlan(plan);
  } catch {
    return undefined;
  }
}

export function clonePlan(plan: Plan): Plan {
  return structuredClone(plan);
}

export { PlanError };
