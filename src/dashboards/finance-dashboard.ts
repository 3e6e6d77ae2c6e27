import { say } from '../common/phrase';
import { t } from '../i18n/translate';
import type { CaseSummary } from '../business-case/case-summary';
import type { RealisedEvidence } from '../business-case/business-case.types';
import { combinedEvidence } from '../business-case/realised.math';
import { restsOn } from '../business-case/evidence-words';
import { CsvCell, toCsv, type CsvDialect } from '../common/csv';
import { formatMonth, isMonth, monthOutside, planMonthBounds, type Month } from '../common/months';
import type { Pilot } from '../pilots/pilot.entity';
import type { ChannelType, Stage } from '../pilots/pilot-fields';
import { roundToCents } from '../common/money';
import type { PilotOverlap } from '../ledger/ledger.types';

// The finance dashboard (issue: dashboards and charts): every pilot's money in one table, from
// the engine's own figures. Pure: reports in, rows, totals and CSV out.

export interface SignoffState {
  state: 'none' | 'current' | 'open_months' | 'outdated';
  label: string;
}

export interface FinanceRow {
  slug: string;
  name: string;
  stage: Stage;
  department: string | null;
  channelType: ChannelType;
  /** Why there is no business case yet; empty when there is one. */
  missing: string[];
  months: number;
  contacts: number;
  claimed: number | null;
  realised: number | null;
  realisedHalfWidth: number | null;
  /** What the realised figure rests on; null without a business case. */
  realisedEvidence: RealisedEvidence | null;
  waterbed: number | null;
  waterbedRatio: number | null;
  netBenefit: number | null;
  investment: number | null;
  roi: number | null;
  npv: number | null;
  npvNote: string | null;
  payback: { status: 'reached' | 'projected' | 'not_yet'; month: Month | null; note: string };
  proven: boolean | null;
  signoff: SignoffState;
  /** Other pilots counting the same contacts ("Chatbot on Phone"), from the channel ledger. */
  overlaps: string[];
}

/**
 * The organisation-level figure next to the pilots' sum: the realised savings the organisation's
 * own channel totals show, over the channels with totals, and the attribution gap.
 */
export interface OrganisationFigures {
  from: Month;
  to: Month;
  channels: string[];
  realised: { value: number; halfWidth: number } | null;
  gap: number | null;
  gapFlagged: boolean;
}

export interface FinanceTotals {
  pilots: number;
  computed: number;
  contacts: number;
  claimed: number;
  realised: number;
  /** Pilots' intervals combined as independent: √Σ h². */
  realisedHalfWidth: number;
  /** What the realised total rests on: the pilots' months together. */
  realisedEvidence: RealisedEvidence;
  waterbed: number;
  waterbedRatio: number | null;
  netBenefit: number;
  investment: number;
  /** Σ NPV over the pilots that have one, and how many do. */
  npv: number;
  npvCount: number;
  proven: number;
}

export function signoffState(
  statuses: CaseSummary['signoffs'],
  lastMonth: Month | null,
): SignoffState {
  if (!statuses.length) return { state: 'none', label: t('signoff.none') };
  const outdated = statuses.filter((s) => s.outdated);
  if (outdated.length)
    return {
      state: 'outdated',
      label: t('signoff.outdated', { outdated: outdated.length, total: statuses.length }),
    };
  const through = statuses
    .map((s) => s.toMonth)
    .sort()
    .at(-1) as Month;
  if (lastMonth && through < lastMonth)
    return {
      state: 'open_months',
      label: t('signoff.openMonths', { month: formatMonth(through) }),
    };
  return { state: 'current', label: t('signoff.current', { month: formatMonth(through) }) };
}

export function financeRow(
  pilot: Pilot,
  summary: CaseSummary,
  overlaps: PilotOverlap[] = [],
): FinanceRow {
  const { result } = summary;
  const base = {
    slug: pilot.slug,
    name: pilot.name,
    stage: pilot.stage,
    department: pilot.ownerDepartment,
    channelType: pilot.channelType,
    overlaps: overlaps.map((o) =>
      t('finance.overlapWith', { other: o.other.name, channel: o.channel.name }),
    ),
  };
  if (!result)
    return {
      ...base,
      missing: summary.missing.map(say),
      months: 0,
      contacts: 0,
      claimed: null,
      realised: null,
      realisedHalfWidth: null,
      realisedEvidence: null,
      waterbed: null,
      waterbedRatio: null,
      netBenefit: null,
      investment: null,
      roi: null,
      npv: null,
      npvNote: null,
      payback: { status: 'not_yet', month: null, note: t('finance.noBusinessCase') },
      proven: null,
      signoff: signoffState(summary.signoffs, null),
    };
  const { period, totals, payback, npv, verdict } = result;
  return {
    ...base,
    missing: [],
    months: period.months,
    contacts: period.contacts,
    claimed: period.claimedSavings,
    realised: period.realisedSavings?.value ?? null,
    realisedHalfWidth: period.realisedSavings?.halfWidth ?? null,
    realisedEvidence: period.realisedEvidence,
    waterbed: period.waterbed,
    waterbedRatio: period.waterbedRatio,
    netBenefit: period.netBenefit,
    investment: totals.investment,
    roi: totals.roi,
    npv: npv.value,
    npvNote: npv.reason
      ? say(npv.reason)
      : npv.projectedMonths
        ? t('finance.monthsProjected', { count: npv.projectedMonths })
        : null,
    payback:
      payback.status === 'not_yet'
        ? { status: 'not_yet', month: null, note: say(payback.reason) }
        : {
            status: payback.status,
            month: payback.month,
            note: payback.status === 'projected' ? t('finance.projectedNote') : '',
          },
    proven: verdict.proven,
    signoff: signoffState(summary.signoffs, result.lastMonth),
  };
}

export function financeTotals(rows: FinanceRow[]): FinanceTotals {
  const computed = rows.filter((r) => r.claimed !== null && r.realised !== null);
  const add = (values: Array<number | null>) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
  const claimed = add(computed.map((r) => r.claimed));
  const waterbed = add(computed.map((r) => r.waterbed));
  const withNpv = rows.filter((r) => r.npv !== null);
  return {
    pilots: rows.length,
    computed: computed.length,
    contacts: add(rows.map((r) => r.contacts)),
    claimed,
    realised: add(computed.map((r) => r.realised)),
    realisedHalfWidth: Math.sqrt(add(computed.map((r) => (r.realisedHalfWidth ?? 0) ** 2))),
    realisedEvidence: combinedEvidence(
      computed.flatMap((r) => (r.realisedEvidence ? [r.realisedEvidence] : [])),
    ),
    waterbed,
    waterbedRatio: claimed > 0 ? waterbed / claimed : null,
    netBenefit: add(computed.map((r) => r.netBenefit)),
    investment: add(rows.map((r) => r.investment)),
    npv: add(withNpv.map((r) => r.npv)),
    npvCount: withNpv.length,
    proven: rows.filter((r) => r.proven).length,
  };
}

/** The columns people sort by, each with the value it sorts on. */
export const SORTS = {
  name: (r: FinanceRow) => r.name.toLowerCase(),
  stage: (r: FinanceRow) => r.stage,
  contacts: (r: FinanceRow) => r.contacts,
  claimed: (r: FinanceRow) => r.claimed,
  realised: (r: FinanceRow) => r.realised,
  waterbed: (r: FinanceRow) => r.waterbed,
  ratio: (r: FinanceRow) => r.waterbedRatio,
  net: (r: FinanceRow) => r.netBenefit,
  roi: (r: FinanceRow) => r.roi,
  npv: (r: FinanceRow) => r.npv,
  payback: (r: FinanceRow) => r.payback.month,
  proven: (r: FinanceRow) => (r.proven === null ? null : r.proven ? 1 : 0),
} satisfies Record<string, (r: FinanceRow) => string | number | null>;
export type SortKey = keyof typeof SORTS;

export function isSortKey(value: unknown): value is SortKey {
  return typeof value === 'string' && Object.hasOwn(SORTS, value);
}

/** Sorted by one column; rows without a figure go last either way, then by name. */
export function sortRows(rows: FinanceRow[], key: SortKey, dir: 'asc' | 'desc'): FinanceRow[] {
  const value = SORTS[key];
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return a.name.localeCompare(b.name);
    if (va === null) return 1;
    if (vb === null) return -1;
    const order = va < vb ? -1 : va > vb ? 1 : 0;
    return order * sign || a.name.localeCompare(b.name);
  });
}

export interface MonthRangeInput {
  from: Month | null;
  to: Month | null;
  errors: Record<string, string[]>;
}

/** The month range of the filter form, with a message per field it cannot use. */
export function monthRange(fromText: unknown, toText: unknown): MonthRangeInput {
  const errors: Record<string, string[]> = {};
  const read = (value: unknown, field: string): Month | null => {
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) return null;
    if (isMonth(text)) {
      const outside = monthOutside(text, planMonthBounds());
      if (!outside) return text;
      errors[field] = [`${outside}.`];
      return null;
    }
    errors[field] = [t('month.format')];
    return null;
  };
  const from = read(fromText, 'from');
  const to = read(toText, 'to');
  if (from && to && from > to) {
    errors.to = [t('month.toBeforeFrom')];
    return { from: null, to: null, errors };
  }
  return { from, to, errors };
}

const ratio4 = (value: number | null) =>
  value === null ? null : Math.round(value * 10000) / 10000;

/** The table as CSV: money in euros with cents, ratios as fractions, numbers as numbers. */
export function financeCsv(
  rows: FinanceRow[],
  range: { from: Month | null; to: Month | null },
  dialect: CsvDialect = 'standard',
  organisation: OrganisationFigures | null = null,
) {
  const header = [
    'pilot',
    'stage',
    'department',
    'channel_type',
    'from_month',
    'to_month',
    'months',
    'contacts',
    'claimed_savings_eur',
    'realised_savings_eur',
    'realised_half_width_eur',
    'realised_rests_on',
    'months_measured',
    'months_weak_evidence',
    'months_unverified',
    'waterbed_eur',
    'waterbed_ratio',
    'net_benefit_eur',
    'investment_eur',
    'roi',
    'npv_eur',
    'payback_status',
    'payback_month',
    'proven',
    'sign_off',
    'not_computed_because',
    'overlaps_with',
    // The organisation's own figure for the same months (the channel ledger), repeated on every
    // row so that the file stays one row per pilot.
    'organisation_channels',
    'organisation_realised_savings_eur',
    'organisation_realised_half_width_eur',
    'attribution_gap_eur',
    'attribution_gap_flagged',
  ];
  const org = organisation?.realised ? organisation : null;
  const orgCells: CsvCell[] = [
    org ? org.channels.join(' ') : null,
    org ? roundToCents(org.realised!.value) : null,
    org ? roundToCents(org.realised!.halfWidth) : null,
    org ? roundToCents(org.gap) : null,
    org ? (org.gapFlagged ? 'yes' : 'no') : null,
  ];
  const lines: CsvCell[][] = rows.map((r) => [
    r.name,
    r.stage,
    r.department,
    r.channelType,
    range.from,
    range.to,
    r.months,
    r.contacts,
    roundToCents(r.claimed),
    roundToCents(r.realised),
    roundToCents(r.realisedHalfWidth),
    restsOn(r.realisedEvidence) || null,
    r.realisedEvidence?.measured ?? null,
    r.realisedEvidence?.weak ?? null,
    r.realisedEvidence?.unverified ?? null,
    roundToCents(r.waterbed),
    ratio4(r.waterbedRatio),
    roundToCents(r.netBenefit),
    roundToCents(r.investment),
    ratio4(r.roi),
    roundToCents(r.npv),
    r.payback.status,
    r.payback.month,
    r.proven === null ? null : r.proven ? 'yes' : 'no',
    r.signoff.label,
    r.missing.join('; ') || null,
    r.overlaps.join('; ') || null,
    ...orgCells,
  ]);
  return toCsv(header, lines, dialect);
}
