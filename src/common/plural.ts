/** "1 month", "3 months": a count with its noun, `many` when it is not one. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
