import { t } from '../i18n/translate';
import { Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { ChannelTotalsService } from '../channels/channel-totals.service';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { readSubmitted, showForm, submitForm } from '../common/forms';
import { assertResultMonth, formatMonth } from '../common/months';
import { totalsFormDto, totalsOf } from './dto/totals-form.dto';
import { baselinesFormDto, methodsOf } from './dto/baselines-form.dto';
import { LedgerService } from './ledger.service';
import { TotalsPresenter } from './totals.presenter';

/** The organisation's monthly totals per existing channel, entered by finance or an admin. */
@Controller('ledger/totals')
export class TotalsController {
  constructor(
    private readonly totals: ChannelTotalsService,
    private readonly presenter: TotalsPresenter,
    private readonly ledgers: LedgerService,
  ) {}

  @Get()
  @Render('ledger/totals')
  list(@Req() req: Request) {
    return this.presenter.list(req.user ?? null);
  }

  /** The list's month picker: opens that month's form (declared before `:month`). */
  @Get('open')
  open(@Query('month') month: string | undefined, @Req() req: Request, @Res() res: Response) {
    authorize(req, 'enter_totals');
    assertResultMonth(String(month ?? ''));
    res.redirect(303, `/ledger/totals/${String(month)}`);
  }

  /** The organisation baseline's method per channel (declared before `:month`). */
  @Post('baselines')
  async saveBaselines(@Req() req: Request, @Res() res: Response): Promise<void> {
    authorize(req, 'enter_totals');
    const ids = (await this.presenter.baselineChannels()).map((c) => c.id);
    const form = await readSubmitted(baselinesFormDto(ids), req.body as Record<string, unknown>, {
      summary: 'form.summary.baselines',
    });
    await submitForm(
      res,
      form,
      async (dto) => {
        const changed = await this.ledgers.pinBaselines(methodsOf(dto, ids), actorOf(req));
        flash(
          req,
          changed ? t('totals.methodsSaved', { count: changed }) : t('totals.methodsUnchanged'),
        );
        return '/ledger/totals';
      },
      (state) =>
        showForm(
          res,
          'ledger/totals',
          state,
          this.presenter.list(req.user ?? null, form.body, state),
        ),
    );
  }

  @Get(':month')
  @Render('ledger/totals-month')
  monthForm(@Param('month') month: string, @Req() req: Request) {
    authorize(req, 'enter_totals');
    assertResultMonth(month);
    return this.presenter.month(month);
  }

  @Post(':month')
  async saveMonth(
    @Param('month') month: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'enter_totals');
    assertResultMonth(month);
    // The form's fields follow the channels, read from the database first.
    const channels = await this.presenter.formChannels(month);
    const ids = channels.map((c) => c.id);
    const form = await readSubmitted(totalsFormDto(ids), req.body as Record<string, unknown>, {
      summary: 'form.summary.totals',
    });
    await submitForm(
      res,
      form,
      async (dto) => {
        const changed = await this.totals.saveMonth(
          month,
          channels,
          totalsOf(dto, ids),
          actorOf(req),
        );
        flash(
          req,
          changed
            ? t('totals.saved', { month: formatMonth(month), count: changed })
            : t('totals.unchanged', { month: formatMonth(month) }),
        );
        return '/ledger/totals';
      },
      (state) =>
        showForm(res, 'ledger/totals-month', state, this.presenter.month(month, form.body, state)),
    );
  }
}
