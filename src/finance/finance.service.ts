import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditValue } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { Channel } from '../channels/channel.entity';
import { DomainError, FieldErrors } from '../common/domain-error';
import { parseEurosToCents } from '../common/money';
import { isMonth, monthOutside, planMonthBounds } from '../common/months';
import { Writer } from '../database/writer.service';
import { CostRate } from './cost-rate.entity';
import { DiscountRate } from './discount-rate.entity';

/** Cost per contact per existing channel and the discount rate: finance's inputs, with history. */
@Injectable()
export class FinanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
  ) {}

  costRates(): Promise<CostRate[]> {
    return this.dataSource.getRepository(CostRate).find({ order: { effectiveFrom: 'DESC' } });
  }

  discountRates(): Promise<DiscountRate[]> {
    return this.dataSource.getRepository(DiscountRate).find({ order: { effectiveFrom: 'DESC' } });
  }

  /** Sets a channel's cost per contact from a month; a second rate for the same month replaces the first. */
  setCostRate(body: Record<string, unknown>, actor: string): Promise<CostRate> {
    const errors: FieldErrors = {};
    const channelId = Number(body.channelId);
    const effectiveFrom = String(body.effectiveFrom ?? '').trim();
    const cents = parseEurosToCents(String(body.amount ?? ''));
    if (!Number.isInteger(channelId) || channelId <= 0) errors.channelId = ['Choose a channel.'];
    const monthProblem = effectiveFromProblem(effectiveFrom);
    if (monthProblem) errors.effectiveFrom = [monthProblem];
    if (cents === null || cents <= 0)
      errors.amount = ['Give the cost per contact in euros above zero, such as 6,50.'];
    if (Object.keys(errors).length)
      throw new DomainError('validation', 'Please correct the fields marked below.', errors);
    return this.writer.write(async (em) => {
      const channel = await em.findOneBy(Channel, { id: channelId });
      if (!channel) throw DomainError.field('channelId', 'Choose a channel from the list.');
      const existing = await em.findOneBy(CostRate, { channelId, effectiveFrom });
      const now = new Date();
      let saved: CostRate;
      if (existing) {
        await em.update(
          CostRate,
          { id: existing.id },
          { centsPerContact: cents as number, setBy: actor, setAt: now },
        );
        saved = { ...existing, centsPerContact: cents as number, setBy: actor, setAt: now };
      } else {
        saved = await em.save(
          em.create(CostRate, {
            channelId,
            effectiveFrom,
            centsPerContact: cents as number,
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
            newValue: auditValue((cents as number) / 100),
          },
        ],
      );
      return saved;
    });
  }

  setDiscountRate(body: Record<string, unknown>, actor: string): Promise<DiscountRate> {
    const errors: FieldErrors = {};
    const effectiveFrom = String(body.effectiveFrom ?? '').trim();
    const rateBp = parseEurosToCents(String(body.rate ?? ''));
    const monthProblem = effectiveFromProblem(effectiveFrom);
    if (monthProblem) errors.effectiveFrom = [monthProblem];
    if (rateBp === null || rateBp < 0 || rateBp > 10000)
      errors.rate = ['Give the annual rate as a percentage from 0 to 100, such as 8 or 7,5.'];
    if (Object.keys(errors).length)
      throw new DomainError('validation', 'Please correct the fields marked below.', errors);
    return this.writer.write(async (em) => {
      const existing = await em.findOneBy(DiscountRate, { effectiveFrom });
      const now = new Date();
      let saved: DiscountRate;
      if (existing) {
        await em.update(
          DiscountRate,
          { id: existing.id },
          { rateBp: rateBp as number, setBy: actor, setAt: now },
        );
        saved = { ...existing, rateBp: rateBp as number, setBy: actor, setAt: now };
      } else {
        saved = await em.save(
          em.create(DiscountRate, {
            effectiveFrom,
            rateBp: rateBp as number,
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
            newValue: `${(rateBp as number) / 100} %`,
          },
        ],
      );
      return saved;
    });
  }
}

/** Why a rate's first month cannot be used (not a month, or outside the plan bounds), or null. */
function effectiveFromProblem(effectiveFrom: string): string | null {
  if (!isMonth(effectiveFrom)) return 'Give the month as YYYY-MM.';
  const outside = monthOutside(effectiveFrom, planMonthBounds());
  return outside ? `${outside}.` : null;
}
