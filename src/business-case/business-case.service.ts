import type { Phrase } from '../common/phrase';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { monthOf } from '../common/months';
import type { CostRate } from '../finance/cost-rate.entity';
import type { DiscountRate } from '../finance/discount-rate.entity';
import { FinanceService } from '../finance/finance.service';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import type { ChannelRow } from '../results/channel-rows';
import type { Investment } from '../results/investment.entity';
import type { MonthlyResult } from '../results/monthly-result.entity';
import { ResultsService } from '../results/results.service';
import { findByPilots } from '../database/by-pilots';
import {
  BusinessCase,
  computeWithBasis,
  EngineInput,
  MonthRange,
  PeriodBasis,
} from './business-case.math';
import { preperiod } from './baseline.math';
import { ChannelMix, channelMix } from './contact-mix.math';
import { PilotPlan } from './pilot-plan.entity';
import { PlanChannelShare } from './plan-channel-share.entity';
import { missingPlanItems } from './plan-rules';
import { Limiter } from '../common/limiter';
import { readAll } from '../database/read-all';
import { groupBy } from '../common/group-by';

const euros = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? null : cents / 100;

export interface BusinessCaseReport {
  pilot: Pilot;
  plan: PilotPlan | null;
  /** Plan items the incubation gate still wants (the computation needs only some of them). */
  planMissing: Phrase[];
  /** Why there is no computation yet (no plan, no start month …); empty when there is one. */
  missing: Phrase[];
  input: EngineInput | null;
  result: BusinessCase | null;
  /** Contact mix per channel where desired / undesired / unnecessary counts are logged. */
  contactMix: Array<ChannelMix & { name: string }>;
  /** Every month the new channel logged, oldest first (signals and gates read these). */
  monthly: MonthlyResult[];
  /** When the pilot first entered incubation, or null. */
  incubationStartedAt: Date | null;
  /** What any month range's totals are computed from (null without a computation). */
  periodBasis: PeriodBasis | null;
}

const HEAVY_PILOTS = 20;
const HEAVY_AT_ONCE = 1;

/**
 * Loads pilots' inputs from the database, hands them to the pure engine, returns both. Many
 * pilots are read in a fixed number of queries (one per table), so the portfolio, the finance
 * dashboard and the signals cost the same handful of round trips for 9 pilots or 900.
 */
@Injectable()
export class BusinessCaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pilots: PilotsService,
    private readonly results: ResultsService,
    private readonly finance: FinanceService,
  ) {}

  async report(
    pilot: Pilot,
    today = new Date(),
    em: EntityManager = this.dataSource.manager,
  ): Promise<BusinessCaseReport> {
    return (await this.reports([pilot], { today, em })).get(pilot.id) as BusinessCaseReport;
  }

  async reports(
    pilots: Pilot[],
    options: { today?: Date; em?: EntityManager; range?: MonthRange } = {},
  ): Promise<Map<number, BusinessCaseReport>> {
    // Portfolio-sized computations are CPU-bound and hold every row of their pilots: running
    // more than one at once adds memory, not speed. (Per instance; never in a transaction.)
    if (pilots.length > HEAVY_PILOTS && !options.em)
      return this.heavy.run(() => this.compute(pilots, options));
    return this.compute(pilots, options);
  }

  private readonly heavy = new Limiter(HEAVY_AT_ONCE);

  private async compute(
    pilots: Pilot[],
    options: { today?: Date; em?: EntityManager; range?: MonthRange },
  ): Promise<Map<number, BusinessCaseReport>> {
    const em = options.em ?? this.dataSource.manager;
    const today = options.today ?? new Date();
    const ids = pilots.map((p) => p.id);
    const result = new Map<number, BusinessCaseReport>();
    if (!ids.length) return result;
    const channelIds = [...new Set(pilots.flatMap((p) => p.affectedChannels.map((c) => c.id)))];
    const [plans, shares, monthly, channelRows, rates, investments, discount, incubationOf] =
      await readAll(em, [
        () => findByPilots(em, PilotPlan, ids),
        () => findByPilots(em, PlanChannelShare, ids),
        () => this.results.monthlyOf(ids, em),
        () => this.results.channelRowsOf(ids, em),
        () => this.finance.costRatesOf(channelIds, em),
        () => this.results.investmentsOf(ids, em),
        () => this.finance.discountRateAt(monthOf(today), em),
        () => this.pilots.incubationStarts(ids, em),
      ] as const);
    const planOf = new Map(plans.map((p) => [p.pilotId, p]));
    const sharesOf = groupBy(shares, (s) => s.pilotId);
    const monthlyOf = groupBy(
      monthly.sort((a, b) => a.month.localeCompare(b.month)),
      (m) => m.pilotId,
    );
    const channelRowsOf = groupBy(
      channelRows.sort((a, b) => a.month.localeCompare(b.month)),
      (r) => r.pilotId,
    );
    const ratesOf = groupBy(rates, (r) => r.channelId);
    const investmentsOf = groupBy(
      investments.sort((a, b) => a.investedOn.localeCompare(b.investedOn)),
      (i) => i.pilotId,
    );
    for (const pilot of pilots) {
      pilot.affectedChannels.sort((a, b) => a.position - b.position);
      result.set(
        pilot.id,
        buildReport({
          pilot,
          plan: planOf.get(pilot.id) ?? null,
          shares: sharesOf.get(pilot.id) ?? [],
          monthly: monthlyOf.get(pilot.id) ?? [],
          channelRows: channelRowsOf.get(pilot.id) ?? [],
          ratesOf,
          investments: investmentsOf.get(pilot.id) ?? [],
          discount,
          incubationStartedAt: incubationOf.get(pilot.id) ?? null,
          range: options.range,
        }),
      );
    }
    return result;
  }
}

/** One pilot's report from its rows, already read. */
function buildReport(rows: {
  pilot: Pilot;
  plan: PilotPlan | null;
  shares: PlanChannelShare[];
  monthly: MonthlyResult[];
  channelRows: ChannelRow[];
  ratesOf: Map<number, CostRate[]>;
  investments: Investment[];
  discount: DiscountRate | null;
  incubationStartedAt: Date | null;
  range?: MonthRange;
}): BusinessCaseReport {
  const { pilot, plan, shares, monthly, incubationStartedAt } = rows;
  const planMissing = missingPlanItems(
    plan,
    pilot.startMonth,
    pilot.affectedChannels.map((c) => c.id),
    shares,
  );
  // The gate wants the whole plan; the computation only what its formulas use.
  const missing = planMissing.filter(
    (item) =>
      item.phrase !== 'engine.missing.minMonthlyVolume' &&
      item.phrase !== 'engine.missing.expectedMonthlyContacts',
  );
  const base = { pilot, plan, planMissing, monthly, incubationStartedAt };
  if (!plan || !pilot.startMonth || missing.length)
    return { ...base, missing, input: null, result: null, contactMix: [], periodBasis: null };

  const affected = new Set(pilot.affectedChannels.map((c) => c.id));
  const channelRows = rows.channelRows.filter((r) => affected.has(r.channelId));
  const start = pilot.startMonth;
  const shareOf = new Map(shares.map((s) => [s.channelId, s]));
  const keyOf = new Map(pilot.affectedChannels.map((c) => [c.id, c.key]));
  const rowsByMonth = groupBy(channelRows, (r) => r.month);

  const input: EngineInput = {
    startMonth: start,
    incubationStartMonth: incubationStartedAt ? monthOf(incubationStartedAt) : null,
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
      scope: shareOf.get(channel.id)?.scope ?? 'segment',
      scopeDescription: shareOf.get(channel.id)?.scopeDescription ?? null,
      history: preperiod(channelRows, channel.id, start),
      rates: (rows.ratesOf.get(channel.id) ?? []).map((r) => ({
        from: r.effectiveFrom,
        euros: r.centsPerContact / 100,
      })),
    })),
    actuals: monthly
      .filter((m) => m.month >= start && m.contacts !== null)
      .map((m) => ({
        month: m.month,
        contacts: m.contacts as number,
        fixedCost: euros(m.fixedCostCents),
        margin: euros(m.marginCents),
        channels: Object.fromEntries(
          (rowsByMonth.get(m.month) ?? []).map((r) => [
            keyOf.get(r.channelId) as string,
            { volume: r.volume, followUps: r.followUps, control: r.controlVolume },
          ]),
        ),
      })),
    investments: rows.investments.map((i) => ({ date: i.investedOn, amount: i.amountCents / 100 })),
    discountRate: rows.discount ? rows.discount.rateBp / 10000 : null,
  };
  const contactMix = pilot.affectedChannels.flatMap((channel) => {
    const mix = channelMix(
      channel.key,
      channelRows.filter((r) => r.channelId === channel.id),
      start,
    );
    return mix ? [{ ...mix, name: channel.name }] : [];
  });
  const { result, basis } = computeWithBasis(input, rows.range);
  return { ...base, missing: [], input, result, contactMix, periodBasis: basis };
}
