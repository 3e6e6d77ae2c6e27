import { translatedLabels } from '../i18n/labels';
// The vocabulary of readiness and IT commitment (lifecycle.md).

export const ITEM_STATUSES = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS = translatedLabels('itemStatus', ITEM_STATUSES);

/** In order: the index is the level (0 none … 4 integrated). */
export const IT_LEVELS = [
  'none',
  'vendor_standalone',
  'assessed',
  'committed',
  'integrated',
] as const;
export type ItLevel = (typeof IT_LEVELS)[number];
export const IT_LEVEL_LABELS = translatedLabels('itLevel', IT_LEVELS);

export const INTEGRATION_ITEMS = [
  'crm',
  'knowledge_base',
  'routing',
  'identity',
  'reporting',
  'privacy_security',
] as const;
export type IntegrationItem = (typeof INTEGRATION_ITEMS)[number];
export const INTEGRATION_LABELS = translatedLabels('integration', INTEGRATION_ITEMS);

export function itLevelIndex(level: ItLevel): number {
  return IT_LEVELS.indexOf(level);
}
