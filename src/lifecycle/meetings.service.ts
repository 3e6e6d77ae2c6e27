import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { Writer } from '../database/writer.service';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { BoardMeeting, BoardMeetingItem } from './board-meeting.entity';
import { Decision, DecisionCondition } from './decision.entity';

export interface MeetingAgendaLine {
  item: BoardMeetingItem;
  pilot: Pilot;
  openConditions: number;
  decision: Decision | null;
  conditions: DecisionCondition[];
}

/**
 * The board's meetings: scheduled with a date and members, an agenda of pilots (suggested: those
 * in scale-up review, with a review due by the meeting, or with open conditions), and the
 * decision recorded for each pilot in it (DecisionsService keeps it on the agenda line).
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
    private readonly pilots: PilotsService,
  ) {}

  /** Every meeting, the latest first, with the number of pilots on its agenda. */
  async list(): Promise<Array<{ meeting: BoardMeeting; pilots: number; decided: number }>> {
    const [meetings, items] = await Promise.all([
      this.dataSource.getRepository(BoardMeeting).find({ order: { heldOn: 'DESC', id: 'DESC' } }),
      this.dataSource.getRepository(BoardMeetingItem).find(),
    ]);
    return meetings.map((meeting) => {
      const mine = items.filter((i) => i.meetingId === meeting.id);
      return { meeting, pilots: mine.length, decided: mine.filter((i) => i.decisionId).length };
    });
  }

  async get(id: number): Promise<BoardMeeting> {
    const meeting = await this.dataSource.getRepository(BoardMeeting).findOneBy({ id });
    if (!meeting) throw DomainError.notFound('meeting');
    return meeting;
  }

  /** The agenda in order, each pilot with its open conditions and the decision taken here. */
  async agenda(meeting: BoardMeeting): Promise<MeetingAgendaLine[]> {
    const items = await this.dataSource
      .getRepository(BoardMeetingItem)
      .find({ where: { meetingId: meeting.id }, order: { position: 'ASC', id: 'ASC' } });
    if (!items.length) return [];
    const ids = items.map((i) => i.pilotId);
    const decisionIds = items.flatMap((i) => (i.decisionId ? [i.decisionId] : []));
    const [pilots, conditions, decisions] = await Promise.all([
      this.pilots.byIds(ids),
      this.dataSource.getRepository(DecisionCondition).find({ where: { pilotId: In(ids) } }),
      decisionIds.length
        ? this.dataSource.getRepository(Decision).findBy({ id: In(decisionIds) })
        : Promise.resolve([]),
    ]);
    return items.flatMap((item) => {
      const pilot = pilots.find((p) => p.id === item.pilotId);
      if (!pilot) return [];
      const decision = decisions.find((d) => d.id === item.decisionId) ?? null;
      return [
        {
          item,
          pilot,
          openConditions: conditions.filter((c) => c.pilotId === pilot.id && !c.clearedAt).length,
          decision,
          conditions: decision ? conditions.filter((c) => c.decisionId === decision.id) : [],
        },
      ];
    });
  }

  /**
   * Pilots the board should see in this meeting and that are not on its agenda yet: in scale-up
   * review, with a review date on or before the meeting, or with open conditions.
   */
  async suggestions(meeting: BoardMeeting, onAgenda: number[]): Promise<Pilot[]> {
    const [due, open] = await Promise.all([
      this.pilots.dueForReview(meeting.heldOn),
      this.dataSource
        .getRepository(DecisionCondition)
        .find({ where: { clearedAt: IsNull() }, select: { pilotId: true } }),
    ]);
    const withConditions = await this.pilots.byIds(
      [...new Set(open.map((c) => c.pilotId))].filter((id) => !due.some((p) => p.id === id)),
    );
    return [...due, ...withConditions.filter((p) => p.stage !== 'stopped')].filter(
      (p) => !onAgenda.includes(p.id),
    );
  }

  schedule(values: { heldOn: string; members: string }, actor: string): Promise<BoardMeeting> {
    return this.writer.write(async (em) => {
      const now = new Date();
      const meeting = await em.save(
        em.create(BoardMeeting, { ...values, createdBy: actor, createdAt: now }),
      );
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'meeting', entityId: meeting.id, pilotId: null },
        [
          {
            field: 'board meeting',
            oldValue: null,
            newValue: `${values.heldOn}: ${values.members}`,
          },
        ],
        now,
      );
      return meeting;
    });
  }

  /** Puts a pilot on the agenda, last; a pilot already on it stays where it is. */
  addToAgenda(meeting: BoardMeeting, pilot: Pilot, actor: string): Promise<void> {
    return this.writer.write(async (em) => {
      const items = await em.findBy(BoardMeetingItem, { meetingId: meeting.id });
      if (items.some((i) => i.pilotId === pilot.id)) return;
      await em.insert(BoardMeetingItem, {
        meetingId: meeting.id,
        pilotId: pilot.id,
        position: Math.max(0, ...items.map((i) => i.position)) + 1,
        decisionId: null,
      });
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'meeting', entityId: meeting.id, pilotId: pilot.id },
        [{ field: `agenda of ${meeting.heldOn}`, oldValue: null, newValue: pilot.name }],
      );
    });
  }

  /** Takes a pilot off the agenda, unless its decision is recorded there (the minutes keep it). */
  removeFromAgenda(meeting: BoardMeeting, pilot: Pilot, actor: string): Promise<void> {
    return this.writer.write(async (em) => {
      const item = await em.findOneBy(BoardMeetingItem, {
        meetingId: meeting.id,
        pilotId: pilot.id,
      });
      if (!item) return;
      if (item.decisionId)
        throw new DomainError(
          'conflict',
          t('meetings.staysOn', { name: pilot.name, id: item.decisionId }),
        );
      await em.delete(BoardMeetingItem, { id: item.id });
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'meeting', entityId: meeting.id, pilotId: pilot.id },
        [{ field: `agenda of ${meeting.heldOn}`, oldValue: pilot.name, newValue: null }],
      );
    });
  }
}
