import { type Phrase, phrase } from '../common/phrase';
import { addMonths, monthIndex, monthsBetween } from '../common/months';
import type {
  AtScale,
  ChannelModel,
  EngineInput,
  MonthFigures,
  TimeToProof,
  Verdict,
  WeightedFuture,
} from './business-case.types';
import { evidenceOf, sum, realisedSumHalfWidth } from './realised.math';

// Whether the case is proven, when it will be, and what it is worth at full scale. Pure.

export function proof(
  input: EngineInput,
  models: ChannelModel[],
  months: MonthFigures[],
  runRate6: number | null,
): { verdict: Verdict; timeToProof: TimeToProof } {
  const start = input.incubationStartMonth;
  const incubation = start ? months.filter((m) => monthIndex(m.month) >= monthIndex(start)) : [];
  const reasons: Phrase[] = [];
  if (!start) reasons.push(phrase('engine.notInIncubation'));
  if (incubation.length < 6)
    reasons.push(phrase('engine.incubationMonthsNeeded', { count: incubation.length }));
  const marked = incubation.filter((m) => m.evidence !== 'baseline' || m.missing.length > 0);
  if (marked.length) {
    reasons.push(
      phrase('engine.markedMonths', {
        count: marked.length,
        months: marked.map((m) => m.month),
      }),
    );
  }
  let lowerBound: number | null = null;
  if (incubation.length && !incubation.some((m) => m.missing.length)) {
    lowerBound =
      sum(incubation.map((m) => m.netBenefit as number)) - realisedSumHalfWidth(models, incubation);
    if (lowerBound <= 0) reasons.push(phrase('engine.lowerBoundNotPositive'));
  }
  const proven = reasons.length === 0;
  const verdict: Verdict = { proven, reasons, incubationMonths: incubation.length, lowerBound };
  if (proven) return { verdict, timeToProof: { status: 'proven' } };
  if (!start || marked.length || lowerBound === null) {
    return {
      verdict,
      timeToProof: {
        status: 'blocked',
        reason: phrase(
          !start
            ? 'engine.notInIncubation'
            : marked.length
              ? 'engine.markedBlocks'
              : 'engine.noIncubationResults',
        ),
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
        fit: channel.fit ?? 0,
      })),
    });
    if (incubation.length + step < 6) continue;
    const bound = nbSoFar + step * runRate6 - realisedSumHalfWidth(models, incubation, future);
    if (bound > 0)
      return { verdict, timeToProof: { status: 'projected', month, monthsFromNow: step } };
  }
  return { verdict, timeToProof: { status: 'not_within_horizon' } };
}

export function atScale(
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
    evidence: evidenceOf(last6.map((m) => m.evidence)),
  };
}
