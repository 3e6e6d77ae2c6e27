import { t } from '../i18n/translate';
import type { BusinessCaseReport } from '../business-case/business-case.service';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { todayIso } from '../common/dates';
import { DomainError } from '../common/domain-error';
import { Writer } from '../database/writer.service';
import { GatesService } from './gates.service';
import { StageMoves } from './stage-move';
import type { Pilot } from '../pilots/pilot.entity';
import type { Stage } from '../pilots/pilot-fields';
import { PilotsService } from '../pilots/pilots.service';
import { gateCriteria, GateCriterion } from './stage-rules';
import { BoardMeetingItem } from './board-meeting.entity';
import { Decision, DecisionCondition, DecisionSnapshot } from './decision.entity';
import { DecisionDraft, decisionErrors, Outcome, targetStage } from './decision-rules';
import { ClearConditionDto, DecisionFormDto } from './dto/decision-form.dto';

@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
    private readonly gates: GatesService,
    private readonly stageMoves: StageMoves,
    private readonly pilots: PilotsService,
  ) {}

  /** The criteria the board weighs for an advance from the pilot's stage, and the figures. */
  async reviewFacts(pilot: Pilot): Promise<{
    criteria: GateCriterion[];
    snapshot: DecisionSnapshot;
    report: BusinessCaseReport;
  }> {
    const { subject, report } = await this.gates.subjectFor(pilot);
    const target = targetStage(pilot.stage, 'advance');
    // Scaling is judged on the scale-up review's criteria.
    const gate = target === 'scaled' ? 'scale_up_review' : target;
    const criteria = gate ? gateCriteria(subject, gate) : [];
    const r = report.result;
    return {
      criteria,
      report,
      snapshot: {
        criteria: criteria.map(({ key, label, status, detail, threshold }) => ({
          key,
          label,
          status,
          detail,
          threshold,
        })),
        businessCase: r
          ? {
              claimedSavings: r.totals.claimedSavings,
              realisedSavings: r.totals.realisedSavings?.value ?? null,
              realisedHalfWidth: r.totals.realisedSavings?.halfWidth ?? null,
              waterbedRatio: r.totals.waterbedRatio,
              netBenefit: r.totals.netBenefit,
              proven: r.verdict.proven,
              months: r.totals.months,
            }
          : null,
      },
    };
  }

  /** Newest decision first, by the date it was taken (a recorded past decision by its month). */
  timeline(pilotId: number): Promise<Decision[]> {
    return this.dataSource
      .getRepository(Decision)
      .find({ where: { pilotId }, order: { decidedOn: 'DESC', id: 'DESC' } });
  }

  /**
   * A board decision taken before the pilot was in the app, recorded afterwards as part of its
   * history (the history feature moves the stage). Its snapshot holds no criteria or figures: they
   * were not known here then. Conditions of past decisions are not tracked.
   */
  async recordPast(
    em: EntityManager,
    pilot: Pilot,
    past: { outcome: Outcome; to: Stage; decidedOn: string; rationale: string; members: string },
    actor: string,
  ): Promise<Decision> {
    return this.insert(
      em,
      {
        pilotId: pilot.id,
        decidedOn: past.decidedOn,
        fromStage: pilot.stage,
        toStage: past.to,
        outcome: past.outcome,
        rationale: past.rationale,
        members: past.members,
        nextReviewDate: null,
        overrides: [],
        snapshot: { criteria: [], businessCase: null, recordedAfterwards: true },
        correctsId: null,
      },
      actor,
      new Date(),
      (id) =>
        `#${id} ${past.outcome} (recorded, decided ${past.decidedOn.slice(0, 7)}): ${past.rationale}`,
    );
  }

  conditions(pilotId: number): Promise<DecisionCondition[]> {
    return this.dataSource
      .getRepository(DecisionCondition)
      .find({ where: { pilotId }, order: { id: 'ASC' } });
  }

  /** Every condition not cleared yet, of every pilot (for the reminders). */
  openConditions(): Promise<DecisionCondition[]> {
    return this.dataSource
      .getRepository(DecisionCondition)
      .find({ where: { clearedAt: IsNull() }, order: { id: 'ASC' } });
  }

  /** Pilots in scale-up review, or with a review date due within two weeks or passed. */
  async agenda(today = todayIso()): Promise<Array<{ pilot: Pilot; openConditions: number }>> {
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const pilots = await this.pilots.dueForReview(soon);
    const open = pilots.length
      ? await this.dataSource
          .getRepository(DecisionCondition)
          .find({ where: { pilotId: In(pilots.map((p) => p.id)), clearedAt: IsNull() } })
      : [];
    return pilots.map((pilot) => ({
      pilot,
      openConditions: open.filter((c) => c.pilotId === pilot.id).length,
    }));
  }

  async record(pilot: Pilot, dto: DecisionFormDto, actor: string): Promise<Decision> {
    // First: a decision on a pilot that changed since the review was opened is not checked
    // against the new stage, it is sent back to be taken again on what the pilot is now.
    const { version, outcome, correctsId, meetingId } = dto;
    const changedMeanwhile = () => new DomainError('conflict', t('review.changed'));
    if (version !== pilot.version) throw changedMeanwhile();
    const draft: DecisionDraft = {
      outcome,
      rationale: dto.rationale,
      members: dto.members,
      nextReviewDate: dto.nextReviewDate,
      conditions: dto.conditions,
      lessonsLearned: dto.lessonsLearned,
      overrideReasons: dto.overrideReasons,
    };
    const { criteria, snapshot } = await this.reviewFacts(pilot);
    const failed = criteria.filter((c) => c.status !== 'met');
    const errors = decisionErrors(draft, pilot.stage, failed);
    if (Object.keys(errors).length)
      throw new DomainError('validation', t('review.notRecorded'), errors);

    return this.writer.write(async (em) => {
      // Locked until commit (PostgreSQL): a second decision on another instance waits here and
      // then finds the version moved on, instead of both being recorded from the same stage.
      const current = await this.pilots.lock(em, pilot.id);
      if (!current || current.stage !== pilot.stage || current.version !== version)
        throw changedMeanwhile();
      if (
        correctsId !== null &&
        !(await em.findOneBy(Decision, { id: correctsId, pilotId: pilot.id }))
      ) {
        throw DomainError.field('correctsId', t('valid.chooseADecisionOfThisPilot'));
      }
      // Taken in a meeting: the pilot is on its agenda, without a decision there yet.
      const agendaLine =
        meetingId === null
          ? null
          : await em.findOneBy(BoardMeetingItem, { meetingId, pilotId: pilot.id });
      if (meetingId !== null && !agendaLine)
        throw DomainError.field('meetingId', t('review.notOnAgenda'));
      if (agendaLine?.decisionId)
        throw DomainError.field(
          'meetingId',
          t('review.alreadyRecorded', { id: agendaLine.decisionId }),
        );
      const to = targetStage(pilot.stage, outcome) as Pilot['stage'];
      const now = new Date();
      const decision = await this.insert(
        em,
        {
          pilotId: pilot.id,
          decidedOn: todayIso(now),
          fromStage: pilot.stage,
          toStage: to,
          outcome: outcome as Outcome,
          rationale: draft.rationale,
          members: draft.members,
          nextReviewDate: draft.nextReviewDate,
          overrides:
            outcome === 'advance'
              ? failed.map((c) => ({
                  key: c.key,
                  label: c.label,
                  reason: draft.overrideReasons[c.key].trim(),
                }))
              : [],
          snapshot,
          correctsId,
        },
        actor,
        now,
        (id) => `#${id} ${outcome}: ${draft.rationale}`,
      );
      if (agendaLine)
        await em.update(BoardMeetingItem, { id: agendaLine.id }, { decisionId: decision.id });
      if (draft.conditions.length) {
        await em.insert(
          DecisionCondition,
          draft.conditions.map((c) => ({
            decisionId: decision.id,
            pilotId: pilot.id,
            text: c,
            clearedBy: null,
            clearedAt: null,
            clearNote: null,
          })),
        );
      }
      const fields: Partial<Pilot> = {};
      if (draft.nextReviewDate) fields.nextReviewDate = draft.nextReviewDate;
      if (draft.lessonsLearned) fields.lessonsLearned = draft.lessonsLearned;
      const moved = await this.stageMoves.move(em, current, {
        to,
        actor,
        reason: `Board decision #${decision.id}: ${outcome}`,
        fields,
        at: now,
        decision: { id: decision.id, outcome: outcome as Outcome },
      });
      if (!moved) throw changedMeanwhile();
      return decision;
    });
  }

  /** Stores a decision, never edited afterwards, and its entry in the pilot's audit trail. */
  private async insert(
    em: EntityManager,
    values: Omit<Decision, 'id' | 'pilot' | 'corrects' | 'recordedBy' | 'recordedAt'>,
    actor: string,
    now: Date,
    described: (id: number) => string,
  ): Promise<Decision> {
    const decision = await em.save(
      em.create(Decision, { ...values, recordedBy: actor, recordedAt: now }),
    );
    await this.audit.recordChanges(
      em,
      actor,
      { entityType: 'pilot', entityId: values.pilotId, pilotId: values.pilotId },
      [{ field: 'board decision', oldValue: null, newValue: described(decision.id) }],
      now,
    );
    return decision;
  }

  clearCondition(pilot: Pilot, id: number, dto: ClearConditionDto, actor: string): Promise<void> {
    const { note } = dto;
    return this.writer.write(async (em) => {
      const condition = await em.findOneBy(DecisionCondition, { id, pilotId: pilot.id });
      if (!condition) throw DomainError.notFound('condition');
      const cleared = () => new DomainError('conflict', t('review.clearedAlready'));
      if (condition.clearedAt) throw cleared();
      const now = new Date();
      // "Not cleared yet" is part of the UPDATE: of two clears at once, one is stored.
      const result = await em
        .createQueryBuilder()
        .update(DecisionCondition)
        .set({ clearedBy: actor, clearedAt: now, clearNote: note })
        .where('id = :id AND cleared_at IS NULL', { id })
        .execute();
      if (result.affected !== 1) throw cleared();
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'pilot', entityId: pilot.id, pilotId: pilot.id },
        [{ field: 'condition cleared', oldValue: condition.text, newValue: note }],
      );
    });
  }
}
