import { addMonths, formatMonth, Month, monthIndex, monthsBetween } from '../common/months';
import {
  BaselineFit,
  BaselineMethod,
  chooseMethod,
  fitBaseline,
  HistoryPoint,
  predict,
  sumHalfWidth,
  WeightedMonth,
} from './baseline.math';

// The business-case engine of business-case.md: claimed versus realised savings, the waterbed,
// net benefit, payback, ROI, NPV and whether the case is proven. Pure: plain data in and out.
// Money is in euros here (inputs are exact cents divided by 100); pages round for display only.

export type Evidence = 'baseline' | 'weak' | 'unverified';

export interface RatePoint {
  from: Month;
  euros: number;
}

export interface ChannelInput {
  key: string;
  name: string;
  /** s_c: the share of new-channel contacts assumed to replace a contact in this channel. */
  share: number;
  pinnedMethod: BaselineMethod | null;
  /** Pre-period months (before the start month). */
  history: HistoryPoint[];
  /** Cost per contact, each effective from a month. */
  rates: RatePoint[];
}

export interface ChannelActual {
  volume: number | null;
  followUps: number | null;
  control: number | null;
}

export interface MonthActual {
  month: Month;
  /** N(p): contacts handled in the new channel. */
  contacts: number;
  fixedCost: number | null;
  margin: number | null;
  channels: Record<string, ChannelActual | undefined>;
}

export interface PlanInput {
  investment: number;
  monthlyFixedCost: number;
  variableCostPerContact: number;
  horizonMonths: number;
  coverage: number | null;
  fixedCostAtScale: number | null;
}

export interface EngineInput {
  /** The month the proof of concept first served customers; history is before it. */
  startMonth: Month;
  /** First month of the incubation, or null when the pilot never entered it. */
  incubationStartMonth: Month | null;
  plan: PlanInput;
  channels: ChannelInput[];
  actuals: MonthActual[];
  investments: Array<{ date: string; amount: number }>;
  /** Annual discount rate r (0.08 = 8 %), or null when finance has not set one. */
  discountRate: number | null;
}

export interface ChannelMonth {
  key: string;
  claimedContacts: number;
  baseline: number | null;
  baselineHalfWidth: number | null;
  volume: number | null;
  followUps: number | null;
  control: number | null;
  /** D_c(p), or its fallback (claimed − follow-ups, or the claim) when marked. */
  displaced: number;
  evidence: Evidence;
  rate: number | null;
  claimedSavings: number | null;
  realisedSavings: number | null;
  /** Where the claimed contacts went: claimed − D (contacts). */
  leaked: number;
}

export interface MonthFigures {
  month: Month;
  contacts: number;
  evidence: Evidence;
  /** Inputs missing for this month's money figures (a rate, say); empty when complete. */
  missing: string[];
  channels: ChannelMonth[];
  claimedSavings: number | null;
  realisedSavings: number | null;
  realisedHalfWidth: number | null;
  waterbed: number | null;
  runningCost: number;
  margin: number;
  netBenefit: number | null;
  claimedNetBenefit: number | null;
  switchRate: number | null;
}

export interface ChannelSummary {
  key: string;
  name: string;
  share: number;
  method: BaselineMethod | null;
  n: number;
  claimedContacts: number;
  displacedContacts: number;
  leakedContacts: number;
  realisedShare: number | null;
  realisedShareHalfWidth: number | null;
  /** The plan's share lies above the interval of the realised share. */
  contradicted: boolean;
}

export interface Interval {
  value: number;
  halfWidth: number;
}

export interface Totals {
  months: number;
  contacts: number;
  claimedSavings: number | null;
  realisedSavings: Interval | null;
  waterbed: number | null;
  waterbedRatio: number | null;
  netBenefit: number | null;
  claimedNetBenefit: number | null;
  investment: number;
  roi: number | null;
  switchRate: number | null;
}

export type Payback =
  | { status: 'reached'; month: Month }
  | { status: 'projected'; month: Month }
  | { status: 'not_yet'; reason: string };

export type TimeToProof =
  | { status: 'proven' }
  | { status: 'projected'; month: Month; monthsFromNow: number }
  | { status: 'not_within_horizon' }
  | { status: 'not_at_current_run_rate' }
  | { status: 'blocked'; reason: string };

export interface Verdict {
  proven: boolean;
  reasons: string[];
  incubationMonths: number;
  lowerBound: number | null;
}

export interface Npv {
  value: number | null;
  projectedMonths: number;
  reason?: string;
}

export interface AtScale {
  value: number;
  halfWidth: number;
}

/** Sums over a range of months (finance's month filter); the whole case when unbounded. */
export type PeriodTotals = Pick<
  Totals,
  | 'months'
  | 'contacts'
  | 'claimedSavings'
  | 'realisedSavings'
  | 'waterbed'
  | 'waterbedRatio'
  | 'netBenefit'
>;

export interface MonthRange {
  from: Month | null;
  to: Month | null;
}

export interface BusinessCase {
  months: MonthFigures[];
  channels: ChannelSummary[];
  totals: Totals;
  /** The totals over the requested month range (equal to `totals`' sums when unbounded). */
  period: PeriodTotals;
  payback: Payback;
  npv: Npv;
  verdict: Verdict;
  timeToProof: TimeToProof;
  atScale: AtScale | null;
  runRate3: number | null;
  runRate6: number | null;
}

export function rateFor(rates: RatePoint[], month: Month): number | null {
  let found: RatePoint | null = null;
  for (const rate of rates) {
    if (
      monthIndex(rate.from) <= monthIndex(month) &&
      (!found || monthIndex(rate.from) >= monthIndex(found.from))
    ) {
      found = rate;
    }
  }
  return found ? found.euros : null;
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
const worst = (a: Evidence, b: Evidence): Evidence =>
  a === 'unverified' || b === 'unverified'
    ? 'unverified'
    : a === 'weak' || b === 'weak'
      ? 'weak'
      : 'baseline';

interface ChannelModel {
  input: ChannelInput;
  method: BaselineMethod | null;
  fit: BaselineFit | null;
}

function channelModels(input: EngineInput, actuals: MonthActual[]): ChannelModel[] {
  return input.channels.map((channel) => {
    const history = channel.history.filter(
      (h) => monthIndex(h.month) < monthIndex(input.startMonth),
    );
    const controlInEveryMonth = actuals.every(
      (a) => (a.channels[channel.key]?.control ?? null) !== null,
    );
    const method = chooseMethod(
      history,
      channel.pinnedMethod,
      controlInEveryMonth && actuals.length > 0,
    );
    return { input: channel, method, fit: method ? fitBaseline(history, method) : null };
  });
}

function monthFigures(
  input: EngineInput,
  models: ChannelModel[],
  actual: MonthActual,
): MonthFigures {
  const missing: string[] = [];
  let evidence: Evidence = 'baseline';
  const channels = models.map((model): ChannelMonth => {
    const { key, name, share } = model.input;
    const data = actual.channels[key];
    const volume = data?.volume ?? null;
    const followUps = data?.followUps ?? null;
    const claimedContacts = actual.contacts * share;
    const prediction =
      model.fit && volume !== null ? predict(model.fit, actual.month, data?.control ?? null) : null;
    let displaced: number;
    let channelEvidence: Evidence;
    if (prediction && volume !== null) {
      displaced = prediction.baseline - volume;
      channelEvidence = 'baseline';
    } else if (followUps !== null) {
      displaced = claimedContacts - followUps;
      channelEvidence = 'weak';
    } else {
      displaced = claimedContacts;
      channelEvidence = 'unverified';
    }
    evidence = worst(evidence, channelEvidence);
    const rate = rateFor(model.input.rates, actual.month);
    if (rate === null) missing.push(`cost per contact of ${name} for ${actual.month}`);
    return {
      key,
      claimedContacts,
      baseline: prediction?.baseline ?? null,
      baselineHalfWidth: prediction?.halfWidth ?? null,
      volume,
      followUps,
      control: data?.control ?? null,
      displaced,
      evidence: channelEvidence,
      rate,
      claimedSavings: rate === null ? null : claimedContacts * rate,
      realisedSavings: rate === null ? null : displaced * rate,
      leaked: claimedContacts - displaced,
    };
  });

  const complete = missing.length === 0;
  const claimedSavings = complete ? sum(channels.map((c) => c.claimedSavings as number)) : null;
  const realisedSavings = complete ? sum(channels.map((c) => c.realisedSavings as number)) : null;
  const realisedHalfWidth = complete
    ? Math.sqrt(sum(channels.map((c) => ((c.baselineHalfWidth ?? 0) * (c.rate as number)) ** 2)))
    : null;
  const fixed = actual.fixedCost ?? input.plan.monthlyFixedCost;
  const runningCost = fixed + input.plan.variableCostPerContact * actual.contacts;
  const margin = actual.margin ?? 0;
  const followUps = channels.map((c) => c.followUps);
  return {
    month: actual.month,
    contacts: actual.contacts,
    evidence,
    missing,
    channels,
    claimedSavings,
    realisedSavings,
    realisedHalfWidth,
    waterbed: complete ? (claimedSavings as number) - (realisedSavings as number) : null,
    runningCost,
    margin,
    netBenefit: complete ? (realisedSavings as number) + margin - runningCost : null,
    claimedNetBenefit: complete ? (claimedSavings as number) + margin - runningCost : null,
    switchRate:
      actual.contacts > 0 && followUps.length > 0 && followUps.every((f) => f !== null)
        ? sum(followUps as number[]) / actual.contacts
        : null,
  };
}

/** Half-width of Σ RS over the given months (and future months), channels combined. */
function realisedSumHalfWidth(
  models: ChannelModel[],
  months: MonthFigures[],
  future: WeightedFuture[] = [],
): number {
  const squares = models.map((model, i) => {
    if (!model.fit) return 0;
    const points: WeightedMonth[] = [];
    for (const m of months) {
      const c = m.channels[i];
      if (c.evidence === 'baseline' && c.rate !== null) {
        points.push({ month: m.month, weight: c.rate, control: c.control });
      }
    }
    for (const f of future) points.push(f.channels[i]);
    return sumHalfWidth(model.fit, points) ** 2;
  });
  return Math.sqrt(sum(squares));
}

interface WeightedFuture {
  channels: WeightedMonth[];
}

function investmentOf(input: EngineInput): number {
  return input.investments.length
    ? sum(input.investments.map((i) => i.amount))
    : input.plan.investment;
}

/**
 * The run rate: mean of the last `count` values. With fewer months logged it is the mean of
 * those there are (the model is silent on this; a young pilot still gets a projection, which
 * the pages mark as such). Null with none.
 */
function meanOfLast(values: number[], count: number): number | null {
  const last = values.slice(-count);
  return last.length ? sum(last) / last.length : null;
}

export function computeBusinessCase(
  input: EngineInput,
  range: MonthRange = { from: null, to: null },
): BusinessCase {
  return computeWithBasis(input, range).result;
}

/** The business case, and the basis its period totals came from (kept by the summary cache). */
export function computeWithBasis(
  input: EngineInput,
  range: MonthRange = { from: null, to: null },
): { result: BusinessCase; basis: PeriodBasis } {
  const actuals = [...input.actuals]
    .filter((a) => monthIndex(a.month) >= monthIndex(input.startMonth))
    .sort((a, b) => monthIndex(a.month) - monthIndex(b.month));
  const models = channelModels(input, actuals);
  const months = actuals.map((actual) => monthFigures(input, models, actual));

  const complete = months.every((m) => m.missing.length === 0);
  const netBenefits = complete ? months.map((m) => m.netBenefit as number) : [];
  const investment = investmentOf(input);

  const basis = basisOf(models, months);
  const sums = totalsOver(basis, { from: null, to: null });
  const { netBenefit } = sums;
  const totalContacts = sums.contacts;
  const allFollowUps = months.flatMap((m) => m.channels.map((c) => c.followUps));
  const totals: Totals = {
    ...sums,
    claimedNetBenefit: complete ? sum(months.map((m) => m.claimedNetBenefit as number)) : null,
    investment,
    roi: netBenefit !== null && investment > 0 ? (netBenefit - investment) / investment : null,
    switchRate:
      totalContacts > 0 && allFollowUps.length && allFollowUps.every((f) => f !== null)
        ? sum(allFollowUps as number[]) / totalContacts
        : null,
  };

  const runRate3 = complete ? meanOfLast(netBenefits, 3) : null;
  const runRate6 = complete ? meanOfLast(netBenefits, 6) : null;

  const result: BusinessCase = {
    months,
    channels: channelSummaries(models, months),
    totals,
    period: range.from === null && range.to === null ? sums : totalsOver(basis, range),
    payback: payback(months, netBenefits, investment, runRate3, complete, horizonEnd(input)),
    npv: npv(input, months, investment, runRate3, complete),
    ...proof(input, models, months, runRate6),
    atScale: atScale(input, months, models, complete),
    runRate3,
    runRate6,
  };
  return { result, basis };
}

/** What a period's totals need of one month: small enough to keep per pilot (summary cache). */
export interface PeriodMonth {
  month: Month;
  contacts: number;
  /** Every input of the month's money figures is there. */
  complete: boolean;
  claimed: number | null;
  realised: number | null;
  net: number | null;
  /** Per channel: the rate-weighted point its baseline interval counts, or null. */
  points: Array<[weight: number, control: number | null] | null>;
}

/** The channels' baseline fits and the months: all a period's totals are computed from. */
export interface PeriodBasis {
  fits: Array<BaselineFit | null>;
  months: PeriodMonth[];
}

function basisOf(models: ChannelModel[], months: MonthFigures[]): PeriodBasis {
  return {
    fits: models.map((m) => m.fit),
    months: months.map((m) => ({
      month: m.month,
      contacts: m.contacts,
      complete: m.missing.length === 0,
      claimed: m.claimedSavings,
      realised: m.realisedSavings,
      net: m.netBenefit,
      points: m.channels.map((c) =>
        c.evidence === 'baseline' && c.rate !== null ? [c.rate, c.control] : null,
      ),
    })),
  };
}

/**
 * Σ claimed, Σ realised (with its interval), the waterbed and net benefit over the months in
 * the range: the totals (unbounded) and finance's month filter, from the same code.
 */
export function totalsOver(basis: PeriodBasis, range: MonthRange): PeriodTotals {
  const months = basis.months.filter(
    (m) =>
      (range.from === null || monthIndex(m.month) >= monthIndex(range.from)) &&
      (range.to === null || monthIndex(m.month) <= monthIndex(range.to)),
  );
  const complete = months.every((m) => m.complete);
  const claimedSavings = complete ? sum(months.map((m) => m.claimed as number)) : null;
  const realisedValue = complete ? sum(months.map((m) => m.realised as number)) : null;
  // Half-width of Σ RS: each channel's baseline error over the months, channels combined.
  const halfWidth = Math.sqrt(
    sum(
      basis.fits.map((fit, i) => {
        if (!fit) return 0;
        const points: WeightedMonth[] = [];
        for (const m of months) {
          const point = m.points[i];
          if (point) points.push({ month: m.month, weight: point[0], control: point[1] });
        }
        return sumHalfWidth(fit, points) ** 2;
      }),
    ),
  );
  return {
    months: months.length,
    contacts: sum(months.map((m) => m.contacts)),
    claimedSavings,
    realisedSavings: realisedValue === null ? null : { value: realisedValue, halfWidth },
    waterbed:
      claimedSavings !== null && realisedValue !== null ? claimedSavings - realisedValue : null,
    waterbedRatio:
      claimedSavings !== null && realisedValue !== null && claimedSavings > 0
        ? (claimedSavings - realisedValue) / claimedSavings
        : null,
    netBenefit: complete ? sum(months.map((m) => m.net as number)) : null,
  };
}

function channelSummaries(models: ChannelModel[], months: MonthFigures[]): ChannelSummary[] {
  return models.map((model, i) => {
    const claimed = sum(months.map((m) => m.channels[i].claimedContacts));
    const displaced = sum(months.map((m) => m.channels[i].displaced));
    const withBaseline = months.filter((m) => m.channels[i].evidence === 'baseline');
    const contactsWithBaseline = sum(withBaseline.map((m) => m.contacts));
    let realisedShare: number | null = null;
    let halfWidth: number | null = null;
    if (model.fit && withBaseline.length && contactsWithBaseline > 0) {
      realisedShare = sum(withBaseline.map((m) => m.channels[i].displaced)) / contactsWithBaseline;
      const points = withBaseline.map((m) => ({
        month: m.month,
        weight: 1,
        control: m.channels[i].control,
      }));
      halfWidth = sumHalfWidth(model.fit, points) / contactsWithBaseline;
    }
    return {
      key: model.input.key,
      name: model.input.name,
      share: model.input.share,
      method: model.fit ? model.method : null,
      n: model.fit?.n ?? 0,
      claimedContacts: claimed,
      displacedContacts: displaced,
      leakedContacts: claimed - displaced,
      realisedShare,
      realisedShareHalfWidth: halfWidth,
      contradicted:
        realisedShare !== null &&
        halfWidth !== null &&
        realisedShare + halfWidth < model.input.share,
    };
  });
}

/** The last month of the plan's horizon, counted from the start month. */
function horizonEnd(input: EngineInput): Month {
  return addMonths(input.startMonth, input.plan.horizonMonths - 1);
}

function payback(
  months: MonthFigures[],
  netBenefits: number[],
  investment: number,
  runRate3: number | null,
  complete: boolean,
  lastMonth: Month,
): Payback {
  if (!complete) return { status: 'not_yet', reason: 'inputs are missing for some months' };
  if (!months.length) return { status: 'not_yet', reason: 'no results logged yet' };
  let cumulative = 0;
  for (const [i, m] of months.entries()) {
    cumulative += netBenefits[i];
    if (cumulative >= investment) return { status: 'reached', month: m.month };
  }
  if (runRate3 !== null && runRate3 > 0) {
    // Projected no further than the plan's horizon: beyond it a projection means nothing (and a
    // tiny run rate would name a month past the year 9999).
    const needed = Math.ceil((investment - cumulative) / runRate3);
    const latest = months[months.length - 1].month;
    if (needed > monthsBetween(latest, lastMonth))
      return {
        status: 'not_yet',
        reason: `not within the horizon (${formatMonth(lastMonth)}) at the current run rate`,
      };
    return { status: 'projected', month: addMonths(latest, needed) };
  }
  return {
    status: 'not_yet',
    reason: 'the run rate is not positive',
  };
}

function npv(
  input: EngineInput,
  months: MonthFigures[],
  investment: number,
  runRate3: number | null,
  complete: boolean,
): Npv {
  if (input.discountRate === null)
    return { value: null, projectedMonths: 0, reason: 'no discount rate set by finance' };
  if (!complete)
    return { value: null, projectedMonths: 0, reason: 'inputs are missing for some months' };
  const monthly = (1 + input.discountRate) ** (1 / 12) - 1;
  const byMonth = new Map(months.map((m) => [m.month, m.netBenefit as number]));
  let value = -investment;
  let projected = 0;
  for (let m = 1; m <= input.plan.horizonMonths; m += 1) {
    const month = addMonths(input.startMonth, m - 1);
    let nb = byMonth.get(month);
    if (nb === undefined) {
      if (runRate3 === null)
        return { value: null, projectedMonths: 0, reason: 'no results logged yet' };
      nb = runRate3;
      projected += 1;
    }
    value += nb / (1 + monthly) ** m;
  }
  return { value, projectedMonths: projected };
}

function proof(
  input: EngineInput,
  models: ChannelModel[],
  months: MonthFigures[],
  runRate6: number | null,
): { verdict: Verdict; timeToProof: TimeToProof } {
  const start = input.incubationStartMonth;
  const incubation = start ? months.filter((m) => monthIndex(m.month) >= monthIndex(start)) : [];
  const reasons: string[] = [];
  if (!start) reasons.push('the pilot has not entered incubation');
  if (incubation.length < 6)
    reasons.push(`${incubation.length} of the 6 months of incubation results needed`);
  const marked = incubation.filter((m) => m.evidence !== 'baseline' || m.missing.length > 0);
  if (marked.length) {
    reasons.push(
      `${marked.length} incubation month(s) with weak, unverified or missing figures: ${marked.map((m) => m.month).join(', ')}`,
    );
  }
  let lowerBound: number | null = null;
  if (incubation.length && !incubation.some((m) => m.missing.length)) {
    lowerBound =
      sum(incubation.map((m) => m.netBenefit as number)) - realisedSumHalfWidth(models, incubation);
    if (lowerBound <= 0)
      reasons.push('the lower bound of the cumulative net benefit is not above zero');
  }
  const proven = reasons.length === 0;
  const verdict: Verdict = { proven, reasons, incubationMonths: incubation.length, lowerBound };
  if (proven) return { verdict, timeToProof: { status: 'proven' } };
  if (!start || marked.length || lowerBound === null) {
    return {
      verdict,
      timeToProof: {
        status: 'blocked',
        reason: !start
          ? 'the pilot has not entered incubation'
          : marked.length
            ? 'marked or missing figures in the incubation can never prove the case; log the missing data'
            : 'no incubation results yet',
      },
    };
  }
  if (runRate6 === null || runRate6 <= 0)
    return { verdict, timeToProof: { status: 'not_at_current_run_rate' } };

  // Step forward at the run rate, with the last month's cost rates and control volumes.
  const last = months[months.length - 1];
  const nbSoFar = sum(incubation.map((m) => m.netBenefit as number));
  const remaining = input.plan.horizonMonths - (monthsBetween(input.startMonth, last.month) + 1);
  const future: WeightedFuture[] = [];
  for (let step = 1; step <= remaining; step += 1) {
    const month = addMonths(last.month, step);
    future.push({
      channels: last.channels.map((channel) => ({
        month,
        weight: channel.rate ?? 0,
        control: channel.control,
      })),
    });
    if (incubation.length + step < 6) continue;
    const bound = nbSoFar + step * runRate6 - realisedSumHalfWidth(models, incubation, future);
    if (bound > 0)
      return { verdict, timeToProof: { status: 'projected', month, monthsFromNow: step } };
  }
  return { verdict, timeToProof: { status: 'not_within_horizon' } };
}

function atScale(
  input: EngineInput,
  months: MonthFigures[],
  models: ChannelModel[],
  complete: boolean,
): AtScale | null {
  const { coverage, fixedCostAtScale, variableCostPerContact } = input.plan;
  if (
    !complete ||
    coverage === null ||
    coverage <= 0 ||
    fixedCostAtScale === null ||
    months.length < 6
  )
    return null;
  const last6 = months.slice(-6);
  const perMonth = last6.map(
    (m) => (m.realisedSavings as number) + m.margin - variableCostPerContact * m.contacts,
  );
  return {
    value: (12 * (sum(perMonth) / 6)) / coverage - 12 * fixedCostAtScale,
    halfWidth: (12 * realisedSumHalfWidth(models, last6)) / (6 * coverage),
  };
}
