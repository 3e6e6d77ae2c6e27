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
  labels: {
    level: 'level',
    itOwner: 'owner',
    budgetCommittedCents: 'budget committed',
    roadmapSlot: 'roadmap slot',
    targetDate: 'target date',
    status: 'status',
    evidence: 'evidence',
  },
  value(key, value) {
    if (key === 'budgetCommittedCents' && /^-?\d+$/.test(value))
      return formatEuros(Number(value) / 100);
    if (key === 'level') return IT_LEVEL_LABELS[value as ItLevel] ?? value;
    if (key === 'status') return ITEM_STATUS_LABELS[value as ItemStatus] ?? value;
    return null;
  },
};
