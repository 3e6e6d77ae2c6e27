/** A catalogue's texts by their dotted keys: { a: { b: "x" } } → { "a.b": "x" }. */
export function flattenCatalogue(
  tree: Record<string, unknown>,
  prefix = '',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flattenCatalogue(value as Record<string, unknown>, path));
  }
  return out;
}
