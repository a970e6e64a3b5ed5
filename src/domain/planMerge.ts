/**
 * Three-way merge of a plan edited in two places (two tabs on one saved plan): each side's changes since
 * their common base are combined field by field. A field both sides changed, to different values, is a
 * conflict; nothing is decided for the user then.
 */
import { PLAN_SCHEMA, type Plan } from './plan';
import type { Field } from './schema';
import { sameData } from './plainData';

export interface PlanMerge {
  /** The combined plan (not yet validated); meaningful only without conflicts. */
  merged: unknown;
  /** The fields both sides changed differently, as paths such as ['dots', 'densityPerCm2']. */
  conflicts: string[][];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Objects merge key by key, at any depth; anything else (numbers, text, lists such as hairline points,
 * strokes or scars) is one value, taken whole from the side that changed it.
 */
function mergeValue(base: unknown, mine: unknown, theirs: unknown, path: string[], conflicts: string[][]): unknown {
  if (sameData(mine, theirs) || sameData(theirs, base)) return mine;
  if (sameData(mine, base)) return theirs;
  if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
    const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
    return Object.fromEntries([...keys].map((key) => [key, mergeValue(base[key], mine[key], theirs[key], [...path, key], conflicts)]));
  }
  conflicts.push(path);
  return mine;
}

export function mergePlans(base: Plan, mine: Plan, theirs: Plan): PlanMerge {
  const conflicts: string[][] = [];
  const merged = mergeValue(base, mine, theirs, [], conflicts);
  return { merged, conflicts };
}

/** A field's name as the panels show it ("Density"), for a path from `mergePlans`. */
export function fieldLabel(path: readonly string[]): string {
  let field: Field = PLAN_SCHEMA;
  for (const key of path) {
    const next: Field | undefined = field.kind === 'object' ? field.fields[key] : undefined;
    if (!next) break;
    field = next;
  }
  return 'label' in field ? field.label : path.join('.');
}
