/**
 * A tiny declarative schema: one source of truth for every plan field's type, default, range and unit.
 * The plan parser, the UI (slider ranges, units, labels) and the docs all read it, so a range can never
 * drift between what the UI allows and what `setPlan` accepts.
 */

export type NumberField = {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  /** Slider step in the field's own unit. */
  step: number;
  unit: string;
  label: string;
  integer?: boolean;
};

export type ColorField = { kind: 'color'; default: string; label: string };

export type EnumField<T extends string = string> = {
  kind: 'enum';
  default: T;
  values: readonly T[];
  label: string;
};

export type BooleanField = { kind: 'boolean'; default: boolean; label: string };

export type ObjectField = { kind: 'object'; fields: Record<string, Field> };

/** A list of 3D points in head-frame millimetres (e.g. hairline control points). */
export type PointsField = { kind: 'points'; maxPoints: number; maxAbsMm: number; label: string };

/** Free text typed by the user (a client's name, notes); `pattern` restricts its form (e.g. a date). */
export type TextField = {
  kind: 'text';
  default: string;
  maxLength: number;
  label: string;
  /** The form a non-empty value must have (e.g. a date); the description completes "must be …". */
  pattern?: { regex: RegExp; description: string };
  /** Empty text is not allowed (e.g. an id). */
  required?: boolean;
};


/**
 * One of several object shapes, told apart by a tag field (e.g. scars by `kind`). Each variant lists its
 * own fields, the tag included (as an enum of its one value), so defaults and validation stay per variant.
 */
export type UnionField = { kind: 'union'; tag: string; variants: Record<string, ObjectField>; label: string };

export type ListField = { kind: 'list'; of: ObjectField | UnionField; minItems: number; maxItems: number; default: () => unknown[]; label: string };

export type Field = NumberField | ColorField | EnumField | BooleanField | ObjectField | PointsField | TextField | ListField | UnionField;

/** Thrown for any invalid plan value; `field` is the dotted path, e.g. `dots.diameterMm`. */
export class PlanError extends Error {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`Invalid plan: ${field} ${detail}`);
    this.name = 'PlanError';
  }
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds the default value of a field (objects recursively). */
export function defaultsOf(field: Field): unknown {
  if (field.kind === 'points') return [];
  if (field.kind === 'list') return field.default();
  if (field.kind === 'union') throw new Error('A union field has no default of its own: give its list a default');
  if (field.kind !== 'object') return field.default;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(field.fields)) out[key] = defaultsOf(child);
  return out;
}

/**
 * Validates `value` against `field`, filling omitted fields with their defaults.
 * Unknown keys are rejected so that a typo in a clinic's page (`dots.diameter`) fails loudly
 * instead of being silently ignored.
 */
export function parseField(field: Field, value: unknown, path: string): unknown {
  if (value === undefined) {
    if (field.kind === 'text' && field.required) throw new PlanError(path, 'must not be empty');
    return defaultsOf(field);
  }
  switch (field.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new PlanError(path, `must be a number (got ${describe(value)})`);
      }
      if (value < field.min || value > field.max) {
        const unit = field.unit ? ` ${field.unit}` : '';
        throw new PlanError(path, `must be between ${field.min} and ${field.max}${unit} (got ${value})`);
      }
      if (field.integer && !Number.isInteger(value)) {
        throw new PlanError(path, `must be a whole number (got ${value})`);
      }
      return value;
    }
    case 'color':
      if (!isHexColor(value)) throw new PlanError(path, `must be a colour like "#a1b2c3" (got ${describe(value)})`);
      return value.toLowerCase();
    case 'enum':
      if (typeof value !== 'string' || !field.values.includes(value)) {
        throw new PlanError(path, `must be one of ${field.values.join(', ')} (got ${describe(value)})`);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw new PlanError(path, `must be true or false (got ${describe(value)})`);
      return value;
    case 'points': {
      if (!Array.isArray(value)) throw new PlanError(path, `must be a list of [x, y, z] points in mm (got ${describe(value)})`);
      if (value.length > field.maxPoints) throw new PlanError(path, `has ${value.length} points; at most ${field.maxPoints} are allowed`);
      return value.map((p, i) => {
        const ok = Array.isArray(p) && p.length === 3 && p.every((c) => typeof c === 'number' && Number.isFinite(c) && Math.abs(c) <= field.maxAbsMm);
        if (!ok) throw new PlanError(`${path}[${i}]`, `must be [x, y, z] in mm, each within ±${field.maxAbsMm} (got ${JSON.stringify(p)})`);
        return [p[0], p[1], p[2]];
      });
    }
    case 'text':
      if (typeof value !== 'string') throw new PlanError(path, `must be text (got ${describe(value)})`);
      if (field.required && value === '') throw new PlanError(path, 'must not be empty');
      if (value.length > field.maxLength) throw new PlanError(path, `must be at most ${field.maxLength} characters long (got ${value.length})`);
      if (value !== '' && field.pattern && !field.pattern.regex.test(value)) {
        throw new PlanError(path, `must be ${field.pattern.description} (got ${describe(value)})`);
      }
      return value;
    case 'list': {
      if (!Array.isArray(value)) throw new PlanError(path, `must be a list (got ${describe(value)})`);
      if (value.length < field.minItems || value.length > field.maxItems) {
        throw new PlanError(path, `must have ${field.minItems} to ${field.maxItems} items (got ${value.length})`);
      }
      return value.map((item, i) => parseField(field.of, item, `${path}[${i}]`));
    }
    case 'union': {
      if (!isRecord(value)) throw new PlanError(path, `must be an object (got ${describe(value)})`);
      const tag = value[field.tag];
      const variant = typeof tag === 'string' ? field.variants[tag] : undefined;
      if (!variant) throw new PlanError(`${path}.${field.tag}`, `must be one of ${Object.keys(field.variants).join(', ')} (got ${describe(tag)})`);
      return parseField(variant, value, path);
    }
    case 'object': {
      if (!isRecord(value)) throw new PlanError(path, `must be an object (got ${describe(value)})`);
      for (const key of Object.keys(value)) {
        if (!(key in field.fields)) throw new PlanError(path ? `${path}.${key}` : key, 'is not a known plan field');
      }
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(field.fields)) {
        out[key] = parseField(child, value[key], path ? `${path}.${key}` : key);
      }
      return out;
    }
  }
}

/** Clamps a number into a field's range (and rounds integers), for UI inputs that must stay valid. */
export function clampToField(field: NumberField, value: number): number {
  if (!Number.isFinite(value)) return field.default;
  const clamped = Math.min(field.max, Math.max(field.min, value));
  return field.integer ? Math.round(clamped) : clamped;
}
