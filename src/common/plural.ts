/** "1 month", "3 months": a count with its noun, `many` when it is not one; `format` writes the count. */
export function plural(
  count: number,
  one: string,
  many = `${one}s`,
  format: (n: number) => string = String,
): string {
  return `${format(count)} ${count === 1 ? one : many}`;
}
