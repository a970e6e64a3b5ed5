/**
 * Scars a client may want camouflaged (domain notes): an FUT strip scar across the back of the head, a
 * field of FUE extraction scars over the donor band, and freeform burn or surgical scars painted on the
 * skin. Scar tissue is paler and smoother and takes pigment less well: `uptake` is the share of the ink
 * it holds compared with healthy scalp.
 */
import { MAX_STROKES, STROKE_SCHEMA, type BrushStroke } from '../brush';
import { parseField, type NumberField, type ObjectField, type TextField, type UnionField } from '../schema';

export const SCAR_KINDS = ['fut', 'fue', 'freeform'] as const;
export type ScarKind = (typeof SCAR_KINDS)[number];

export interface FutScar {
  id: string;
  kind: 'fut';
  uptake: number;
  /** Length along the skin, mm (notes: 15–30 cm). */
  lengthMm: number;
  /** Healed width, mm (notes: 1–3 mm, up to ~10). */
  widthMm: number;
  /** How much the strip bows upwards at its middle, mm (negative: downwards). */
  curveMm: number;
  /** Height of the scar's middle above the inion, mm. */
  heightMm: number;
}

export interface FueScar {
  id: string;
  kind: 'fue';
  uptake: number;
  /** Number of extraction scars. */
  count: number;
  /** Area of the donor band they are scattered over, cm². */
  areaCm2: number;
  /** Diameter of each scar, mm (notes: 0.8–1.0). */
  diameterMm: number;
}

export interface FreeformScar {
  id: string;
  kind: 'freeform';
  uptake: number;
  /** The scar as painted on the skin ('up' adds scar, 'down' and 'erase' take it away). */
  strokes: BrushStroke[];
}

export type Scar = FutScar | FueScar | FreeformScar;

const num = (f: Omit<NumberField, 'kind'>): NumberField => ({ kind: 'number', ...f });
const id: TextField = { kind: 'text', default: '', maxLength: 40, required: true, label: 'Scar id' };
const kind = (value: ScarKind) => ({ kind: 'enum' as const, default: value, values: [value] as const, label: 'Scar kind' });
const uptake = (fallback: number) => num({ default: fallback, min: 0, max: 1, step: 0.05, unit: '', label: 'Pigment uptake' });

export const FUT_FIELDS = {
  id,
  kind: kind('fut'),
  uptake: uptake(0.6),
  lengthMm: num({ default: 200, min: 30, max: 350, step: 5, unit: 'mm', label: 'Length' }),
  widthMm: num({ default: 3, min: 1, max: 12, step: 0.5, unit: 'mm', label: 'Width' }),
  curveMm: num({ default: 12, min: -40, max: 40, step: 1, unit: 'mm', label: 'Curve' }),
  heightMm: num({ default: 15, min: -30, max: 70, step: 1, unit: 'mm', label: 'Height above the inion' }),
} as const;

export const FUE_FIELDS = {
  id,
  kind: kind('fue'),
  uptake: uptake(0.6),
  count: num({ default: 300, min: 10, max: 4000, step: 10, unit: 'scars', label: 'Number of scars', integer: true }),
  areaCm2: num({ default: 90, min: 5, max: 250, step: 5, unit: 'cm²', label: 'Donor area' }),
  diameterMm: num({ default: 0.85, min: 0.7, max: 1.0, step: 0.05, unit: 'mm', label: 'Scar size' }),
} as const;

export const FREEFORM_FIELDS = {
  id,
  kind: kind('freeform'),
  uptake: uptake(0.5),
  strokes: { kind: 'list', of: STROKE_SCHEMA, minItems: 0, maxItems: MAX_STROKES, default: () => [], label: 'Painted scar' },
} as const;

export const SCAR_SCHEMA: UnionField = {
  kind: 'union',
  tag: 'kind',
  variants: {
    fut: { kind: 'object', fields: FUT_FIELDS } satisfies ObjectField,
    fue: { kind: 'object', fields: FUE_FIELDS } satisfies ObjectField,
    freeform: { kind: 'object', fields: FREEFORM_FIELDS } satisfies ObjectField,
  },
  label: 'Scar',
};

export const MAX_SCARS = 12;

/** What each kind of scar is called on screen and in messages. */
export const SCAR_KIND_LABELS: Record<ScarKind, string> = {
  fut: 'FUT strip scar',
  fue: 'FUE extraction scars',
  freeform: 'painted scar',
};

/**
 * A new scar of `kind` with its typical defaults and the first free id of the form `fut-1`, `fue-2`, …
 * (ids are unique in a plan).
 */
export function newScar(kind: ScarKind, scars: readonly Scar[]): Scar {
  let n = 1;
  while (scars.some((s) => s.id === `${kind}-${n}`)) n++;
  return parseField(SCAR_SCHEMA, { id: `${kind}-${n}`, kind }, 'scars[]') as Scar;
}
