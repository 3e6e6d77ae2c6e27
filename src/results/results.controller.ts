import { t } from '../i18n/translate';
import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import {
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { submitForm, FormOf, Submitted } from '../common/forms';
import { InvestmentFormDto } from './dto/investment-form.dto';
import { assertResultMonth } from '../common/months';
import type { Pilot } from '../pilots/pilot.entity';
import { ResultsService } from './results.service';
import { type Figures, MONTH_FORM, monthValues } from './dto/month-form.dto';
import { monthPage, monthSaved, ResultsPresenter } from './results.presenter';

@Controller('pilots/:slug')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly presenter: ResultsPresenter,
  ) {}

  @Get('results')
  @PilotRoute()
  async index(
    @RoutePilot() pilot: Pilot,
    @Query('month') month: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const shown = await this.presenter.index(pilot, req.user ?? null, month);
    if (shown.page) res.render('results/index', shown.page);
    else res.redirect(shown.redirect);
  }

  @Get('results/:month')
  @PilotRoute('log_results')
  @Render('results/month')
  monthForm(@RoutePilot() pilot: Pilot, @Param('month') month: string) {
    assertResultMonth(month);
    return this.presenter.storedMonth(pilot, month);
  }

  @Post('results/:month')
  @PilotRoute('log_results')
  async saveMonth(
    @RoutePilot() pilot: Pilot,
    @Param('month') month: string,
    @FormOf(MONTH_FORM) form: Submitted<Figures>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertResultMonth(month);
    await submitForm(
      res,
      form,
      async (dto) => {
        const values = monthValues(dto, pilot, month);
        flash(
          req,
          monthSaved(month, await this.results.saveMonth(pilot, month, values, actorOf(req))),
        );
        return `/pilots/${pilot.slug}/results`;
      },
      (state) =>
        res.status(state.status).render('results/month', monthPage(pilot, month, form.body, state)),
    );
  }

  @Get('investments')
  @PilotRoute()
  @Render('results/investments')
  investments(@RoutePilot() pilot: Pilot, @Req() req: Request) {
    return this.presenter.investments(pilot, req.user ?? null);
  }

  @Post('investments')
  @PilotRoute('log_results')
  async addInvestment(
    @RoutePilot() pilot: Pilot,
    @FormOf(InvestmentFormDto) form: Submitted<InvestmentFormDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.results.addInvestment(pilot, dto, actorOf(req));
        flash(req, t('inv.added'));
        return `/pilots/${pilot.slug}/investments`;
      },
      async (state) =>
        res
          .status(state.status)
          .render(
            'results/investments',
            await this.presenter.investments(pilot, req.user ?? null, form.body, state),
          ),
    );
  }

  @Post('investments/:id/delete')
  @PilotRoute('log_results')
  async removeInvestment(
    @RoutePilot() pilot: Pilot,
    @Param('id', new ParseIntPipe({ exceptionFactory: () => DomainError.notFound('investment') }))
    id: number,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.results.removeInvestment(pilot, id, actorOf(req));
    flash(req, t('inv.removed'));
    res.redirect(303, `/pilots/${pilot.slug}/investments`);
  }
}
