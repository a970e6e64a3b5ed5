/** How numbers are written for people, one way everywhere (panels, report): units spaced, as in the README. */

/** A share 0..1 as a whole percentage: `0.25` → `25 %`. */
export const percent = (share: number): string => `${Math.round(share * 100)} %`;

/** A number of years: `1 year`, `4.5 years`. */
export const years = (y: number): string => `${Number.isInteger(y) ? y.toFixed(0) : y.toFixed(1)} year${y === 1 ? '' : 's'}`;

/** Longest piece of a bad value an error message quotes: enough to recognise it, never a whole pasted file. */
export const EXCERPT_CHARS = 60;

/**
 * A value as an error message quotes it, at most about EXCERPT_CHARS long: text in quotes and cut with an
 * ellipsis, numbers as written, a short list item by item, anything else by what it is ("an object").
 * Never throws (unlike JSON.stringify on a BigInt or a cycle) and never reads more than it shows.
 */
export function excerpt(value: unknown, max = EXCERPT_CHARS): string {
  const cut = (text: string) => (text.length > max ? `${text.slice(0, max)}…` : text);
  switch (typeof value) {
    case 'string':
      return value.length > max ? `${JSON.stringify(value.slice(0, max)).slice(0, -1)}…"` : JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'bigint':
      return cut(String(value));
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
  }
  if (value === null) return 'null';
  if (!Array.isArray(value)) return 'an object';
  if (value.length > 4 || max < 8) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  const items: string[] = [];
  for (let i = 0; i < value.length; i++) items.push(Object.hasOwn(value, i) ? excerpt(value[i], Math.ceil(max / 4)) : 'a gap');
  return cut(`[${items.join(', ')}]`);
}

/**
 * A name as part of a file name, `Jane Doe` → `jane-doe` (at most 60 characters): accents dropped and letters
 * of any script kept, so the name works on every file system; empty when nothing of it is left.
 */
export function fileNameSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
