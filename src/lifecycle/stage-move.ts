import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { todayIso } from '../common/dates';
import { updateIfUnchanged } from '../database/update-if-unchanged';
import { PilotStageChange } from '../pilots/pilot-stage-change.entity';
import { Pilot } from '../pilots/pilot.entity';
import type { Stage } from '../pilots/pilot-fields';

export interface StageMove {
  to: Stage;
  actor: string;
  /** Why, in the stage history ("Board decision #12: stop"); null for the owner's own step. */
  reason: string | null;
  /** Other pilot fields written with the move (lessons learned, the next review). */
  fields?: Partial<Pilot>;
  at?: Date;
}

/**
 * The one door for every stage change (the owner's step, a stop, a board decision): writes the
 * pilot's stage with the version check inside the UPDATE, the row of its stage history and the
 * audit entry. A decision that keeps the stage (an extension) still gets its history row.
 * False when someone saved the pilot since `pilot` was read: nothing is written then.
 */
export async function moveStage(
  em: EntityManager,
  audit: AuditService,
  pilot: Pilot,
  move: StageMove,
): Promise<boolean> {
  const at = move.at ?? new Date();
  const { affectedChannels: _channels, ...fields } = move.fields ?? {};
  const columns: Partial<Pilot> = { ...fields, stage: move.to, updatedAt: at };
  if (move.to !== pilot.stage) columns.stageEnteredOn = todayIso(at);
  if (!(await updateIfUnchanged(em, Pilot, pilot, columns))) return false;
  await em.insert(PilotStageChange, {
    pilotId: pilot.id,
    fromStage: pilot.stage,
    toStage: move.to,
    changedAt: at,
    actor: move.actor,
    reason: move.reason,
  });
  // Also in the audit trail, so the organisation-wide trail shows stage moves too.
  if (move.to !== pilot.stage)
    await audit.recordChanges(
      em,
      move.actor,
      { entityType: 'pilot', entityId: pilot.id, pilotId: pilot.id },
      [{ field: 'stage', oldValue: pilot.stage, newValue: move.to }],
      at,
    );
  return true;
}
