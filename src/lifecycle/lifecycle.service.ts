import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { diffFields } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { updateIfUnchanged } from '../database/update-if-unchanged';
import { Writer } from '../database/writer.service';
import type { Stage } from '../pilots/pilot-fields';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { AcceptConflictDto, StageStepDto, StopPilotDto } from './dto/stage-step.dto';
import { GateSettingsDto } from './dto/gate-settings.dto';
import { GateSettings } from './gate-settings.entity';
import { GatesService } from './gates.service';
import { StageMoves } from './stage-move';
import { canStop, checkOwnerStep } from './stage-rules';
import { strategyFit } from './strategy-fit';

const THRESHOLD_FIELDS = [
  'minIncubationMonths',
  'readinessPct',
  'minItLevel',
  'maxWaterbedPct',
  'vendorStandaloneMonths',
  'maxMonthsInStage',
] as const;

/** The owner's moves through the lifecycle, the board's acceptance of a conflict, the thresholds. */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly writer: Writer,
    private readonly audit: AuditService,
    private readonly pilots: PilotsService,
    private readonly gates: GatesService,
    private readonly stageMoves: StageMoves,
  ) {}

  /** The owner's own step to the next stage, when its gate's checklist is met. */
  stepStage(slug: string, dto: StageStepDto, actor: string): Promise<Pilot> {
    return this.writer.write(async (em) => {
      const pilot = await this.pilots.get(slug, em);
      this.assertStage(pilot, dto.fromStage);
      const { subject } = await this.gates.subjectFor(pilot, em);
      const check = checkOwnerStep(subject, dto.toStage);
      if (!check.allowed)
        throw new DomainError('validation', check.reason, { toStage: [check.reason] });
      await this.move(em, pilot, dto.toStage, actor, null);
      return pilot;
    });
  }

  stop(slug: string, dto: StopPilotDto, actor: string): Promise<Pilot> {
    return this.writer.write(async (em) => {
      const pilot = await this.pilots.get(slug, em);
      this.assertStage(pilot, dto.fromStage);
      if (!canStop(pilot.stage)) throw new DomainError('validation', t('pilot.alreadyStopped'));
      const changes = diffFields(pilot, { lessonsLearned: dto.lessonsLearned }, ['lessonsLearned']);
      await this.move(em, pilot, 'stopped', actor, dto.reason, {
        lessonsLearned: dto.lessonsLearned,
      });
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'pilot', entityId: pilot.id, pilotId: pilot.id },
        changes,
      );
      return pilot;
    });
  }

  /** The board's explicit acceptance of a conflict between the channel and the service strategy. */
  acceptConflict(slug: string, dto: AcceptConflictDto, actor: string): Promise<void> {
    return this.writer.write(async (em) => {
      const pilot = await this.pilots.get(slug, em);
      if (!strategyFit(pilot.serviceStrategy, pilot.channelType).conflict) {
        throw new DomainError('validation', t('pilot.noConflict'));
      }
      if (pilot.conflictAcceptedAt) throw new DomainError('conflict', t('pilot.conflictAlready'));
      const now = new Date();
      await this.pilots.saveIfUnchanged(em, pilot, {
        conflictAcceptedBy: actor,
        conflictAcceptedAt: now,
        conflictNote: dto.note,
        updatedAt: now,
      });
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'pilot', entityId: pilot.id, pilotId: pilot.id },
        [{ field: 'strategy conflict accepted', oldValue: null, newValue: dto.note }],
      );
    });
  }

  /** The gate thresholds every gate and signal uses. */
  thresholds(): Promise<GateSettings> {
    return this.gates.thresholds();
  }

  saveThresholds(dto: GateSettingsDto, actor: string): Promise<void> {
    const { version, ...values } = dto;
    return this.writer.write(async (em) => {
      const existing = await this.gates.thresholds(em);
      if (existing.version !== version) throw staleThresholds();
      const changes = diffFields(existing, values, [...THRESHOLD_FIELDS]);
      if (!changes.length) return;
      const now = new Date();
      const saved = await updateIfUnchanged(em, GateSettings, existing, {
        ...values,
        updatedBy: actor,
        updatedAt: now,
      });
      if (!saved) throw staleThresholds();
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'gate_settings', entityId: 1, pilotId: null },
        changes,
        now,
      );
    });
  }

  private async move(
    em: EntityManager,
    pilot: Pilot,
    to: Stage,
    actor: string,
    reason: string | null,
    fields: Partial<Pilot> = {},
  ): Promise<void> {
    if (!(await this.stageMoves.move(em, pilot, { to, actor, reason, fields })))
      throw this.pilots.conflict();
  }

  private assertStage(pilot: Pilot, expected: Stage): void {
    if (pilot.stage !== expected) {
      throw new DomainError('conflict', t('pilot.movedMeanwhile'));
    }
  }
}

const staleThresholds = () => new DomainError('conflict', t('gates.stale'));
