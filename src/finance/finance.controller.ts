import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { ChannelsService } from '../channels/channels.service';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { EMPTY_FORM, FormState, submitForm, FormOf, Submitted } from '../common/forms';
import { CostRateDto, DiscountRateDto } from './dto/rate-forms.dto';
import { FinanceService } from './finance.service';

@Controller('finance')
export class FinanceController {
  constructor(
    private readonly finance: FinanceService,
    private readonly channels: ChannelsService,
  ) {}

  @Get('rates')
  async rates(@Res() res: Response): Promise<void> {
    await this.render(res, {});
  }

  @Post('rates')
  async setRate(
    @FormOf(CostRateDto) form: Submitted<CostRateDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'set_rates');
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.finance.setCostRate(dto, actorOf(req));
        flash(req, 'Cost per contact saved.');
        return '/finance/rates';
      },
      (state) => this.render(res, { rate: form.body }, { rate: state }),
    );
  }

  @Post('discount-rate')
  async setDiscount(
    @FormOf(DiscountRateDto) form: Submitted<DiscountRateDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'set_rates');
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.finance.setDiscountRate(dto, actorOf(req));
        flash(req, 'Discount rate saved.');
        return '/finance/rates';
      },
      (state) => this.render(res, { discount: form.body }, { discount: state }),
    );
  }

  private async render(
    res: Response,
    values: { rate?: unknown; discount?: unknown },
    states: { rate?: FormState; discount?: FormState } = {},
  ): Promise<void> {
    const [channels, rates, discounts] = await Promise.all([
      this.channels.list(),
      this.finance.costRates(),
      this.finance.discountRates(),
    ]);
    const status = states.rate?.status ?? states.discount?.status ?? 200;
    res.status(status).render('finance/rates', {
      title: 'Cost per contact and discount rate',
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
    });
  }
}
