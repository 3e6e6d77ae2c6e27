import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { instantOfMonth, monthOf } from '../common/months';
import { Writer } from '../database/writer.service';
import { DecisionsService } from '../lifecycle/decisions.service';
import { StageMoves } from '../lifecycle/stage-move';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { PastMoveDto, StartMonthDto } from './dto/history-forms.dto';
import { isBoardMove, pastMoveErrors, pastMoves, recordedInstant } from './history-rules';

/**
 * History from before the app: a pilot's start month and its past stage changes and board
 * decisions, recorded afterwards. They go through the one stage-change door with their own month,
 * so the incubation months, the time in stage, the signals and the gates count them like any other.
 */
@Injectable()
export class HistoryService {
  constructor(
    private readonly writer: Writer,
    private readonly pilots: PilotsService,
    private readonly stageMoves: StageMoves,
    private readonly decisions: DecisionsService,
    private readonly audit: AuditService,
  ) {}

  /** The pilot's stage history, oldest first. */
  stageChanges(pilot: Pilot) {
    return this.pilots.stageChanges(pilot.id);
  }

  recordMove(slug: string, dto: PastMoveDto, actor: string): Promise<Pilot> {
    return this.writer.write(async (em) => {
      const pilot = await this.pilots.get(slug, em);
      if (pilot.version !== dto.version) throw this.pilots.conflict();
      const rows = await this.pilots.stageChanges(pilot.id, em);
      const latest = rows[rows.length - 1].changedAt;
      const errors = pastMoveErrors(
        dto,
        { stage: pilot.stage, since: monthOf(latest), hasOwner: Boolean(pilot.ownerName) },
        monthOf(new Date()),
      );
      if (Object.keys(errors).length)
        throw new DomainError('validation', t('form.summary.pastMove'), errors);
      const from = pilot.stage;
      const { outcome } = pastMoves(from).find((m) => m.to === dto.toStage)!;
      const at = recordedInstant(instantOfMonth(dto.month), latest);
      const target = { entityType: 'pilot' as const, entityId: pilot.id, pilotId: pilot.id };
      const lessonsBefore = pilot.lessonsLearned;
      let reason = dto.why;
      let decided: { id: number; outcome: typeof outcome } | undefined;
      // From incubation on, the board moved the pilot: its decision is recorded too.
      if (isBoardMove(from)) {
        const decision = await this.decisions.recordPast(
          em,
          pilot,
          {
            outcome,
            to: dto.toStage,
            decidedOn: `${dto.month}-01`,
            rationale: dto.why,
            members: dto.decidedBy,
          },
          actor,
        );
        reason = `Board decision #${decision.id}: ${outcome}`;
        decided = { id: decision.id, outcome };
      }
      const stopping = dto.toStage === 'stopped';
      const moved = await this.stageMoves.move(em, pilot, {
        to: dto.toStage,
        actor: dto.decidedBy,
        reason,
        fields: stopping ? { lessonsLearned: dto.lessonsLearned } : {},
        at,
        recordedBy: actor,
        decision: decided,
      });
      if (!moved) throw this.pilots.conflict();
      if (stopping)
        await this.audit.recordChanges(em, actor, target, [
          { field: 'lessonsLearned', oldValue: lessonsBefore, newValue: dto.lessonsLearned },
        ]);
      return pilot;
    });
  }

  recordStart(slug: string, dto: StartMonthDto, actor: string): Promise<Pilot> {
    return this.writer.write(async (em) => {
      const pilot = await this.pilots.get(slug, em);
      if (pilot.version !== dto.version) throw this.pilots.conflict();
      await this.pilots.recordStart(em, pilot, dto.startedIn, actor);
      return pilot;
    });
  }
}
