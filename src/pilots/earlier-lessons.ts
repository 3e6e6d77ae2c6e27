import type { ChannelType } from './pilot-fields';

/**
 * What earlier pilots of a channel type learned, for the registration form. The lessons library
 * builds on the pilots feature, so it provides this (a global provider under this token) rather
 * than the pilots feature importing it.
 */
export const EARLIER_LESSONS = Symbol('EarlierLessons');

export interface EarlierLessons {
  byChannelType(): Promise<
    Array<{
      type: ChannelType;
      label: string;
      lessons: Array<{
        id: number;
        text: string;
        learnedOn: string;
        outcome: string;
        pilot: { slug: string; name: string } | null;
      }>;
    }>
  >;
}
