import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { auditValue, FieldChange } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { Writer } from '../database/writer.service';
import type { Pilot } from '../pilots/pilot.entity';
import { ChannelResult } from './channel-result.entity';
import { Investment } from './investment.entity';
import { InvestmentFormDto } from './dto/investment-form.dto';
import {
  CHANNEL_METRIC_COLUMNS,
  ChannelMetric,
  PILOT_METRIC_COLUMNS,
  MonthValues,
  PilotMetric,
} from './metrics';
export type { MonthValues } from './metrics';
import { MonthlyResult } from './monthly-result.entity';
import { ChannelRow, loadChannelRows, loadLargestVolumes, loadVolumes } from './channel-rows';
import { findByPilots } from '../database/by-pilots';
import { readAll } from '../database/read-all';
import { formatEuros } from '../common/money';

@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
  ) {}

  /** The new channel's months of these pilots (for the business case; inside its transaction). */
  monthlyOf(
    pilotIds: number[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<MonthlyResult[]> {
    return findByPilots(em, MonthlyResult, pilotIds);
  }

  /** The existing channels' months of these pilots, as plain rows. */
  channelRowsOf(
    pilotIds: number[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<ChannelRow[]> {
    return loadChannelRows(em, pilotIds);
  }

  /** The volumes some pilots logged on some channels (in `months` when given), nothing else. */
  volumesOf(pilotIds: number[], channelIds: number[], months: string[] | null = null) {
    return loadVolumes(this.dataSource.manager, pilotIds, channelIds, months);
  }

  /** Per channel and month the largest volume any pilot logged. */
  largestVolumesOf(channelIds: number[]) {
    return loadLargestVolumes(this.dataSource.manager, channelIds);
  }

  /** The pilots with results (contacts) for a month, among all (for the reminders). */
  async pilotsWithResults(month: string): Promise<Set<number>> {
    const rows = await this.dataSource
      .getRepository(MonthlyResult)
      .find({ select: { pilotId: true }, where: { month, contacts: Not(IsNull()) } });
    return new Set(rows.map((row) => row.pilotId));
  }

  investmentsOf(
    pilotIds: number[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Investment[]> {
    return findByPilots(em, Investment, pilotIds);
  }

  async months(pilotId: number): Promise<{ monthly: MonthlyResult[]; channels: ChannelResult[] }> {
    const [monthly, channels] = await Promise.all([
      this.dataSource
        .getRepository(MonthlyResult)
        .find({ where: { pilotId }, order: { month: 'DESC' } }),
      this.dataSource
        .getRepository(ChannelResult)
        .find({ where: { pilotId }, order: { month: 'DESC' } }),
    ]);
    return { monthly, channels };
  }

  async month(
    pilotId: number,
    month: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ monthly: MonthlyResult | null; channels: ChannelResult[] }> {
    const [monthly, channels] = await readAll(em, [
      () => em.findOneBy(MonthlyResult, { pilotId, month }),
      () => em.findBy(ChannelResult, { pilotId, month }),
    ] as const);
    return { monthly, channels };
  }

  /**
   * Saves a month's figures and audits each change. `check` runs first in the same transaction
   * (the API's version check), so that what it read is what the write replaces.
   */
  saveMonth(
    pilot: Pilot,
    month: string,
    values: MonthValues,
    actor: string,
    check?: (em: EntityManager) => Promise<void>,
  ): Promise<number> {
    return this.writer.write(async (em) => {
      if (check) await check(em);
      const changes = await this.upsertMonth(em, pilot, month, values);
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'results', entityId: pilot.id, pilotId: pilot.id },
        changes,
      );
      return changes.length;
    });
  }

  /** Writes one month's figures inside the caller's transaction; returns what changed, field by field. */
  async upsertMonth(
    em: EntityManager,
    pilot: Pilot,
    month: string,
    values: MonthValues,
  ): Promise<FieldChange[]> {
    const now = new Date();
    const changes: FieldChange[] = [];
    if (values.pilot) {
      const existing = await em.findOneBy(MonthlyResult, { pilotId: pilot.id, month });
      const row: Record<string, unknown> = {};
      const before = changes.length;
      for (const [metric, value] of Object.entries(values.pilot) as Array<
        [PilotMetric, number | null]
      >) {
        const column = PILOT_METRIC_COLUMNS[metric];
        const old = existing ? existing[column] : null;
        if (auditValue(old) !== auditValue(value)) {
          changes.push({
            field: `${month} ${metric}`,
            oldValue: auditValue(old),
            newValue: auditValue(value),
          });
        }
        row[column] = value;
      }
      // Rows are written only when a figure changed: a month saved unchanged stores nothing.
      const changed = changes.length > before;
      if (existing && changed) {
        await em.update(MonthlyResult, { id: existing.id }, { ...row, updatedAt: now });
      } else if (!existing && changed) {
        await em.insert(MonthlyResult, { ...row, pilotId: pilot.id, month, updatedAt: now });
      }
    }
    const existingChannels = await em.findBy(ChannelResult, { pilotId: pilot.id, month });
    for (const channel of pilot.affectedChannels) {
      const given = values.channels[channel.id];
      if (!given) continue;
      const existing = existingChannels.find((r) => r.channelId === channel.id);
      const row: Record<string, unknown> = {};
      const before = changes.length;
      for (const [metric, value] of Object.entries(given) as Array<
        [ChannelMetric, number | null]
      >) {
        const column = CHANNEL_METRIC_COLUMNS[metric];
        const old = existing ? existing[column] : null;
        if (auditValue(old) !== auditValue(value)) {
          changes.push({
            field: `${month} ${channel.key} ${metric}`,
            oldValue: auditValue(old),
            newValue: auditValue(value),
          });
        }
        row[column] = value;
      }
      if (changes.length === before) continue;
      if (existing) {
        await em.update(ChannelResult, { id: existing.id }, { ...row, updatedAt: now });
      } else {
        await em.insert(ChannelResult, {
          ...row,
          pilotId: pilot.id,
          month,
          channelId: channel.id,
          updatedAt: now,
        });
      }
    }
    return changes;
  }

  investments(pilotId: number): Promise<Investment[]> {
    return this.dataSource
      .getRepository(Investment)
      .find({ where: { pilotId }, order: { investedOn: 'ASC', id: 'ASC' } });
  }

  addInvestment(pilot: Pilot, dto: InvestmentFormDto, actor: string): Promise<Investment> {
    const { investedOn, amount: amountCents, description } = dto;
    return this.writer.write(async (em) => {
      const now = new Date();
      const saved = await em.save(
        em.create(Investment, {
          pilotId: pilot.id,
          investedOn,
          amountCents,
          description,
          createdBy: actor,
          createdAt: now,
        }),
      );
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'investment', entityId: saved.id, pilotId: pilot.id },
        [
          {
            field: 'investment',
            oldValue: null,
            newValue: `${investedOn} ${formatEuros(amountCents / 100)} ${description}`,
          },
        ],
      );
      return saved;
    });
  }

  removeInvestment(pilot: Pilot, id: number, actor: string): Promise<void> {
    return this.writer.write(async (em) => {
      const investment = await em.findOneBy(Investment, { id, pilotId: pilot.id });
      if (!investment) throw DomainError.notFound('investment');
      await em.delete(Investment, { id });
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'investment', entityId: id, pilotId: pilot.id },
        [
          {
            field: 'investment',
            oldValue: `${investment.investedOn} ${investment.amountCents / 100} ${investment.description}`,
            newValue: null,
          },
        ],
      );
    });
  }
}
