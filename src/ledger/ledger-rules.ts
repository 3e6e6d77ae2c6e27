import { t } from '../i18n/translate';
import { addMonths, formatMonth, isMonth, type Month, monthsBetween } from '../common/months';
import type { PilotOverlap, PilotShare } from './ledger.types';

// The month range a ledger is read for (the page's and the API's `from` and `to`), and how
// much of it a page lists. Pure.

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
      errors[name] = t('ledger.range.format', { example: lastFull });
      return fallback;
    }
    if (raw > current) errors[name] = t('ledger.range.future', { month: formatMonth(raw) });
    return raw;
  };
  const to = read('to', lastFull);
  const from = read('from', addMonths(to, -11));
  if (!errors.from && !errors.to) {
    if (from > to) errors.from = t('ledger.range.reversed', { month: formatMonth(to) });
    else if (monthsBetween(from, to) + 1 > MAX_LEDGER_MONTHS)
      errors.from = t('ledger.range.tooLong', { count: MAX_LEDGER_MONTHS });
  }
  return Object.keys(errors).length
    ? { from: addMonths(lastFull, -11), to: lastFull, errors }
    : { from, to, errors };
}

/** Months in words, runs of consecutive months as ranges: "Jan 2026 – Jun 2026, Sep 2026". */
export function monthSpans(months: Month[]): string {
  const sorted = [...new Set(months)].sort();
  const runs: Month[][] = [];
  for (const month of sorted) {
    const run = runs[runs.length - 1];
    if (run && addMonths(run[run.length - 1], 1) === month) run.push(month);
    else runs.push([month]);
  }
  return runs
    .map((run) =>
      run.length === 1
        ? formatMonth(run[0])
        : `${formatMonth(run[0])} – ${formatMonth(run[run.length - 1])}`,
    )
    .join(', ');
}

/** An overlap in words, as one of its pilots' signals and the board's pages say it. */
export function overlapSentence(o: PilotOverlap): string {
  const span = monthSpans(o.months);
  const why = t(o.reason === 'whole_channel' ? 'overlap.wholeChannel' : 'overlap.segments');
  return t('overlap.sentence', { channel: o.channel.name, other: o.other.name, months: span, why });
}

/** Pilots listed per channel; the rest are summed in one row. */
export const PILOTS_LISTED = 20;

/**
 * A channel's pilots as its table lists them: the PILOTS_LISTED that claim most, and what the
 * others claim and measure together (a table of 2 000 rows per channel is read by nobody).
 */
export function pilotsShown(pilots: PilotShare[]) {
  if (pilots.length <= PILOTS_LISTED) return { pilots, otherPilots: null };
  const sorted = [...pilots].sort((a, b) => b.claimed - a.claimed || a.name.localeCompare(b.name));
  const rest = sorted.slice(PILOTS_LISTED);
  return {
    pilots: sorted.slice(0, PILOTS_LISTED),
    otherPilots: {
      count: rest.length,
      claimed: rest.reduce((sum, p) => sum + p.claimed, 0),
      measured: rest.reduce((sum, p) => sum + p.measured, 0),
    },
  };
}
