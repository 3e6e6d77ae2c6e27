import { Controller, Get, Param, Query } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { monthOf } from '../common/months';
import { ledgerJson } from '../ledger/ledger.export';
import { ledgerRange } from '../ledger/ledger-rules';
import { LedgerService } from '../ledger/ledger.service';
import { Heavy } from '../web/heavy-requests';
import { businessCaseJson } from '../business-case/business-case.export';
import { BusinessCaseService } from '../business-case/business-case.service';
import { PilotsService } from '../pilots/pilots.service';
import { openApiDocument } from './openapi';

@Controller('api')
export class ApiController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly businessCases: BusinessCaseService,
    private readonly ledgers: LedgerService,
  ) {}

  @Get('openapi.json')
  openApi() {
    return openApiDocument;
  }

  /** The channel ledger for a month range (default: the twelve months up to the last full one). */
  @Get('v1/ledger')
  @Heavy()
  async ledger(
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Query('channel') channel: string | undefined,
  ) {
    const range = ledgerRange({ from, to }, monthOf(new Date()));
    const fields = Object.fromEntries(
      Object.entries(range.errors).map(([name, message]) => [name, [message]]),
    );
    if (Object.keys(fields).length)
      throw new DomainError('bad_request', 'The month range cannot be read.', fields);
    return ledgerJson(await this.ledgers.ledger(range.from, range.to, channel || null));
  }

  @Get('v1/pilots/:slug/business-case')
  async businessCase(@Param('slug') slug: string) {
    return businessCaseJson(await this.businessCases.report(await this.pilots.get(slug)));
  }
}
