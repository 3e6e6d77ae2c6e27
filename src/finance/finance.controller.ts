import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { ChannelsService } from '../channels/channels.service';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormState, readForm, submitForm } from '../common/forms';
import { CostRateDto, DiscountRateDto } from './dto/rate-forms.dto';
import { FinanceService } from './finance.service';

const EMPTY: FormState = { status: 200, summary: '', fieldErrors: {} };

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
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'set_rates');
    await submitForm(
      res,
      async () => {
        await this.finance.setCostRate(await readForm(CostRateDto, body), actorOf(req));
        flash(req, 'Cost per contact saved.');
        return '/finance/rates';
      },
      (state) => this.render(res, { rate: body }, { rate: state }),
    );
  }

  @Post('discount-rate')
  async setDiscount(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'set_rates');
    await submitForm(
      res,
      async () => {
        await this.finance.setDiscountRate(await readForm(DiscountRateDto, body), actorOf(req));
        flash(req, 'Discount rate saved.');
        return '/finance/rates';
      },
      (state) => this.render(res, { discount: body }, { discount: state }),
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
      rateState: states.rate ?? EMPTY,
      discountValues: values.discount ?? {},
      discountState: states.discount ?? EMPTY,
    });
  }
}
