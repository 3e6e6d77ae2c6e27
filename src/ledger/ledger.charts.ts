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
    title: `${c.name}: the organisation’s volume against its baseline`,
    summary: `${c.name} contacts of the whole organisation each month, against the volume expected from the months before the first pilot (the baseline) and its 90 % interval. Volume below the interval is relief the organisation really saw.`,
    labels: c.months.map((m) => formatMonth(m.month)),
    unit: 'count',
    zeroBased: false,
    categoryHeading: 'Month',
    series: [
      { label: 'Interval low (90 %)', data: band(-1), style: 'band-low', colour: 'grey' },
      { label: 'Interval high (90 %)', data: band(1), style: 'band-high', colour: 'grey' },
      {
        label: 'Baseline (without the pilots)',
        data: c.months.map((m) => m.baseline),
        style: 'dashed',
        colour: 'orange',
      },
      {
        label: 'Organisation’s volume',
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
    title: `${c.name}: the pilots’ displacement against the organisation’s`,
    summary: `Each month the contacts the pilots claim to take from ${c.name}, what each measured in its own scope (stacked), and the displacement the organisation’s totals show. Pilots’ bars above the line are relief the organisation does not see.`,
    labels: c.months.map((m) => formatMonth(m.month)),
    unit: 'count',
    stacked: true,
    categoryHeading: 'Month',
    series: [
      {
        label: 'Claimed by the pilots',
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
        label: 'Organisation’s displacement',
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
    label: `Measured: ${p.name}`,
    data: byMonth.map((pilots) => pilots.get(p.slug) ?? null),
  }));
  const others = c.pilots.length - largest.length;
  if (others > 0)
    series.push({
      label: `Measured: the ${others} other pilots`,
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
    title: 'All contacts of the organisation',
    summary:
      'Contacts each month over the existing channels with totals and every pilot’s new channel, stacked by channel, against the monthly mean of the months before the first pilot.',
    labels: p.months.map((m) => formatMonth(m.month)),
    unit: 'count',
    stacked: true,
    categoryHeading: 'Month',
    series: [
      ...keys.map((key, i) => ({
        label: names.get(key) ?? key,
        data: p.months.map((m) => m.byChannel[key] ?? null),
        style: 'bar' as const,
        colour: colours[i % colours.length],
        stack: 'contacts',
      })),
      {
        label: 'Before the pilots (monthly mean)',
        data: p.months.map(() => p.preperiod?.contacts ?? null),
        style: 'dashed',
        colour: 'red',
      },
    ],
  });
}
