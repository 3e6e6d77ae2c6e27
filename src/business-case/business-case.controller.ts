import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormState, submitForm, FormOf, Submitted } from '../common/forms';
import { SignOffDto } from './dto/sign-off.dto';
import type { Pilot } from '../pilots/pilot.entity';
import { SignoffsService } from './signoffs.service';
import { can } from '../accounts/permissions';
import type { Request, Response } from 'express';
import { BusinessCaseService } from './business-case.service';
import { businessCaseCsv } from './business-case.export';
import { businessCaseCharts } from './business-case.charts';
import { safeFileName } from '../common/csv';

@Controller('pilots/:slug')
export class BusinessCaseController {
  constructor(
    private readonly businessCases: BusinessCaseService,
    private readonly signoffs: SignoffsService,
  ) {}

  @Get('business-case')
  @PilotRoute()
  async page(@RoutePilot() pilot: Pilot, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.render(req, res, pilot);
  }

  @Post('sign-offs')
  @PilotRoute('sign_off')
  async signOff(
    @RoutePilot() pilot: Pilot,
    @FormOf(SignOffDto, 'Not signed off: correct the fields marked below.')
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
        flash(req, 'Business case signed off for the months given.');
        return `/pilots/${pilot.slug}/business-case#sign-off`;
      },
      (state) => this.render(req, res, pilot, { values: form.body, state }),
    );
  }

  private async render(
    req: Request,
    res: Response,
    pilot: Pilot,
    form?: { values: Record<string, unknown>; state: FormState },
  ): Promise<void> {
    const report = await this.businessCases.report(pilot);
    res.status(form?.state.status ?? 200).render('business-case/show', {
      title: `Business case · ${report.pilot.name}`,
      ...report,
      charts: businessCaseCharts(report),
      mayEdit: can(req.user ?? null, 'edit_pilot', report.pilot),
      maySignOff: can(req.user ?? null, 'sign_off'),
      signoffs: await this.signoffs.statuses(report),
      signoffValues: form?.values ?? {},
      signoffSummary: form?.state.summary,
      signoffErrors: form?.state.fieldErrors ?? {},
    });
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
