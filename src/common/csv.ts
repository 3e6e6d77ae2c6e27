import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

/**
 * A text cell that a spreadsheet would run as a formula (= + - @, tab, carriage return at
 * the start) gets a leading apostrophe. Numbers stay numbers, so negative amounts survive.
 */
export function safeCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([header.map(safeCell), ...rows.map((row) => row.map(safeCell))]);
}

/** A file name safe in a Content-Disposition header: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
}
