import { formatIsoDate } from '../common/dates';
import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { type Actor, can } from '../accounts/permissions';
import { todayIso } from '../common/dates';
import { EMPTY_FORM, FormState } from '../common/forms';
import { BoardPackPresenter } from '../decisions/board-pack.presenter';
import { LedgerService } from '../ledger/ledger.service';
import type { BoardMeeting } from '../lifecycle/board-meeting.entity';
import { MeetingsService } from '../lifecycle/meetings.service';
import { PilotsService } from '../pilots/pilots.service';

/** A review date before the meeting (or before today, for a meeting already held) is overdue. */
const overdue = (reviewDate: string | null, meeting: BoardMeeting) =>
  reviewDate !== null && reviewDate < (meeting.heldOn < todayIso() ? meeting.heldOn : todayIso());

/** The board's meetings: the list, one meeting (its agenda, then its minutes), its pack. */
@Injectable()
export class MeetingsPresenter {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly pilots: PilotsService,
    private readonly packs: BoardPackPresenter,
    private readonly ledger: LedgerService,
  ) {}

  async list(
    user: Actor | null,
    typed: Record<string, unknown> = {},
    state: FormState = EMPTY_FORM,
  ) {
    const today = todayIso();
    const rows = (await this.meetings.list()).map(({ meeting, pilots, decided }) => ({
      ...meeting,
      pilots,
      decided,
      past: meeting.heldOn < today,
    }));
    return {
      title: t('meetings.title'),
      upcoming: rows.filter((r) => !r.past).reverse(),
      past: rows.filter((r) => r.past),
      mayPlan: can(user, 'decide'),
      values: { heldOn: typed.heldOn ?? '', members: typed.members ?? '' },
      summary: state.summary,
      fieldErrors: state.fieldErrors,
    };
  }

  async meeting(id: number, user: Actor | null, agendaError: string | null = null) {
    const meeting = await this.meetings.get(id);
    const agenda = await this.meetings.agenda(meeting);
    const suggestions = await this.meetings.suggestions(
      meeting,
      agenda.map((a) => a.pilot.id),
    );
    const everyPilot = await this.pilots.list({});
    const onAgenda = new Set(agenda.map((a) => a.pilot.id));
    return {
      title: t('meetings.meetingTitle', { date: formatIsoDate(meeting.heldOn) }),
      meeting,
      held: meeting.heldOn <= todayIso(),
      mayPlan: can(user, 'decide'),
      agenda: agenda.map((line) => ({
        pilot: line.pilot,
        overdue: !line.decision && overdue(line.pilot.nextReviewDate, meeting),
        openConditions: line.openConditions,
        decision: line.decision,
        conditions: line.conditions,
      })),
      decided: agenda.filter((a) => a.decision).length,
      suggestions: suggestions.map((pilot) => ({
        pilot,
        overdue: overdue(pilot.nextReviewDate, meeting),
        why: t(
          pilot.stage === 'scale_up_review'
            ? 'meetings.why.review'
            : pilot.nextReviewDate && pilot.nextReviewDate <= meeting.heldOn
              ? 'meetings.why.due'
              : 'meetings.why.conditions',
        ),
      })),
      others: everyPilot
        .filter((p) => !onAgenda.has(p.id) && !suggestions.some((s) => s.id === p.id))
        .map((p) => ({ value: p.slug, label: p.name })),
      agendaError,
    };
  }

  /**
   * One print-ready document for the meeting: a cover with the agenda and, per pilot, its key
   * figures and gate checklist; then each pilot's board pack.
   */
  async pack(id: number) {
    const meeting = await this.meetings.get(id);
    const agenda = await this.meetings.agenda(meeting);
    // The portfolio's overlaps, read once for every pilot's pack.
    const overlaps = await this.ledger.overlapsByPilot();
    const packs = [];
    for (const [i, line] of agenda.entries()) {
      const pack = await this.packs.boardPack(line.pilot.slug, overlaps);
      const prefix = `p${i + 1}-`;
      packs.push({
        ...pack,
        prefix,
        overdue: overdue(line.pilot.nextReviewDate, meeting),
        charts: pack.charts.map((c) => ({ ...c, id: `${prefix}${c.id}` })),
      });
    }
    return {
      title: t('meetings.packTitle', { date: formatIsoDate(meeting.heldOn) }),
      meeting,
      printedOn: todayIso(),
      packs,
      // The layout loads the chart library when the page has charts at its top level.
      charts: packs.flatMap((p) => p.charts),
    };
  }
}
