import { monthIndex } from '../common/months';
import type {
  BusinessCase,
  EngineInput,
  MonthRange,
  PeriodBasis,
  Totals,
} from './business-case.types';
import { channelModels, monthFigures, sum } from './realised.math';
import { basisOf, channelSummaries, totalsOver } from './period.math';
import { horizonEnd, investmentOf, meanOfLast, npv, payback } from './payback.math';
import { atScale, proof } from './proof.math';

// The business-case engine of business-case.md: claimed versus realised savings, the waterbed,
// net benefit, payback, ROI, NPV and whether the case is proven. Pure: plain data in and out.
// One entry (computeWithBasis); the parts are by concern: the data (business-case.types.ts),
// baselines and realised savings (realised.math.ts), period totals (period.math.ts), payback and
// NPV (payback.math.ts), proof and the value at scale (proof.math.ts).

export * from './business-case.types';
export { rateFor } from './realised.math';
export { totalsOver } from './period.math';

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
