import type { Phrase } from '../common/phrase';
import type { Month } from '../common/months';
import type { BusinessCase } from './business-case.math';
import type { BusinessCaseReport } from './business-case.service';

// What the portfolio-wide pages need of a pilot's business case, small enough to keep per pilot
// (business_case_cache) and read for hundreds of pilots at once. Pure.

export interface CaseSummary {
  planMissing: Phrase[];
  missing: Phrase[];
  plan: {
    minMonthlyVolume: number | null;
    targetCsat: number | null;
    targetFcr: number | null;
    targetResponseSeconds: number | null;
  } | null;
  /** ISO timestamp of the first move into incubation, or null. */
  incubationStartedAt: string | null;
  /** Every month logged from the start month on, oldest first, with its contacts: kept as
   * [month, contacts] pairs, as a portfolio reads 200 of these per page. */
  months: Array<[Month, number | null]>;
  /** The last three of those months, with the quality figures the gates compare. */
  recent: Array<{
    month: Month;
    contacts: number | null;
    csat: number | null;
    fcr: number | null;
    responseSeconds: number | null;
  }>;
  result:
    | (Pick<BusinessCase, 'totals' | 'period' | 'npv' | 'payback' | 'verdict' | 'timeToProof'> & {
        lastMonth: Month | null;
      })
    | null;
  /** Each sign-off's last month and whether an input changed after it, newest first. */
  signoffs: Array<{ toMonth: Month; outdated: boolean }>;
}

export function summarise(
  report: BusinessCaseReport,
  signoffs: Array<{ signoff: { toMonth: Month }; outdated: boolean }>,
): CaseSummary {
  const { plan, result } = report;
  const start = report.pilot.startMonth;
  const fromStart = report.monthly.filter((m) => !start || m.month >= start);
  return {
    planMissing: report.planMissing,
    missing: report.missing,
    plan: plan && {
      minMonthlyVolume: plan.minMonthlyVolume,
      targetCsat: plan.targetCsat,
      targetFcr: plan.targetFcr,
      targetResponseSeconds: plan.targetResponseSeconds,
    },
    incubationStartedAt: report.incubationStartedAt?.toISOString() ?? null,
    months: fromStart.map((m): [Month, number | null] => [m.month, m.contacts]),
    recent: fromStart.slice(-3).map((m) => ({
      month: m.month,
      contacts: m.contacts,
      csat: m.csat,
      fcr: m.fcr,
      responseSeconds: m.responseSeconds,
    })),
    result: result && {
      totals: result.totals,
      period: result.period,
      npv: result.npv,
      payback: result.payback,
      verdict: result.verdict,
      timeToProof: result.timeToProof,
      lastMonth: result.months.at(-1)?.month ?? null,
    },
    signoffs: signoffs.map((s) => ({ toMonth: s.signoff.toMonth, outdated: s.outdated })),
  };
}
