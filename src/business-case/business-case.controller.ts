import { t } from '../i18n/translate';
import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import { Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormOf, showForm, submitForm, Submitted } from '../common/forms';
import { SignOffDto } from './dto/sign-off.dto';
import type { Pilot } from '../pilots/pilot.entity';
import { SignoffsService } from './signoffs.service';
import type { Request, Response } from 'express';
import { BusinessCaseService } from './business-case.service';
import { businessCaseCsv } from './business-case.export';
import { BusinessCasePresenter } from './business-case.presenter';
import { safeFileName } from '../common/csv';

@Controller('pilots/:slug')
export class BusinessCaseController {
  constructor(
    private readonly businessCases: BusinessCaseService,
    private readonly signoffs: SignoffsService,
    private readonly presenter: BusinessCasePresenter,
  ) {}

  @Get('business-case')
  @PilotRoute()
  @Render('business-case/show')
  page(@RoutePilot() pilot: Pilot, @Req() req: Request) {
    return this.presenter.page(pilot, req.user ?? null);
  }

  @Post('sign-offs')
  @PilotRoute('sign_off')
  async signOff(
    @RoutePilot() pilot: Pilot,
    @FormOf(SignOffDto, 'form.summary.signOff')
    form: Submitted<SignOffDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        const report = await this.businessCases.report(pilot);
        await this.signoffs.signOff(pilot, report, dto, actorOf(req));
        flash(req, t('bc.signedOff'));
        return `/pilots/${pilot.slug}/business-case#sign-off`;
      },
      (state) =>
        showForm(
          res,
          'business-case/show',
          state,
          this.presenter.page(pilot, req.user ?? null, { values: form.body, state }),
        ),
    );
  }

  @Get('business-case.csv')
  @PilotRoute()
  async csv(@RoutePilot() pilot: Pilot, @Res() res: Response): Promise<void> {
    const report = await this.businessCases.report(pilot);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${safeFileName(report.pilot.slug)}-business-case.csv`)
      .send(businessCaseCsv(report));
  }
}
