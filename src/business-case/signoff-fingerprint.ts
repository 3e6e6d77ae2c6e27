import { createHash } from 'node:crypto';
import { rateFor, type EngineInput } from './business-case.math';

/**
 * A fingerprint of every input the figures of the months from…to rest on: those months'
 * actuals, the rates applied to them, the plan, the history the baselines are fitted on, the
 * investments and the discount rate. Any later change to one of them changes the fingerprint.
 */
export function signoffFingerprint(input: EngineInput, from: string, to: string): string {
  const months = input.actuals.filter((a) => a.month >= from && a.month <= to);
  const material = {
    months,
    rates: months.map((m) => input.channels.map((c) => rateFor(c.rates, m.month))),
    plan: input.plan,
    channels: input.channels.map((c) => ({
      key: c.key,
      share: c.share,
      pinned: c.pinnedMethod,
      history: c.history,
    })),
    investments: input.investments,
    discountRate: input.discountRate,
    startMonth: input.startMonth,
  };
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}
