import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { formatMonth } from '../common/months';
import { type Actor, can } from '../accounts/permissions';
import { EMPTY_FORM, FormState } from '../common/forms';
import { centsToInput, decimalComma } from '../common/money';
import { isMonth, monthOutside, resultMonthBounds } from '../common/months';
import type { Pilot } from '../pilots/pilot.entity';
import { ChannelResult } from './channel-result.entity';
import { metricsFor, monthMode } from './metrics';
import {
  CHANNEL_METRIC_COLUMNS,
  CHANNEL_METRICS,
  PILOT_METRIC_COLUMNS,
  PILOT_METRICS,
  type ChannelMetric,
  type PilotMetric,
} from './metrics';
import { MonthlyResult } from './monthly-result.entity';
import { ResultsService } from './results.service';

type User = Actor | null;

/** What the results pages show: the months logged, one month's form, the investments. */
@Injectable()
export class ResultsPresenter {
  constructor(private readonly results: ResultsService) {}

  /**
   * The logged months, newest first; a month asked for that can be logged is a redirect to its
   * form instead, and one that cannot is shown again beside its message.
   */
  async index(pilot: Pilot, user: User, month: string | undefined) {
    const bounds = resultMonthBounds();
    const outside = isMonth(month) ? monthOutside(month, bounds) : null;
    if (isMonth(month) && !outside)
      return { redirect: `/pilots/${pilot.slug}/results/${month}`, page: null };
    const { monthly, channels } = await this.results.months(pilot.id);
    const months = [...new Set([...monthly.map((m) => m.month), ...channels.map((c) => c.month)])]
      .sort()
      .reverse();
    const page = {
      title: t('results.pageTitle', { name: pilot.name }),
      pilot,
      mayLog: can(user, 'log_results', pilot),
      askedMonth: typeof month === 'string' ? month.slice(0, 20) : '',
      monthBounds: bounds,
      monthError:
        month === undefined
          ? null
          : outside
            ? t('results.outside', { reason: outside })
            : t('results.chooseMonth'),
      rows: months.map((m) => ({
        month: m,
        mode: monthMode(pilot, m),
        contacts: monthly.find((r) => r.month === m)?.contacts ?? null,
        volumes: pilot.affectedChannels.map(
          (c) => channels.find((r) => r.month === m && r.channelId === c.id)?.volume ?? null,
        ),
      })),
    };
    return { redirect: null, page };
  }

  /** The month's form with what is stored for it. */
  async storedMonth(pilot: Pilot, month: string) {
    const stored = await this.results.month(pilot.id, month);
    return monthPage(pilot, month, formValuesOf(pilot, stored.monthly, stored.channels));
  }

  async investments(
    pilot: Pilot,
    user: User,
    values: Record<string, unknown> = {},
    state: FormState = EMPTY_FORM,
  ) {
    const investments = await this.results.investments(pilot.id);
    return {
      title: t('inv.pageTitle', { name: pilot.name }),
      pilot,
      mayLog: can(user, 'log_results', pilot),
      investments,
      total: investments.reduce((sum, i) => sum + i.amountCents, 0) / 100,
      values,
      summary: state.summary,
      fieldErrors: state.fieldErrors,
    };
  }
}

/** The month's form: the figures its mode asks for (history: channel volumes only). */
export function monthPage(
  pilot: Pilot,
  month: string,
  values: Record<string, unknown>,
  state: FormState = EMPTY_FORM,
) {
  const mode = monthMode(pilot, month);
  const wanted = metricsFor(mode);
  const field = (name: string, label: string) => ({
    name,
    label,
    value: values[name] ?? '',
    errors: state.fieldErrors[name],
  });
  return {
    title: t('month.pageTitle', { month: formatMonth(month), name: pilot.name }),
    pilot,
    month,
    history: mode === 'history',
    summary: state.summary,
    pilotFields: wanted.pilot.map((m) => field(m, PILOT_METRICS[m].label)),
    channelMetrics: wanted.channel.map((m) => CHANNEL_METRICS[m].label),
    channels: pilot.affectedChannels.map((channel) => ({
      name: channel.name,
      fields: wanted.channel.map((m) =>
        field(
          `${m}_${channel.id}`,
          t('month.fieldOnChannel', { metric: CHANNEL_METRICS[m].label, channel: channel.name }),
        ),
      ),
    })),
  };
}

/** The flash after a month is saved. */
export function monthSaved(month: string, changed: number): string {
  return changed
    ? t('results.saved', { month: formatMonth(month), count: changed })
    : t('results.unchanged', { month: formatMonth(month) });
}

/** A stored month as the form's field values (money as euros, empty for absent). */
function formValuesOf(
  pilot: Pilot,
  monthly: MonthlyResult | null,
  channels: ChannelResult[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const metric of Object.keys(PILOT_METRIC_COLUMNS) as PilotMetric[]) {
    const value = monthly ? monthly[PILOT_METRIC_COLUMNS[metric]] : null;
    const kind = PILOT_METRICS[metric].kind;
    values[metric] =
      value === null
        ? ''
        : kind === 'money' || kind === 'signed_money'
          ? centsToInput(value)
          : kind === 'percent'
            ? decimalComma(value)
            : value;
  }
  for (const channel of pilot.affectedChannels) {
    const row = channels.find((c) => c.channelId === channel.id);
    for (const metric of Object.keys(CHANNEL_METRIC_COLUMNS) as ChannelMetric[]) {
      const value = row ? row[CHANNEL_METRIC_COLUMNS[metric]] : null;
      values[`${metric}_${channel.id}`] = value ?? '';
    }
  }
  return values;
}
