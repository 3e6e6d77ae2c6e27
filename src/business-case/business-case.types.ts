import type { Phrase } from '../common/phrase';
import type { Month } from '../common/months';
import type { BaselineFit, BaselineMethod, FittedMonth, HistoryPoint } from './baseline.math';

// The business-case engine's data: its input, its months, its totals and its verdict. Money is
// in euros (inputs are exact cents divided by 100); pages round for display only.

export type Evidence = 'baseline' | 'weak' | 'unverified';

/** A pilot's scope on an affected channel: the whole channel, or a segment of it. */
export const SCOPE_KINDS = ['whole', 'segment'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

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
  /** The pilot's scope on the channel (the channel ledger reads it; the engine does not). */
  scope?: ScopeKind;
  scopeDescription?: string | null;
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
  name: string;
  claimedContacts: number;
  baseline: number | null;
  baselineHalfWidth: number | null;
  /** The method that gave the baseline; null without one. */
  method: BaselineMethod | null;
  /** The baseline came from a fallback method: this month lacks an input the channel's needs. */
  fallback: boolean;
  /** Which of the channel's fits gave it (0: the channel's method). */
  fit: number | null;
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
  missing: Phrase[];
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
  /** The method the owner pinned, and why it was not used when it was not (else null). */
  pinned: BaselineMethod | null;
  pinNote: Phrase | null;
  /** Months whose baseline came from a fallback method. */
  fallbackMonths: number;
  /** What this channel's realised figures rest on. */
  evidence: RealisedEvidence;
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

/**
 * What a total of realised savings rests on (business-case.md): how many of its months were
 * measured against a baseline, rest on weak evidence (claimed − follow-ups) or are unverified
 * (the claim itself). A month counts by its weakest channel. The ± covers the measured part.
 */
export interface RealisedEvidence {
  rests: 'measured' | 'weak' | 'unverified' | 'mixed' | 'none';
  measured: number;
  weak: number;
  unverified: number;
}

export interface Totals {
  months: number;
  contacts: number;
  claimedSavings: number | null;
  realisedSavings: Interval | null;
  realisedEvidence: RealisedEvidence;
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
  | { status: 'not_yet'; reason: Phrase };

export type TimeToProof =
  | { status: 'proven' }
  | { status: 'projected'; month: Month; monthsFromNow: number }
  | { status: 'not_within_horizon' }
  | { status: 'not_at_current_run_rate' }
  | { status: 'blocked'; reason: Phrase };

export interface Verdict {
  proven: boolean;
  reasons: Phrase[];
  incubationMonths: number;
  lowerBound: number | null;
}

export interface Npv {
  value: number | null;
  projectedMonths: number;
  reason?: Phrase;
}

export interface AtScale {
  value: number;
  halfWidth: number;
  /** What the six months it projects from rest on. */
  evidence: RealisedEvidence;
}

/** Sums over a range of months (finance's month filter); the whole case when unbounded. */
export type PeriodTotals = Pick<
  Totals,
  | 'months'
  | 'contacts'
  | 'claimedSavings'
  | 'realisedSavings'
  | 'realisedEvidence'
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

/** What a period's totals need of one month: small enough to keep per pilot (summary cache). */
export interface PeriodMonth {
  month: Month;
  contacts: number;
  /** Every input of the month's money figures is there. */
  complete: boolean;
  claimed: number | null;
  realised: number | null;
  net: number | null;
  evidence: Evidence;
  /** Per channel: the rate-weighted point its baseline interval counts and its fit, or null. */
  points: Array<[weight: number, control: number | null, fit: number] | null>;
}

/** The channels' baseline fits and the months: all a period's totals are computed from. */
export interface PeriodBasis {
  /** Per channel, its fits: its method's first, then the fallbacks. */
  fits: BaselineFit[][];
  months: PeriodMonth[];
  /** What the channel ledger reads of the pilot, so the portfolio's ledger needs no recomputing. */
  ledger?: LedgerBasis;
}

/** A pilot's part of the channel ledger, kept with its cached basis. */
export interface LedgerBasis {
  channels: Array<{
    key: string;
    scope: ScopeKind;
    scopeDescription: string | null;
    /** [month, volume logged, claimed contacts, measured displacement or null]. */
    months: Array<[Month, number | null, number, number | null]>;
  }>;
  /** [month, new-channel contacts, running cost]. */
  months: Array<[Month, number, number]>;
}

/** A channel's baseline: the method chosen and the fit to its history (internal to the engine). */
export interface ChannelModel {
  input: ChannelInput;
  method: BaselineMethod | null;
  fit: BaselineFit | null;
  /** `fit` first, then the fits of the other methods the history allows (per-month fallbacks). */
  fits: BaselineFit[];
  /** Why the pinned method is not the one used, when it is not. */
  pinNote: Phrase | null;
}

export interface WeightedFuture {
  channels: FittedMonth[];
}
