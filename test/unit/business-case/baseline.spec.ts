import {
  availableMethods,
  chooseMethod,
  fitBaseline,
  HistoryPoint,
  predict,
  sumHalfWidth,
} from '../../../src/business-case/baseline.math';

const months = (volumes: number[], controls: Array<number | null> = []): HistoryPoint[] =>
  volumes.map((volume, i) => ({
    month: `2025-${String(i + 1).padStart(2, '0')}`,
    volume,
    control: controls[i] ?? null,
  }));

describe('baseline methods', () => {
  it('trend: least squares on the month index, checked against an independent computation', () => {
    // Computed by hand and in Python (statistics only): x = 0..5, y = 100 112 118 132 138 150,
    // x̄ = 2.5, ȳ = 125, Sxx = 17.5, Sxy = 171, b = 9.771429, s_e = √(15.0857/4) = 1.942017.
    // At x = 6 (July): B = 125 + b·3.5 = 159.2; h = t(4)·s_e·√(1 + 1/6 + 3.5²/17.5) = 5.656429.
    const fit = fitBaseline(months([100, 112, 118, 132, 138, 150]), 'trend')!;
    expect(fit.slope).toBeCloseTo(9.771429, 6);
    expect(fit.sigma).toBeCloseTo(1.942017, 6);
    const july = predict(fit, '2025-07', null)!;
    expect(july.baseline).toBeCloseTo(159.2, 9);
    expect(july.halfWidth).toBeCloseTo(5.656429, 5);
    // Two months summed with w = 1: t(4)·s_e·√(2 + 4/6 + (3.5 + 4.5)²/17.5) = 10.411141 (Python).
    expect(
      sumHalfWidth(fit, [
        { month: '2025-07', weight: 1, control: null },
        { month: '2025-08', weight: 1, control: null },
      ]),
    ).toBeCloseTo(10.411141, 5);
  });

  it('control: the pre-period ratio to the control scope, scaled by this month’s control volume', () => {
    // q = 0.50, 0.52, 0.48: mean 0.5, sd 0.02. C = 1 200: B = 600, h = 2.919986·0.02·√(4/3)·1 200 = 80.921014.
    const fit = fitBaseline(months([500, 520, 480], [1000, 1000, 1000]), 'control')!;
    const p = predict(fit, '2025-04', 1200)!;
    expect(p.baseline).toBeCloseTo(600, 9);
    expect(p.halfWidth).toBeCloseTo(80.921014, 5);
    expect(predict(fit, '2025-04', null)).toBeNull();
  });

  it('mean: for one month and w = 1 the sum formula reduces to the per-month one', () => {
    const fit = fitBaseline(months([10, 14, 9, 13]), 'mean')!;
    const single = predict(fit, '2025-05', null)!;
    expect(sumHalfWidth(fit, [{ month: '2025-05', weight: 1, control: null }])).toBeCloseTo(
      single.halfWidth,
      10,
    );
  });

  it.each<[string, HistoryPoint[], string[]]>([
    ['two months: nothing', months([1, 2]), []],
    ['three months: mean', months([1, 2, 3]), ['mean']],
    ['six months: trend, mean', months([1, 2, 3, 4, 5, 6]), ['trend', 'mean']],
    ['three with control: control, mean', months([1, 2, 3], [10, 10, 10]), ['control', 'mean']],
    ['control in only two months', months([1, 2, 3], [10, 10, null]), ['mean']],
  ])('%s', (_case, history, expected) => expect(availableMethods(history)).toEqual(expected));

  it('chooses control, trend, mean in that order; a pin wins where the data allows it', () => {
    const history = months([1, 2, 3, 4, 5, 6], [9, 9, 9, 9, 9, 9]);
    expect(chooseMethod(history, null, true)).toBe('control');
    expect(chooseMethod(history, null, false)).toBe('trend');
    expect(chooseMethod(history, 'mean', true)).toBe('mean');
    expect(chooseMethod(months([1, 2, 3]), 'trend', false)).toBe('mean');
    expect(chooseMethod(months([1]), null, false)).toBeNull();
  });
});
