import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Stage } from '../pilots/pilot-fields';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { canMove } from './decision-rules';
import { monthOf } from '../common/months';
import { todayIso } from '../common/dates';
import type { LessonOutcome } from './lesson.entity';
import { LessonsService } from './lessons.service';

export interface StageMove {
  to: Stage;
  actor: string;
  /** Why, in the stage history ("Board decision #12: stop"); null for the owner's own step. */
  reason: string | null;
  /** Other pilot fields written with the move (lessons learned, the next review). */
  fields?: Partial<Pilot>;
  /** When it happened: now, or a month in the past for history brought in from before the app. */
  at?: Date;
  /**
   * Who enters a move from before the app (recorded history); `actor` is then who decided it.
   * The stage history keeps both, and the audit entry is the recorder's, dated now.
   */
  recordedBy?: string;
  /** The board decision the move carries out, and its outcome: a lesson given is kept with it. */
  decision?: { id: number; outcome: LessonOutcome };
}

/** The audit field of a recorded move: "stage, recorded for 2026-02" (history-labels reads it). */
export const recordedStageField = (month: string) => `stage, recorded for ${month}`;

/**
 * The one door for every stage change (the owner's step, a stop, a board decision, the demo's
 * history): checks that the lifecycle has the move, writes the pilot's stage with the version
 * check inside the UPDATE and the row of its stage history (through the pilots feature, which
 * owns them), and the audit entry. A decision that keeps the stage (an extension) still gets its
 * history row. The gate a move needs (the owner's checklist, the board's rules) is the caller's.
 */
@Injectable()
export class StageMoves {
  constructor(
    private readonly pilots: PilotsService,
    private readonly audit: AuditService,
    private readonly lessons: LessonsService,
  ) {}

  /**
   * False when someone saved the pilot since `pilot` was read: nothing is written then. On success
   * `pilot` holds the new stage and version, so the next move can follow it.
   */
  async move(em: EntityManager, pilot: Pilot, move: StageMove): Promise<boolean> {
    if (!canMove(pilot.stage, move.to))
      throw new Error(`The lifecycle has no move from ${pilot.stage} to ${move.to}.`);
    const now = new Date();
    const at = move.at ?? now;
    const from = pilot.stage;
    if (!(await this.pilots.writeStage(em, pilot, { ...move, at }))) return false;
    // Also in the audit trail, so the organisation-wide trail shows stage moves too; a recorded
    // move is the recorder's entry of today, naming the month it happened.
    const { recordedBy } = move;
    if (move.to !== from || recordedBy)
      await this.audit.recordChanges(
        em,
        recordedBy ?? move.actor,
        { entityType: 'pilot', entityId: pilot.id, pilotId: pilot.id },
        [
          {
            field: recordedBy ? recordedStageField(monthOf(at)) : 'stage',
            oldValue: from,
            newValue: move.to,
          },
        ],
        recordedBy ? now : at,
      );
    // A lesson learned goes to the library as well, with the stage it was learned in.
    const lesson = move.fields?.lessonsLearned?.trim();
    if (lesson)
      await this.lessons.record(
        em,
        {
          pilotId: pilot.id,
          decisionId: move.decision?.id ?? null,
          stage: from,
          outcome: move.decision?.outcome ?? (move.to === 'stopped' ? 'stop' : 'advance'),
          text: lesson,
          learnedOn: todayIso(at),
          recordedBy: recordedBy ?? move.actor,
        },
        now,
      );
    return true;
  }
}
