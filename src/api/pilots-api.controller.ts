import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { businessCaseJson } from '../business-case/business-case.export';
import { BusinessCaseService } from '../business-case/business-case.service';
import { CHANNEL_TYPES, STAGES } from '../pilots/pilot-fields';
import { PilotsService } from '../pilots/pilots.service';
import { ApiProblems, engineSchema } from './api-docs';
import { ApiRateLimitGuard } from './api-rate-limit.guard';
import { PilotDetail, PilotList } from './dto/pilot.dto';
import { DecisionRecord, FinanceSummary, ItStatus, Readiness } from './dto/pilot-records.dto';
import { PilotsApiPresenter } from './pilots-api.presenter';

/** Everything a page shows of a pilot, for anyone signed in (every role reads everything). */
@ApiTags('pilots')
@Controller('api/v1/pilots')
@UseGuards(ApiRateLimitGuard)
export class PilotsApiController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly presenter: PilotsApiPresenter,
    private readonly businessCases: BusinessCaseService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The portfolio: pilots by name, filtered as on its page, a page at a time',
  })
  @ApiQuery({
    name: 'q',
    required: false,
    description: 'Words in the name, description or lessons',
  })
  @ApiQuery({ name: 'stage', required: false, enum: STAGES })
  @ApiQuery({ name: 'channelType', required: false, enum: CHANNEL_TYPES })
  @ApiQuery({ name: 'department', required: false })
  @ApiQuery({ name: 'owner', required: false })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({
    name: 'perPage',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  })
  @ApiOkResponse({ type: PilotList })
  @ApiProblems(400)
  list(@Query() query: Record<string, unknown>): Promise<PilotList> {
    return this.presenter.list(query);
  }

  @Get(':slug')
  @ApiOperation({ summary: 'One pilot: its registration, people and signals' })
  @ApiOkResponse({ type: PilotDetail })
  @ApiProblems(404)
  async pilot(@Param('slug') slug: string): Promise<PilotDetail> {
    return this.presenter.pilot(await this.pilots.get(slug));
  }

  @Get(':slug/readiness')
  @ApiOperation({ summary: 'The process-readiness checklist and its ratio' })
  @ApiOkResponse({ type: Readiness })
  @ApiProblems(404)
  async readiness(@Param('slug') slug: string): Promise<Readiness> {
    return this.presenter.readinessOf(await this.pilots.get(slug));
  }

  @Get(':slug/it')
  @ApiOperation({ summary: 'The IT commitment level and the integrations' })
  @ApiOkResponse({ type: ItStatus })
  @ApiProblems(404)
  async it(@Param('slug') slug: string): Promise<ItStatus> {
    return this.presenter.itOf(await this.pilots.get(slug));
  }

  @Get(':slug/decisions')
  @ApiOperation({ summary: 'The board’s decisions, newest first, with their conditions' })
  @ApiOkResponse({ type: [DecisionRecord] })
  @ApiProblems(404)
  async decisions(@Param('slug') slug: string): Promise<DecisionRecord[]> {
    return this.presenter.decisionsOf(await this.pilots.get(slug));
  }

  @Get(':slug/finance')
  @ApiOperation({
    summary: 'The finance summary: the finance dashboard’s line of the pilot, with its sign-offs',
  })
  @ApiOkResponse({ type: FinanceSummary })
  @ApiProblems(404)
  async finance(@Param('slug') slug: string): Promise<FinanceSummary> {
    return this.presenter.financeOf(await this.pilots.get(slug));
  }

  @Get(':slug/business-case')
  @ApiOperation({
    summary:
      'The business case with the inputs it was computed from, so that finance can recompute every figure',
  })
  @ApiOkResponse({ schema: engineSchema('BusinessCase') })
  @ApiProblems(404)
  async businessCase(@Param('slug') slug: string) {
    return businessCaseJson(await this.businessCases.report(await this.pilots.get(slug)));
  }
}
