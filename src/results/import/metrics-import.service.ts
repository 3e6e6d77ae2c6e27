import { t } from '../../i18n/translate';
import { percentTenths } from '../../common/columns';
import { Injectable } from '@nestjs/common';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, can } from '../../accounts/permissions';
import type { Channel } from '../../channels/channel.entity';
import { ChannelsService } from '../../channels/channels.service';
import { ChannelTotalsService } from '../../channels/channel-totals.service';
import { totalErrors, type TotalValues } from '../../channels/channel-total-rules';
import { AuditService, BulkAuditRow } from '../../audit/audit.service';
import { PilotsService } from '../../pilots/pilots.service';
import { upsertRows } from '../../database/bulk';
import { encodeRows, RowBatch } from '../../database/row-batch';
import { sqliteFileOf, writeInWorker } from '../../database/sqlite-writes';
import { Writer } from '../../database/writer.service';
import type { Pilot } from '../../pilots/pilot.entity';
import { ChannelResult } from '../channel-result.entity';
import {
  CHANNEL_METRIC_COLUMNS,
  ChannelMetric,
  isPilotMetric,
  isTotalMetric,
  PILOT_METRIC_COLUMNS,
  PILOT_METRICS,
  PilotMetric,
  TOTAL_METRICS,
  TotalMetric,
} from '../metrics';
import { MonthlyResult } from '../monthly-result.entity';
import { ImportError, MetricRow, ParsedCsv } from './metrics-csv';
import { readAll } from '../../database/read-all';
import { DomainError } from '../../common/domain-error';
import { resultMonthBounds } from '../../common/months';
import { runInWorker, workerModule } from '../../common/worker';
import { currentLanguage } from '../../i18n/language';
import { fromColumns, ParsedColumns } from './parsed-columns';

const PARSE_WORKER = workerModule(__dirname, 'parse-worker', __filename);
/** Rows between two pauses that let other requests in (the analysis runs on the request loop). */
const YIELD_EVERY = 5000;

/**
 * Runs `read` on chunks of `keys` small enough for one statement's parameters, pausing between
 * chunks: a portfolio's stored results are tens of thousands of rows, read and turned into
 * objects synchronously, which would otherwise hold the request loop for most of a second.
 */
async function inChunks<K, T>(
  keys: K[],
  read: (chunk: K[]) => Promise<T[]>,
  size = 500,
): Promise<T[]> {
  const all: T[] = [];
  for (let start = 0; start < keys.length; start += size) {
    for (const item of await read(keys.slice(start, start + size))) all.push(item);
    await yieldToOthers();
  }
  return all;
}
/** Pilots whose stored results are read at once (36–72 months × channels each). */
const PILOTS_PER_READ = 5;
/** Pilots looked up at once, with their channels (200 at once held the loop for 30–60 ms). */
const PILOTS_PER_LOOKUP = 25;

export interface PilotImportSummary {
  slug: string;
  name: string;
  inserted: number;
  updated: number;
  unchanged: number;
  months: string[];
}

export interface ImportPreview {
  errors: ImportError[];
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  pilots: PilotImportSummary[];
  /** The organisation's channel totals in the file (rows with an empty pilot), or null. */
  totals: { inserted: number; updated: number; unchanged: number; months: string[] } | null;
  /** A sample of the changes, for the preview page. */
  sample: Array<{
    line: number;
    pilot: string;
    month: string;
    metric: string;
    channel: string | null;
    oldValue: number | null;
    newValue: number;
  }>;
}

interface Change {
  row: MetricRow;
  pilotId: number;
  channelId: number | null;
  column: string;
  oldValue: number | null;
}

/** One channel's total for one month as the import leaves it: stored values with the file's. */
interface TotalGroup {
  channel: Channel;
  month: string;
  values: TotalValues;
  changed: Array<{ row: MetricRow; oldValue: number | null }>;
}

/** All-or-nothing import of monthly results and history from the long-format CSV. */
@Injectable()
export class MetricsImportService {
  private busy = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
    private readonly pilots: PilotsService,
    private readonly channels: ChannelsService,
    private readonly totals: ChannelTotalsService,
  ) {}

  /** Everything the import would do, or every error; writes nothing. */
  preview(content: string, user: Actor | null = null): Promise<ImportPreview> {
    return this.oneAtATime(async () => {
      const parsed = await this.parse(content);
      return (await this.analyse(this.dataSource.manager, parsed, user)).preview;
    });
  }

  /** Validates again and applies in one transaction: any error and nothing is saved. */
  apply(content: string, actor: string, user: Actor | null = null): Promise<ImportPreview> {
    return this.oneAtATime(async () => {
      // Parsed before the write begins: other writes do not wait for the parsing.
      const parsed = await this.parse(content);
      // On a SQLite file the rows are written, and the data version moved on, by a worker
      // thread (write()); the unit itself then writes nothing.
      const inWorker = sqliteFileOf(this.dataSource.manager) !== null;
      return this.writer.write(
        async (em) => {
          const { preview, changes, totals } = await this.analyse(em, parsed, user);
          if (preview.errors.length) return preview;
          await this.write(em, changes, totals, actor);
          return preview;
        },
        { bookkeeping: inWorker },
      );
    });
  }

  /**
   * One import at a time per instance: a second one is told to wait (503) instead of doubling
   * the memory and the time both take. The file is parsed in a worker thread meanwhile.
   */
  private async oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new DomainError('unavailable', t('import.busy'));
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }

  private async parse(content: string): Promise<ParsedCsv> {
    const columns = await runInWorker<ParsedColumns>(PARSE_WORKER, {
      content,
      bounds: resultMonthBounds(),
      language: currentLanguage(),
    });
    return fromColumns(columns, yieldToOthers);
  }

  /** `user`: who imports; null for the command line, which may import for every pilot. */
  private async analyse(
    em: EntityManager,
    parsed: ParsedCsv,
    user: Actor | null,
  ): Promise<{ preview: ImportPreview; changes: Change[]; totals: TotalGroup[] }> {
    const errors = [...parsed.errors];
    // The organisation's channel totals (an empty pilot column) go to the channels feature.
    const totalRows = parsed.rows.filter((r) => isTotalMetric(r.metric));
    const pilotRows = totalRows.length
      ? parsed.rows.filter((r) => !isTotalMetric(r.metric))
      : parsed.rows;
    const slugs = [...new Set(pilotRows.map((r) => r.pilot))];
    // In chunks: a file may name more pilots than a statement takes parameters.
    const pilots = await inChunks(
      slugs,
      (chunk) => this.pilots.bySlugs(chunk, em),
      PILOTS_PER_LOOKUP,
    );
    const pilotBySlug = new Map(pilots.map((p) => [p.slug, p]));
    const channels = await this.channels.all(em);
    const channelByKey = new Map(channels.map((c) => [c.key, c]));

    const totals = await this.analyseTotals(em, totalRows, channelByKey, user, errors);

    const valid: Array<{ row: MetricRow; pilot: Pilot; channel: Channel | null }> = [];
    for (const [index, row] of pilotRows.entries()) {
      if (index % YIELD_EVERY === 0) await yieldToOthers();
      const pilot = pilotBySlug.get(row.pilot);
      if (!pilot) {
        errors.push({
          line: row.line,
          column: 'pilot',
          reason: t('import.err.unknownPilot', { pilot: row.pilot }),
        });
        continue;
      }
      if (user && !can(user, 'log_results', pilot)) {
        errors.push({
          line: row.line,
          column: 'pilot',
          reason: t('import.err.mayNotLog', { pilot: pilot.slug }),
        });
        continue;
      }
      let channel: Channel | null = null;
      if (row.channel !== null) {
        channel = channelByKey.get(row.channel) ?? null;
        if (!channel) {
          errors.push({
            line: row.line,
            column: 'channel',
            reason: t('import.err.unknownChannel', { channel: row.channel }),
          });
          continue;
        }
        if (!pilot.affectedChannels.some((c) => c.id === channel!.id)) {
          errors.push({
            line: row.line,
            column: 'channel',
            reason: t('import.err.notAffected', { channel: channel.key, pilot: pilot.slug }),
          });
          continue;
        }
      } else if (!pilot.startMonth || row.month < pilot.startMonth) {
        errors.push({
          line: row.line,
          column: 'month',
          reason: pilot.startMonth
            ? t('import.err.beforeStart', {
                metric: row.metric,
                month: row.month,
                start: pilot.startMonth,
              })
            : t('import.err.noStart', { metric: row.metric, pilot: pilot.slug }),
        });
        continue;
      }
      valid.push({ row, pilot, channel });
    }
    errors.sort((a, b) => a.line - b.line);

    const pilotIds = [...new Set(valid.map((v) => v.pilot.id))];
    const [monthly, channelRows] = await readAll(em, [
      () =>
        inChunks(
          pilotIds,
          (ids) => em.find(MonthlyResult, { where: { pilotId: In(ids) } }),
          PILOTS_PER_READ,
        ),
      () =>
        inChunks(
          pilotIds,
          (ids) => em.find(ChannelResult, { where: { pilotId: In(ids) } }),
          PILOTS_PER_READ,
        ),
    ] as const);
    const storedMonthly = new Map(monthly.map((m) => [`${m.pilotId}|${m.month}`, m]));
    const storedChannel = new Map<string, ChannelResult>();
    for (const [index, c] of channelRows.entries()) {
      if (index % YIELD_EVERY === 0) await yieldToOthers();
      storedChannel.set(`${c.pilotId}|${c.month}|${c.channelId}`, c);
    }

    const summaries = new Map<number, PilotImportSummary>();
    const monthsOf = new Map<number, Set<string>>();
    const changes: Change[] = [];
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    for (const [index, { row, pilot, channel }] of valid.entries()) {
      if (index % YIELD_EVERY === 0) await yieldToOthers();
      let column: string;
      let oldValue: number | null;
      if (isPilotMetric(row.metric)) {
        const field = PILOT_METRIC_COLUMNS[row.metric];
        column = field;
        oldValue = storedMonthly.get(`${pilot.id}|${row.month}`)?.[field] ?? null;
      } else {
        const field = CHANNEL_METRIC_COLUMNS[row.metric as ChannelMetric];
        column = field;
        oldValue = storedChannel.get(`${pilot.id}|${row.month}|${channel?.id}`)?.[field] ?? null;
      }
      const summary =
        summaries.get(pilot.id) ??
        summaries
          .set(pilot.id, {
            slug: pilot.slug,
            name: pilot.name,
            inserted: 0,
            updated: 0,
            unchanged: 0,
            months: [],
          })
          .get(pilot.id)!;
      // A set per pilot: a file's months are counted in one pass, not compared with a list.
      (monthsOf.get(pilot.id) ?? monthsOf.set(pilot.id, new Set()).get(pilot.id)!).add(row.month);
      if (oldValue === row.value) {
        unchanged += 1;
        summary.unchanged += 1;
        continue;
      }
      if (oldValue === null) {
        inserted += 1;
        summary.inserted += 1;
      } else {
        updated += 1;
        summary.updated += 1;
      }
      changes.push({ row, pilotId: pilot.id, channelId: channel?.id ?? null, column, oldValue });
    }
    for (const [pilotId, summary] of summaries) summary.months = [...monthsOf.get(pilotId)!].sort();
    if (totals.summary) {
      inserted += totals.summary.inserted;
      updated += totals.summary.updated;
      unchanged += totals.summary.unchanged;
    }
    return {
      preview: {
        errors,
        rows: parsed.rows.length + parsed.errors.filter((e) => e.line > 1).length,
        inserted,
        updated,
        unchanged,
        pilots: [...summaries.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
        totals: totals.summary,
        sample: changes.slice(0, 25).map((c) => ({
          line: c.row.line,
          pilot: c.row.pilot,
          month: c.row.month,
          metric: c.row.metric,
          channel: c.row.channel,
          oldValue: c.oldValue,
          newValue: c.row.value,
        })),
      },
      changes: errors.length ? [] : changes,
      totals: errors.length ? [] : totals.groups.filter((g) => g.changed.length),
    };
  }

  /**
   * The channel-total rows of a file: who may give them (finance, an admin, the command line),
   * their channel, and each channel's month as it would be stored — a split above the volume, or
   * a split without any volume, is refused on the row that makes it so.
   */
  private async analyseTotals(
    em: EntityManager,
    rows: MetricRow[],
    channelByKey: Map<string, Channel>,
    user: Actor | null,
    errors: ImportError[],
  ): Promise<{ groups: TotalGroup[]; summary: ImportPreview['totals'] }> {
    if (!rows.length) return { groups: [], summary: null };
    const stored = new Map(
      (await this.totals.all(em)).map((t) => [`${t.channelId}|${t.month}`, t]),
    );
    const groups = new Map<string, TotalGroup>();
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const row of rows) {
      if (user && !can(user, 'enter_totals')) {
        errors.push({
          line: row.line,
          column: 'metric',
          reason: t('import.err.mayNotTotals'),
        });
        continue;
      }
      const channel = channelByKey.get(row.channel ?? '');
      if (!channel) {
        errors.push({
          line: row.line,
          column: 'channel',
          reason: t('import.err.unknownChannel', { channel: row.channel }),
        });
        continue;
      }
      const key = `${channel.id}|${row.month}`;
      const before = stored.get(key);
      const group =
        groups.get(key) ??
        groups
          .set(key, {
            channel,
            month: row.month,
            values: {
              volume: before?.volume ?? null,
              desired: before?.desired ?? null,
              undesired: before?.undesired ?? null,
              unnecessary: before?.unnecessary ?? null,
            },
            changed: [],
          })
          .get(key)!;
      const field = TOTAL_METRICS[row.metric as TotalMetric].field;
      const oldValue = before?.[field] ?? null;
      group.values[field] = row.value;
      if (oldValue === row.value) counts.unchanged += 1;
      else {
        counts[oldValue === null ? 'inserted' : 'updated'] += 1;
        group.changed.push({ row, oldValue });
      }
    }
    for (const group of groups.values()) {
      const problem = Object.values(totalErrors(group.values))[0];
      if (problem)
        errors.push({
          line: group.changed[0]?.row.line ?? rows[0].line,
          column: 'value',
          reason: `${group.channel.key} ${group.month}: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`,
        });
    }
    const months = [...new Set([...groups.values()].map((g) => g.month))].sort();
    return { groups: [...groups.values()], summary: { ...counts, months } };
  }

  private async write(
    em: EntityManager,
    changes: Change[],
    totals: TotalGroup[],
    actor: string,
  ): Promise<void> {
    const now = new Date();
    // The table's column for an entity property, as the entity maps it (one source of names).
    const columnOf = (entity: typeof MonthlyResult | typeof ChannelResult) => {
      const columns = new Map(
        em.connection.getMetadata(entity).columns.map((c) => [c.propertyName, c.databaseName]),
      );
      return (property: string) => {
        const column = columns.get(property);
        if (!column) throw new Error(`${entity.name} has no property ${property}`);
        return column;
      };
    };
    const monthlyColumn = columnOf(MonthlyResult);
    const channelColumn = columnOf(ChannelResult);
    const monthly = new Map<string, Record<string, unknown>>();
    const perChannel = new Map<string, Record<string, unknown>>();
    for (const [index, change] of changes.entries()) {
      if (index % YIELD_EVERY === 0) await yieldToOthers();
      const { pilotId, channelId, row } = change;
      if (channelId === null) {
        const key = `${pilotId}|${row.month}`;
        const record =
          monthly.get(key) ??
          monthly.set(key, { pilot_id: pilotId, month: row.month, updated_at: now }).get(key)!;
        // Raw rows skip the entity's transformer: percentages go in as tenths.
        record[monthlyColumn(change.column)] =
          PILOT_METRICS[row.metric as PilotMetric].kind === 'percent'
            ? (percentTenths.to(row.value) as number)
            : row.value;
      } else {
        const key = `${pilotId}|${row.month}|${channelId}`;
        const record =
          perChannel.get(key) ??
          perChannel
            .set(key, {
              pilot_id: pilotId,
              month: row.month,
              channel_id: channelId,
              updated_at: now,
            })
            .get(key)!;
        record[channelColumn(change.column)] = row.value;
      }
    }
    const pilotColumns = Object.values(PILOT_METRIC_COLUMNS).map((c) => monthlyColumn(c));
    const channelColumns = Object.values(CHANNEL_METRIC_COLUMNS).map((c) => channelColumn(c));
    // Every changed figure in the audit trail, old → new, like a form edit; its rows are made a
    // chunk at a time, not 100 000 at once.
    const auditChunks: BulkAuditRow[][] = [];
    for (let start = 0; start < changes.length; start += YIELD_EVERY) {
      await yieldToOthers();
      auditChunks.push(
        changes.slice(start, start + YIELD_EVERY).map((c) =>
          this.audit.bulkRow(
            actor,
            { entityType: 'results', entityId: c.pilotId, pilotId: c.pilotId },
            {
              field: `${c.row.month}${c.row.channel ? ` ${c.row.channel}` : ''} ${c.row.metric} (import)`,
              oldValue: c.oldValue === null ? null : String(c.oldValue),
              newValue: String(c.row.value),
            },
            now,
          ),
        ),
      );
    }
    const monthlyKeys = ['pilot_id', 'month'];
    const channelKeys = ['pilot_id', 'month', 'channel_id'];
    // The channel totals: few rows (channels × months), each written whole, each change audited.
    const totalKeys = ['channel_id', 'month'];
    const totalColumns = [
      'volume',
      'desired',
      'undesired',
      'unnecessary',
      'updated_by',
      'updated_at',
    ];
    const totalRows = totals.map((g) => ({
      channel_id: g.channel.id,
      month: g.month,
      ...g.values,
      updated_by: actor,
      updated_at: now,
    }));
    if (totals.length)
      auditChunks.push(
        totals.flatMap((g) =>
          g.changed.map(({ row, oldValue }) =>
            this.audit.bulkRow(
              actor,
              { entityType: 'channel_total', entityId: g.channel.id, pilotId: null },
              {
                field: `${g.month} ${g.channel.key} ${row.metric} (import)`,
                oldValue: oldValue === null ? null : String(oldValue),
                newValue: String(row.value),
              },
              now,
            ),
          ),
        ),
      );

    // SQLite: the statements and the commit of the whole import (tens of megabytes written and
    // flushed) run on a connection in a worker thread; the driver is synchronous and would hold
    // the request loop. The Writer keeps other writes waiting meanwhile.
    const file = sqliteFileOf(em);
    if (file) {
      const batches: RowBatch[] = [
        encodeRows('monthly_result', [...monthlyKeys, ...pilotColumns, 'updated_at'], monthlyKeys, [
          ...monthly.values(),
        ]),
      ];
      if (totalRows.length)
        batches.push(
          encodeRows('channel_total', [...totalKeys, ...totalColumns], totalKeys, totalRows),
        );
      const channelRows = [...perChannel.values()];
      for (let start = 0; start < channelRows.length; start += YIELD_EVERY) {
        await yieldToOthers();
        batches.push(
          encodeRows(
            'channel_result',
            [...channelKeys, ...channelColumns, 'updated_at'],
            channelKeys,
            channelRows.slice(start, start + YIELD_EVERY),
          ),
        );
      }
      for (const chunk of auditChunks) {
        await yieldToOthers();
        batches.push(this.audit.encodeBulk(chunk));
      }
      await writeInWorker(file, batches);
      return;
    }
    await upsertRows(
      em,
      'monthly_result',
      monthlyKeys,
      [...pilotColumns, 'updated_at'],
      [...monthly.values()],
    );
    await upsertRows(
      em,
      'channel_result',
      channelKeys,
      [...channelColumns, 'updated_at'],
      [...perChannel.values()],
    );
    if (totalRows.length) await upsertRows(em, 'channel_total', totalKeys, totalColumns, totalRows);
    for (const chunk of auditChunks) await this.audit.recordBulk(em, chunk);
  }
}
