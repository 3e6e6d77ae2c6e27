import { daysBetween, formatIsoDate } from '../common/dates';
import { formatPercent, formatWholePercent } from '../common/money';
import { formatMonth } from '../common/months';
import { t } from '../i18n/translate';
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

export function signalsFor(f: SignalFacts, limits: GateThresholds, today: string): Signal[] {
  const signals: Signal[] = [];
  const active = ACTIVE.includes(f.stage);
  if (f.stage !== 'stopped' && !f.ownerName?.trim()) {
    signals.push({
      key: 'no_owner',
      label: t('signal.no_owner.label'),
      reason: t('signal.no_owner.reason'),
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
      label: t('signal.no_recent_results.label'),
      reason: t('signal.no_recent_results.reason', { month: formatMonth(last) }),
    });
  }
  if (active && f.nextReviewDate && f.nextReviewDate < today) {
    signals.push({
      key: 'review_overdue',
      label: t('signal.review_overdue.label'),
      reason: t('signal.review_overdue.reason', {
        date: formatIsoDate(f.nextReviewDate),
        count: daysBetween(f.nextReviewDate, today),
      }),
    });
  }
  if (active && f.waterbedRatio !== null && f.waterbedRatio * 100 > limits.maxWaterbedPct) {
    signals.push({
      key: 'waterbed_high',
      label: t('signal.waterbed_high.label'),
      reason: t('signal.waterbed_high.reason', {
        ratio: formatPercent(f.waterbedRatio),
        threshold: formatWholePercent(limits.maxWaterbedPct),
      }),
    });
  }
  if (
    f.stage === 'incubation' &&
    f.itLevel === 'vendor_standalone' &&
    (f.monthsInIncubation ?? 0) > limits.vendorStandaloneMonths
  ) {
    signals.push({
      key: 'it_stuck',
      label: t('signal.it_stuck.label'),
      reason: t('signal.it_stuck.reason', { count: f.monthsInIncubation }),
    });
  }
  if (f.stage === 'scale_up_review' && f.failingCriteria.length) {
    signals.push({
      key: 'review_failing',
      label: t('signal.review_failing.label'),
      reason: t('signal.review_failing.reason', { criteria: f.failingCriteria.join('; ') }),
    });
  }
  for (const o of f.overlaps)
    signals.push({ key: 'overlap', label: t('signal.overlap.label'), reason: overlapSentence(o) });
  const months = Math.floor(daysBetween(f.stageEnteredOn, today) / 30.44);
  if (active && months > limits.maxMonthsInStage) {
    signals.push({
      key: 'stuck_in_stage',
      label: t('signal.stuck_in_stage.label'),
      reason: t('signal.stuck_in_stage.reason', { count: months, norm: limits.maxMonthsInStage }),
    });
  }
  return signals;
}
