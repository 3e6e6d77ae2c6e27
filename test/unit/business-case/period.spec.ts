import { computeBusinessCase } from '../../../src/business-case/business-case.math';
import { actual, cents, workedExample } from './fixtures';

// Finance's month filter: the sums over a range of months, from the same months as the totals.
describe('period totals', () => {
  const input = workedExample();
  input.actuals = [
    actual('2026-01', 2000, { phone: 9300, email: 2950 }),
    actual('2026-02', 2400, { phone: 9100, email: 2900 }),
    actual('2026-03', 1800, { phone: 9500, email: 3050 }),
  ];

  it('equal the totals when no range is given', () => {
    const result = computeBusinessCase(input);
    const {
      claimedSavings,
      realisedSavings,
      realisedEvidence,
      waterbed,
      waterbedRatio,
      netBenefit,
      contacts,
    } = result.totals;
    expect(realisedEvidence).toEqual({ rests: 'measured', measured: 3, weak: 0, unverified: 0 });
    expect(result.period).toEqual({
      months: 3,
      contacts,
      claimedSavings,
      realisedSavings,
      realisedEvidence,
      waterbed,
      waterbedRatio,
      netBenefit,
    });
  });

  it('sum only the months in the range, and leave the whole-case figures alone', () => {
    const whole = computeBusinessCase(input);
    const result = computeBusinessCase(input, { from: '2026-02', to: '2026-03' });
    const [, feb, mar] = result.months;
    expect(result.period.months).toBe(2);
    expect(result.period.contacts).toBe(4200);
    expect(cents(result.period.claimedSavings)).toBe(
      cents((feb.claimedSavings as number) + (mar.claimedSavings as number)),
    );
    expect(cents(result.period.realisedSavings?.value)).toBe(
      cents((feb.realisedSavings as number) + (mar.realisedSavings as number)),
    );
    expect(cents(result.period.netBenefit)).toBe(
      cents((feb.netBenefit as number) + (mar.netBenefit as number)),
    );
    // Two months' interval is narrower than three months'.
    expect(result.period.realisedSavings!.halfWidth).toBeLessThan(
      whole.totals.realisedSavings!.halfWidth,
    );
    expect(result.totals).toEqual(whole.totals);
    expect(result.npv).toEqual(whole.npv);
  });

  it('is empty outside the logged months', () => {
    const result = computeBusinessCase(input, { from: '2027-01', to: null });
    expect(result.period).toMatchObject({ months: 0, contacts: 0, claimedSavings: 0 });
    expect(result.period.waterbedRatio).toBeNull();
  });
});
