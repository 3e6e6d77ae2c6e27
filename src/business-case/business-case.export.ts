import { said, say } from '../common/phrase';
import { CsvCell, toCsv } from '../common/csv';
import type { BusinessCaseReport } from './business-case.service';
import { roundToCents } from '../common/money';

/**
 * The machine-readable business case: every monthly figure and total with its method,
 * interval and evidence mark, and the inputs it was computed from. The API and the CLI
 * return exactly this. Money in euros, counts in contacts, shares and rates as fractions.
 */
export function businessCaseJson(report: BusinessCaseReport, computedAt = new Date()) {
  const { pilot } = report;
  return {
    pilot: { slug: pilot.slug, name: pilot.name, stage: pilot.stage, startMonth: pilot.startMonth },
    computedAt: computedAt.toISOString(),
    units: { money: 'EUR', shares: 'fraction 0-1', intervals: '90 % two-sided half-width' },
    // Reasons and notes in the language the request asked for (Accept-Language).
    missing: said(report.missing),
    inputs: report.input,
    result: said(report.result),
    contactMix: report.contactMix,
  };
}

/** The month-by-month figures as CSV, one row per month, per-channel columns after the totals. */
export function businessCaseCsv(report: BusinessCaseReport): string {
  const result = report.result;
  const channels = report.input?.channels ?? [];
  const header = [
    'month',
    'contacts',
    'evidence',
    'claimed_savings_eur',
    'realised_savings_eur',
    'realised_half_width_eur',
    'waterbed_eur',
    'running_cost_eur',
    'margin_eur',
    'net_benefit_eur',
    'claimed_net_benefit_eur',
    'missing',
    ...channels.flatMap((c) => [
      `${c.key}_claimed`,
      `${c.key}_baseline`,
      `${c.key}_method`,
      `${c.key}_volume`,
      `${c.key}_displaced`,
      `${c.key}_evidence`,
    ]),
  ];
  const rows: CsvCell[][] = (result?.months ?? []).map((m) => [
    m.month,
    m.contacts,
    m.evidence,
    roundToCents(m.claimedSavings),
    roundToCents(m.realisedSavings),
    roundToCents(m.realisedHalfWidth),
    roundToCents(m.waterbed),
    roundToCents(m.runningCost),
    roundToCents(m.margin),
    roundToCents(m.netBenefit),
    roundToCents(m.claimedNetBenefit),
    m.missing.map(say).join('; '),
    ...m.channels.flatMap((c) => [
      roundToCents(c.claimedContacts),
      roundToCents(c.baseline),
      c.fallback ? `${c.method} (fallback)` : c.method,
      c.volume,
      roundToCents(c.displaced),
      c.evidence,
    ]),
  ]);
  return toCsv(header, rows);
}
