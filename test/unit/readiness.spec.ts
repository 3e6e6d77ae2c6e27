import { fullMonthsBetween } from '../../src/common/dates';
import { readinessOf } from '../../src/readiness/readiness-rules';

describe('readinessOf', () => {
  it('is done ÷ applicable items, listing critical items not done', () => {
    const readiness = readinessOf([
      { title: 'RACI', critical: true, status: 'done' },
      { title: 'Content', critical: true, status: 'in_progress' },
      { title: 'Knowledge', critical: false, status: 'done' },
      { title: 'Training', critical: false, status: 'not_applicable' },
      { title: 'Routing', critical: true, status: 'not_applicable' },
    ]);
    // 2 done of 3 applicable (two not applicable); Content is critical and open.
    expect(readiness).toEqual({ done: 2, applicable: 3, ratio: 2 / 3, openCritical: ['Content'] });
  });

  it('has no ratio when nothing applies', () => {
    expect(
      readinessOf([{ title: 'x', critical: false, status: 'not_applicable' }]).ratio,
    ).toBeNull();
    expect(readinessOf([]).ratio).toBeNull();
  });
});

describe('fullMonthsBetween', () => {
  it.each([
    ['2026-05-15', '2026-11-14', 5],
    ['2026-05-15', '2026-11-15', 6],
    ['2025-12-31', '2026-01-01', 0],
    ['2026-11-23', '2026-01-01', 0],
  ])('%s → %s: %i', (from, to, months) => expect(fullMonthsBetween(from, to)).toBe(months));
});
