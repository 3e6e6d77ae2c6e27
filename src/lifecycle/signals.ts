import { daysBetween } from '../common/dates';
import { formatPercent } from '../common/money';
import { overlapSentence } from '../ledger/ledger-rules';
import type { PilotOverlap } from '../ledger/ledger.types';
import type { Stage } from '../pilots/pilot-fields';
import type { ItLevel } from '../readiness/readiness-fields';
import type { GateThresholds } from './stage-rules';

// The portfolio's warning lights (lifecycle.md, "Signals on the portfolio"), each with its reason.

export type SignalKey =
  | 'no_owner'
  | 'no_recent_results'
  | 'review_overdue'
  | 'waterbed_high'
  | 'it_stuck'
  | 'review_failing'
  | 'stuck_in_stage'
  | 'overlap';

export interface Signal {
  key: SignalKey;
  label: string;
  reason: string;
}

export interface SignalFacts {
  stage: Stage;
  ownerName: string | null;
  startMonth: string | null;
  /** Months with results logged (YYYY-MM). */
  loggedMonths: string[];
  nextReviewDate: string | null;
  stageEnteredOn: string;
  waterbedRatio: number | null;
  itLevel: ItLevel;
  monthsInIncubation: number | null;
  /** For pilots in scale-up review: the labels of the criteria not met. */
  failingCriteria: string[];
  /** Other pilots that count the same contacts of a channel (the channel ledger). */
  overlaps: PilotOverlap[];
}

const ACTIVE: readonly Stage[] = ['idea', 'proof_of_concept', 'incubation', 'scale_up_review'];
const MEASURED: readonly Stage[] = ['proof_of_concept', 'incubation', 'scale_up_review'];

/** The last full calendar month before `today` (YYYY-MM). */
export function lastFullMonth(today: string): string {
  const [y, m] = today.slice(0, 7).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function signalsFor(f: SignalFacts, t: GateThresholds, today: string): Signal[] {
  const signals: Signal[] = [];
  const active = ACTIVE.includes(f.stage);
  if (f.stage !== 'stopped' && !f.ownerName?.trim()) {
    signals.push({
      key: 'no_owner',
      label: 'No owner',
      reason: 'Nobody owns the channel, so it cannot grow into the customer journey.',
    });
  }
  const last = lastFullMonth(today);
  if (
    MEASURED.includes(f.stage) &&
    f.startMonth &&
    f.startMonth <= last &&
    !f.loggedMonths.includes(last)
  ) {
    signals.push({
      key: 'no_recent_results',
      label: 'No results last month',
      reason: `No results logged for ${last}.`,
    });
  }
  if (active && f.nextReviewDate && f.nextReviewDate < today) {
    signals.push({
      key: 'review_overdue',
      label: 'Review date passed',
      reason: `The review was due on ${f.nextReviewDate}, ${daysBetween(f.nextReviewDate, today)} days ago.`,
    });
  }
  if (active && f.waterbedRatio !== null && f.waterbedRatio * 100 > t.maxWaterbedPct) {
    signals.push({
      key: 'waterbed_high',
      label: 'Waterbed',
      reason: `${formatPercent(f.waterbedRatio)} of the claimed savings reappear in other channels (threshold ${t.maxWaterbedPct} %).`,
    });
  }
  if (
    f.stage === 'incubation' &&
    f.itLevel === 'vendor_standalone' &&
    (f.monthsInIncubation ?? 0) > t.vendorStandaloneMonths
  ) {
    signals.push({
      key: 'it_stuck',
      label: 'IT stuck',
      reason: `${f.monthsInIncubation} months in incubation and still on the vendor's stand-alone tool.`,
    });
  }
  if (f.stage === 'scale_up_review' && f.failingCriteria.length) {
    signals.push({
      key: 'review_failing',
      label: 'Review criteria not met',
      reason: `Not met: ${f.failingCriteria.join('; ')}.`,
    });
  }
  for (const o of f.overlaps)
    signals.push({ key: 'overlap', label: 'Overlaps another pilot', reason: overlapSentence(o) });
  const months = Math.floor(daysBetween(f.stageEnteredOn, today) / 30.44);
  if (active && months > t.maxMonthsInStage) {
    signals.push({
      key: 'stuck_in_stage',
      label: 'Stuck in stage',
      reason: `${months} months in this stage (norm: at most ${t.maxMonthsInStage}); a pilot stuck is a decision not taken.`,
    });
  }
  return signals;
}
