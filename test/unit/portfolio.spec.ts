import {
  pageOf,
  pagerOf,
  pagePortfolio,
  portfolioHeadings,
  portfolioLink,
  portfolioOrder,
  sortPortfolio,
} from '../../src/dashboards/portfolio-page';
import type { Stage } from '../../src/pilots/pilot-fields';
import { slugify } from '../../src/pilots/portfolio';
import { addDays, daysBetween, isIsoDate } from '../../src/common/dates';

describe('slugify', () => {
  it.each([
    ['WhatsApp for customers who are moving', 'whatsapp-for-customers-who-are-moving'],
    ['  Video-calls: premium!! ', 'video-calls-premium'],
    ['Café crème', 'cafe-creme'],
    ['???', ''],
    ['a'.repeat(70), 'a'.repeat(60)],
    [`${'word '.repeat(11)}end`, 'word-word-word-word-word-word-word-word-word-word-word-end'],
  ])('%p → %p', (name, slug) => expect(slugify(name)).toBe(slug));

  it('never ends on a hyphen after cutting to 60 characters', () => {
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });
});

describe('the portfolio’s order and pages', () => {
  const pilot = (
    name: string,
    stage: Stage,
    daysInStage: number,
    nextReviewDate: string | null,
  ) => ({
    name,
    stage,
    daysInStage,
    nextReviewDate,
  });
  const pilots = [
    pilot('b', 'incubation', 30, '2027-01-10'),
    pilot('a', 'idea', 2, null),
    pilot('c', 'incubation', 5, null),
    pilot('d', 'incubation', 90, '2026-12-20'),
  ];
  const names = (list: typeof pilots) => list.map((p) => p.name);

  it('keeps lifecycle order, and sorts within a stage (a missing review date last)', () => {
    expect(names(sortPortfolio(pilots, portfolioOrder({})))).toEqual(['a', 'b', 'c', 'd']);
    expect(names(sortPortfolio(pilots, portfolioOrder({ sort: 'days', dir: 'desc' })))).toEqual([
      'a',
      'd',
      'b',
      'c',
    ]);
    expect(names(sortPortfolio(pilots, portfolioOrder({ sort: 'review' })))).toEqual([
      'a',
      'd',
      'b',
      'c',
    ]);
    expect(names(sortPortfolio(pilots, portfolioOrder({ sort: 'review', dir: 'desc' })))).toEqual([
      'a',
      'b',
      'd',
      'c',
    ]);
  });

  it('reads a bad order or page as the default, and shows the last page for one past it', () => {
    expect(portfolioOrder({ sort: 'DROP', dir: 'sideways', page: '-3' })).toEqual({
      sort: 'name',
      dir: 'asc',
      page: 1,
    });
    const many = Array.from({ length: 120 }, (_, i) => i);
    expect(pagePortfolio(many, 2)).toMatchObject({ page: 2, pages: 3, first: 51, last: 100 });
    expect(pagePortfolio(many, 9)).toMatchObject({ page: 3, first: 101, last: 120 });
    expect(pagePortfolio([], 1)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0 });
  });

  it('reads the page asked for, and gives the pager its links either side', () => {
    expect([
      pageOf({ page: '3' }),
      pageOf({ page: '0' }),
      pageOf({ page: 'x' }),
      pageOf({}),
    ]).toEqual([3, 1, 1, 1]);
    const many = Array.from({ length: 120 }, (_, i) => i);
    const link = (page: number) => `/list?page=${page}`;
    expect(pagerOf(pagePortfolio(many, 2), link)).toEqual({
      page: 2,
      pages: 3,
      first: 51,
      last: 100,
      total: 120,
      many: true,
      previous: '/list?page=1',
      next: '/list?page=3',
    });
    expect(pagerOf(pagePortfolio(many.slice(0, 7), 1), link)).toMatchObject({
      many: false,
      previous: null,
      next: null,
    });
  });

  it('keeps the filters and the order in its links', () => {
    const order = portfolioOrder({ sort: 'days', dir: 'desc', page: '2' });
    const filter = { q: 'chat bot', stage: '', channelType: 'chatbot' };
    expect(portfolioLink(filter, order, { page: 3 })).toBe(
      '/pilots?q=chat+bot&channelType=chatbot&sort=days&dir=desc&page=3',
    );
    expect(portfolioLink({}, portfolioOrder({}), {})).toBe('/pilots');
    const headings = portfolioHeadings(filter, order);
    expect(headings.days).toMatchObject({
      ariaSort: 'descending',
      href: '/pilots?q=chat+bot&channelType=chatbot&sort=days&dir=asc',
    });
    expect(headings.name.ariaSort).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['', false],
  ])('isIsoDate(%p) = %p', (value, ok) => expect(isIsoDate(value)).toBe(ok));

  it('counts days across a month end and a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
  });
});
