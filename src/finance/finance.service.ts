import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { auditValue } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { ChannelsService } from '../channels/channels.service';
import { DomainError } from '../common/domain-error';
import { Writer } from '../database/writer.service';
import { CostRate } from './cost-rate.entity';
import { DiscountRate } from './discount-rate.entity';
import { CostRateDto, DiscountRateDto } from './dto/rate-forms.dto';

/** Cost per contact per existing channel and the discount rate: finance's inputs, with history. */
@Injectable()
export class FinanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
    private readonly channels: ChannelsService,
  ) {}

  /** The cost rates of these channels, every month's (for the business case). */
  costRatesOf(
    channelIds: number[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<CostRate[]> {
    return channelIds.length
      ? em.find(CostRate, { where: { channelId: In(channelIds) } })
      : Promise.resolve([]);
  }

  /** The discount rate in force in a month, or null before the first. */
  discountRateAt(
    month: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<DiscountRate | null> {
    return em.findOne(DiscountRate, {
      where: { effectiveFrom: LessThanOrEqual(month) },
      order: { effectiveFrom: 'DESC' },
    });
  }

  costRates(): Promise<CostRate[]> {
    return this.dataSource.getRepository(CostRate).find({ order: { effectiveFrom: 'DESC' } });
  }

  discountRates(): Promise<DiscountRate[]> {
    return this.dataSource.getRepository(DiscountRate).find({ order: { effectiveFrom: 'DESC' } });
  }

  /** Sets a channel's cost per contact from a month; a second rate for the same month replaces the first. */
  setCostRate(dto: CostRateDto, actor: string): Promise<CostRate> {
    const { channelId, effectiveFrom, amount: cents } = dto;
    return this.writer.write(async (em) => {
      const [channel] = await this.channels.byIds([channelId], em);
      if (!channel) throw DomainError.field('channelId', t('rates.chooseFromList'));
      const existing = await em.findOneBy(CostRate, { channelId, effectiveFrom });
      const now = new Date();
      let saved: CostRate;
      if (existing) {
        await em.update(
          CostRate,
          { id: existing.id },
          { centsPerContact: cents, setBy: actor, setAt: now },
        );
        saved = { ...existing, centsPerContact: cents, setBy: actor, setAt: now };
      } else {
        saved = await em.save(
          em.create(CostRate, {
            channelId,
            effectiveFrom,
            centsPerContact: cents,
            setBy: actor,
            setAt: now,
          }),
        );
      }
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'cost_rate', entityId: saved.id, pilotId: null },
        [
          {
            field: `${channel.key} cost per contact from ${effectiveFrom}`,
            oldValue: auditValue(existing ? existing.centsPerContact / 100 : null),
            newValue: auditValue(cents / 100),
          },
        ],
      );
      return saved;
    });
  }

  setDiscountRate(dto: DiscountRateDto, actor: string): Promise<DiscountRate> {
    const { effectiveFrom, rate: rateBp } = dto;
    return this.writer.write(async (em) => {
      const existing = await em.findOneBy(DiscountRate, { effectiveFrom });
      const now = new Date();
      let saved: DiscountRate;
      if (existing) {
        await em.update(DiscountRate, { id: existing.id }, { rateBp, setBy: actor, setAt: now });
        saved = { ...existing, rateBp, setBy: actor, setAt: now };
      } else {
        saved = await em.save(
          em.create(DiscountRate, {
            effectiveFrom,
            rateBp,
            setBy: actor,
            setAt: now,
          }),
        );
      }
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'discount_rate', entityId: saved.id, pilotId: null },
        [
          {
            field: `discount rate from ${effectiveFrom}`,
            oldValue: existing ? `${existing.rateBp / 100} %` : null,
            newValue: `${rateBp / 100} %`,
          },
        ],
      );
      return saved;
    });
  }
}
