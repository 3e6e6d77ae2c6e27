import {
  computeBusinessCase,
  EngineInput,
  rateFor,
} from '../../../src/business-case/business-case.math';
import { actual, cents, channel, workedExample } from './fixtures';
import { said, say } from '../../../src/common/phrase';
import { inLanguage } from '../../../src/i18n/language';

/** One phone channel: history 1 000 ± `noise` (mean pinned, so B = 1 000), share 0.5, €5 a contact. */
function steadyPilot(opts: {
  months: number;
  contacts: number;
  phone: number;
  noise?: number;
  investment?: number;
}): EngineInput {
  const noise = opts.noise ?? 10;
  const history = Array.from({ length: 12 }, (_, i) => 1000 + (i % 2 ? noise : -noise));
  return {
    startMonth: '2025-01',
    incubationStartMonth: '2025-01',
    plan: {
      investment: opts.investment ?? 0,
      monthlyFixedCost: 100,
      variableCostPerContact: 0,
      horizonMonths: 36,
      coverage: 0.5,
      fixedCostAtScale: 500,
    },
    channels: [{ ...channel('phone', 0.5, 5, history, '2024-01'), pinnedMethod: 'mean' }],
    actuals: Array.from({ length: opts.months }, (_, i) =>
      actual(`2025-${String(i + 1).padStart(2, '0')}`, opts.contacts, { phone: opts.phone }),
    ),
    investments: [],
    discountRate: 0,
  };
}

describe('edge cases', () => {
  it('without history the realised figure falls back to claimed − follow-ups (weak), else the claim (unverified)', () => {
    const input = workedExample();
    input.channels = input.channels.map((c) => ({ ...c, history: [] }));
    input.actuals = [
      actual('2026-01', 2000, { phone: 9300, email: 2950 }, { followUps: { phone: 300 } }),
    ];
    const { months, channels } = computeBusinessCase(input);
    const [phone, email] = months[0].channels;
    expect(phone).toMatchObject({ evidence: 'weak', displaced: 900, baseline: null });
    expect(email).toMatchObject({ evidence: 'unverified', displaced: 400 });
    expect(months[0].evidence).toBe('unverified');
    expect(channels.map((c) => c.method)).toEqual([null, null]);
    // RS = 900·6 + 400·3.5 = 6 800, with no interval from a baseline.
    expect(months[0].realisedSavings).toBe(6800);
    expect(months[0].realisedHalfWidth).toBe(0);
  });

  it('with zero claimed savings there is no waterbed ratio', () => {
    const input = workedExample();
    input.actuals = [actual('2026-01', 0, { phone: 9300, email: 2950 })];
    const result = computeBusinessCase(input);
    expect(result.totals.claimedSavings).toBe(0);
    expect(result.totals.waterbedRatio).toBeNull();
  });

  it('names a missing cost rate and shows no money figure instead of zero', () => {
    const input = workedExample();
    input.channels[1].rates = [{ from: '2026-02', euros: 3.5 }];
    const result = computeBusinessCase(input);
    expect(said(result.months[0].missing)).toEqual(['cost per contact of email for January 2026']);
    expect(result.months[0]).toMatchObject({
      claimedSavings: null,
      realisedSavings: null,
      netBenefit: null,
      waterbed: null,
    });
    expect(result.totals).toMatchObject({
      claimedSavings: null,
      realisedSavings: null,
      netBenefit: null,
    });
    expect(said(result.payback)).toEqual({
      status: 'not_yet',
      reason: 'inputs are missing for some months',
    });
  });

  it('shows negative displacement when the pilot created extra contacts', () => {
    const input = workedExample();
    input.actuals = [actual('2026-01', 2000, { phone: 10600, email: 3000 })];
    const result = computeBusinessCase(input);
    // D_phone = 10 000 − 10 600 = −600 → −€3 600; W = 8 600 − (−3 600) = 12 200, ratio > 100 %.
    expect(result.months[0].channels[0].displaced).toBe(-600);
    expect(result.months[0].realisedSavings).toBe(-3600);
    expect(result.months[0].waterbed).toBe(12200);
    expect(result.totals.waterbedRatio).toBeGreaterThan(1);
  });

  it('takes the latest rate effective on or before the month', () => {
    const rates = [
      { from: '2025-01', euros: 5 },
      { from: '2025-07', euros: 6 },
      { from: '2026-01', euros: 7 },
    ];
    expect(rateFor(rates, '2024-12')).toBeNull();
    expect(rateFor(rates, '2025-06')).toBe(5);
    expect(rateFor(rates, '2025-07')).toBe(6);
    expect(rateFor(rates, '2030-01')).toBe(7);
  });

  it('ignores results logged before the start month (they belong to the history)', () => {
    const input = workedExample();
    input.actuals.push(actual('2025-12', 10, { phone: 1, email: 1 }));
    expect(computeBusinessCase(input).months.map((m) => m.month)).toEqual(['2026-01']);
  });
});

describe('payback, ROI and NPV', () => {
  // Each month: D = 1 000 − 800 = 200 contacts · €5 = €1 000 realised; NB = 1 000 − 100 = €900.
  it('finds the month the cumulative net benefit reaches the investment', () => {
    const result = computeBusinessCase(
      steadyPilot({ months: 4, contacts: 400, phone: 800, investment: 2000 }),
    );
    expect(result.months.map((m) => m.netBenefit)).toEqual([900, 900, 900, 900]);
    // 900, 1 800, 2 700 ≥ 2 000 in the third month.
    expect(result.payback).toEqual({ status: 'reached', month: '2025-03' });
    // ROI = (3 600 − 2 000) / 2 000 = 0.8.
    expect(result.totals.roi).toBeCloseTo(0.8, 10);
  });

  it('projects the payback month from the 3-month run rate', () => {
    const result = computeBusinessCase(
      steadyPilot({ months: 3, contacts: 400, phone: 800, investment: 5000 }),
    );
    // 2 700 so far; 2 300 to go at €900 a month = 3 more months after March → June.
    expect(result.payback).toEqual({ status: 'projected', month: '2025-06' });
  });

  it('projects no payback beyond the plan horizon (a tiny run rate once named a month past 9999)', () => {
    const input = steadyPilot({ months: 3, contacts: 400, phone: 800, investment: 8_000_000_000 });
    input.plan.horizonMonths = 36;
    const result = computeBusinessCase(input);
    expect(said(result.payback)).toEqual({
      status: 'not_yet',
      reason: 'not within the horizon (December 2027) at the current run rate',
    });
    // The last month of the horizon itself is still a projection.
    input.investments = [{ date: '2025-01-15', amount: 2700 + 33 * 900 }];
    expect(computeBusinessCase(input).payback).toEqual({ status: 'projected', month: '2027-12' });
  });

  it('computes NPV with actuals and the run rate for the rest of the horizon', () => {
    const input = steadyPilot({ months: 3, contacts: 400, phone: 800, investment: 5000 });
    input.plan.horizonMonths = 12;
    // r = 0: NPV = −5 000 + 12 · 900 = 5 800, 9 of them projected.
    expect(computeBusinessCase(input).npv).toEqual({ value: 5800, projectedMonths: 9 });
    // r = 12 %: r_m = 1.12^(1/12) − 1; NPV = −5 000 + 900 · Σ_{m=1..12} (1+r_m)^−m.
    input.discountRate = 0.12;
    const rm = 1.12 ** (1 / 12) - 1;
    const annuity = Array.from({ length: 12 }, (_, i) => (1 + rm) ** -(i + 1)).reduce(
      (a, b) => a + b,
      0,
    );
    expect(computeBusinessCase(input).npv.value).toBeCloseTo(-5000 + 900 * annuity, 8);
    input.discountRate = null;
    expect(said(computeBusinessCase(input).npv)).toMatchObject({
      value: null,
      reason: 'no discount rate set by finance',
    });
  });
});

describe('proven, time to proof and at scale', () => {
  it('is proven after six clean incubation months whose lower bound is above zero', () => {
    const result = computeBusinessCase(steadyPilot({ months: 6, contacts: 400, phone: 800 }));
    expect(result.verdict.proven).toBe(true);
    expect(result.verdict.reasons).toEqual([]);
    expect(result.verdict.lowerBound).toBeGreaterThan(0);
    expect(result.timeToProof).toEqual({ status: 'proven' });
  });

  it('is not proven with fewer than six incubation months, and says when it will be', () => {
    const result = computeBusinessCase(steadyPilot({ months: 4, contacts: 400, phone: 800 }));
    expect(result.verdict.proven).toBe(false);
    expect(said(result.verdict.reasons)).toEqual([
      '4 of the 6 months of incubation results needed',
    ]);
    expect(result.timeToProof).toMatchObject({
      status: 'projected',
      month: '2025-06',
      monthsFromNow: 2,
    });
  });

  it('stays unproven when the noise swamps the saving, projecting how long it takes', () => {
    const noisy = computeBusinessCase(
      steadyPilot({ months: 6, contacts: 40, phone: 950, noise: 300 }),
    );
    expect(noisy.verdict.proven).toBe(false);
    expect(said(noisy.verdict.reasons)).toContain(
      'the lower bound of the cumulative net benefit is not above zero',
    );
    expect(['projected', 'not_within_horizon']).toContain(noisy.timeToProof.status);
  });

  it('cannot be proven at a run rate of zero or less', () => {
    const result = computeBusinessCase(steadyPilot({ months: 6, contacts: 40, phone: 1000 }));
    expect(result.timeToProof).toEqual({ status: 'not_at_current_run_rate' });
  });

  it('a weak month in the incubation blocks the proof', () => {
    const input = steadyPilot({ months: 6, contacts: 400, phone: 800 });
    input.actuals[2].channels.phone = { volume: null, followUps: 10, control: null };
    const result = computeBusinessCase(input);
    expect(result.verdict.proven).toBe(false);
    expect(say(result.verdict.reasons[0])).toBe(
      '1 incubation month with weak, unverified or missing figures: March 2025',
    );
    expect(inLanguage('nl', () => say(result.verdict.reasons[0]))).toBe(
      '1 incubatiemaand met zwakke, onbevestigde of ontbrekende cijfers: maart 2025',
    );
    expect(result.timeToProof.status).toBe('blocked');
  });

  it('flags the plan’s share as contradicted when the realised share’s interval lies below it', () => {
    // Claimed share 0.5 but D = 20 of 400 contacts: realised share 0.05.
    const result = computeBusinessCase(steadyPilot({ months: 6, contacts: 400, phone: 980 }));
    expect(result.channels[0].realisedShare).toBeCloseTo(0.05, 10);
    expect(result.channels[0].contradicted).toBe(true);
  });

  it('projects the annual net benefit at full scale', () => {
    const result = computeBusinessCase(steadyPilot({ months: 6, contacts: 400, phone: 800 }));
    // 12 · mean(RS + M − v·N) / coverage − 12 · fixed at scale = 12 · 1 000 / 0.5 − 12 · 500 = 18 000.
    expect(cents(result.atScale?.value)).toBe(18000);
    expect(result.atScale?.halfWidth).toBeGreaterThan(0);
  });
});
