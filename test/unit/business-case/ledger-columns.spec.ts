import { ledgerColumns, monthName, orNull } from '../../../src/business-case/ledger-columns';
import type { LedgerBasis } from '../../../src/business-case/business-case.types';
import { monthIndex } from '../../../src/common/months';

describe('A pilot’s ledger part as columns', () => {
  const basis: LedgerBasis = {
    channels: [
      {
        key: 'phone',
        scope: 'segment',
        scopeDescription: 'Movers',
        months: [
          ['2025-12', 4055, 75, -47.06],
          ['2026-01', null, 80.3, null],
          ['2026-02', 0, 0, 0],
        ],
      },
    ],
    months: [
      ['2025-12', 120, 1500.5],
      ['2026-01', 0, 0],
    ],
  };

  it('gives back every figure, a missing one as null (never as zero)', () => {
    const columns = ledgerColumns(basis);
    const [phone] = columns.channels;
    expect({
      key: phone.key,
      scope: phone.scope,
      scopeDescription: phone.scopeDescription,
    }).toEqual({ key: 'phone', scope: 'segment', scopeDescription: 'Movers' });
    const rows = [...phone.months].map((month, i) => [
      monthName(month),
      orNull(phone.volume[i]),
      phone.claimed[i],
      orNull(phone.measured[i]),
    ]);
    expect(rows).toEqual(basis.channels[0].months);
    expect(
      [...columns.months].map((month, i) => [
        monthName(month),
        columns.contacts[i],
        columns.runningCost[i],
      ]),
    ).toEqual(basis.months);
  });

  it('names each month with one string, across the year boundary', () => {
    expect(monthName(monthIndex('2025-12'))).toBe('2025-12');
    expect(monthName(monthIndex('2026-01'))).toBe('2026-01');
    expect(monthName(monthIndex('2026-01'))).toBe(monthName(monthIndex('2026-01')));
  });
});
