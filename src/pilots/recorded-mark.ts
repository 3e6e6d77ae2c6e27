import { monthOf, type Month } from '../common/months';
import type { PilotStageChange } from './pilot-stage-change.entity';

/** A stage change from before the app: the month it happened, who entered it and when. */
export interface RecordedMark {
  by: string;
  on: Date | null;
  inMonth: Month;
}

/** The mark of a stage change recorded afterwards; null for a move made in the app. */
export function recordedMark(
  change: Pick<PilotStageChange, 'changedAt' | 'recordedBy' | 'recordedAt'>,
): RecordedMark | null {
  return change.recordedBy
    ? { by: change.recordedBy, on: change.recordedAt, inMonth: monthOf(change.changedAt) }
    : null;
}
