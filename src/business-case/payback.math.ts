import { addMonths, Month, monthsBetween } from '../common/months';
import { phrase } from '../common/phrase';
import type { EngineInput, MonthFigures, Npv, Payback } from './business-case.types';
import { sum } from './realised.math';

// The investment, run rates, payback and NPV over the plan's horizon. Pure.

export function investmentOf(input: EngineInput): number {
  return input.investments.length
    ? sum(input.investments.map((i) => i.amount))
    : input.plan.investment;
}

/**
 * The run rate: mean of the last `count` values. With fewer months logged it is the mean of
 * those there are (the model is silent on this; a young pilot still gets a projection, which
 * the pages mark as such). Null with none.
 */
export function meanOfLast(values: number[], count: number): number | null {
  const last = values.slice(-count);
  return last.length ? sum(last) / last.length : null;
}

/** The last month of the plan's horizon, counted from the start month. */
export function horizonEnd(input: EngineInput): Month {
  return addMonths(input.startMonth, input.plan.horizonMonths - 1);
}

export function payback(
  months: MonthFigures[],
  netBenefits: number[],
  investment: number,
  runRate3: number | null,
  complete: boolean,
  lastMonth: Month,
): Payback {
  if (!complete) return { status: 'not_yet', reason: phrase('engine.inputsMissing') };
  if (!months.length) return { status: 'not_yet', reason: phrase('engine.noResults') };
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
        reason: phrase('engine.notWithinHorizon', { month: lastMonth }),
      };
    return { status: 'projected', month: addMonths(latest, needed) };
  }
  return {
    status: 'not_yet',
    reason: phrase('engine.runRateNotPositive'),
  };
}

export function npv(
  input: EngineInput,
  months: MonthFigures[],
  investment: number,
  runRate3: number | null,
  complete: boolean,
): Npv {
  if (input.discountRate === null)
    return { value: null, projectedMonths: 0, reason: phrase('engine.noDiscountRate') };
  if (!complete) return { value: null, projectedMonths: 0, reason: phrase('engine.inputsMissing') };
  const monthly = (1 + input.discountRate) ** (1 / 12) - 1;
  const byMonth = new Map(months.map((m) => [m.month, m.netBenefit as number]));
  let value = -investment;
  let projected = 0;
  for (let m = 1; m <= input.plan.horizonMonths; m += 1) {
    const month = addMonths(input.startMonth, m - 1);
    let nb = byMonth.get(month);
    if (nb === undefined) {
      if (runRate3 === null)
        return { value: null, projectedMonths: 0, reason: phrase('engine.noResults') };
      nb = runRate3;
      projected += 1;
    }
    value += nb / (1 + monthly) ** m;
  }
  return { value, projectedMonths: projected };
}
