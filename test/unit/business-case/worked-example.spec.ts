import { computeBusinessCase } from '../../../src/business-case/business-case.math';
import { cents, workedExample } from './fixtures';

// business-case.md, "Worked example": every figure is the document's, to the cent.
describe('the worked example', () => {
  const result = computeBusinessCase(workedExample());
  const month = result.months[0];
  const [phone, email] = month.channels;

  it('fits the mean baselines with their 90 % intervals', () => {
    // phone: mean 10 000, sd 400, h = 2.919986 · 400 · √(1 + 1/3) = 1 348.68
    expect(phone.baseline).toBe(10000);
    expect(cents(phone.baselineHalfWidth)).toBe(1348.68);
    // e-mail: mean 3 000, sd 100, h = 2.919986 · 100 · √(4/3) = 337.17
    expect(email.baseline).toBe(3000);
    expect(cents(email.baselineHalfWidth)).toBe(337.17);
    expect(result.channels.map((c) => c.method)).toEqual(['mean', 'mean']);
  });

  it('claims 1 200 + 400 contacts, €8 600', () => {
    expect([phone.claimedContacts, email.claimedContacts]).toEqual([1200, 400]);
    expect(cents(month.claimedSavings)).toBe(8600);
  });

  it('realises 700 + 50 contacts, €4 375 ± €8 177.70', () => {
    expect([phone.displaced, email.displaced]).toEqual([700, 50]);
    expect(cents(month.realisedSavings)).toBe(4375);
    // √((2.919986·400·6)²·4/3 + (2.919986·100·3.5)²·4/3) = 8 177.70
    expect(cents(month.realisedHalfWidth)).toBe(8177.7);
    expect(cents(result.totals.realisedSavings?.halfWidth)).toBe(8177.7);
  });

  it('shows the waterbed: €4 225, 49.1 %', () => {
    expect(cents(month.waterbed)).toBe(4225);
    expect(Math.round((result.totals.waterbedRatio as number) * 1000) / 10).toBe(49.1);
    // Where the claimed contacts went: 1 200 − 700 and 400 − 50.
    expect(result.channels.map((c) => c.leakedContacts)).toEqual([500, 350]);
  });

  it('nets €375 (claimed view €4 600) on a running cost of €4 000', () => {
    expect(month.runningCost).toBe(4000);
    expect(cents(month.netBenefit)).toBe(375);
    expect(cents(month.claimedNetBenefit)).toBe(4600);
  });

  it('proves nothing with three noisy months of history and one month of results', () => {
    expect(result.verdict.proven).toBe(false);
    expect(month.evidence).toBe('baseline');
  });
});
