import { formatIsoDate } from '../common/dates';
import { formatMonth, isMonth } from '../common/months';

// The audit trail stores fields by their internal names and values as stored (cents, basis
// points, keys), so it stays exact and stable. Each feature says how its fields read; this turns
// one entry into the form's words. Pure.

export interface ReadableChange {
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** A feature's words for its audited fields, and how a stored value of one reads. */
export interface FieldWords {
  labels: Record<string, string>;
  /** A stored value in the form's words; null when it reads as any other (a date, a month). */
  value(key: string, value: string): string | null;
}

/** A value no feature has words for: a date or a month as the pages write them, else as is. */
function plainValue(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDate(value);
  return isMonth(value) ? formatMonth(value) : value;
}

/**
 * "IT budgetCommittedCents", "Routing agreed: evidence", "fixedCostAtScaleCents": a prefix, then
 * a field. Unchanged when no feature's words know the field.
 */
export function readableWith(change: ReadableChange, words: FieldWords[]): ReadableChange {
  const field = change.field;
  if (field === null) return change;
  const colon = field.lastIndexOf(': ');
  const cut = field.startsWith('IT ') ? 3 : colon === -1 ? 0 : colon + 2;
  const [prefix, key] = [field.slice(0, cut), field.slice(cut)];
  const own = words.find((w) => key in w.labels);
  if (!own) return change;
  const read = (value: string | null) =>
    value === null ? null : (own.value(key, value) ?? plainValue(value));
  return {
    field: `${prefix}${own.labels[key]}`,
    oldValue: read(change.oldValue),
    newValue: read(change.newValue),
  };
}
