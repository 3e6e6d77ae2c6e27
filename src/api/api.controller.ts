import { Controller, Get, Param } from '@nestjs/common';
import { businessCaseJson } from '../business-case/business-case.export';
import { BusinessCaseService } from '../business-case/business-case.service';
import { PilotsService } from '../pilots/pilots.service';
import { openApiDocument } from './openapi';

@Controller('api')
export class ApiController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly businessCases: BusinessCaseService,
  ) {}

  @Get('openapi.json')
  openApi() {
    return openApiDocument;
  }

  @Get('v1/pilots/:slug/business-case')
  async businessCase(@Param('slug') slug: string) {
    return businessCaseJson(await this.businessCases.report(await this.pilots.get(slug)));
  }
}
