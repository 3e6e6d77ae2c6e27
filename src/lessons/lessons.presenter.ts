import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import type { Lesson } from '../lifecycle/lesson.entity';
import { LESSONS_SHOWN, LessonsService } from '../lifecycle/lessons.service';
import {
  CHANNEL_TYPE_LABELS,
  CHANNEL_TYPES,
  options,
  PURPOSE_LABELS,
  PURPOSES,
} from '../pilots/pilot-fields';
import type { EarlierLessons } from '../pilots/earlier-lessons';
import type { LessonsQuery } from './lessons-query';

/** How many lessons of its channel type the registration form shows. */
const ON_REGISTRATION = 5;

/** One lesson as the library and the registration form show it. */
function lessonRow(lesson: Lesson) {
  return {
    id: lesson.id,
    text: lesson.text,
    learnedOn: lesson.learnedOn,
    stage: lesson.stage,
    outcome: t(`lessonOutcome.${lesson.outcome}`),
    decisionId: lesson.decisionId,
    pilot: lesson.pilot ? { slug: lesson.pilot.slug, name: lesson.pilot.name } : null,
    channelType: lesson.pilot?.channelType ?? null,
  };
}

/**
 * The lessons library (`/lessons`) and what earlier pilots of a kind learned, on the registration
 * form of a new one (through the pilots feature's EarlierLessons port).
 */
@Injectable()
export class LessonsPresenter implements EarlierLessons {
  constructor(private readonly lessons: LessonsService) {}

  async library(query: LessonsQuery) {
    const found = await this.lessons.search({
      channelType: query.channelType,
      purpose: query.purpose,
      text: query.text,
    });
    const filtered = Boolean(query.channelType || query.purpose || query.text);
    return {
      title: t('lessons.title'),
      filter: {
        channelType: query.channelType ?? '',
        purpose: query.purpose ?? '',
        q: query.text,
      },
      errors: query.errors,
      filtered,
      channelTypes: options(CHANNEL_TYPES, CHANNEL_TYPE_LABELS),
      purposes: options(PURPOSES, PURPOSE_LABELS),
      lessons: found.map(lessonRow),
      capped: found.length === LESSONS_SHOWN,
      shown: LESSONS_SHOWN,
    };
  }

  /** Per channel type, its latest lessons (the registration form shows the chosen type's). */
  async byChannelType() {
    const groups = await Promise.all(
      CHANNEL_TYPES.map(async (type) => ({
        type,
        label: CHANNEL_TYPE_LABELS[type],
        lessons: (await this.lessons.search({ channelType: type }, ON_REGISTRATION)).map(lessonRow),
      })),
    );
    return groups.filter((g) => g.lessons.length);
  }
}
