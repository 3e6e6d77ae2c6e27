import {
  FinanceRow,
  financeTotals,
  monthRange,
  signoffState,
  sortRows,
} from '../../src/dashboards/finance-dashboard';

function row(name: string, claimed: number | null, extra: Partial<FinanceRow> = {}): FinanceRow {
  return {
    slug: name,
    name,
    stage: 'incubation',
    department: null,
    channelType: 'chatbot',
    missing: claimed === null ? ['the plan'] : [],
    months: 3,
    contacts: 100,
    claimed,
    realised: claimed === null ? null : claimed / 2,
    realisedHalfWidth: claimed === null ? null : 3,
    realisedEvidence:
      claimed === null ? null : { rests: 'measured', measured: 3, weak: 0, unverified: 0 },
    waterbed: claimed === null ? null : claimed / 2,
    waterbedRatio: claimed === null ? null : 0.5,
    netBenefit: claimed === null ? null : 10,
    investment: 100,
    roi: null,
    npv: null,
    npvNote: null,
    payback: { status: 'not_yet', month: null, note: '' },
    proven: claimed === null ? null : false,
    signoff: { state: 'none', label: 'Not signed off' },
    overlaps: [],
    ...extra,
  };
}

describe('finance dashboard', () => {
  it('sorts either way with the rows without a figure last, then by name', () => {
    const rows = [row('b', 10), row('a', null), row('c', 30), row('d', 10)];
    expect(sortRows(rows, 'claimed', 'desc').map((r) => r.name)).toEqual(['c', 'b', 'd', 'a']);
    expect(sortRows(rows, 'claimed', 'asc').map((r) => r.name)).toEqual(['b', 'd', 'c', 'a']);
    expect(sortRows(rows, 'name', 'desc').map((r) => r.name)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('totals the computed pilots; intervals combine as independent', () => {
    const totals = financeTotals([
      row('a', 100),
      row('b', 300, {
        realisedHalfWidth: 4,
        realisedEvidence: { rests: 'mixed', measured: 2, weak: 1, unverified: 0 },
      }),
      row('c', null),
    ]);
    // The total rests on the computed pilots' months together.
    expect(totals.realisedEvidence).toEqual({
      rests: 'mixed',
      measured: 5,
      weak: 1,
      unverified: 0,
    });
    expect(totals).toMatchObject({
      pilots: 3,
      computed: 2,
      contacts: 300,
      claimed: 400,
      realised: 200,
      realisedHalfWidth: 5,
      waterbed: 200,
      waterbedRatio: 0.5,
      netBenefit: 20,
      investment: 300,
    });
  });

  it('reads a month range, saying what is wrong with each field', () => {
    expect(monthRange('2026-01', ' 2026-03 ')).toEqual({
      from: '2026-01',
      to: '2026-03',
      errors: {},
    });
    expect(monthRange('', undefined)).toEqual({ from: null, to: null, errors: {} });
    expect(monthRange('2026-1', '2026-02').errors).toEqual({
      from: ['Give the month as YYYY-MM, for example 2026-01.'],
    });
    expect(monthRange('2026-05', '2026-02')).toEqual({
      from: null,
      to: null,
      errors: { to: ['The last month cannot come before the first.'] },
    });
  });

  it('states the sign-off: none, current, open months or outdated', () => {
    const status = (toMonth: string, outdated = false) => ({ toMonth, outdated });
    expect(signoffState([], '2026-03').state).toBe('none');
    expect(signoffState([status('2026-03')], '2026-03')).toEqual({
      state: 'current',
      label: 'Signed off to March 2026',
    });
    expect(signoffState([status('2026-02')], '2026-03').state).toBe('open_months');
    expect(signoffState([status('2026-03'), status('2026-01', true)], '2026-03').state).toBe(
      'outdated',
    );
  });
});
