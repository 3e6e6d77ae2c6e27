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
      title: 'Contacts in the new channel against the plan',
      summary: `Contacts handled by the new channel each month${planned !== null ? `, against the ${planned} a month the plan expects` : ''}.`,
      labels,
      unit: 'count',
      categoryHeading: 'Month',
      series: [
        {
          label: 'Contacts handled',
          data: months.map((m) => m.contacts),
          style: 'bar',
          colour: 'blue',
        },
        ...(planned !== null
          ? [
              {
                label: 'Plan',
                data: months.map(() => planned),
                style: 'dashed' as const,
                colour: 'orange' as const,
              },
            ]
          : []),
        ...(minimum !== null
          ? [
              {
                label: 'Minimum volume',
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
        title: `${channel.name}: volume against the baseline`,
        summary: `${channel.name} contacts each month before and during the pilot, against the volume expected without the pilot (the baseline) and its 90 % interval. Volume above the baseline's lower edge is the waterbed: contacts that did not go away.`,
        labels: [...history.map((h) => formatMonth(h.month)), ...labels],
        unit: 'count',
        zeroBased: false,
        categoryHeading: 'Month',
        series: [
          {
            label: 'Interval low (90 %)',
            data: [...before, ...low],
            style: 'band-low',
            colour: 'grey',
          },
          {
            label: 'Interval high (90 %)',
            data: [...before, ...high],
            style: 'band-high',
            colour: 'grey',
          },
          {
            label: 'Baseline (without the pilot)',
            data: [...before, ...during.map((c) => c.baseline)],
            style: 'dashed',
            colour: 'orange',
          },
          {
            label: 'Actual volume',
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
      title: 'Claimed against realised savings',
      summary:
        'Each month the savings the deflection shares claim, against the savings measured in the affected channels; the difference is the waterbed.',
      labels,
      unit: 'euro',
      categoryHeading: 'Month',
      series: [
        {
          label: 'Claimed savings',
          data: months.map((m) => m.claimedSavings),
          style: 'bar',
          colour: 'orange',
        },
        {
          label: 'Realised savings',
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
      { label: `${mix.name}, before`, shares: mix.before.shares },
      { label: `${mix.name}, during`, shares: mix.during.shares },
    ]);
    charts.push(
      chart({
        id: 'contact-mix',
        title: 'Contact mix before and during the pilot',
        summary:
          'The share of desired, undesired and unnecessary contacts in each affected channel before and during the pilot.',
        labels: rows.map((r) => r.label),
        unit: 'percent',
        categoryHeading: 'Channel and period',
        stacked: true,
        horizontal: true,
        series: [
          {
            label: 'Desired',
            data: rows.map((r) => r.shares.desired),
            style: 'bar',
            colour: 'green',
            stack: 'mix',
          },
          {
            label: 'Undesired',
            data: rows.map((r) => r.shares.undesired),
            style: 'bar',
            colour: 'orange',
            stack: 'mix',
          },
          {
            label: 'Unnecessary',
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
      ? `The investment was paid back in ${formatMonth(payback.month)}.`
      : payback.status === 'projected'
        ? `At the 3-month run rate it would be paid back in ${formatMonth(payback.month)} (a projection).`
        : `Payback: not yet (${say(payback.reason)}).`;
  return chart({
    id: 'cumulative',
    title: 'Cumulative net benefit against the investment',
    summary: `The net benefit added up month by month, against the investment. ${paybackText}`,
    labels: months.map(formatMonth),
    unit: 'euro',
    categoryHeading: 'Month',
    series: [
      { label: 'Cumulative net benefit', data: cumulative, style: 'line', colour: 'green' },
      ...(projected.some((v) => v !== null)
        ? [
            {
              label: 'Projected (3-month run rate)',
              data: projected,
              style: 'dashed' as const,
              colour: 'green' as const,
            },
          ]
        : []),
      { label: 'Investment', data: months.map(() => investment), style: 'dashed', colour: 'red' },
      ...(marker.some((v) => v !== null)
        ? [{ label: 'Payback', data: marker, style: 'point' as const, colour: 'purple' as const }]
        : []),
    ],
  });
}
