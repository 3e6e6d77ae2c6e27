import { formatNumber } from '../common/money';
import { t } from '../i18n/translate';
import { say } from '../common/phrase';
import { Chart, chart } from '../charts/chart';
import { addMonths, formatMonth, monthIndex } from '../common/months';
import type { BusinessCaseReport } from './business-case.service';

// A pilot's business case as charts (issue: dashboards and charts). Pure: the report in,
// chart descriptions out, each with the table behind it.

/** How far a projected payback is drawn past the last logged month. */
const MAX_PROJECTED_MONTHS = 36;
/** Pre-period months shown before the start, so the drop (or its absence) is visible. */
const HISTORY_MONTHS = 12;

export function businessCaseCharts(report: BusinessCaseReport): Chart[] {
  const { result, input, plan } = report;
  if (!result || !input) return [];
  const months = result.months;
  const labels = months.map((m) => formatMonth(m.month));
  const charts: Chart[] = [];

  const planned = plan?.expectedMonthlyContacts ?? null;
  const minimum = plan?.minMonthlyVolume ?? null;
  charts.push(
    chart({
      id: 'contacts',
      title: t('bcChart.contacts.title'),
      summary:
        planned !== null
          ? t('bcChart.contacts.summaryPlan', { planned: formatNumber(planned) })
          : t('bcChart.contacts.summary'),
      labels,
      unit: 'count',
      categoryHeading: t('chart.month'),
      series: [
        {
          label: t('bcChart.contacts.handled'),
          data: months.map((m) => m.contacts),
          style: 'bar',
          colour: 'blue',
        },
        ...(planned !== null
          ? [
              {
                label: t('bcChart.contacts.plan'),
                data: months.map(() => planned),
                style: 'dashed' as const,
                colour: 'orange' as const,
              },
            ]
          : []),
        ...(minimum !== null
          ? [
              {
                label: t('bcChart.contacts.minimum'),
                data: months.map(() => minimum),
                style: 'dashed' as const,
                colour: 'red' as const,
              },
            ]
          : []),
      ],
    }),
  );

  input.channels.forEach((channel, i) => {
    const start = monthIndex(input.startMonth);
    const history = channel.history
      .filter((h) => monthIndex(h.month) >= start - HISTORY_MONTHS)
      .sort((a, b) => a.month.localeCompare(b.month));
    const during = months.map((m) => m.channels[i]);
    const low = during.map((c) =>
      c.baseline === null ? null : c.baseline - (c.baselineHalfWidth ?? 0),
    );
    const high = during.map((c) =>
      c.baseline === null ? null : c.baseline + (c.baselineHalfWidth ?? 0),
    );
    const before = history.map(() => null);
    charts.push(
      chart({
        id: `waterbed-${channel.key}`,
        title: t('bcChart.waterbed.title', { channel: channel.name }),
        summary: t('bcChart.waterbed.summary', { channel: channel.name }),
        labels: [...history.map((h) => formatMonth(h.month)), ...labels],
        unit: 'count',
        zeroBased: false,
        categoryHeading: t('chart.month'),
        series: [
          {
            label: t('ledger.chart.low'),
            data: [...before, ...low],
            style: 'band-low',
            colour: 'grey',
          },
          {
            label: t('ledger.chart.high'),
            data: [...before, ...high],
            style: 'band-high',
            colour: 'grey',
          },
          {
            label: t('bcChart.waterbed.baseline'),
            data: [...before, ...during.map((c) => c.baseline)],
            style: 'dashed',
            colour: 'orange',
          },
          {
            label: t('bcChart.waterbed.actual'),
            data: [...history.map((h) => h.volume), ...during.map((c) => c.volume)],
            style: 'line',
            colour: 'blue',
          },
        ],
      }),
    );
  });

  charts.push(
    chart({
      id: 'savings',
      title: t('bcChart.savings.title'),
      summary: t('bcChart.savings.summary'),
      labels,
      unit: 'euro',
      categoryHeading: t('chart.month'),
      series: [
        {
          label: t('bc.kpi.claimed'),
          data: months.map((m) => m.claimedSavings),
          style: 'bar',
          colour: 'orange',
        },
        {
          label: t('bc.kpi.realised'),
          data: months.map((m) => m.realisedSavings),
          style: 'bar',
          colour: 'green',
        },
      ],
    }),
  );

  charts.push(cumulativeChart(report));

  if (report.contactMix.length) {
    const rows = report.contactMix.flatMap((mix) => [
      { label: t('bcChart.mix.before', { channel: mix.name }), shares: mix.before.shares },
      { label: t('bcChart.mix.during', { channel: mix.name }), shares: mix.during.shares },
    ]);
    charts.push(
      chart({
        id: 'contact-mix',
        title: t('bcChart.mix.title'),
        summary: t('bcChart.mix.summary'),
        labels: rows.map((r) => r.label),
        unit: 'percent',
        categoryHeading: t('bcChart.mix.heading'),
        stacked: true,
        horizontal: true,
        series: [
          {
            label: t('bcChart.mix.desired'),
            data: rows.map((r) => r.shares.desired),
            style: 'bar',
            colour: 'green',
            stack: 'mix',
          },
          {
            label: t('bcChart.mix.undesired'),
            data: rows.map((r) => r.shares.undesired),
            style: 'bar',
            colour: 'orange',
            stack: 'mix',
          },
          {
            label: t('bcChart.mix.unnecessary'),
            data: rows.map((r) => r.shares.unnecessary),
            style: 'bar',
            colour: 'red',
            stack: 'mix',
          },
        ],
      }),
    );
  }
  return charts;
}

/** Cumulative net benefit against the investment, with the payback month marked. */
function cumulativeChart(report: BusinessCaseReport): Chart {
  const result = report.result!;
  const months = result.months.map((m) => m.month);
  const cumulative: Array<number | null> = [];
  let running = 0;
  for (const m of result.months) {
    running = m.netBenefit === null || Number.isNaN(running) ? NaN : running + m.netBenefit;
    cumulative.push(Number.isNaN(running) ? null : running);
  }
  const projected: Array<number | null> = cumulative.map(() => null);
  const { payback } = result;
  const last = months.at(-1);
  if (
    payback.status === 'projected' &&
    last &&
    result.runRate3 !== null &&
    monthIndex(payback.month) - monthIndex(last) <= MAX_PROJECTED_MONTHS
  ) {
    // The projection continues from the last logged month at the 3-month run rate.
    projected[projected.length - 1] = cumulative.at(-1) ?? null;
    let value = cumulative.at(-1) ?? 0;
    for (
      let m = addMonths(last, 1);
      monthIndex(m) <= monthIndex(payback.month);
      m = addMonths(m, 1)
    ) {
      value += result.runRate3;
      months.push(m);
      cumulative.push(null);
      projected.push(value);
    }
  }
  const investment = result.totals.investment;
  const paybackMonth = payback.status === 'not_yet' ? null : payback.month;
  const marker = months.map((m, i) =>
    m === paybackMonth ? (cumulative[i] ?? projected[i]) : null,
  );
  const paybackText =
    payback.status === 'reached'
      ? t('bcChart.payback.reached', { month: formatMonth(payback.month) })
      : payback.status === 'projected'
        ? t('bcChart.payback.projected', { month: formatMonth(payback.month) })
        : t('bcChart.payback.notYet', { reason: say(payback.reason) });
  return chart({
    id: 'cumulative',
    title: t('bcChart.cumulative.title'),
    summary: t('bcChart.cumulative.summary', { payback: paybackText }),
    labels: months.map(formatMonth),
    unit: 'euro',
    categoryHeading: t('chart.month'),
    series: [
      { label: t('bcChart.cumulative.line'), data: cumulative, style: 'line', colour: 'green' },
      ...(projected.some((v) => v !== null)
        ? [
            {
              label: t('bcChart.cumulative.projected'),
              data: projected,
              style: 'dashed' as const,
              colour: 'green' as const,
            },
          ]
        : []),
      {
        label: t('bcChart.cumulative.investment'),
        data: months.map(() => investment),
        style: 'dashed',
        colour: 'red',
      },
      ...(marker.some((v) => v !== null)
        ? [
            {
              label: t('bcChart.cumulative.payback'),
              data: marker,
              style: 'point' as const,
              colour: 'purple' as const,
            },
          ]
        : []),
    ],
  });
}
