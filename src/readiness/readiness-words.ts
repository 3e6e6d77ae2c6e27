import { translatedLabels } from '../i18n/labels';
import type { FieldWords } from '../audit/readable-change';
import { formatEuros } from '../common/money';
import {
  IT_LEVEL_LABELS,
  ITEM_STATUS_LABELS,
  type ItemStatus,
  type ItLevel,
} from './readiness-fields';

/** How the checklist's and the IT commitment's audited fields read in a history. Pure. */
export const READINESS_WORDS: FieldWords = {
  labels: translatedLabels('readinessField', [
    'level',
    'itOwner',
    'budgetCommittedCents',
    'roadmapSlot',
    'targetDate',
    'status',
    'evidence',
  ] as const),
  value(key, value) {
    if (key === 'budgetCommittedCents' && /^-?\d+$/.test(value))
      return formatEuros(Number(value) / 100);
    if (key === 'level') return IT_LEVEL_LABELS[value as ItLevel] ?? value;
    if (key === 'status') return ITEM_STATUS_LABELS[value as ItemStatus] ?? value;
    return null;
  },
};
