import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { can } from '../accounts/permissions';
import type { Request, Response } from 'express';
import { PilotsService } from '../pilots/pilots.service';
import { BusinessCaseService } from './business-case.service';
import { businessCaseCsv } from './business-case.export';
import { safeFileName } from '../common/csv';

@Controller('pilots/:slug')
export class BusinessCaseController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly businessCases: BusinessCaseService,
  ) {}

  @Get('business-case')
  async page(
    @Param('slug') slug: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const report = await this.businessCases.report(await this.pilots.get(slug));
    res.render('business-case/show', {
      title: `Business case · ${report.pilot.name}`,
      ...report,
      mayEdit: can(req.user ?? null, 'edit_pilot', report.pilot),
    });
  }

  @Get('business-case.csv')
  async csv(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    const report = await this.businessCases.report(await this.pilots.get(slug));
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${safeFileName(report.pilot.slug)}-business-case.csv`)
      .send(businessCaseCsv(report));
  }
}
