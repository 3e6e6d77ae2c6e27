// The vocabulary of readiness and IT commitment (lifecycle.md).

export const ITEM_STATUSES = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  not_applicable: 'Not applicable',
};

/** In order: the index is the level (0 none … 4 integrated). */
export const IT_LEVELS = [
  'none',
  'vendor_standalone',
  'assessed',
  'committed',
  'integrated',
] as const;
export type ItLevel = (typeof IT_LEVELS)[number];
export const IT_LEVEL_LABELS: Record<ItLevel, string> = {
  none: '0 · None',
  vendor_standalone: '1 · Vendor stand-alone',
  assessed: '2 · Assessed by IT',
  committed: '3 · Committed (budget, roadmap slot, IT owner, date)',
  integrated: '4 · Integrated',
};

export const INTEGRATION_ITEMS = [
  'crm',
  'knowledge_base',
  'routing',
  'identity',
  'reporting',
  'privacy_security',
] as const;
export type IntegrationItem = (typeof INTEGRATION_ITEMS)[number];
export const INTEGRATION_LABELS: Record<IntegrationItem, string> = {
  crm: 'CRM',
  knowledge_base: 'Knowledge base',
  routing: 'Routing / telephony platform',
  identity: 'Identity and login',
  reporting: 'Reporting / data warehouse',
  privacy_security: 'Privacy and security review',
};

export function itLevelIndex(level: ItLevel): number {
  return IT_LEVELS.indexOf(level);
}
