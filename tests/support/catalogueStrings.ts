/** Every string of an interface catalogue (or any part of one) by its dotted key: `app.steps.head.title`. */
export function catalogueStrings(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of catalogueStrings(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}
