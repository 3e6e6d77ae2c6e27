import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import type { ChannelType, Purpose, Stage } from '../pilots/pilot-fields';
import { Lesson, type LessonOutcome } from './lesson.entity';

export interface LessonFilter {
  channelType?: ChannelType | null;
  purpose?: Purpose | null;
  text?: string | null;
}

/** How many lessons the library shows at once; the filters narrow it down. */
export const LESSONS_SHOWN = 200;

/**
 * The organisation's memory: every lesson learned, written with the stage move or decision it
 * came with (StageMoves calls `record`), and read by the library, the pilot page and the
 * registration form.
 */
@Injectable()
export class LessonsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps a lesson, inside the move's transaction. */
  async record(
    em: EntityManager,
    values: {
      pilotId: number;
      decisionId: number | null;
      stage: Stage;
      outcome: LessonOutcome;
      text: string;
      learnedOn: string;
      recordedBy: string;
    },
    now: Date,
  ): Promise<void> {
    await em.insert(Lesson, { ...values, recordedAt: now });
  }

  /** Lessons with their pilot, newest first, filtered by the pilot's channel type and purpose. */
  search(filter: LessonFilter, limit = LESSONS_SHOWN): Promise<Lesson[]> {
    const query = this.dataSource
      .getRepository(Lesson)
      .createQueryBuilder('lesson')
      .innerJoinAndSelect('lesson.pilot', 'pilot')
      .orderBy('lesson.learned_on', 'DESC')
      .addOrderBy('lesson.id', 'DESC')
      .take(limit);
    if (filter.channelType)
      query.andWhere('pilot.channel_type = :type', { type: filter.channelType });
    // Purposes are stored comma-separated: match the whole word.
    if (filter.purpose)
      query.andWhere(
        new Brackets((q) =>
          q
            .where('pilot.purposes = :p', { p: filter.purpose })
            .orWhere('pilot.purposes LIKE :first', { first: `${filter.purpose},%` })
            .orWhere('pilot.purposes LIKE :last', { last: `%,${filter.purpose}` })
            .orWhere('pilot.purposes LIKE :middle', { middle: `%,${filter.purpose},%` }),
        ),
      );
    if (filter.text) {
      const like = `%${filter.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((q) =>
          q
            .where("LOWER(lesson.text) LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(pilot.name) LIKE :like ESCAPE '\\'", { like }),
        ),
      );
    }
    return query.getMany();
  }

  /** A pilot's lessons, oldest first (its page tells its story in order). */
  ofPilot(pilotId: number): Promise<Lesson[]> {
    return this.dataSource
      .getRepository(Lesson)
      .find({ where: { pilotId }, order: { learnedOn: 'ASC', id: 'ASC' } });
  }
}
