import { t } from '../i18n/translate';
import { Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormOf, showForm, submitForm, Submitted } from '../common/forms';
import { CostRateDto, DiscountRateDto } from './dto/rate-forms.dto';
import { FinancePresenter } from './finance.presenter';
import { FinanceService } from './finance.service';

@Controller('finance')
export class FinanceController {
  constructor(
    private readonly finance: FinanceService,
    private readonly presenter: FinancePresenter,
  ) {}

  @Get('rates')
  @Render('finance/rates')
  rates() {
    return this.presenter.rates();
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
        flash(req, t('rates.costSaved'));
        return '/finance/rates';
      },
      (state) =>
        showForm(
          res,
          'finance/rates',
          state,
          this.presenter.rates({ rate: form.body }, { rate: state }),
        ),
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
        flash(req, t('rates.discountSaved'));
        return '/finance/rates';
      },
      (state) =>
        showForm(
          res,
          'finance/rates',
          state,
          this.presenter.rates({ discount: form.body }, { discount: state }),
        ),
    );
  }
}
