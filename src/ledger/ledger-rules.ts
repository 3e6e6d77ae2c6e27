import { addMonths, formatMonth, isMonth, type Month, monthsBetween } from '../common/months';

// The month range a ledger is read for (the page's and the API's `from` and `to`). Pure.

/** The longest range one ledger covers: ten years of months. */
export const MAX_LEDGER_MONTHS = 120;

export interface LedgerRange {
  from: Month;
  to: Month;
  /** Problems by parameter; the range falls back to the default when there are any. */
  errors: Partial<Record<'from' | 'to', string>>;
}

/** By default the twelve months up to the last full one. */
export function ledgerRange(query: { from?: unknown; to?: unknown }, current: Month): LedgerRange {
  const lastFull = addMonths(current, -1);
  const errors: LedgerRange['errors'] = {};
  const read = (name: 'from' | 'to', fallback: Month): Month => {
    const raw = query[name];
    if (raw === undefined || raw === '') return fallback;
    if (!isMonth(raw)) {
      errors[name] = `Give the month as YYYY-MM, such as ${lastFull}.`;
      return fallback;
    }
    if (raw > current) errors[name] = `${formatMonth(raw)} lies in the future.`;
    return raw;
  };
  const to = read('to', lastFull);
  const from = read('from', addMonths(to, -11));
  if (!errors.from && !errors.to) {
    if (from > to) errors.from = `The range starts after it ends (${formatMonth(to)}).`;
    else if (monthsBetween(from, to) + 1 > MAX_LEDGER_MONTHS)
      errors.from = `A ledger covers at most ${MAX_LEDGER_MONTHS} months.`;
  }
  return Object.keys(errors).length
    ? { from: addMonths(lastFull, -11), to: lastFull, errors }
    : { from, to, errors };
}
