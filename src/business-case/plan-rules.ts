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
): string[] {
  if (!plan) return ['the plan'];
  const missing: string[] = [];
  if (plan.expectedMonthlyContacts === null) missing.push('expected monthly contacts');
  if (plan.monthlyFixedCostCents === null) missing.push('monthly fixed cost');
  if (plan.variableCostPerContactCents === null) missing.push('variable cost per contact');
  if (plan.minMonthlyVolume === null) missing.push('minimum monthly volume');
  if (!startMonth) missing.push('start month');
  if (!affectedChannelIds.length) missing.push('affected channels');
  const withShare = new Set(shares.map((s) => s.channelId));
  if (affectedChannelIds.some((id) => !withShare.has(id)))
    missing.push('a deflection share for every affected channel');
  return missing;
}

/** Messages per share field: each 0–100 %, together at most 100 %. */
export function shareErrors(sharesBp: Record<number, number>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  let total = 0;
  for (const [id, bp] of Object.entries(sharesBp)) {
    if (bp < 0 || bp > 10000) errors[`share_${id}`] = ['A share must be between 0 and 100 %.'];
    total += bp;
  }
  if (total > 10000)
    errors.shares = [
      `The shares add up to ${(total / 100).toFixed(2)} %; together they may be at most 100 %.`,
    ];
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
        `${capitalised(refusal)} before the start month. Choose a method the history allows, or leave it to the default.`,
      ];
  }
  return errors;
}
