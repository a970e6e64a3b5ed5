/**
 * A tiny declarative schema: one source of truth for every plan field's type, default, range and unit.
 * The plan parser, the UI (slider ranges, units, labels) and the docs all read it, so a range can never
 * drift between what the UI allows and what `setPlan` accepts.
 */
import { EXCERPT_CHARS, excerpt } from './format';
import type { Message } from './languages';
import { message, TextError } from './textError';

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
  /**
   * The form a non-empty value must have (e.g. a date); the description completes "must be …". `valid`
   * checks what a pattern cannot (that the date is on the calendar).
   */
  pattern?: { regex: RegExp; description: string; valid?: (value: string) => boolean };
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

/**
 * Thrown for any invalid plan value; `field` is the dotted path, e.g. `dots.diameterMm`. Its text for the
 * interface is the `messages` catalogue's `plan.<key>`, which names the field by its label.
 */
export class PlanError extends TextError {
  constructor(
    readonly field: string,
    detail: string,
    key = 'invalid',
    params?: Message['params'],
  ) {
    super(message(`plan.${key}`, { ...params, field }), `Invalid plan: ${field} ${detail}`);
    this.name = 'PlanError';
  }
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

/** A bad value as a message quotes it: a short excerpt, never the whole of a long text. */
function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return excerpt(value);
  if (Array.isArray(value)) return 'a list';
  return isPlainObject(value) ? 'an object' : 'an object that is not plain data (a class instance, Map or Date)';
}

/**
 * Plain data, as JSON.parse and structuredClone make it: an object whose prototype is Object.prototype (of
 * any window, so an embedding page's objects count) or null. Class instances, Maps, Dates and objects
 * built on another object are not: their inherited fields would be read as the plan's, or ignored.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * The items of a list, read once each: a list with a gap (`[a, , b]`, or an item deleted) is refused, since
 * every later step (drawing, saving as JSON) would read the gap as a missing or null item.
 */
function listItems(value: readonly unknown[], path: string): unknown[] {
  const items: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!Object.hasOwn(value, i)) throw new PlanError(`${path}[${i}]`, 'is missing: the list has a gap there');
    items.push(value[i]);
  }
  return items;
}

/** `path.key`, with a long key cut short: a message never repeats a pasted text in full. */
function fieldPath(path: string, key: string): string {
  const name = key.length > EXCERPT_CHARS ? `${key.slice(0, EXCERPT_CHARS)}…` : key;
  return path ? `${path}.${name}` : name;
}

/** An object's own fields, each read once; a getter is refused (a plan is data, not code that runs). */
function ownFields(value: Record<string, unknown>, path: string): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && !('value' in descriptor)) throw new PlanError(fieldPath(path, key), 'must be a plain value, not a getter');
    fields.set(key, descriptor?.value);
  }
  return fields;
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
 * instead of being silently ignored. `previous` is this field's value parsed before (an edit's plan before
 * the edit): a part of `value` that is the very same object as the part of `previous` at the same place
 * is valid already and is kept as it is, so that an edit is checked in what it changed.
 */
export function parseField(field: Field, value: unknown, path: string, previous?: unknown): unknown {
  if (typeof value === 'object' && value !== null && value === previous) return value;
  const previousAt = (key: string | number): unknown =>
    typeof previous === 'object' && previous !== null && Object.hasOwn(previous, key) ? (previous as Record<string | number, unknown>)[key] : undefined;
  if (value === undefined) {
    if (field.kind === 'text' && field.required) throw new PlanError(path, 'must not be empty', 'empty');
    return defaultsOf(field);
  }
  switch (field.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new PlanError(path, `must be a number (got ${describe(value)})`, 'number');
      }
      if (value < field.min || value > field.max) {
        const unit = field.unit ? ` ${field.unit}` : '';
        // `unitText`, not `unit`: i18next hands a Message's values to Intl.NumberFormat, which reads `unit` as its own option.
        throw new PlanError(path, `must be between ${field.min} and ${field.max}${unit} (got ${value})`, 'range', { min: field.min, max: field.max, unitText: unit, value });
      }
      if (field.integer && !Number.isInteger(value)) {
        throw new PlanError(path, `must be a whole number (got ${value})`, 'whole', { value });
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
      return listItems(value, path).map((p, i) => {
        const xyz = Array.isArray(p) && p.length === 3 && Object.hasOwn(p, 0) && Object.hasOwn(p, 1) && Object.hasOwn(p, 2) ? [p[0], p[1], p[2]] : null;
        const ok = xyz?.every((c) => typeof c === 'number' && Number.isFinite(c) && Math.abs(c) <= field.maxAbsMm);
        if (!ok) throw new PlanError(`${path}[${i}]`, `must be [x, y, z] in mm, each within ±${field.maxAbsMm} (got ${excerpt(p)})`);
        return xyz;
      });
    }
    case 'text':
      if (typeof value !== 'string') throw new PlanError(path, `must be text (got ${describe(value)})`);
      if (field.required && value === '') throw new PlanError(path, 'must not be empty', 'empty');
      if (value.length > field.maxLength) {
        throw new PlanError(path, `must be at most ${field.maxLength} characters long (got ${value.length})`, 'tooLong', { max: field.maxLength, length: value.length });
      }
      if (value !== '' && field.pattern && !(field.pattern.regex.test(value) && (field.pattern.valid?.(value) ?? true))) {
        throw new PlanError(path, `must be ${field.pattern.description} (got ${describe(value)})`);
      }
      return value;
    case 'list': {
      if (!Array.isArray(value)) throw new PlanError(path, `must be a list (got ${describe(value)})`);
      if (value.length < field.minItems || value.length > field.maxItems) {
        throw new PlanError(path, `must have ${field.minItems} to ${field.maxItems} items (got ${value.length})`);
      }
      return listItems(value, path).map((item, i) => parseField(field.of, item, `${path}[${i}]`, previousAt(i)));
    }
    case 'union': {
      if (!isPlainObject(value)) throw new PlanError(path, `must be an object (got ${describe(value)})`);
      const tag = ownFields(value, path).get(field.tag);
      const variant = typeof tag === 'string' ? field.variants[tag] : undefined;
      if (!variant) throw new PlanError(`${path}.${field.tag}`, `must be one of ${Object.keys(field.variants).join(', ')} (got ${describe(tag)})`);
      return parseField(variant, value, path, previous);
    }
    case 'object': {
      if (!isPlainObject(value)) throw new PlanError(path, `must be an object (got ${describe(value)})`);
      const given = ownFields(value, path);
      for (const key of given.keys()) {
        if (!Object.hasOwn(field.fields, key)) throw new PlanError(fieldPath(path, key), 'is not a known plan field', 'unknownField', { name: key });
      }
      // Defined, not assigned: a field of a polluted Object.prototype cannot intercept the copy.
      return Object.fromEntries(Object.entries(field.fields).map(([key, child]) => [key, parseField(child, given.get(key), fieldPath(path, key), previousAt(key))]));
    }
  }
}

/** Clamps a number into a field's range (and rounds integers), for UI inputs that must stay valid. */
export function clampToField(field: NumberField, value: number): number {
  if (!Number.isFinite(value)) return field.default;
  const clamped = Math.min(field.max, Math.max(field.min, value));
  return field.integer ? Math.round(clamped) : clamped;
}
