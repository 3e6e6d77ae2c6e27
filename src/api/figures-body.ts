import { stringify } from 'csv-stringify/sync';
import type { FieldErrors } from '../common/domain-error';
import { CSV_COLUMNS, type ImportError, MAX_IMPORT_ROWS } from '../results/import/metrics-csv';
import { sentence } from '../common/words';
import { isJsonObject, notAField } from '../common/json-body';

// A batch of figures through the API: JSON rows in the import's long format, turned into the
// import's CSV so that both go through one parser, one set of rules and one transaction.

/** The JSON body as the import's CSV, or why each row cannot be read (`rows[3].value`). */
export function figuresCsv(body: unknown): { csv: string } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!isJsonObject(body) || !Array.isArray(body.rows))
    return { errors: { rows: ['The body is {"rows": [...]}, one object per figure.'] } };
  for (const key of Object.keys(body)) if (key !== 'rows') errors[key] = [notAField()];
  const rows = body.rows as unknown[];
  if (!rows.length) errors.rows = ['Give at least one figure.'];
  if (rows.length > MAX_IMPORT_ROWS)
    errors.rows = [`At most ${MAX_IMPORT_ROWS.toLocaleString('en')} figures at once.`];
  const records: string[][] = [];
  for (const [index, row] of rows.entries()) {
    if (Object.keys(errors).length >= 100) break;
    const at = `rows[${index}]`;
    if (!isJsonObject(row)) {
      errors[at] = ['An object with pilot, month, metric, channel and value.'];
      continue;
    }
    for (const key of Object.keys(row))
      if (!(CSV_COLUMNS as readonly string[]).includes(key))
        errors[`${at}.${key}`] = ['Not a field of a figure.'];
    const textOf = (name: string, optional: boolean) => {
      const value = row[name];
      if ((value === undefined || value === null) && optional) return '';
      if (typeof value !== 'string') {
        errors[`${at}.${name}`] = [optional ? 'Text, or null.' : 'Text, as a JSON string.'];
        return '';
      }
      return value;
    };
    const value = row.value;
    if (typeof value !== 'number' || !Number.isFinite(value))
      errors[`${at}.value`] = ['A number, as a JSON number (52000 or 82.5).'];
    records.push([
      textOf('pilot', true),
      textOf('month', false),
      textOf('metric', false),
      textOf('channel', true),
      typeof value === 'number' ? String(value) : '',
    ]);
  }
  if (Object.keys(errors).length) return { errors };
  return { csv: stringify([[...CSV_COLUMNS], ...records]) };
}

/**
 * The import's errors by field: `rows[i].column` for a JSON batch (line 2 is its first row),
 * `lines[n].column` for a CSV body (line 1 is its header). At most 100 are named.
 */
export function importFieldErrors(errors: ImportError[], json: boolean): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors.slice(0, 100)) {
    const at = json ? `rows[${error.line - 2}]` : `lines[${error.line}]`;
    const field = error.column ? `${at}.${error.column}` : at;
    (fields[field] ??= []).push(sentence(error.reason));
  }
  return fields;
}
