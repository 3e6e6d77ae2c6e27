import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { monthOf } from '../common/months';
import { BOOKKEEPING, Writer } from '../database/writer.service';
import type { Pilot } from '../pilots/pilot.entity';
import { BusinessCaseCache, BusinessCaseEpoch } from './business-case-cache.entity';
import { BusinessCaseService } from './business-case.service';
import { CaseSummary, summarise } from './case-summary';
import { KeptSummaries, type BasisPick } from './kept-summaries';
import { ledgerColumns, type LedgerColumns } from './ledger-columns';
import { MonthRange, PeriodBasis, totalsOver } from './business-case.math';
import { SignoffsService } from './signoffs.service';

/** A pilot's row of the cache as far as its key goes: the version its inputs are at. */
type CacheKey = Pick<BusinessCaseCache, 'pilotId' | 'version'>;
/** A summary computed afresh, to store under the key it was computed at. */
interface FreshEntry {
  row: CacheKey;
  data: string;
  periodData: string;
}

/** Pilots whose cached summaries are read and parsed at a time. */
const CHUNK = 100;
/** Pilots whose keys are read at a time (a bound on the statement's parameters). */
const KEYS_CHUNK = 500;
/** Stale pilots computed at a time (about 10 ms each at 6 channels × 72 months). */
const SLICE = 8;
/** Part of every key: a release that changes CaseSummary's shape bumps it, so no old entry is read. */
// 7: reasons and notes kept as phrases, said in each reader's language.
const SUMMARY_FORMAT = 7;

/**
 * Business-case summaries for many pilots at once (portfolio, dashboards), from the cache where
 * its key still matches and computed in one pass for the rest. The key is the pilot's version
 * (bumped by triggers on every input change), the global epoch (rates, channels) and the month
 * (the discount rate in force depends on it). Single-pilot pages never use it: they compute.
 */
@Injectable()
export class CaseSummariesService {
  private readonly logger = new Logger(CaseSummariesService.name);
  private readonly kept = new KeptSummaries();

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly businessCases: BusinessCaseService,
    private readonly signoffs: SignoffsService,
  ) {}

  /**
   * The pilots' summaries. With a month range, each summary's `period` holds the totals over
   * those months, computed from the cached basis by the engine's own `totalsOver`.
   */
  async summaries(
    pilots: Pilot[],
    today = new Date(),
    range: MonthRange = { from: null, to: null },
  ): Promise<Map<number, CaseSummary>> {
    const ranged = range.from !== null || range.to !== null;
    if (!ranged) return (await this.load(pilots, today, null)).summaries;
    // Each basis is summed over the range as it is read, and let go: 2 000 pilots' bases held
    // at once are hundreds of megabytes.
    const { summaries, bases } = await this.load(pilots, today, {
      name: `totals|${range.from}|${range.to}`,
      of: (basis) => totalsOver(basis, range),
    });
    const result = new Map<number, CaseSummary>();
    for (const [id, summary] of summaries) {
      const period = bases.get(id) ?? null;
      result.set(
        id,
        summary.result && period ? { ...summary, result: { ...summary.result, period } } : summary,
      );
    }
    return result;
  }

  /** Each pilot's part of the channel ledger, from its cached basis, as columns (the rest is let go). */
  async ledgerBases(
    pilots: Pilot[],
    today = new Date(),
  ): Promise<Map<number, LedgerColumns | null>> {
    return (
      await this.load(pilots, today, {
        name: 'ledger',
        of: (basis) => (basis.ledger ? ledgerColumns(basis.ledger) : null),
      })
    ).bases;
  }

  /**
   * The summaries, from this instance's memory or the cache table where the pilot's key still
   * matches, stale ones computed and kept; with `pick`, what it takes of each pilot's basis (null
   * for a pilot without one).
   */
  private async load<T>(
    pilots: Pilot[],
    today: Date,
    pick: BasisPick<T> | null,
  ): Promise<{ summaries: Map<number, CaseSummary>; bases: Map<number, T | null> }> {
    const picked = (basis: PeriodBasis | null) => (basis && pick ? pick.of(basis) : null);
    const summaries = new Map<number, CaseSummary>();
    const bases = new Map<number, T | null>();
    if (!pilots.length) return { summaries, bases };
    const quiet = this.writer.quietMark();
    const epoch = await this.dataSource.getRepository(BusinessCaseEpoch).findOneBy({ id: 1 });
    const month = monthOf(today);
    const keyOf = (version: number) =>
      `f${SUMMARY_FORMAT}:${version}:${epoch?.version ?? 0}:${month}`;
    const cache = this.dataSource.getRepository(BusinessCaseCache);
    // What this instance parsed before under the same key is used as it is: after a write only
    // the pilots it changed are read again, not every pilot's tens of kilobytes of JSON.
    const keys = new Map<number, CacheKey>();
    for (let i = 0; i < pilots.length; i += KEYS_CHUNK)
      for (const row of await cache
        .createQueryBuilder('cache')
        .select(['cache.pilotId', 'cache.version'])
        .where('cache.pilot_id IN (:...ids)', {
          ids: pilots.slice(i, i + KEYS_CHUNK).map((p) => p.id),
        })
        .getMany())
        keys.set(row.pilotId, row);
    const unread: Pilot[] = [];
    for (const pilot of pilots) {
      const row = keys.get(pilot.id);
      const kept = row && this.kept.get(pilot.id, keyOf(row.version));
      if (kept && (!pick || kept.picks.has(pick.name))) {
        summaries.set(pilot.id, kept.summary);
        if (pick) bases.set(pilot.id, kept.picks.get(pick.name) as T | null);
      } else unread.push(pilot);
    }
    const keep = (pilotId: number, key: string, summary: CaseSummary, basis: T | null) => {
      summaries.set(pilotId, summary);
      if (pick) bases.set(pilotId, basis);
      // Nothing read while a write of data was open is kept: it may roll back.
      if (this.writer.quietSince(quiet)) this.kept.set(pilotId, key, summary, pick?.name, basis);
    };

    const stale: Pilot[] = [];
    // Read and parsed a chunk at a time, yielding between chunks: the bases of 2 000 pilots are
    // tens of megabytes of JSON, which read and parsed at once hold the request loop for seconds.
    for (let i = 0; i < unread.length; i += CHUNK) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      const chunk = unread.slice(i, i + CHUNK);
      const query = cache
        .createQueryBuilder('cache')
        .where('cache.pilot_id IN (:...ids)', { ids: chunk.map((p) => p.id) });
      if (pick) query.addSelect('cache.periodData');
      const rowOf = new Map((await query.getMany()).map((row) => [row.pilotId, row]));
      for (const pilot of chunk) {
        const row = rowOf.get(pilot.id);
        const key = row && keyOf(row.version);
        if (row?.data && row.computedKey === key && (!pick || row.periodData))
          keep(
            pilot.id,
            key,
            JSON.parse(row.data) as CaseSummary,
            picked(pick ? (JSON.parse(row.periodData as string) as PeriodBasis | null) : null),
          );
        else stale.push(pilot);
      }
    }
    if (!stale.length) return { summaries, bases };

    // A few pilots at a time, yielding between them: after an import every pilot may be stale,
    // and computing them all at once would hold the request loop (and every row) for seconds.
    for (let i = 0; i < stale.length; i += SLICE) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      const slice = stale.slice(i, i + SLICE);
      const reports = await this.businessCases.reports(slice, { today });
      const statuses = await this.signoffs.statusesOf([...reports.values()]);
      const fresh: FreshEntry[] = [];
      for (const pilot of slice) {
        const report = reports.get(pilot.id)!;
        const summary = summarise(report, statuses.get(pilot.id) ?? []);
        const row = keys.get(pilot.id);
        if (!row) {
          // No cache row (it comes with the pilot): the figures are shown, nothing is kept.
          summaries.set(pilot.id, summary);
          if (pick) bases.set(pilot.id, picked(report.periodBasis));
          continue;
        }
        // Kept under the version read before the inputs were: if they changed since, the
        // version has moved on and this entry is never matched.
        keep(pilot.id, keyOf(row.version), summary, picked(report.periodBasis));
        fresh.push({
          row,
          data: JSON.stringify(summary),
          periodData: JSON.stringify(report.periodBasis),
        });
      }
      await this.store(fresh, keyOf).catch((error: Error) =>
        // The page has its figures either way; the next one computes them again.
        this.logger.warn(`Business-case summaries not cached: ${error.message}`),
      );
    }
    return { summaries, bases };
  }

  /**
   * Stores each summary under the key of the version read before its inputs were: a change
   * since then has bumped the version, so that update matches no row and the entry stays stale.
   */
  private async store(fresh: FreshEntry[], keyOf: (version: number) => string): Promise<void> {
    if (!fresh.length) return;
    const computedAt = new Date();
    // A cache of what the data already says: storing it changes no page (bookkeeping).
    await this.writer.write(async (em) => {
      for (const { row, data, periodData } of fresh)
        await em
          .getRepository(BusinessCaseCache)
          .update(
            { pilotId: row.pilotId, version: row.version },
            { computedKey: keyOf(row.version), data, periodData, computedAt },
          );
    }, BOOKKEEPING);
  }
}
