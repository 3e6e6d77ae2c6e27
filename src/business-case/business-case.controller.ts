import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PilotsService } from '../pilots/pilots.service';
import { BusinessCaseService } from './business-case.service';

@Controller('pilots/:slug/business-case')
export class BusinessCaseController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly businessCases: BusinessCaseService,
  ) {}

  @Get()
  async page(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    const report = await this.businessCases.report(await this.pilots.get(slug));
    res.render('business-case/show', { title: `Business case · ${report.pilot.name}`, ...report });
  }
}
