import type { Month } from '../common/months';
import type { BaselineMethod } from '../business-case/baseline.math';
import type { Interval, RatePoint, ScopeKind } from '../business-case/business-case.types';

// The channel ledger's data (channel-ledger.md): the organisation's own monthly totals per
// existing channel, the pilots that relieve each channel, and what the ledger makes of them.

export type { ScopeKind };

/** The organisation's volume of one existing channel in one month, optionally split. */
export interface ChannelTotal {
  month: Month;
  volume: number;
  desired: number | null;
  undesired: number | null;
  unnecessary: number | null;
}

/** One pilot's figures on one channel in one month, from its own business case. */
export interface PilotChannelMonth {
  month: Month;
  /** V_{p,c}: the volume it logged in its scope; null when not logged. */
  volume: number | null;
  /** claimed_{p,c} = s_c · N(p), contacts. */
  claimed: number;
  /** D_{p,c} measured against its own baseline; null when the month was not measured. */
  measured: number | null;
}

export interface LedgerPilot {
  slug: string;
  name: string;
  /** Past the idea stage: only such pilots can overlap. */
  pastIdea: boolean;
  scope: ScopeKind;
  scopeDescription: string | null;
  /** Its plan's start month: the ledger's pre-period for the channel ends before the earliest. */
  startMonth: Month;
  months: PilotChannelMonth[];
}

export interface LedgerChannelInput {
  key: string;
  name: string;
  totals: ChannelTotal[];
  rates: RatePoint[];
  pinnedMethod: BaselineMethod | null;
  pilots: LedgerPilot[];
}

/** A live pilot's own new channel, for the organisation's contact picture. */
export interface NewChannelMonth {
  pilotSlug: string;
  month: Month;
  contacts: number;
  runningCost: number;
}

export interface LedgerInput {
  channels: LedgerChannelInput[];
  newChannels: NewChannelMonth[];
  from: Month;
  to: Month;
}

export interface LedgerMonth {
  month: Month;
  /** T_c(p); null when no total was entered (named, never taken as zero). */
  total: number | null;
  baseline: number | null;
  halfWidth: number | null;
  /** D^org_c(p) = B − T. */
  orgDisplaced: number | null;
  rate: number | null;
  claimed: number;
  measured: number;
  /** Pilots whose month was not measured against their own baseline. */
  unmeasured: string[];
  /** Each pilot's own figures on the channel this month. */
  pilots: Array<{ slug: string; claimed: number; measured: number | null }>;
}

export interface PilotShare {
  slug: string;
  name: string;
  scope: ScopeKind;
  scopeDescription: string | null;
  claimed: number;
  measured: number;
  /** Pro rata share of D^org (contacts); null unless every figure is positive. */
  attributed: number | null;
}

export interface Overlap {
  channel: string;
  pilots: [string, string];
  months: Month[];
  /** Why: a whole-channel scope, or the segments together above the channel's total. */
  reason: 'whole_channel' | 'segments_exceed_total';
}

export interface LedgerChannel {
  key: string;
  name: string;
  method: BaselineMethod | null;
  /** The method finance pinned for the channel, and why it is not the one used when it is not. */
  pinned: BaselineMethod | null;
  pinNote: string | null;
  n: number;
  /** Why there is no organisation baseline (no pre-period, too few months); null when there is. */
  noBaseline: string | null;
  preperiodEnd: Month | null;
  months: LedgerMonth[];
  /** Months of the range without the organisation's total. */
  missingTotals: Month[];
  /** The months the sums cover: those with a total and a baseline. */
  coveredMonths: number;
  orgDisplaced: Interval | null;
  orgDisplacedEuros: Interval | null;
  claimed: number;
  claimedEuros: number | null;
  measured: number;
  measuredEuros: number | null;
  /** Σ claimed − D^org (contacts, euros) and its ratio to the claimed euros. */
  waterbed: number | null;
  waterbedEuros: number | null;
  waterbedRatio: number | null;
  /** The pilots' own summed waterbed: Σ claimed − Σ measured, in euros, and its ratio. */
  pilotsWaterbedEuros: number | null;
  pilotsWaterbedRatio: number | null;
  /** Σ measured − D^org, flagged when Σ measured lies above the interval of Σ D^org. */
  gap: number | null;
  gapEuros: number | null;
  gapFlagged: boolean;
  pilots: PilotShare[];
  overlaps: Overlap[];
  /** Rates missing for months the sums cover (euro figures are then null). */
  missingRates: Month[];
}

export interface PictureMonth {
  month: Month;
  contacts: number;
  cost: number | null;
  costPerContact: number | null;
  /** Contacts per channel key (existing channels with totals, then each pilot's new channel). */
  byChannel: Record<string, number>;
  desired: number | null;
  undesired: number | null;
  unnecessary: number | null;
}

export interface ContactPicture {
  /** Channels with totals in every month of the range: the picture covers these. */
  channels: string[];
  months: PictureMonth[];
  /** The pre-period's monthly mean of the same figures, to compare each month against. */
  preperiod: { months: number; contacts: number; cost: number | null } | null;
  /** Total contacts over the last 6 months above its baseline's interval while new channels run. */
  stacking: { flagged: boolean; actual: number; baseline: number; halfWidth: number } | null;
}

/** The channels with an organisation baseline together; half-widths combine as √(Σ h²). */
export type LedgerTotals = Pick<
  LedgerChannel,
  | 'orgDisplaced'
  | 'orgDisplacedEuros'
  | 'claimed'
  | 'claimedEuros'
  | 'measured'
  | 'measuredEuros'
  | 'waterbed'
  | 'waterbedEuros'
  | 'waterbedRatio'
  | 'gap'
  | 'gapEuros'
  | 'gapFlagged'
> & { channels: string[] };

export interface Ledger {
  from: Month;
  to: Month;
  channels: LedgerChannel[];
  all: LedgerTotals;
  overlaps: Overlap[];
  picture: ContactPicture;
}

/** An overlap as one of its two pilots sees it: the other pilot, the channel, the months. */
export interface PilotOverlap {
  other: { slug: string; name: string };
  channel: { key: string; name: string };
  months: Month[];
  reason: Overlap['reason'];
}
