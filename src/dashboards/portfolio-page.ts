import { t } from '../i18n/translate';
import { STAGES, type Stage } from '../pilots/pilot-fields';

// The portfolio's order and pages. Pure: the query in; the sort, the page, the links out. The
// list stays grouped by stage (in lifecycle order); the sort orders the pilots within a stage.

export const PORTFOLIO_PAGE_SIZE = 50;

export const PORTFOLIO_SORTS = ['name', 'days', 'review'] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

export interface PortfolioOrder {
  sort: PortfolioSort;
  dir: 'asc' | 'desc';
  page: number;
}

/** The order and page asked for; anything unreadable falls back to the default quietly. */
export function portfolioOrder(query: Record<string, unknown>): PortfolioOrder {
  const sort = PORTFOLIO_SORTS.find((s) => s === query.sort) ?? 'name';
  const dir = query.dir === 'desc' ? 'desc' : 'asc';
  return { sort, dir, page: pageOf(query) };
}

/** The page a list's query asks for: 1 when it is missing or cannot be read. */
export function pageOf(query: Record<string, unknown>): number {
  return typeof query.page === 'string' && /^\d{1,6}$/.test(query.page)
    ? Math.max(1, Number(query.page))
    : 1;
}

interface Sortable {
  name: string;
  stage: Stage;
  daysInStage: number;
  nextReviewDate: string | null;
}

/** By stage in lifecycle order, then by the sort (a missing review date last either way), then name. */
export function sortPortfolio<T extends Sortable>(pilots: T[], { sort, dir }: PortfolioOrder): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byKey = (a: T, b: T): number => {
    if (sort === 'days') return sign * (a.daysInStage - b.daysInStage);
    if (sort === 'review') {
      if (a.nextReviewDate === b.nextReviewDate) return 0;
      if (a.nextReviewDate === null) return 1;
      if (b.nextReviewDate === null) return -1;
      return sign * a.nextReviewDate.localeCompare(b.nextReviewDate);
    }
    return sign * a.name.localeCompare(b.name);
  };
  return [...pilots].sort(
    (a, b) =>
      STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
      byKey(a, b) ||
      a.name.localeCompare(b.name),
  );
}

/** The page's pilots, and the pager's facts; a page past the last shows the last. */
export function pagePortfolio<T>(sorted: T[], page: number) {
  const pages = Math.max(1, Math.ceil(sorted.length / PORTFOLIO_PAGE_SIZE));
  const current = Math.min(page, pages);
  const start = (current - 1) * PORTFOLIO_PAGE_SIZE;
  return {
    pilots: sorted.slice(start, start + PORTFOLIO_PAGE_SIZE),
    page: current,
    pages,
    first: sorted.length ? start + 1 : 0,
    last: Math.min(start + PORTFOLIO_PAGE_SIZE, sorted.length),
    total: sorted.length,
  };
}

/**
 * A paged list's pager (the portfolio, the dashboard's glance, the finance table): its facts,
 * whether there is more than one page, and the links either side, written by `linkTo`.
 */
export function pagerOf(
  shown: Omit<ReturnType<typeof pagePortfolio>, 'pilots'>,
  linkTo: (page: number) => string,
) {
  const { page, pages, first, last, total } = shown;
  return {
    page,
    pages,
    first,
    last,
    total,
    many: pages > 1,
    previous: page > 1 ? linkTo(page - 1) : null,
    next: page < pages ? linkTo(page + 1) : null,
  };
}

/** The query of a link that keeps the filters and the order, changing what `change` says. */
export function portfolioLink(
  filter: Record<string, string | undefined>,
  order: PortfolioOrder,
  change: Partial<PortfolioOrder>,
): string {
  const next = { ...order, ...change };
  const params = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  if (next.sort !== 'name' || next.dir !== 'asc') {
    params.set('sort', next.sort);
    params.set('dir', next.dir);
  }
  if (next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return query ? `/pilots?${query}` : '/pilots';
}

/** The sortable headings: a link each, the other way round when it is the current sort. */
export function portfolioHeadings(
  filter: Record<string, string | undefined>,
  order: PortfolioOrder,
) {
  const heading = (sort: PortfolioSort, label: string) => {
    const active = order.sort === sort;
    return {
      label,
      href: portfolioLink(filter, order, {
        sort,
        dir: active && order.dir === 'asc' ? 'desc' : 'asc',
        page: 1,
      }),
      ariaSort: active ? (order.dir === 'asc' ? 'ascending' : 'descending') : null,
    };
  };
  return {
    name: heading('name', t('portfolio.heading.name')),
    days: heading('days', t('portfolio.heading.days')),
    review: heading('review', t('portfolio.heading.review')),
  };
}
