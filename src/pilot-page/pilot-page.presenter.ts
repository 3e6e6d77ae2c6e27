import { CommentsService } from '../comments/comments.service';
import { LessonsService } from '../lifecycle/lessons.service';
import { Injectable } from '@nestjs/common';
import { can } from '../accounts/permissions';
import type { Actor } from '../accounts/permissions';
import { AuditService } from '../audit/audit.service';
import type { FormState } from '../common/forms';
import { daysBetween, todayIso } from '../common/dates';
import { DecisionsService } from '../lifecycle/decisions.service';
import { GatesService } from '../lifecycle/gates.service';
import { canStop } from '../lifecycle/stage-rules';
import { strategyFit } from '../lifecycle/strategy-fit';
import type { Stage } from '../pilots/pilot-fields';
import { PilotsService } from '../pilots/pilots.service';
import { type RecordedMark, recordedMark } from '../pilots/recorded-mark';
import { readableChange } from './history-labels';

export type HistoryItem =
  | {
      kind: 'stage';
      at: Date;
      actor: string;
      fromStage: Stage | null;
      toStage: Stage;
      reason: string | null;
      /** A change from before the app: the month it happened, who entered it and when. */
      recorded: RecordedMark | null;
    }
  | {
      kind: 'create' | 'update';
      at: Date;
      actor: string;
      field: string | null;
      oldValue: string | null;
      newValue: string | null;
    };

/** The page's forms, when one was sent back: the step, the stop, the acceptance of a conflict. */
export type PageForms = {
  step?: FormState;
  stop?: FormState & { values: unknown };
  accept?: FormState & { values: unknown };
  comment?: FormState & { values: unknown };
};

/** What the pilot's page shows: the pilot, its next gate, signals, decisions and history. */
@Injectable()
export class PilotPagePresenter {
  constructor(
    private readonly pilots: PilotsService,
    private readonly gates: GatesService,
    private readonly decisions: DecisionsService,
    private readonly audit: AuditService,
    private readonly lessons: LessonsService,
    private readonly comments: CommentsService,
  ) {}

  async page(slug: string, user: Actor | null, forms: PageForms = {}) {
    const pilot = await this.pilots.get(slug);
    const [history, { subject, next, signals }, decisions, conditions, lessons, comments] =
      await Promise.all([
        this.history(pilot.id),
        this.gates.nextGate(pilot),
        this.decisions.timeline(pilot.id),
        this.decisions.conditions(pilot.id),
        this.lessons.ofPilot(pilot.id),
        this.comments.ofPilot(pilot.id),
      ]);
    return {
      title: pilot.name,
      pilot,
      history,
      daysInStage: Math.max(0, daysBetween(pilot.stageEnteredOn, todayIso())),
      fit: strategyFit(pilot.serviceStrategy, pilot.channelType),
      next,
      readiness: subject.readiness,
      itLevel: subject.itLevel,
      signals,
      decisions,
      lessons,
      comments,
      mayComment: can(user, 'comment', pilot),
      commentForm: forms.comment ?? { values: { text: '' } },
      openConditions: conditions.filter((c) => !c.clearedAt),
      canStop: canStop(pilot.stage),
      mayEdit: can(user, 'edit_pilot', pilot),
      mayStop: can(user, 'stop_pilot', pilot),
      mayAccept: can(user, 'accept_conflict', pilot),
      stepForm: forms.step,
      stopForm: forms.stop,
      acceptForm: forms.accept,
    };
  }

  /** The page with one of its forms sent back: its state, and what was typed. */
  sentBack(
    slug: string,
    user: Actor | null,
    form: keyof PageForms,
    state: FormState,
    values: unknown = {},
  ) {
    return this.page(slug, user, { [form]: form === 'step' ? state : { ...state, values } });
  }

  /** The pilot's stage moves and audited changes, newest first, in the forms' words. */
  async history(pilotId: number): Promise<HistoryItem[]> {
    const [stages, entries] = await Promise.all([
      this.pilots.stageChanges(pilotId),
      this.audit.forPilot(pilotId),
    ]);
    const items: HistoryItem[] = [
      // Newest first, as the entries come, so moves at one moment keep their order.
      ...[...stages].reverse().map((change) => ({
        kind: 'stage' as const,
        at: change.changedAt,
        actor: change.actor,
        fromStage: change.fromStage,
        toStage: change.toStage,
        reason: change.reason,
        recorded: recordedMark(change),
      })),
      ...entries
        // Stage moves are in the stage history, with their reasons.
        .filter((entry) => entry.field !== 'stage')
        .map((entry) => ({
          kind: entry.action,
          at: entry.at,
          actor: entry.actor,
          ...readableChange(entry),
        })),
    ];
    return items.sort((a, b) => b.at.getTime() - a.at.getTime());
  }
}
