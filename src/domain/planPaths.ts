/**
 * One value of a plan, named by its path: `['dots', 'diameterMm']`, `['sessions', 0, 'densityShare']`,
 * `['scars', 'fut-1', 'uptake']` (a scar by its id), `['density', 'regions', 'crown']`. The schema says
 * what each value is, so a command can set any plain value (a number, colour, choice, switch or text) with
 * the field's own label and checks, without a recipe of its own per field.
 */
import { PLAN_SCHEMA, type Plan } from './plan';
import { isPlainObject, type BooleanField, type ColorField, type EnumField, type Field, type NumberField, type TextField } from './schema';
import { excerpt } from './format';

export type PlanPath = readonly (string | number)[];

/** The kinds of plan value a path may name: a single value, not a list or an object. */
export type ValueField = NumberField | ColorField | EnumField | BooleanField | TextField;

const VALUE_KINDS: ReadonlySet<Field['kind']> = new Set(['number', 'color', 'enum', 'boolean', 'text']);

export interface PlanValueAt {
  field: ValueField;
  /** The object that holds the value in `plan`, and its key there. */
  holder: Record<string, unknown>;
  key: string;
}

/** The path as people read it: `scars.fut-1.uptake`. */
export const pathText = (path: PlanPath): string => path.map(String).join('.');

/**
 * Finds the value `path` names in `plan` (a draft, when it is to be changed). A list item is named by its
 * index, or by its `id` (scars). Throws an Error saying where the path stops making sense.
 */
export function planValueAt(plan: Plan, path: unknown): PlanValueAt {
  if (!Array.isArray(path) || path.length === 0 || !path.every((part) => typeof part === 'string' || typeof part === 'number')) {
    throw new Error(`A plan path is a list of field names and list positions, such as ["dots", "diameterMm"] (got ${excerpt(path)})`);
  }
  let field: Field = PLAN_SCHEMA;
  let node: unknown = plan;
  let holder: Record<string, unknown> | null = null;
  let key = '';
  for (const [i, part] of (path as (string | number)[]).entries()) {
    const where = () => `${pathText(path.slice(0, i + 1) as PlanPath)} is not a value of the plan`;
    if (field.kind === 'object' && typeof part === 'string' && Object.hasOwn(field.fields, part) && isPlainObject(node)) {
      holder = node;
      key = part;
      field = field.fields[part]!;
      node = node[part];
    } else if (field.kind === 'list' && Array.isArray(node)) {
      const items: unknown[] = node;
      const index = typeof part === 'number' ? part : items.findIndex((item) => isPlainObject(item) && item.id === part);
      const item = Number.isInteger(index) && index >= 0 ? items[index] : undefined;
      if (!isPlainObject(item)) throw new Error(`${where()}: no item ${excerpt(part)} in ${pathText(path.slice(0, i) as PlanPath)}`);
      field = field.of.kind === 'union' ? (field.of.variants[String(item[field.of.tag])] ?? field.of) : field.of;
      holder = null;
      node = item;
    } else {
      throw new Error(where());
    }
  }
  if (!VALUE_KINDS.has(field.kind) || holder === null) throw new Error(`${pathText(path as PlanPath)} is not a single value of the plan (a number, colour, choice, switch or text)`);
  return { field: field as ValueField, holder, key };
}
