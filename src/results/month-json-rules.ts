import { createHash } from 'node:crypto';
import type { FieldErrors } from '../common/domain-error';
import type { ChannelResult } from './channel-result.entity';
import {
  CHANNEL_METRIC_COLUMNS,
  CHANNEL_METRICS,
  type ChannelMetric,
  type MetricKind,
  metricsFor,
  monthMode,
  type MonthMode,
  type MonthValues,
  parseMetricValue,
  PILOT_METRIC_COLUMNS,
  PILOT_METRICS,
  type PilotMetric,
} from './metrics';
import type { MonthlyResult } from './monthly-result.entity';
import { sentence } from '../common/words';
import { isJsonObject, notAField } from '../common/json-body';

// A month of results as the JSON API reads and writes it: metric keys as the import names them,
// money in euros, percentages 0–100, counts whole; and the month's version, a digest of what is
// stored, that a write must name so that it never overwrites figures its sender has not seen.

export interface MonthPilot {
  startMonth: string | null;
  affectedChannels: Array<{ id: number; key: string }>;
}

type Figures<M extends string> = Partial<Record<M, number | null>>;

export interface MonthJson {
  month: string;
  mode: MonthMode;
  version: string;
  pilot: Figures<PilotMetric> | null;
  channels: Record<string, Figures<ChannelMetric>>;
}

/** A stored figure in the API's unit: euros for money, the number itself otherwise. */
function outward(kind: MetricKind, value: number | null): number | null {
  if (value === null || value === undefined) return null;
  return kind === 'money' || kind === 'signed_money' ? value / 100 : value;
}

/** The stored month as the API shows it, with its version. */
export function monthJson(
  pilot: MonthPilot,
  month: string,
  monthly: MonthlyResult | null,
  channels: ChannelResult[],
): MonthJson {
  const mode = monthMode(pilot, month);
  const wanted = metricsFor(mode);
  const figures = {
    pilot:
      mode === 'result'
        ? Object.fromEntries(
            wanted.pilot.map((m) => [
              m,
              outward(PILOT_METRICS[m].kind, monthly ? monthly[PILOT_METRIC_COLUMNS[m]] : null),
            ]),
          )
        : null,
    channels: Object.fromEntries(
      pilot.affectedChannels.map((channel) => {
        const row = channels.find((r) => r.channelId === channel.id) ?? null;
        return [
          channel.key,
          Object.fromEntries(
            wanted.channel.map((m) => [
              m,
              outward(CHANNEL_METRICS[m].kind, row ? row[CHANNEL_METRIC_COLUMNS[m]] : null),
            ]),
          ),
        ];
      }),
    ),
  };
  return { month, mode, version: versionOf(figures), ...figures };
}

function versionOf(figures: Pick<MonthJson, 'pilot' | 'channels'>): string {
  return createHash('sha256').update(JSON.stringify(figures)).digest('hex').slice(0, 16);
}

/**
 * A PUT body read as the month's whole figures: a metric or channel left out is emptied. Returns
 * the values to store and the version the sender saw, or the reasons per field (`pilot.contacts`,
 * `channels.phone.volume`), with the rules of the month form.
 */
export function readMonthJson(
  body: Record<string, unknown>,
  pilot: MonthPilot,
  month: string,
): { values: MonthValues; version: string } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const mode = monthMode(pilot, month);
  const wanted = metricsFor(mode);
  for (const key of Object.keys(body))
    if (!['version', 'pilot', 'channels'].includes(key)) errors[key] = [notAField()];
  if (typeof body.version !== 'string' || !body.version)
    errors.version = [
      'Give the version the month had when you read it (GET this URL); it keeps you from overwriting figures you have not seen.',
    ];

  const read = <M extends string>(
    given: unknown,
    at: string,
    metrics: readonly M[],
    kindOf: (metric: M) => MetricKind,
  ): Record<M, number | null> => {
    const values = Object.fromEntries(metrics.map((m) => [m, null])) as Record<M, number | null>;
    if (given === undefined || given === null) return values;
    if (!isJsonObject(given)) {
      errors[at] = ['An object of figures by metric, such as {"volume": 52000}.'];
      return values;
    }
    for (const [metric, value] of Object.entries(given)) {
      const field = `${at}.${metric}`;
      if (!(metrics as readonly string[]).includes(metric)) {
        errors[field] = [`Not a metric of this month; it takes ${metrics.join(', ')}.`];
        continue;
      }
      if (value === null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        errors[field] = ['A number, as a JSON number (1250 or 82.5), or null.'];
        continue;
      }
      const parsed = parseMetricValue(kindOf(metric as M), String(value));
      if (parsed.ok) values[metric as M] = parsed.value;
      else errors[field] = [sentence(parsed.reason)];
    }
    return values;
  };

  let pilotValues: Record<PilotMetric, number | null> | null = null;
  if (mode === 'history') {
    if (body.pilot !== undefined && body.pilot !== null)
      errors.pilot = [
        `${month} is before the pilot's start month${pilot.startMonth ? ` (${pilot.startMonth})` : ''}: it holds the channels' history only.`,
      ];
  } else {
    pilotValues = read(body.pilot, 'pilot', wanted.pilot, (m) => PILOT_METRICS[m].kind);
    if (pilotValues.contacts === null && !errors['pilot.contacts'] && !errors.pilot)
      errors['pilot.contacts'] = [
        'Give the number of contacts the new channel handled this month.',
      ];
    if (
      pilotValues.resolved !== null &&
      pilotValues.contacts !== null &&
      pilotValues.resolved > pilotValues.contacts
    )
      errors['pilot.resolved'] = ['Resolved cannot be more than the contacts handled.'];
  }

  const channels: MonthValues['channels'] = {};
  const given = body.channels ?? {};
  if (!isJsonObject(given)) errors.channels = ['An object of figures by channel key.'];
  else {
    const keys = pilot.affectedChannels.map((c) => c.key);
    for (const key of Object.keys(given))
      if (!keys.includes(key))
        errors[`channels.${key}`] = [
          `Not a channel this pilot affects; it affects ${keys.join(', ') || 'none'}.`,
        ];
    for (const channel of pilot.affectedChannels)
      channels[channel.id] = read(
        given[channel.key],
        `channels.${channel.key}`,
        wanted.channel,
        (m) => CHANNEL_METRICS[m].kind,
      );
  }
  if (Object.keys(errors).length) return { errors };
  return { values: { pilot: pilotValues, channels }, version: body.version as string };
}
