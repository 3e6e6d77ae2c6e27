import { computeBusinessCase, EngineInput } from '../../../src/business-case/business-case.math';
import { actual, channel } from './fixtures';

// One method per channel, month gaps per month (business-case.md): a month without the control
// volume falls back on its own to the next method, is marked, and the sum's half-width adds the
// blocks of months per method linearly. Every figure below was derived by hand and checked in
// Python (scipy's t quantile), independently of the engine.
//
// History Jan–Jun 2025: phone V = 100 112 118 132 138 150, control C = 200 220 240 260 280 300.
//   control: q = V/C, mean(q) = 0,5002178377, sd(q) = 0,0072387341, t(5) = 2,0150483733.
//   trend: x = 0..5, b = 9,7714286, a = 100,5714286, s_e = 1,9420175, t(4) = 2,1318467863.
// July (control 310, phone 150): B = mean(q)·310 = 155,0675296925,
//   h = t(5)·sd(q)·√(1 + 1/6)·310 = 4,8840847405.
// August (no control, phone 160): trend at x = 7, B = 168,9714285714,
//   h = t(4)·s_e·√(1 + 1/6 + 4,5²/17,5) = 6,3111600831.
// At €2 a call: RS = 2·(155,0675 − 150) + 2·(168,9714 − 160) = 28,0779165279;
// the sum's half-width 2·(4,8840847405 + 6,3111600831) = 22,3904896473 (linear, not the
// root sum of squares 15,96).
function pilot(augustControl: number | null): EngineInput {
  const phone = channel('phone', 0.5, 2, [100, 112, 118, 132, 138, 150], '2025-01');
  phone.history = phone.history.map((h, i) => ({ ...h, control: 200 + 20 * i }));
  const july = actual('2025-07', 20, { phone: 150 });
  july.channels.phone!.control = 310;
  const august = actual('2025-08', 20, { phone: 160 });
  august.channels.phone!.control = augustControl;
  return {
    startMonth: '2025-07',
    incubationStartMonth: '2025-07',
    plan: {
      investment: 0,
      monthlyFixedCost: 0,
      variableCostPerContact: 0,
      horizonMonths: 36,
      coverage: null,
      fixedCostAtScale: null,
    },
    channels: [phone],
    actuals: [july, august],
    investments: [],
    discountRate: null,
  };
}

describe('a month without the control volume', () => {
  const result = computeBusinessCase(pilot(null));
  const [july, august] = result.months.map((m) => m.channels[0]);

  it('keeps the channel on control for the months that have it', () => {
    expect(result.channels[0].method).toBe('control');
    expect(july).toMatchObject({ method: 'control', fallback: false, evidence: 'baseline' });
    expect(july.baseline).toBeCloseTo(155.0675296925, 9);
    expect(july.baselineHalfWidth).toBeCloseTo(4.8840847405, 9);
  });

  it('falls back to trend for that month alone, marked', () => {
    expect(august).toMatchObject({ method: 'trend', fallback: true, evidence: 'baseline' });
    expect(august.baseline).toBeCloseTo(168.9714285714, 9);
    expect(august.baselineHalfWidth).toBeCloseTo(6.3111600831, 9);
    expect(result.channels[0].fallbackMonths).toBe(1);
  });

  it('adds the blocks’ half-widths linearly in the sum', () => {
    expect(result.totals.realisedSavings!.value).toBeCloseTo(28.0779165279, 9);
    expect(result.totals.realisedSavings!.halfWidth).toBeCloseTo(22.3904896473, 9);
    expect(result.period.realisedSavings!.halfWidth).toBeCloseTo(22.3904896473, 9);
  });

  it('with every control volume there, both months are control and none is marked', () => {
    const whole = computeBusinessCase(pilot(320));
    expect(whole.months.map((m) => [m.channels[0].method, m.channels[0].fallback])).toEqual([
      ['control', false],
      ['control', false],
    ]);
    expect(whole.channels[0].fallbackMonths).toBe(0);
  });

  it('without any control volume in the pilot’s months, the channel’s method is trend, unmarked', () => {
    const input = pilot(null);
    input.actuals[0].channels.phone!.control = null;
    const trend = computeBusinessCase(input);
    expect(trend.channels[0].method).toBe('trend');
    expect(
      trend.months.every((m) => m.channels[0].method === 'trend' && !m.channels[0].fallback),
    ).toBe(true);
  });
});
