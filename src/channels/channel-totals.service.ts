import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { Between, DataSource, EntityManager } from 'typeorm';
import { auditValue, FieldChange } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { isMonth, monthOutside, resultMonthBounds } from '../common/months';
import { Writer } from '../database/writer.service';
import { Channel } from './channel.entity';
import { ChannelTotal } from './channel-total.entity';
import { isEmptyTotal, TOTAL_PARTS, totalErrors, type TotalValues } from './channel-total-rules';

const FIELDS = ['volume', ...TOTAL_PARTS] as const;

/** The organisation's monthly totals per existing channel: the channel ledger's input. */
@Injectable()
export class ChannelTotalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
  ) {}

  /** Every stored total, oldest month first. */
  all(em: EntityManager = this.dataSource.manager): Promise<ChannelTotal[]> {
    return em.find(ChannelTotal, { order: { month: 'ASC', channelId: 'ASC' } });
  }

  /** Every total's channel, month and volume as plain rows (the ledger's overlap check). */
  async volumes(): Promise<Array<{ channelId: number; month: string; volume: number }>> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select(['t.channel_id AS "channelId"', 't.month AS "month"', 't.volume AS "volume"'])
      .from('channel_total', 't')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      channelId: Number(r.channelId),
      month: String(r.month),
      volume: Number(r.volume),
    }));
  }

  /** The totals of the months `from`–`to` with their channel's key (the JSON API's list). */
  async inRange(from: string, to: string) {
    const rows = await this.dataSource.getRepository(ChannelTotal).find({
      where: { month: Between(from, to) },
      relations: { channel: true },
      order: { month: 'ASC', channelId: 'ASC' },
    });
    return rows.map((t) => ({
      month: t.month,
      channel: t.channel!.key,
      volume: t.volume,
      desired: t.desired,
      undesired: t.undesired,
      unnecessary: t.unnecessary,
      updatedBy: t.updatedBy,
      updatedAt: t.updatedAt.toISOString(),
    }));
  }

  /**
   * One channel's total for one month from the JSON API: replaced whole (`values` all null
   * removes it), audited as the form's. Each problem is a 400 naming its field — `month`,
   * `channel`, `volume`, `desired` — and nothing is saved. Returns the number of figures changed.
   */
  async saveOne(
    month: string,
    channelKey: string,
    values: TotalValues,
    actor: string,
  ): Promise<number> {
    const fields: Record<string, string[]> = {};
    if (!isMonth(month)) fields.month = [t('valid.giveTheMonthAsYyyyMm2')];
    else {
      const outside = monthOutside(month, resultMonthBounds());
      if (outside) fields.month = [t('totals.cannotBeGiven', { reason: outside })];
    }
    const channel = await this.dataSource.getRepository(Channel).findOneBy({ key: channelKey });
    if (!channel) {
      const known = await this.dataSource
        .getRepository(Channel)
        .find({ order: { position: 'ASC' } });
      fields.channel = [
        t('totals.unknownChannel', {
          key: channelKey.slice(0, 40),
          keys: known.map((c) => c.key).join(', '),
        }),
      ];
    }
    for (const [field, message] of Object.entries(totalErrors(values))) fields[field] = [message];
    if (Object.keys(fields).length)
      throw new DomainError('validation', t('api.totalNotSaved'), fields);
    return this.writer.write(async (em) => {
      const existing = await em.findOneBy(ChannelTotal, { month, channelId: channel!.id });
      const changes = await this.write(em, month, channel!, values, existing, actor, new Date());
      return changes.length;
    });
  }

  forMonth(month: string): Promise<ChannelTotal[]> {
    return this.dataSource.getRepository(ChannelTotal).findBy({ month });
  }

  /**
   * One month's totals from the month form, all channels in one transaction: a channel left empty
   * is left out (its stored total removed), each changed figure audited. Returns the changes.
   */
  saveMonth(
    month: string,
    channels: Channel[],
    values: Map<number, TotalValues>,
    actor: string,
  ): Promise<number> {
    const outside = monthOutside(month, resultMonthBounds());
    if (outside)
      throw new DomainError('validation', t('totals.cannotBeGiven', { reason: outside }));
    const errors: Record<string, string[]> = {};
    for (const channel of channels)
      for (const [field, message] of Object.entries(totalErrors(values.get(channel.id)!)))
        errors[`total_${field}_${channel.id}`] = [message];
    if (Object.keys(errors).length)
      throw new DomainError('validation', t('form.summary.totals'), errors);
    return this.writer.write(async (em) => {
      const stored = await em.findBy(ChannelTotal, { month });
      let changed = 0;
      for (const channel of channels) {
        const given = values.get(channel.id)!;
        const existing = stored.find((t) => t.channelId === channel.id) ?? null;
        changed += (await this.write(em, month, channel, given, existing, actor, new Date()))
          .length;
      }
      return changed;
    });
  }

  /**
   * Writes one channel's total for a month inside the form's transaction, and its audit entries;
   * returns the changes, field by field. (The import writes its totals in bulk.)
   */
  private async write(
    em: EntityManager,
    month: string,
    channel: Channel,
    given: TotalValues,
    existing: ChannelTotal | null,
    actor: string,
    now: Date,
  ): Promise<FieldChange[]> {
    const changes: FieldChange[] = FIELDS.flatMap((field) => {
      const oldValue = auditValue(existing?.[field] ?? null);
      const newValue = auditValue(given[field]);
      return oldValue === newValue
        ? []
        : [{ field: `${month} ${channel.key} total_${field}`, oldValue, newValue }];
    });
    if (!changes.length) return [];
    // A total without its volume is refused before (totalErrors); empty means removed.
    const row = {
      ...(given as TotalValues & { volume: number }),
      updatedBy: actor,
      updatedAt: now,
    };
    if (isEmptyTotal(given)) await em.delete(ChannelTotal, { id: existing!.id });
    else if (existing) await em.update(ChannelTotal, { id: existing.id }, row);
    else await em.insert(ChannelTotal, { ...row, channelId: channel.id, month });
    await this.audit.recordChanges(
      em,
      actor,
      { entityType: 'channel_total', entityId: channel.id, pilotId: null },
      changes,
      now,
    );
    return changes;
  }
}
