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
import {
  BusinessCase,
  computeWithBasis,
  EngineInput,
  MonthRange,
  PeriodBasis,
} from './business-case.math';
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
  planMissing: string[];
  /** Why there is no computation yet (no plan, no start month …); empty when there is one. */
  missing: string[];
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

// IN lists stay well below every driver's bound on bound parameters.
const CHUNK = 500;

async function findByPilots<T extends { pilotId: number }>(
  em: EntityManager,
  entity: new () => T,
  pilotIds: number[],
  extra: Record<string, unknown> = {},
): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < pilotIds.length; i += CHUNK) {
    rows.push(
      ...(await em.find(entity, {
        where: { pilotId: In(pilotIds.slice(i, i + CHUNK)), ...extra } as never,
      })),
    );
  }
  return rows;
}

/** The existing channels' monthly figures the engine reads. */
export type ChannelRow = Pick<
  ChannelResult,
  | 'pilotId'
  | 'channelId'
  | 'month'
  | 'volume'
  | 'followUps'
  | 'controlVolume'
  | 'desired'
  | 'undesired'
  | 'unnecessary'
>;

const int = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * The largest table (36 months of history and of results, per affected channel, per pilot) as
 * plain rows: 2–3× faster than hydrating entities, and lighter on memory, for a portfolio.
 */
async function loadChannelRows(em: EntityManager, pilotIds: number[]): Promise<ChannelRow[]> {
  const rows: ChannelRow[] = [];
  for (let i = 0; i < pilotIds.length; i += CHUNK) {
    const raw = await em
      .createQueryBuilder()
      .select([
        'r.pilot_id AS "pilotId"',
        'r.channel_id AS "channelId"',
        'r.month AS "month"',
        'r.volume AS "volume"',
        'r.follow_ups AS "followUps"',
        'r.control_volume AS "controlVolume"',
        'r.desired AS "desired"',
        'r.undesired AS "undesired"',
        'r.unnecessary AS "unnecessary"',
      ])
      .from('channel_result', 'r')
      .where('r.pilot_id IN (:...ids)', { ids: pilotIds.slice(i, i + CHUNK) })
      .getRawMany<Record<string, unknown>>();
    for (const r of raw)
      rows.push({
        pilotId: Number(r.pilotId),
        channelId: Number(r.channelId),
        month: String(r.month),
        volume: int(r.volume),
        followUps: int(r.followUps),
        controlVolume: int(r.controlVolume),
        desired: int(r.desired),
        undesired: int(r.undesired),
        unnecessary: int(r.unnecessary),
      });
  }
  return rows;
}

/**
 * Loads pilots' inputs from the database, hands them to the pure engine, returns both. Many
 * pilots are read in a fixed number of queries (one per table), so the portfolio, the finance
 * dashboard and the signals cost the same handful of round trips for 9 pilots or 900.
 */
@Injectable()
export class BusinessCaseService {
  constructor(private readonly dataSource: DataSource) {}

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
    const [plans, shares, monthly, channelRows, rates, investments, discount, incubations] =
      await readAll(em, [
        () => findByPilots(em, PilotPlan, ids),
        () => findByPilots(em, PlanChannelShare, ids),
        () => findByPilots(em, MonthlyResult, ids),
        () => loadChannelRows(em, ids),
        async () =>
          channelIds.length ? em.find(CostRate, { where: { channelId: In(channelIds) } }) : [],
        () => findByPilots(em, Investment, ids),
        () =>
          em.findOne(DiscountRate, {
            where: { effectiveFrom: LessThanOrEqual(monthOf(today)) },
            order: { effectiveFrom: 'DESC' },
          }),
        () => findByPilots(em, PilotStageChange, ids, { toStage: 'incubation' }),
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
    const incubationOf = new Map<number, Date>();
    for (const change of incubations) {
      const first = incubationOf.get(change.pilotId);
      if (!first || change.changedAt < first) incubationOf.set(change.pilotId, change.changedAt);
    }
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
    (item) => item !== 'minimum monthly volume' && item !== 'expected monthly contacts',
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
      history: channelRows
        .filter((r) => r.channelId === channel.id && r.month < start && r.volume !== null)
        .map((r) => ({ month: r.month, volume: r.volume as number, control: r.controlVolume })),
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
