import { t } from '../i18n/translate';
import { EvidenceService } from '../evidence/evidence.service';
import { Injectable } from '@nestjs/common';
import { overlapSentence } from '../ledger/ledger-rules';
import { LedgerService } from '../ledger/ledger.service';
import { type Actor, can } from '../accounts/permissions';
import { EMPTY_FORM, FormState } from '../common/forms';
import { OUTCOME_LABELS, OUTCOMES, targetStage } from '../lifecycle/decision-rules';
import { DecisionsService } from '../lifecycle/decisions.service';
import { MeetingsService } from '../lifecycle/meetings.service';
import { options } from '../pilots/pilot-fields';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';

/** A form on the review page sent back: the decision's, or one condition's (its id). */
export interface ReviewForm {
  values: Record<string, unknown>;
  state: FormState;
  conditionId?: number | null;
}

/** The board's review page of a pilot: the gate's criteria, the decision form, the timeline. */
@Injectable()
export class ReviewPresenter {
  constructor(
    private readonly pilots: PilotsService,
    private readonly decisions: DecisionsService,
    private readonly ledger: LedgerService,
    private readonly meetings: MeetingsService,
    private readonly evidence: EvidenceService,
  ) {}

  /** The decision form sent back; after a conflict, with the pilot as it is now. */
  async decisionSentBack(
    pilot: Pilot,
    user: Actor | null,
    values: Record<string, unknown>,
    state: FormState,
  ) {
    const shown = state.status === 409 ? await this.pilots.get(pilot.slug) : pilot;
    const meetingId = Number(values.meetingId);
    return this.review(
      shown,
      user,
      { values, state },
      Number.isInteger(meetingId) ? meetingId : null,
    );
  }

  async review(
    pilot: Pilot,
    user: Actor | null,
    { values, state, conditionId = null }: ReviewForm = { values: {}, state: EMPTY_FORM },
    meetingId: number | null = null,
  ) {
    const [{ criteria, snapshot }, timeline, conditions, overlaps, meeting, files] =
      await Promise.all([
        this.decisions.reviewFacts(pilot),
        this.decisions.timeline(pilot.id),
        this.decisions.conditions(pilot.id),
        this.ledger.overlapsByPilot(),
        // Opened from a meeting's agenda: the decision is recorded in it, with its members.
        meetingId === null ? null : this.meetings.get(meetingId),
        this.evidence.ofPilot(pilot.id, 'decision'),
      ]);
    if (meeting && values.members === undefined) values = { ...values, members: meeting.members };
    return {
      title: t('review.pageTitle', { name: pilot.name }),
      pilot,
      criteria,
      failed: criteria
        .filter((c) => c.status !== 'met')
        .map((c) => ({
          ...c,
          field: `override_${c.key}`,
          value: values[`override_${c.key}`] ?? '',
          errors: state.fieldErrors[`override_${c.key}`],
        })),
      businessCase: snapshot.businessCase,
      outcomes: options(OUTCOMES, OUTCOME_LABELS).filter(
        (o) => targetStage(pilot.stage, o.value) !== null,
      ),
      timeline: timeline.map((d) => ({
        ...d,
        conditions: conditions.filter((c) => c.decisionId === d.id),
        files: files.filter((f) => f.subjectId === d.id),
      })),
      openConditions: conditions.filter((c) => !c.clearedAt),
      overlaps: (overlaps.get(pilot.id) ?? []).map(overlapSentence),
      meeting,
      mayDecide: can(user, 'decide'),
      mayClear: can(user, 'clear_condition'),
      values,
      summary: conditionId === null ? state.summary : '',
      fieldErrors: conditionId === null ? state.fieldErrors : {},
      conditionError:
        conditionId === null
          ? null
          : {
              id: conditionId,
              summary: state.summary,
              errors: state.fieldErrors.note,
              note: typeof values.note === 'string' ? values.note : '',
            },
    };
  }
}
