import { t } from '../i18n/translate';
import { CHANNEL_TYPES, type ChannelType, PURPOSES, type Purpose } from '../pilots/pilot-fields';

// The lessons library's filter from the query string. Pure.

export interface LessonsQuery {
  channelType: ChannelType | null;
  purpose: Purpose | null;
  text: string;
  /** A message per filter that could not be read (shown next to it; the filter is then off). */
  errors: Partial<Record<'channelType' | 'purpose' | 'text', string>>;
}

export function lessonsQuery(query: Record<string, unknown>): LessonsQuery {
  const raw = (name: string) => (typeof query[name] === 'string' ? query[name].trim() : '');
  const errors: LessonsQuery['errors'] = {};
  const type = raw('channelType');
  const purpose = raw('purpose');
  let text = raw('q');
  if (type && !CHANNEL_TYPES.includes(type as ChannelType))
    errors.channelType = t('lessons.chooseType');
  if (purpose && !PURPOSES.includes(purpose as Purpose))
    errors.purpose = t('lessons.choosePurpose');
  if (text.length > 200) {
    errors.text = t('lessons.tooLong');
    text = '';
  }
  return {
    channelType: type && !errors.channelType ? (type as ChannelType) : null,
    purpose: purpose && !errors.purpose ? (purpose as Purpose) : null,
    text,
    errors,
  };
}
