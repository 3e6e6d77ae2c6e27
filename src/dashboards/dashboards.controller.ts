import { t } from '../i18n/translate';
import { Controller, Get, Query, Redirect, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Heavy } from '../web/heavy-requests';
import { DashboardsPresenter } from './dashboards.presenter';

/** The portfolio, its dashboard and finance's overview: read by everyone signed in. */
@Controller()
export class DashboardsController {
  constructor(private readonly presenter: DashboardsPresenter) {}

  @Get()
  @Redirect('/dashboard')
  home(): void {}

  @Get('pilots')
  @Render('dashboards/pilots')
  pilotList(@Query() query: Record<string, unknown>) {
    return this.presenter.pilotList(query);
  }

  @Get('dashboard')
  @Heavy()
  @Render('dashboards/portfolio')
  dashboard(@Query() query: Record<string, unknown>) {
    return this.presenter.dashboard(query);
  }

  @Get('finance/dashboard')
  @Heavy()
  @Render('dashboards/finance')
  async finance(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const page = await this.presenter.finance(query);
    if (page.invalid) res.status(400);
    return page;
  }

  @Get('finance/dashboard.csv')
  @Heavy()
  async financeExport(@Query() query: Record<string, unknown>, @Res() res: Response) {
    const file = await this.presenter.financeExport(query);
    if ('errors' in file)
      res.status(400).json({
        statusCode: 400,
        message: t('finance.filterUnusable'),
        errors: file.errors,
      });
    else res.type('text/csv; charset=utf-8').attachment(file.fileName).send(file.csv);
  }
}
