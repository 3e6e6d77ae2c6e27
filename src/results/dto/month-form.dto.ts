import { msg } from '../../i18n/translate';
import { Transform } from 'class-transformer';
import { registerDecorator } from 'class-validator';
import {
  CHANNEL_METRICS,
  type ChannelMetric,
  type MetricKind,
  metricsFor,
  monthMode,
  type MonthMode,
  parseMetricValue,
  PILOT_METRICS,
  type PilotMetric,
} from '../metrics';
import { sentence } from '../../common/words';

/** A figure the form could not read, with the reason the message gives. */
class Unreadable {
  constructor(readonly reason: string) {}
}

/** One figure as typed: empty is nothing (null), else a number of its kind or Unreadable. */
export function MetricField(kind: MetricKind): PropertyDecorator {
  return (target, property) => {
    const key = property as string;
    Transform(({ value }) => {
      const text = typeof value === 'string' ? value.trim() : '';
      if (!text) return null;
      // "1.234,5" and "12,50" are written the Dutch way; "1,234.5" the English way.
      const parsed = parseMetricValue(
        kind,
        text,
        /,\d{1,2}$/.test(text) || /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text),
      );
      return parsed.ok ? parsed.value : new Unreadable(parsed.reason);
    })(target, key);
    registerDecorator({
      name: 'metricValue',
      target: target.constructor,
      propertyName: key,
      options: {
        message: ({ value }) => sentence((value as Unreadable).reason),
      },
      validator: { validate: (value: unknown) => !(value instanceof Unreadable) },
    });
  };
}

export type Figures = Record<string, number | null>;

/** The month form of the route's pilot and month (`@FormOf(MONTH_FORM)`). */
export const MONTH_FORM = {
  of(req: { pilot?: unknown; params: Record<string, unknown> }) {
    const pilot = req.pilot as {
      startMonth: string | null;
      affectedChannels: Array<{ id: number }>;
    };
    return monthFormDto(
      monthMode(pilot, String(req.params.month)),
      pilot.affectedChannels.map((c) => c.id),
    );
  },
};

/**
 * The month form of a pilot: a field per pilot metric (result months) and per channel metric and
 * affected channel (`volume_12`). The class is made for each shape of form and kept, so its
 * validation metadata is registered once per shape, not per request.
 */
const shapes = new Map<string, new () => Figures>();

export function monthFormDto(mode: MonthMode, channelIds: number[]): new () => Figures {
  const key = `${mode}:${channelIds.join(',')}`;
  const known = shapes.get(key);
  if (known) return known;
  const wanted = metricsFor(mode);
  const shape = class MonthForm {} as unknown as new () => Figures;
  for (const metric of wanted.pilot)
    MetricField(PILOT_METRICS[metric].kind)(shape.prototype, metric);
  for (const id of channelIds)
    for (const metric of wanted.channel)
      MetricField(CHANNEL_METRICS[metric].kind)(shape.prototype, `${metric}_${id}`);
  if (mode === 'result') {
    registerDecorator({
      name: 'contactsGiven',
      target: shape,
      propertyName: 'contacts',
      options: { message: msg('valid.giveTheNumberOfContactsThe') },
      // An unreadable figure has its own message already.
      validator: { validate: (value: unknown) => value !== null && value !== undefined },
    });
    registerDecorator({
      name: 'resolvedNotAboveContacts',
      target: shape,
      propertyName: 'resolved',
      options: { message: msg('valid.resolvedCannotBeMoreThanThe') },
      validator: {
        validate: (resolved: unknown, args) => {
          const contacts = (args!.object as Figures).contacts;
          return (
            typeof resolved !== 'number' || typeof contacts !== 'number' || resolved <= contacts
          );
        },
      },
    });
  }
  shapes.set(key, shape);
  return shape;
}

/** The read form as the results feature stores it: the pilot's figures, each channel's. */
export function monthValues(
  form: Figures,
  pilot: { startMonth: string | null; affectedChannels: Array<{ id: number }> },
  month: string,
): {
  pilot: Partial<Record<PilotMetric, number | null>> | null;
  channels: Record<number, Partial<Record<ChannelMetric, number | null>>>;
} {
  const mode = monthMode(pilot, month);
  const wanted = metricsFor(mode);
  const channelIds = pilot.affectedChannels.map((c) => c.id);
  const value = (field: string) => (typeof form[field] === 'number' ? form[field] : null);
  return {
    pilot: mode === 'result' ? Object.fromEntries(wanted.pilot.map((m) => [m, value(m)])) : null,
    channels: Object.fromEntries(
      channelIds.map((id) => [
        id,
        Object.fromEntries(wanted.channel.map((m) => [m, value(`${m}_${id}`)])),
      ]),
    ),
  };
}
