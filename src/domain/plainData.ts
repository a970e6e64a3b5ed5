/**
 * Plain data (what a parsed plan is made of: objects, lists, numbers, text, booleans) copied, compared and
 * shared without turning it into text, so that an edit of a large plan costs what it changes: the plans in
 * the undo history keep every unchanged part by reference, and a step holds only what it changed.
 */

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

const field = (container: Container, key: string | number): unknown =>
  Array.isArray(container) ? container[key as number] : Object.hasOwn(container, key) ? container[key as string] : undefined;

/** A deep copy of plain data (a parsed plan: no gaps in lists, no inherited or odd keys). */
export function copyData<T>(value: T): T {
  if (!isContainer(value)) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyData(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyData(value[key]);
  return out as T;
}

/** Whether two pieces of plain data hold the same values (the same object, or equal field by field). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], other[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !sameData(a[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * `next` with every part that equals the same part of `previous` replaced by `previous`'s object; `previous`
 * itself when they are equal throughout. Changes `next` in place (pass a copy you own), never `previous`.
 */
export function shareUnchanged<T>(next: T, previous: unknown): T {
  if (next === previous || !isContainer(next) || !isContainer(previous) || Array.isArray(next) !== Array.isArray(previous)) return next;
  let same: boolean;
  if (Array.isArray(next)) {
    const before = previous as unknown[];
    same = next.length === before.length;
    for (let i = 0; i < next.length; i++) {
      const shared = shareUnchanged(next[i], before[i]);
      next[i] = shared;
      same &&= shared === before[i];
    }
  } else {
    const keys = Object.keys(next);
    same = keys.length === Object.keys(previous).length;
    for (const key of keys) {
      const before = field(previous, key);
      const shared = shareUnchanged(next[key], before);
      (next as Record<string, unknown>)[key] = shared;
      same &&= shared === before && Object.hasOwn(previous, key);
    }
  }
  return same ? (previous as T) : next;
}

/** Rough size in memory (bytes) of plain data, as a JavaScript engine keeps it. */
export function estimateBytes(value: unknown): number {
  return unsharedBytes(value, undefined);
}

/**
 * Rough size in memory (bytes) of the parts of `value` that are not the very same objects as the parts of
 * `other` at the same place: what keeping `value` costs on top of keeping `other`. Parts shared by
 * reference are not looked into, so this costs what differs.
 */
export function unsharedBytes(value: unknown, other: unknown): number {
  if (value === other) return 0;
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (!isContainer(value)) return 8;
  const comparable = isContainer(other) && Array.isArray(other) === Array.isArray(value) ? other : null;
  if (Array.isArray(value)) {
    let bytes = 16 + 8 * value.length;
    for (let i = 0; i < value.length; i++) bytes += unsharedBytes(value[i], comparable ? field(comparable, i) : undefined);
    return bytes;
  }
  const keys = Object.keys(value);
  let bytes = 24 + 16 * keys.length;
  for (const key of keys) bytes += unsharedBytes(value[key], comparable ? field(comparable, key) : undefined);
  return bytes;
}
