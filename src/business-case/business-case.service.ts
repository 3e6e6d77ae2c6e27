import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { monthOf } from '../common/months';
import { CostRate } from '../finance/cost-rate.entity';
import { DiscountRate } from '../finance/discount-rate.entity';
import { PilotStageChange } from '../pilots/pilot-stage-change.entity';
import { Pilot } from '../pilots/pilot.entity';
import { ChannelResult } from '../results/channel-result.entity';
import { Investment } from '../results/investment.entity';
import { MonthlyResult } from '../results/monthly-result.entity';
import { BusinessCase, computeBusinessCase, EngineInput } from './business-case.math';
import { ChannelMix, channelMix } from './contact-mix.math';
import { PilotPlan } from './pilot-plan.entity';
import { loadPlanFacts } from './plan-facts';

const euros = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? null : cents / 100;

export interface BusinessCaseReport {
  pilot: Pilot;
  plan: PilotPlan | null;
  /** Why there is no computation yet (no plan, no start month …); empty when there is one. */
  missing: string[];
  input: EngineInput | null;
  result: BusinessCase | null;
  /** Contact mix per channel where desired / undesired / unnecessary counts are logged. */
  contactMix: Array<ChannelMix & { name: string }>;
}

/** Loads a pilot's inputs from the database, hands them to the pure engine, returns both. */
@Injectable()
export class BusinessCaseService {
  constructor(private readonly dataSource: DataSource) {}

  async report(
    pilot: Pilot,
    today = new Date(),
    em: EntityManager = this.dataSource.manager,
  ): Promise<BusinessCaseReport> {
    const facts = await loadPlanFacts(em, pilot);
    const { plan, shares } = facts;
    // The gate wants the whole plan; the computation only what its formulas use.
    const missing = facts.missing.filter(
      (item) => item !== 'minimum monthly volume' && item !== 'expected monthly contacts',
    );
    if (!plan || !pilot.startMonth || missing.length)
      return { pilot, plan, missing, input: null, result: null, contactMix: [] };

    const channelIds = pilot.affectedChannels.map((c) => c.id);
    const [monthly, channelRows, rates, investments, discount, incubation] = await Promise.all([
      em.find(MonthlyResult, { where: { pilotId: pilot.id }, order: { month: 'ASC' } }),
      em.find(ChannelResult, {
        where: { pilotId: pilot.id, channelId: In(channelIds) },
        order: { month: 'ASC' },
      }),
      em.find(CostRate, { where: { channelId: In(channelIds) } }),
      em.find(Investment, { where: { pilotId: pilot.id }, order: { investedOn: 'ASC' } }),
      em.findOne(DiscountRate, {
        where: { effectiveFrom: LessThanOrEqual(monthOf(today)) },
        order: { effectiveFrom: 'DESC' },
      }),
      em.findOne(PilotStageChange, {
        where: { pilotId: pilot.id, toStage: 'incubation' },
        order: { changedAt: 'ASC' },
      }),
    ]);
    const start = pilot.startMonth;
    const shareOf = new Map(shares.map((s) => [s.channelId, s]));
    const keyOf = new Map(pilot.affectedChannels.map((c) => [c.id, c.key]));

    const input: EngineInput = {
      startMonth: start,
      incubationStartMonth: incubation ? monthOf(incubation.changedAt) : null,
      plan: {
        investment: euros(plan.investmentCents) ?? 0,
        monthlyFixedCost: euros(plan.monthlyFixedCostCents) ?? 0,
        variableCostPerContact: euros(plan.variableCostPerContactCents) ?? 0,
        horizonMonths: plan.horizonMonths,
        coverage: plan.coverageBp === null ? null : plan.coverageBp / 10000,
        fixedCostAtScale: euros(plan.fixedCostAtScaleCents),
      },
      channels: pilot.affectedChannels.map((channel) => ({
        key: channel.key,
        name: channel.name,
        share: (shareOf.get(channel.id)?.shareBp ?? 0) / 10000,
        pinnedMethod: shareOf.get(channel.id)?.baselineMethod ?? null,
        history: channelRows
          .filter((r) => r.channelId === channel.id && r.month < start && r.volume !== null)
          .map((r) => ({ month: r.month, volume: r.volume as number, control: r.controlVolume })),
        rates: rates
          .filter((r) => r.channelId === channel.id)
          .map((r) => ({ from: r.effectiveFrom, euros: r.centsPerContact / 100 })),
      })),
      actuals: monthly
        .filter((m) => m.month >= start && m.contacts !== null)
        .map((m) => ({
          month: m.month,
          contacts: m.contacts as number,
          fixedCost: euros(m.fixedCostCents),
          margin: euros(m.marginCents),
          channels: Object.fromEntries(
            channelRows
              .filter((r) => r.month === m.month)
              .map((r) => [
                keyOf.get(r.channelId) as string,
                { volume: r.volume, followUps: r.followUps, control: r.controlVolume },
              ]),
          ),
        })),
      investments: investments.map((i) => ({ date: i.investedOn, amount: i.amountCents / 100 })),
      discountRate: discount ? discount.rateBp / 10000 : null,
    };
    const contactMix = pilot.affectedChannels.flatMap((channel) => {
      const mix = channelMix(
        channel.key,
        channelRows.filter((r) => r.channelId === channel.id),
        start,
      );
      return mix ? [{ ...mix, name: channel.name }] : [];
    });
    return { pilot, plan, missing: [], input, result: computeBusinessCase(input), contactMix };
  }
}
