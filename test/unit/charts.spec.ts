import { businessCaseCharts } from '../../src/business-case/business-case.charts';
import { computeBusinessCase } from '../../src/business-case/business-case.math';
import type { BusinessCaseReport } from '../../src/business-case/business-case.service';
import { chart, chartJson } from '../../src/charts/chart';
import { actual, workedExample } from './business-case/fixtures';

function reportOf(input = workedExample()): BusinessCaseReport {
  return {
    pilot: {} as BusinessCaseReport['pilot'],
    plan: { expectedMonthlyContacts: 2000, minMonthlyVolume: 500 } as BusinessCaseReport['plan'],
    planMissing: [],
    missing: [],
    input,
    result: computeBusinessCase(input),
    contactMix: [],
    monthly: [],
    incubationStartedAt: null,
    periodBasis: null,
  };
}

describe('chart', () => {
  it('builds the table behind the chart from the same numbers, in the language of the page', () => {
    const c = chart({
      id: 'x',
      title: 'T',
      summary: 'S',
      labels: ['January 2026', 'February 2026'],
      unit: 'euro',
      categoryHeading: 'Month',
      series: [{ label: 'Saved', data: [1234.567, null], style: 'bar', colour: 'green' }],
    });
    expect(c.series[0].data).toEqual([1234.57, null]);
    expect(c.table.head).toEqual(['Month', 'Saved']);
    expect(c.table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['January 2026', '€1,235'],
      ['February 2026', '—'],
    ]);
  });

  it('writes JSON that cannot close its script element', () => {
    const json = chartJson({ label: '</script><script>alert(1)</script><!--' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json).label).toBe('</script><script>alert(1)</script><!--');
  });
});

describe('a business case in charts', () => {
  it('draws the worked example: contacts, a band per channel, savings and the cumulative line', () => {
    const report = reportOf();
    const charts = businessCaseCharts(report);
    expect(charts.map((c) => c.id)).toEqual([
      'contacts',
      'waterbed-phone',
      'waterbed-email',
      'savings',
      'cumulative',
    ]);
    const month = report.result!.months[0];
    const phone = charts[1];
    // Three months of history, then the pilot's month with its baseline ± 1 348,68.
    expect(phone.labels).toEqual([
      'October 2025',
      'November 2025',
      'December 2025',
      'January 2026',
    ]);
    const series = Object.fromEntries(phone.series.map((s) => [s.style, s.data]));
    expect(series['band-low']).toEqual([null, null, null, 8651.32]);
    expect(series['band-high']).toEqual([null, null, null, 11348.68]);
    expect(series.line).toEqual([10000, 10400, 9600, month.channels[0].volume]);
    const savings = charts[3];
    expect(savings.series.map((s) => s.data[0])).toEqual([8600, 4375]);
    for (const c of charts) for (const s of c.series) expect(s.data).toHaveLength(c.labels.length);
  });

  it('marks a reached payback and projects one not yet reached', () => {
    const input = workedExample();
    input.plan.investment = 1000;
    input.actuals = ['2026-01', '2026-02', '2026-03'].map((m) =>
      actual(m, 2000, { phone: 9300, email: 2950 }),
    );
    const reached = businessCaseCharts(reportOf(input)).find((c) => c.id === 'cumulative')!;
    const netBenefits = computeBusinessCase(input).months.map((m) => m.netBenefit as number);
    const line = reached.series.find((s) => s.label === 'Cumulative net benefit')!.data;
    expect(line.at(-1)).toBeCloseTo(
      netBenefits.reduce((a, b) => a + b, 0),
      2,
    );
    const marker = reached.series.find((s) => s.style === 'point');
    expect(marker?.data.filter((v) => v !== null)).toHaveLength(1);

    input.plan.investment = 1_000_000;
    const far = businessCaseCharts(reportOf(input)).find((c) => c.id === 'cumulative')!;
    // Payback lies beyond three years at this run rate: no projection drawn, and no marker.
    expect(far.labels).toHaveLength(3);
    expect(far.series.some((s) => s.style === 'point')).toBe(false);
    expect(far.summary).toMatch(/paid back in .* \(a projection\)|Payback: not yet/);
  });

  it('draws nothing without a computed business case', () => {
    expect(businessCaseCharts({ ...reportOf(), result: null, input: null })).toEqual([]);
  });
});
