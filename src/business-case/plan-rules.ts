import { formatDecimal } from '../common/money';
import { type Phrase, phrase, say } from '../common/phrase';
import { t } from '../i18n/translate';
import { type BaselineMethod, type LoggedVolume, methodRefusal, preperiod } from './baseline.math';
import { capitalised } from '../common/words';

// What makes a plan complete enough for the incubation gate, and the rules on its shares.

export interface PlanFacts {
  expectedMonthlyContacts: number | null;
  monthlyFixedCostCents: number | null;
  variableCostPerContactCents: number | null;
  minMonthlyVolume: number | null;
}

export interface ShareFacts {
  channelId: number;
  shareBp: number;
  baselineMethod: BaselineMethod | null;
}

/** The plan items still missing (empty when the plan is filled in). */
export function missingPlanItems(
  plan: PlanFacts | null,
  startMonth: string | null,
  affectedChannelIds: number[],
  shares: ShareFacts[],
): Phrase[] {
  if (!plan) return [phrase('engine.missing.plan')];
  const missing: Phrase[] = [];
  const lacks = (item: string) => missing.push(phrase(`engine.missing.${item}`));
  if (plan.expectedMonthlyContacts === null) lacks('expectedMonthlyContacts');
  if (plan.monthlyFixedCostCents === null) lacks('monthlyFixedCost');
  if (plan.variableCostPerContactCents === null) lacks('variableCost');
  if (plan.minMonthlyVolume === null) lacks('minMonthlyVolume');
  if (!startMonth) lacks('startMonth');
  if (!affectedChannelIds.length) lacks('affectedChannels');
  const withShare = new Set(shares.map((s) => s.channelId));
  if (affectedChannelIds.some((id) => !withShare.has(id))) lacks('shares');
  return missing;
}

/** Messages per share field: each 0–100 %, together at most 100 %. */
export function shareErrors(sharesBp: Record<number, number>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  let total = 0;
  for (const [id, bp] of Object.entries(sharesBp)) {
    if (bp < 0 || bp > 10000) errors[`share_${id}`] = [t('plan.shareRange')];
    total += bp;
  }
  if (total > 10000)
    errors.shares = [t('plan.sharesTotal', { total: formatDecimal(total / 100, 2) })];
  return errors;
}

/**
 * Messages per method field for pins the channel's history does not allow (business-case.md:
 * a pin the data does not allow is refused with the reason). The history is the months before
 * the start month; without a start month, every month logged so far.
 */
export function pinErrors(
  startMonth: string | null,
  pins: Array<{ channelId: number; baselineMethod: BaselineMethod | null }>,
  rows: LoggedVolume[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const { channelId, baselineMethod } of pins) {
    if (!baselineMethod) continue;
    const refusal = methodRefusal(preperiod(rows, channelId, startMonth), baselineMethod);
    if (refusal)
      errors[`method_${channelId}`] = [
        t('plan.methodRefused', { refusal: capitalised(say(refusal)) }),
      ];
  }
  return errors;
}
