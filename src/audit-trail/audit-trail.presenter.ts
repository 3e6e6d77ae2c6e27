import { t } from '../i18n/translate';
import { isIsoDate } from '../common/dates';
import type { AuditFilter } from '../audit/audit.service';

// The audit trail page's filter and paging. Pure: the query in, the filter and links out.

export const PAGE_SIZE = 100;
const ENTITY_TYPES = [
  'pilot',
  'plan',
  'results',
  'investment',
  'readiness',
  'it',
  'channel',
  'cost_rate',
  'discount_rate',
  'readiness_item',
  'gate_settings',
  'user',
  'channel_total',
  'comment',
  'meeting',
  'evidence',
];

/** The filter and page asked for; anything unusable is left out rather than refused. */
export function auditQuery(query: Record<string, unknown>): { filter: AuditFilter; page: number } {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 120) : '');
  return {
    filter: {
      type: ENTITY_TYPES.find((t) => t === query.type) ?? '',
      actor: text(query.actor),
      pilot: text(query.pilot),
      from: isIsoDate(text(query.from)) ? text(query.from) : '',
      to: isIsoDate(text(query.to)) ? text(query.to) : '',
    },
    page: Math.max(1, Math.min(10_000, Number.parseInt(text(query.page), 10) || 1)),
  };
}

/** One page of entries; `rows` holds one more than a page when there is a next one. */
export function trailPage<T>(filter: AuditFilter, page: number, rows: T[]) {
  const params = new URLSearchParams(
    Object.entries(filter).filter(([, v]) => v) as Array<[string, string]>,
  );
  const pageLink = (to: number) => `?${new URLSearchParams([...params, ['page', String(to)]])}`;
  return {
    title: t('audit.title'),
    entries: rows.slice(0, PAGE_SIZE),
    filter,
    types: ENTITY_TYPES,
    page,
    previous: page > 1 ? pageLink(page - 1) : null,
    next: rows.length > PAGE_SIZE ? pageLink(page + 1) : null,
  };
}
