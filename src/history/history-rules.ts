import { t } from '../i18n/translate';
import { formatMonth, type Month } from '../common/months';
import { OUTCOMES, type Outcome, targetStage } from '../lifecycle/decision-rules';
import { OWNER_REQUIRED_FROM, STAGE_LABELS, type Stage } from '../pilots/pilot-fields';

// Stage changes from before the app (lifecycle.md, "Pilots that began before the app"): which a
// pilot may be given, and what makes one impossible. Pure.

/** "A board decision moves a pilot forward from incubation on": these stages' moves are the board's. */
const BOARD_FROM: readonly Stage[] = ['incubation', 'scale_up_review', 'scaled'];

export function isBoardMove(from: Stage): boolean {
  return BOARD_FROM.includes(from);
}

/**
 * The moves a pilot in `from` can be given as past history, each with the outcome it was: the
 * next stage and a stop always; from incubation on also the board's extension and pivot.
 */
export function pastMoves(from: Stage): Array<{ to: Stage; outcome: Outcome }> {
  const moves: Array<{ to: Stage; outcome: Outcome }> = [];
  for (const outcome of OUTCOMES) {
    if (!isBoardMove(from) && (outcome === 'extend' || outcome === 'pivot')) continue;
    const to = targetStage(from, outcome);
    if (to && !moves.some((m) => m.to === to)) moves.push({ to, outcome });
  }
  return moves;
}

export interface PastMoveDraft {
  toStage: Stage;
  month: Month;
  decidedBy: string;
  why: string;
  lessonsLearned: string;
}

export interface HistorySoFar {
  stage: Stage;
  /** The month of the latest row of the stage history (the registration, or the last move). */
  since: Month;
  hasOwner: boolean;
}

/** The messages per field of a past stage change that cannot be recorded as it stands. */
export function pastMoveErrors(
  draft: PastMoveDraft,
  history: HistorySoFar,
  currentMonth: Month,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const from = STAGE_LABELS[history.stage].toLowerCase();
  const move = pastMoves(history.stage).find((m) => m.to === draft.toStage);
  if (!move) {
    errors.toStage = [
      history.stage === 'stopped'
        ? t('history.stopped')
        : t('history.cannotMove', {
            from,
            to: STAGE_LABELS[draft.toStage]?.toLowerCase() ?? draft.toStage,
          }),
    ];
  } else if (OWNER_REQUIRED_FROM.includes(draft.toStage) && !history.hasOwner) {
    errors.toStage = [t('history.ownerFirst')];
  }
  if (draft.month > currentMonth) {
    errors.month = [t('history.future', { month: formatMonth(draft.month) })];
  } else if (draft.month < history.since) {
    errors.month = [t('history.beforeSince', { from, month: formatMonth(history.since) })];
  }
  if (draft.decidedBy.length < 2) errors.decidedBy = [t('history.sayWho')];
  if (draft.why.length < 10) errors.why = [t('history.sayWhy')];
  if (draft.toStage === 'stopped' && draft.lessonsLearned.length < 10)
    errors.lessonsLearned = [t('review.stopLessons')];
  return errors;
}

/**
 * The instant a recorded move is stored at: the month's own instant, or just after the latest row
 * when that lies in the same month, so the history keeps its order.
 */
export function recordedInstant(monthInstant: Date, latest: Date): Date {
  return monthInstant > latest ? monthInstant : new Date(latest.getTime() + 1000);
}
