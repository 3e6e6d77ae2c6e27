import { t } from '../i18n/translate';
import { formatEuros, formatNumber, formatPercent, parseEurosToCents } from '../common/money';
import type { ChannelResult } from './channel-result.entity';
import type { MonthlyResult } from './monthly-result.entity';

// The figures a pilot logs, by the names the CSV import and the forms use (business-case.md).

export type MetricKind = 'count' | 'money' | 'signed_money' | 'percent';

export interface MetricDefinition {
  label: string;
  kind: MetricKind;
}

/** Figures of the new channel itself, one per month (channel column empty). */
export const PILOT_METRICS = {
  contacts: {
    get label(): string {
      return t('metric.contacts');
    },
    kind: 'count',
  },
  resolved: {
    get label(): string {
      return t('metric.resolved');
    },
    kind: 'count',
  },
  fixed_cost: {
    get label(): string {
      return t('metric.fixed_cost');
    },
    kind: 'money',
  },
  margin: {
    get label(): string {
      return t('metric.margin');
    },
    kind: 'signed_money',
  },
  csat: {
    get label(): string {
      return t('metric.csat');
    },
    kind: 'percent',
  },
  fcr: {
    get label(): string {
      return t('metric.fcr');
    },
    kind: 'percent',
  },
  response_time: {
    get label(): string {
      return t('metric.response_time');
    },
    kind: 'count',
  },
} as const satisfies Record<string, MetricDefinition>;

/** Figures per affected channel, in the pilot's scope (channel column names the channel's key). */
export const CHANNEL_METRICS = {
  volume: {
    get label(): string {
      return t('metric.volume');
    },
    kind: 'count',
  },
  follow_ups: {
    get label(): string {
      return t('metric.follow_ups');
    },
    kind: 'count',
  },
  control_volume: {
    get label(): string {
      return t('metric.control_volume');
    },
    kind: 'count',
  },
  desired: {
    get label(): string {
      return t('metric.desired');
    },
    kind: 'count',
  },
  undesired: {
    get label(): string {
      return t('metric.undesired');
    },
    kind: 'count',
  },
  unnecessary: {
    get label(): string {
      return t('metric.unnecessary');
    },
    kind: 'count',
  },
} as const satisfies Record<string, MetricDefinition>;

export type PilotMetric = keyof typeof PILOT_METRICS;
export type ChannelMetric = keyof typeof CHANNEL_METRICS;

/** Entity property of each metric. */
/** The fields of an entity that hold a figure (a number, or null when not logged). */
type FigureOf<T> = { [K in keyof T]: T[K] extends number | null ? K : never }[keyof T];

/** Where each metric is stored: the one map the form, the import, the engine and the export use. */
export const PILOT_METRIC_COLUMNS = {
  contacts: 'contacts',
  resolved: 'resolved',
  fixed_cost: 'fixedCostCents',
  margin: 'marginCents',
  csat: 'csat',
  fcr: 'fcr',
  response_time: 'responseSeconds',
} as const satisfies Record<PilotMetric, FigureOf<MonthlyResult>>;

export const CHANNEL_METRIC_COLUMNS = {
  volume: 'volume',
  follow_ups: 'followUps',
  control_volume: 'controlVolume',
  desired: 'desired',
  undesired: 'undesired',
  unnecessary: 'unnecessary',
} as const satisfies Record<ChannelMetric, FigureOf<ChannelResult>>;

/**
 * The organisation's monthly total of an existing channel (the channel ledger's input): a row of
 * the import with an empty pilot column. Stored by the channels feature.
 */
export const TOTAL_METRICS = {
  total_volume: {
    get label(): string {
      return t('metric.total_volume');
    },
    kind: 'count',
    field: 'volume',
  },
  total_desired: {
    get label(): string {
      return t('metric.total_desired');
    },
    kind: 'count',
    field: 'desired',
  },
  total_undesired: {
    get label(): string {
      return t('metric.total_undesired');
    },
    kind: 'count',
    field: 'undesired',
  },
  total_unnecessary: {
    get label(): string {
      return t('metric.total_unnecessary');
    },
    kind: 'count',
    field: 'unnecessary',
  },
} as const;
export type TotalMetric = keyof typeof TOTAL_METRICS;

export function isTotalMetric(name: string): name is TotalMetric {
  return Object.prototype.hasOwnProperty.call(TOTAL_METRICS, name);
}

export function isPilotMetric(name: string): name is PilotMetric {
  return Object.prototype.hasOwnProperty.call(PILOT_METRICS, name);
}

export function isChannelMetric(name: string): name is ChannelMetric {
  return Object.prototype.hasOwnProperty.call(CHANNEL_METRICS, name);
}

/** A raw value as messages quote it: never more than 40 characters of what was sent. */
export function shorten(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
}

export type ParsedValue = { ok: true; value: number } | { ok: false; reason: string };

/**
 * A percentage 0–100 with at most one decimal, written with a comma or a point ("82,5", "82.5",
 * "72,0"): a point or comma followed by one or two digits is never a thousands separator here.
 */
function parsePercent(raw: string, text: string): ParsedValue {
  if (/^-\d/.test(text)) return { ok: false, reason: t('parse.percentNegative') };
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?%?$/.exec(text);
  if (!match) return { ok: false, reason: t('parse.notPercent', { raw: shorten(raw) }) };
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 1) return { ok: false, reason: t('parse.oneDecimal') };
  const value = Number(match[1]) + (decimals ? Number(decimals) / 10 : 0);
  if (value > 100) return { ok: false, reason: t('parse.percentAbove') };
  return { ok: true, value };
}

/**
 * Reads one figure as typed or exported by a spreadsheet. Counts are whole and not negative;
 * money is exact cents; percentages 0–100 with one decimal. `decimalComma` reads "1.234,5" the Dutch way.
 */
export function parseMetricValue(kind: MetricKind, raw: string, decimalComma = false): ParsedValue {
  const text = raw.trim().replace(/[\s\u00a0]/g, '');
  if (!text) return { ok: false, reason: t('parse.empty') };
  if (kind === 'money' || kind === 'signed_money') {
    const normalised = decimalComma ? text : text.replace(/,/g, '');
    const cents = parseEurosToCents(decimalComma ? normalised : normalised.replace('.', ','));
    if (cents === null) return { ok: false, reason: t('parse.notEuros', { raw: shorten(raw) }) };
    if (kind === 'money' && cents < 0) return { ok: false, reason: t('parse.amountNegative') };
    return { ok: true, value: cents };
  }
  if (kind === 'percent') return parsePercent(raw, text);
  const plain = decimalComma
    ? text.replace(/\.(?=\d{3}(\D|$))/g, '')
    : text.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^-?\d+$/.test(plain))
    return { ok: false, reason: t('parse.notWhole', { raw: shorten(raw) }) };
  const value = Number(plain);
  if (value < 0) return { ok: false, reason: t('parse.countNegative') };
  if (!Number.isSafeInteger(value) || value > 2_000_000_000)
    return { ok: false, reason: t('parse.tooLarge') };
  return { ok: true, value };
}

/** A stored figure as people read it: money in euros, percentages with %, counts grouped. */
export function formatMetricValue(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const kind: MetricKind | undefined = isPilotMetric(metric)
    ? PILOT_METRICS[metric].kind
    : isChannelMetric(metric)
      ? CHANNEL_METRICS[metric].kind
      : undefined;
  if (kind === 'money' || kind === 'signed_money') return formatEuros(value / 100);
  if (kind === 'percent') return formatPercent(value / 100);
  return formatNumber(value);
}

/** The figures a month form shows: months before the start month hold channel volumes only. */
export type MonthMode = 'history' | 'result';

export function metricsFor(mode: MonthMode): { pilot: PilotMetric[]; channel: ChannelMetric[] } {
  return mode === 'history'
    ? { pilot: [], channel: ['volume', 'control_volume', 'desired', 'undesired', 'unnecessary'] }
    : {
        pilot: Object.keys(PILOT_METRICS) as PilotMetric[],
        channel: Object.keys(CHANNEL_METRICS) as ChannelMetric[],
      };
}

/** A month before the pilot's start month is history: its channels' volumes only. */
export function monthMode(pilot: { startMonth: string | null }, month: string): MonthMode {
  return pilot.startMonth && month >= pilot.startMonth ? 'result' : 'history';
}

/** One month of figures: the pilot's own (null in the history) and per channel id. */
export interface MonthValues {
  pilot: Partial<Record<PilotMetric, number | null>> | null;
  channels: Record<number, Partial<Record<ChannelMetric, number | null>>>;
}
