import { deepFreeze } from '../database/versioned-memo';
import type { PeriodBasis } from './business-case.types';
import type { CaseSummary } from './case-summary';

/** What a caller takes of each pilot's basis: a name to keep it under, and the taking. */
export interface BasisPick<T> {
  name: string;
  of: (basis: PeriodBasis) => T;
}

/** Picks kept per pilot: the ledger's part and the latest month ranges asked for. */
const MOST_PICKS = 6;
/** Pilots kept at most (a deleted pilot's entry is let go once this many newer ones came). */
const MOST_PILOTS = 20_000;

/**
 * Each pilot's parsed summary, and what callers picked of its basis, kept under the pilot's
 * cache key (its version, the epoch, the month). A key names the inputs, so an entry is right
 * for as long as the database's key for the pilot is the same, on every instance; a write that
 * changes the pilot moves its version on, and the entry is no longer matched. Entries are
 * shared between requests: frozen outside production, so a caller that changes one fails its
 * tests.
 */
export class KeptSummaries {
  private readonly entries = new Map<
    number,
    { key: string; summary: CaseSummary; picks: Map<string, unknown> }
  >();
  private readonly freeze = process.env.NODE_ENV !== 'production';

  get(pilotId: number, key: string) {
    const entry = this.entries.get(pilotId);
    return entry?.key === key ? entry : undefined;
  }

  set(pilotId: number, key: string, summary: CaseSummary, pick?: string, basis?: unknown): void {
    let entry = this.entries.get(pilotId);
    if (entry?.key !== key) {
      entry = { key, summary: this.shared(summary), picks: new Map() };
      this.entries.delete(pilotId);
      this.entries.set(pilotId, entry);
      if (this.entries.size > MOST_PILOTS) this.entries.delete(this.entries.keys().next().value!);
    }
    if (pick === undefined) return;
    entry.picks.delete(pick);
    entry.picks.set(pick, this.shared(basis));
    if (entry.picks.size > MOST_PICKS) entry.picks.delete(entry.picks.keys().next().value!);
  }

  private shared<T>(value: T): T {
    return this.freeze ? deepFreeze(value) : value;
  }
}
