import { t } from '../i18n/translate';
import { chart, type Chart, type SeriesColour } from '../charts/chart';
import { formatMonth } from '../common/months';
import type { ContactPicture, LedgerChannel } from './ledger.types';

// The ledger's charts, each with its table (charts/chart.ts). Pure.

const PILOT_COLOURS: SeriesColour[] = ['green', 'teal', 'purple', 'blue', 'grey'];

/** The organisation's volume of a channel against its baseline band. */
export function volumeChart(c: LedgerChannel): Chart {
  const band = (sign: 1 | -1) =>
    c.months.map((m) => (m.baseline === null ? null : m.baseline + sign * (m.halfWidth ?? 0)));
  return chart({
    id: `ledger-${c.key}-volume`,
    title: t('ledger.chart.volumeTitle', { channel: c.name }),
    summary: t('ledger.chart.volumeSummary', { channel: c.name }),
    labels: c.months.map((m) => formatMonth(m.month)),
    unit: 'count',
    zeroBased: false,
    categoryHeading: t('chart.month'),
    series: [
      { label: t('ledger.chart.low'), data: band(-1), style: 'band-low', colour: 'grey' },
      { label: t('ledger.chart.high'), data: band(1), style: 'band-high', colour: 'grey' },
      {
        label: t('ledger.chart.baseline'),
        data: c.months.map((m) => m.baseline),
        style: 'dashed',
        colour: 'orange',
      },
      {
        label: t('ledger.chart.orgVolume'),
        data: c.months.map((m) => m.total),
        style: 'line',
        colour: 'blue',
      },
    ],
  });
}

/**
 * What the pilots claim and measure on the channel, each pilot's measured displacement stacked,
 * against the displacement the organisation's own totals show.
 */
export function displacementChart(c: LedgerChannel): Chart {
  return chart({
    id: `ledger-${c.key}-displacement`,
    title: t('ledger.chart.displacementTitle', { channel: c.name }),
    summary: t('ledger.chart.displacementSummary', { channel: c.name }),
    labels: c.months.map((m) => formatMonth(m.month)),
    unit: 'count',
    stacked: true,
    categoryHeading: t('chart.month'),
    series: [
      {
        label: t('ledger.chart.claimed'),
        data: c.months.map((m) => m.claimed),
        style: 'bar',
        colour: 'orange',
        stack: 'claimed',
      },
      ...measuredSeries(c).map((series, i) => ({
        ...series,
        style: 'bar' as const,
        colour: PILOT_COLOURS[i % PILOT_COLOURS.length],
        stack: 'measured',
      })),
      {
        label: t('ledger.chart.orgDisplaced'),
        data: c.months.map((m) => m.orgDisplaced),
        style: 'line',
        colour: 'red',
      },
    ],
  });
}

/** Pilots that get a bar of their own in the displacement chart; the others share one. */
export const PILOTS_CHARTED = 8;

/**
 * Each month's measured relief of the PILOTS_CHARTED pilots that measured most on the channel,
 * one series each, and the rest summed as one: a chart (and its table) of 2 000 pilots' bars
 * says nothing, and looking each pilot up in each month cost pilots² × months.
 */
function measuredSeries(c: LedgerChannel): Array<{ label: string; data: Array<number | null> }> {
  const largest =
    c.pilots.length <= PILOTS_CHARTED
      ? c.pilots
      : [...c.pilots]
          .sort((a, b) => b.measured - a.measured || a.name.localeCompare(b.name))
          .slice(0, PILOTS_CHARTED - 1);
  const own = new Set(largest.map((p) => p.slug));
  const byMonth = c.months.map((m) => new Map(m.pilots.map((x) => [x.slug, x.measured])));
  const series = largest.map((p) => ({
    label: t('ledger.chart.measured', { pilot: p.name }),
    data: byMonth.map((pilots) => pilots.get(p.slug) ?? null),
  }));
  const others = c.pilots.length - largest.length;
  if (others > 0)
    series.push({
      label: t('ledger.chart.measuredOthers', { count: others }),
      data: c.months.map((m) => {
        const rest = m.pilots.filter((x) => !own.has(x.slug) && x.measured !== null);
        return rest.length ? rest.reduce((sum, x) => sum + (x.measured as number), 0) : null;
      }),
    });
  return series;
}

/** The organisation's contacts per month, stacked by channel, against the pre-period's mean. */
export function pictureChart(p: ContactPicture, names: Map<string, string>): Chart {
  const keys = [...new Set(p.months.flatMap((m) => Object.keys(m.byChannel)))];
  const colours: SeriesColour[] = ['blue', 'teal', 'purple', 'green', 'orange', 'grey'];
  return chart({
    id: 'ledger-picture',
    title: t('ledger.chart.pictureTitle'),
    summary: t('ledger.chart.pictureSummary'),
    labels: p.months.map((m) => formatMonth(m.month)),
    unit: 'count',
    stacked: true,
    categoryHeading: t('chart.month'),
    series: [
      ...keys.map((key, i) => ({
        label: names.get(key) ?? key,
        data: p.months.map((m) => m.byChannel[key] ?? null),
        style: 'bar' as const,
        colour: colours[i % colours.length],
        stack: 'contacts',
      })),
      {
        label: t('ledger.chart.before'),
        data: p.months.map(() => p.preperiod?.contacts ?? null),
        style: 'dashed',
        colour: 'red',
      },
    ],
  });
}
