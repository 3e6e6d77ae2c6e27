import { t } from '../i18n/translate';
import { CHANNEL_TYPES, STAGES } from '../pilots/pilot-fields';
import type { Month } from '../common/months';
import { isSortKey, monthRange, SortKey } from './finance-dashboard';
import { pageOf } from './portfolio-page';

// The dashboards' queries, and the finance dashboard's sortable headings. Pure: the query string in, the
// filter, range, sort and the links the page shows out.

/** A query value as text: trimmed, at most 200 characters, undefined when empty. */
export const queryText = (value: unknown) =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined;

/** The stage, channel type and department asked for, each checked against its list. */
export function listFilter(query: Record<string, unknown>) {
  return {
    stage: STAGES.find((stage) => stage === query.stage),
    channelType: CHANNEL_TYPES.find((type) => type === query.channelType),
    department: queryText(query.department),
  };
}

export interface FinanceQuery {
  filter: ReturnType<typeof listFilter>;
  range: { from: Month | null; to: Month | null };
  errors: Record<string, string[]>;
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** The page of the table asked for (50 pilots a page), 1 when unreadable. */
  page: number;
  /** The query as the page shows it back, typed text included. */
  params: URLSearchParams;
}

/** The filter, month range and sort of the finance dashboard, each checked against its list. */
export function financeQuery(query: Record<string, unknown>): FinanceQuery {
  const range = monthRange(query.from, query.to);
  const filter = listFilter(query);
  const params = new URLSearchParams(
    Object.entries({ ...filter, from: range.from, to: range.to }).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
  return {
    filter,
    range: { from: range.from, to: range.to },
    errors: range.errors,
    sort: isSortKey(query.sort) ? query.sort : 'name',
    dir: query.dir === 'desc' ? 'desc' : 'asc',
    page: pageOf(query),
    params,
  };
}

/** The link to another page of the table: the filter, range and sort kept. */
export function financePageLink({ params, sort, dir }: FinanceQuery, page: number): string {
  const next = new URLSearchParams(params);
  if (sort !== 'name' || dir !== 'asc') {
    next.set('sort', sort);
    next.set('dir', dir);
  }
  if (page > 1) next.set('page', String(page));
  const query = next.toString();
  return query ? `/finance/dashboard?${query}` : '/finance/dashboard';
}

/** The export links: the same filter, range and sort, as CSV and in Excel's Dutch dialect. */
export function exportLinks({ params, sort, dir }: FinanceQuery) {
  const href = (extra: Array<[string, string]>) =>
    `/finance/dashboard.csv?${new URLSearchParams([...params, ['sort', sort], ['dir', dir], ...extra]).toString()}`;
  return { csvHref: href([]), excelHref: href([['format', 'excel-nl']]) };
}

// Ten columns fit a laptop: the stage sits under the pilot's name and the waterbed ratio
// under its gap, each still sortable by a second link in the heading.
// Labels are catalogue keys (finance.column.*), said when the page is made.
const COLUMNS: Array<[SortKey, string, [SortKey, string]?]> = [
  ['name', 'name', ['stage', 'stage']],
  ['contacts', 'contacts'],
  ['claimed', 'claimed'],
  ['realised', 'realised'],
  ['waterbed', 'waterbed', ['ratio', 'ratio']],
  ['net', 'net'],
  ['roi', 'roi'],
  ['npv', 'npv'],
  ['payback', 'payback'],
  ['proven', 'proven'],
];

/** The table's headings, each a link that sorts by it (again: the other way round). */
export function financeColumns({ params, sort, dir }: FinanceQuery) {
  const sortLink = (key: SortKey, label: string) => {
    const active = key === sort;
    const next = new URLSearchParams(params);
    next.set('sort', key);
    next.set('dir', active && dir === 'asc' ? 'desc' : 'asc');
    return {
      key,
      label: t(`finance.column.${label}`),
      href: `?${next.toString()}`,
      ariaSort: active ? (dir === 'asc' ? 'ascending' : 'descending') : null,
    };
  };
  return COLUMNS.map(([key, label, also]) => {
    const main = sortLink(key, label);
    const second = also ? sortLink(...also) : null;
    return {
      ...main,
      also: second,
      numeric: !['name', 'payback', 'proven'].includes(key),
      ariaSort: main.ariaSort ?? second?.ariaSort ?? null,
    };
  });
}
