import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { ChannelsService } from '../channels/channels.service';
import { EMPTY_FORM, FormState } from '../common/forms';
import { FinanceService } from './finance.service';

/** The cost-rate and discount-rate page: the rates per channel, and the form sent back, if one. */
@Injectable()
export class FinancePresenter {
  constructor(
    private readonly finance: FinanceService,
    private readonly channels: ChannelsService,
  ) {}

  async rates(
    values: { rate?: unknown; discount?: unknown } = {},
    states: { rate?: FormState; discount?: FormState } = {},
  ) {
    const [channels, rates, discounts] = await Promise.all([
      this.channels.list(),
      this.finance.costRates(),
      this.finance.discountRates(),
    ]);
    return {
      title: t('rates.title'),
      channels: channels.map((channel) => ({
        ...channel,
        rates: rates
          .filter((r) => r.channelId === channel.id)
          .map((r) => ({ ...r, euros: r.centsPerContact / 100 })),
      })),
      discounts: discounts.map((d) => ({ ...d, ratio: d.rateBp / 10000 })),
      rateValues: values.rate ?? {},
      rateState: states.rate ?? EMPTY_FORM,
      discountValues: values.discount ?? {},
      discountState: states.discount ?? EMPTY_FORM,
    };
  }
}
