import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { auditValue, FieldChange } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { DomainError, FieldErrors } from '../common/domain-error';
import { Writer } from '../database/writer.service';
import { Pilot } from '../pilots/pilot.entity';
import { ChannelResult } from './channel-result.entity';
import { Investment } from './investment.entity';
import { InvestmentFormDto } from './dto/investment-form.dto';
import {
  CHANNEL_METRIC_COLUMNS,
  CHANNEL_METRICS,
  ChannelMetric,
  parseMetricValue,
  PILOT_METRIC_COLUMNS,
  PILOT_METRICS,
  PilotMetric,
} from './metrics';
import { MonthlyResult } from './monthly-result.entity';
import { formatEuros } from '../common/money';

/** One month of figures: the pilot's own (null in the history) and per channel id. */
export interface MonthValues {
  pilot: Partial<Record<PilotMetric, number | null>> | null;
  channels: Record<number, Partial<Record<ChannelMetric, number | null>>>;
}

export type MonthMode = 'history' | 'result';

/** The figures a month form shows: history months before the start month only hold channel volumes. */
export function metricsFor(mode: MonthMode): { pilot: PilotMetric[]; channel: ChannelMetric[] } {
  return mode === 'history'
    ? { pilot: [], channel: ['volume', 'control_volume', 'desired', 'undesired', 'unnecessary'] }
    : {
        pilot: Object.keys(PILOT_METRICS) as PilotMetric[],
        channel: Object.keys(CHANNEL_METRICS) as ChannelMetric[],
      };
}

export function monthMode(pilot: Pilot, month: string): MonthMode {
  return pilot.startMonth && month >= pilot.startMonth ? 'result' : 'history';
}

@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
  ) {}

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
  ): Promise<{ monthly: MonthlyResult | null; channels: ChannelResult[] }> {
    const [monthly, channels] = await Promise.all([
      this.dataSource.getRepository(MonthlyResult).findOneBy({ pilotId, month }),
      this.dataSource.getRepository(ChannelResult).findBy({ pilotId, month }),
    ]);
    return { monthly, channels };
  }

  /** Reads a month form: `contacts`, `fixed_cost` … and `volume_<channelId>` …; empty fields are absent. */
  parseMonthForm(pilot: Pilot, mode: MonthMode, body: Record<string, unknown>): MonthValues {
    const errors: FieldErrors = {};
    const wanted = metricsFor(mode);
    const read = (field: string, kind: (typeof PILOT_METRICS)[PilotMetric]['kind']) => {
      const text = String(body[field] ?? '').trim();
      if (!text) return null;
      const parsed = parseMetricValue(
        kind,
        text,
        /,\d{1,2}$/.test(text) || /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text),
      );
      if (!parsed.ok) {
        errors[field] = [`${parsed.reason[0].toUpperCase()}${parsed.reason.slice(1)}.`];
        return null;
      }
      return parsed.value;
    };
    const pilotValues =
      mode === 'result'
        ? Object.fromEntries(wanted.pilot.map((m) => [m, read(m, PILOT_METRICS[m].kind)]))
        : null;
    const channels = Object.fromEntries(
      pilot.affectedChannels.map((channel) => [
        channel.id,
        Object.fromEntries(
          wanted.channel.map((m) => [m, read(`${m}_${channel.id}`, CHANNEL_METRICS[m].kind)]),
        ),
      ]),
    );
    if (pilotValues && pilotValues.contacts === null && !errors.contacts) {
      errors.contacts = ['Give the number of contacts the new channel handled this month.'];
    }
    if (
      pilotValues?.resolved != null &&
      pilotValues.contacts != null &&
      pilotValues.resolved > pilotValues.contacts
    ) {
      errors.resolved = ['Resolved cannot be more than the contacts handled.'];
    }
    if (Object.keys(errors).length)
      throw new DomainError('validation', 'Please correct the fields marked below.', errors);
    return { pilot: pilotValues, channels };
  }

  saveMonth(pilot: Pilot, month: string, values: MonthValues, actor: string): Promise<number> {
    return this.writer.write(async (em) => {
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
        const old = existing
          ? (existing as unknown as Record<string, number | null>)[column]
          : null;
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
        const old = existing
          ? (existing as unknown as Record<string, number | null>)[column]
          : null;
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
      if (!investment) throw DomainError.notFound('That investment');
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
