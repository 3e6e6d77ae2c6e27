import { formatEuros, formatNumber, formatPercent } from '../common/money';

// A chart as the server describes it: series of numbers over labelled categories. The browser
// draws it with Chart.js (public/js/charts.js); the same numbers become a table that screen
// readers read and people copy, so a chart never holds a figure the page does not.

export type ChartUnit = 'euro' | 'count' | 'percent';
export type SeriesStyle = 'bar' | 'line' | 'dashed' | 'band-low' | 'band-high' | 'point';
/** Named colours; the stylesheet's palette, resolved in the browser. */
export type SeriesColour = 'blue' | 'orange' | 'green' | 'red' | 'grey' | 'purple' | 'teal';

export interface ChartSeries {
  label: string;
  data: Array<number | null>;
  /** band-low and band-high are the edges of an interval drawn as a shaded area. */
  style: SeriesStyle;
  colour: SeriesColour;
  stack?: string;
}

export interface ChartTable {
  head: string[];
  rows: Array<{ label: string; cells: string[] }>;
}

export interface Chart {
  id: string;
  title: string;
  /** What the chart shows, in a sentence: the canvas's accessible name. */
  summary: string;
  labels: string[];
  series: ChartSeries[];
  unit: ChartUnit;
  stacked: boolean;
  horizontal: boolean;
  /** The value axis starts at zero (bars); off where the movement matters (volumes). */
  zeroBased: boolean;
  table: ChartTable;
}

export function formatValue(value: number | null | undefined, unit: ChartUnit): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'euro') return formatEuros(value, true);
  if (unit === 'percent') return formatPercent(value);
  return formatNumber(value);
}

export type ChartSpec = Pick<Chart, 'id' | 'title' | 'summary' | 'labels' | 'series' | 'unit'> &
  Partial<Pick<Chart, 'stacked' | 'horizontal' | 'zeroBased'>> & {
    /** The heading of the table's first column (Month, Pilot …). */
    categoryHeading: string;
  };

/** A chart with its table: one row per category, one column per series. */
export function chart(spec: ChartSpec): Chart {
  const series = spec.series.map((s) => ({
    ...s,
    // Rounded to the cent (or to 4 places for ratios): the page's JSON stays small and exact
    // enough, and the chart shows what the table shows.
    data: s.data.map((v) => (v === null || !Number.isFinite(v) ? null : round(v, spec.unit))),
  }));
  return {
    id: spec.id,
    title: spec.title,
    summary: spec.summary,
    labels: spec.labels,
    series,
    unit: spec.unit,
    stacked: spec.stacked ?? false,
    horizontal: spec.horizontal ?? false,
    zeroBased: spec.zeroBased ?? true,
    table: {
      head: [spec.categoryHeading, ...series.map((s) => s.label)],
      rows: spec.labels.map((label, i) => ({
        label,
        cells: series.map((s) => formatValue(s.data[i], spec.unit)),
      })),
    },
  };
}

function round(value: number, unit: ChartUnit): number {
  const factor = unit === 'percent' ? 10000 : 100;
  return Math.round(value * factor) / factor;
}

/**
 * JSON for a `<script type="application/json">` block: `<` is escaped so no text in it (a
 * pilot's name, say) can close the script element or open a comment.
 */
export function chartJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
