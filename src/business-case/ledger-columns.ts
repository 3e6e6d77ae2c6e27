import { monthFromIndex, monthIndex, type Month } from '../common/months';
import type { LedgerBasis, ScopeKind } from './business-case.types';

/**
 * A pilot's part of the channel ledger as columns of numbers, the form kept in memory between
 * requests: 2 000 pilots' monthly tuples were 2.4 million boxed numbers and an array per month
 * (59 MB); as columns they take about a quarter. Months are indexes (monthIndex); a missing
 * figure is NaN.
 */
export interface LedgerColumns {
  channels: Array<{
    key: string;
    scope: ScopeKind;
    scopeDescription: string | null;
    months: Int32Array;
    volume: Float64Array;
    claimed: Float64Array;
    measured: Float64Array;
  }>;
  months: Int32Array;
  contacts: Float64Array;
  runningCost: Float64Array;
}

export function ledgerColumns(basis: LedgerBasis): LedgerColumns {
  return {
    channels: basis.channels.map((c) => ({
      key: c.key,
      scope: c.scope,
      scopeDescription: c.scopeDescription,
      months: Int32Array.from(c.months, ([month]) => monthIndex(month)),
      volume: Float64Array.from(c.months, ([, volume]) => volume ?? NaN),
      claimed: Float64Array.from(c.months, ([, , claimed]) => claimed),
      measured: Float64Array.from(c.months, ([, , , measured]) => measured ?? NaN),
    })),
    months: Int32Array.from(basis.months, ([month]) => monthIndex(month)),
    contacts: Float64Array.from(basis.months, ([, contacts]) => contacts),
    runningCost: Float64Array.from(basis.months, ([, , cost]) => cost),
  };
}

/** NaN back to null: the ledger names a missing figure, never takes it as a number. */
export const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

const names = new Map<number, Month>();
/** The month of an index, one string per month however many rows name it. */
export function monthName(index: number): Month {
  let name = names.get(index);
  if (name === undefined) names.set(index, (name = monthFromIndex(index)));
  return name;
}
