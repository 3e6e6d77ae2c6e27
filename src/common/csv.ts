import { stringify } from 'csv-stringify/sync';
import { decimalComma } from './money';

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

/**
 * `standard`: commas and decimal points, for scripts and most tools. `excel-nl`: what Excel with
 * Dutch regional settings opens as columns and numbers: semicolons, decimal commas, CRLF lines
 * and a byte-order mark (without it Excel reads UTF-8 as Windows-1252: "â‚¬").
 */
export type CsvDialect = 'standard' | 'excel-nl';

export function toCsv(
  header: string[],
  rows: CsvCell[][],
  dialect: CsvDialect = 'standard',
): string {
  const records = [header.map(safeCell), ...rows.map((row) => row.map(safeCell))];
  if (dialect === 'standard') return stringify(records);
  return (
    '\uFEFF' +
    stringify(records, {
      delimiter: ';',
      record_delimiter: 'windows',
      cast: { number: (value) => decimalComma(value) },
    })
  );
}

/** A file name safe in a Content-Disposition header: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
}
