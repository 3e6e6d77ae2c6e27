import { parseMetricValue } from '../../src/results/metrics';

describe('parseMetricValue', () => {
  it.each<[Parameters<typeof parseMetricValue>[0], string, boolean, number | string]>([
    ['count', '1200', false, 1200],
    ['count', '1,200', false, 1200],
    ['count', '1.200', true, 1200],
    ['count', ' 7 ', false, 7],
    ['count', '-3', false, 'a count cannot be negative'],
    ['count', '2.5', false, '"2.5" is not a whole number'],
    ['count', '', false, 'the value is empty'],
    ['money', '3000', false, 300000],
    ['money', '3000.50', false, 300050],
    ['money', '3.000,50', true, 300050],
    ['money', '12,5', true, 1250],
    ['money', '-1', false, 'an amount here cannot be negative'],
    ['signed_money', '-250.75', false, -25075],
    ['money', 'abc', false, '"abc" is not an amount in euros'],
    ['percent', '87', false, 87],
    ['percent', '101', false, 'a percentage cannot be above 100'],
    ['percent', '82,5', true, 82.5],
    ['percent', '82,5', false, 82.5],
    ['percent', '82.5', false, 82.5],
    ['percent', '72,0', true, 72],
    ['percent', '72,50', true, 72.5],
    ['percent', '100,0', true, 100],
    ['percent', '82,55', true, 'a percentage is kept to one decimal, such as 82.5'],
    ['percent', '-1', false, 'a percentage cannot be negative'],
    ['percent', 'high', false, '"high" is not a percentage such as 82 or 82.5'],
  ])('%s %p (decimal comma %p) → %p', (kind, raw, comma, expected) => {
    const parsed = parseMetricValue(kind, raw, comma);
    expect(parsed.ok ? parsed.value : parsed.reason).toBe(expected);
  });
});
