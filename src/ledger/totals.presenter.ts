import { formatMonth } from '../common/months';
import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { type Actor, can } from '../accounts/permissions';
import type { Channel } from '../channels/channel.entity';
import { ChannelsService } from '../channels/channels.service';
import { ChannelTotalsService } from '../channels/channel-totals.service';
import { FormState, formView, sentBack } from '../common/forms';
import { addMonths, monthOf, resultMonthBounds } from '../common/months';
import { formatNumber } from '../common/money';
import { methodField } from './dto/baselines-form.dto';
import { totalField } from './dto/totals-form.dto';

/** The months of totals shown on the list: the last two years, and any older month stored. */
const LIST_MONTHS = 24;

/** The organisation's channel totals: the list of months, and one month's form. */
@Injectable()
export class TotalsPresenter {
  constructor(
    private readonly channels: ChannelsService,
    private readonly totals: ChannelTotalsService,
  ) {}

  /** The channels a month's form shows: the active ones, and any other with a total stored. */
  async formChannels(month: string): Promise<Channel[]> {
    const [channels, stored] = await Promise.all([
      this.channels.list(),
      this.totals.forMonth(month),
    ]);
    return channels.filter((c) => c.active || stored.some((t) => t.channelId === c.id));
  }

  /** The channels whose organisation baseline may be pinned: those the list shows. */
  async baselineChannels(): Promise<Channel[]> {
    const [channels, totals] = await Promise.all([this.channels.list(), this.totals.all()]);
    return channels.filter((c) => c.active || totals.some((t) => t.channelId === c.id));
  }

  async list(user: Actor | null, typed: Record<string, unknown> | null = null, state?: FormState) {
    const [channels, totals] = await Promise.all([this.channels.list(), this.totals.all()]);
    const shown = channels.filter((c) => c.active || totals.some((t) => t.channelId === c.id));
    const stored = Object.fromEntries(shown.map((c) => [methodField(c.id), c.ledgerMethod ?? '']));
    const form = formView(sentBack(typed ?? stored, state));
    const latest = monthOf(new Date());
    const months = new Set(Array.from({ length: LIST_MONTHS }, (_, i) => addMonths(latest, -i)));
    for (const t of totals) months.add(t.month);
    return {
      title: t('totals.title'),
      mayEnter: can(user, 'enter_totals'),
      latest,
      earliest: resultMonthBounds().earliest,
      channels: shown.map((c) => ({ key: c.key, name: c.name })),
      ...form,
      baselines: shown.map((c) => {
        const name = methodField(c.id);
        return {
          name,
          label: c.name,
          value: form.values[name],
          errors: form.fieldErrors[name],
        };
      }),
      methodOptions: [
        { value: 'trend', label: t('totals.trendPinned') },
        { value: 'mean', label: t('totals.meanPinned') },
      ],
      rows: [...months]
        .sort()
        .reverse()
        .map((month) => ({
          month,
          cells: shown.map((c) => {
            const total = totals.find((t) => t.channelId === c.id && t.month === month);
            return total ? formatNumber(total.volume) : null;
          }),
        })),
    };
  }

  async month(month: string, typed: Record<string, unknown> | null = null, state?: FormState) {
    const [channels, stored] = await Promise.all([
      this.formChannels(month),
      this.totals.forMonth(month),
    ]);
    const values: Record<string, unknown> = {};
    for (const c of channels) {
      const total = stored.find((t) => t.channelId === c.id);
      for (const field of ['volume', 'desired', 'undesired', 'unnecessary'] as const) {
        const value = total?.[field];
        values[totalField(field, c.id)] =
          value === null || value === undefined ? '' : String(value);
      }
    }
    const form = formView(sentBack(typed ?? values, state));
    return {
      title: t('totals.monthTitle', { month: formatMonth(month) }),
      month,
      ...form,
      channels: channels.map((c) => ({
        name: c.name,
        key: c.key,
        fields: (['volume', 'desired', 'undesired', 'unnecessary'] as const).map((field) => {
          const name = totalField(field, c.id);
          return {
            name,
            label:
              field === 'volume'
                ? t('totals.fieldVolume', { channel: c.name })
                : t('totals.fieldSplit', { channel: c.name, kind: t(`totals.kind.${field}`) }),
            value: form.values[name],
            errors: form.fieldErrors[name],
          };
        }),
      })),
    };
  }
}
