import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { authorize } from '../accounts/auth.guard';
import { ChannelTotalsService } from '../channels/channel-totals.service';
import { actorOf } from '../common/actor';
import { readJson } from '../common/forms';
import { DomainError } from '../common/domain-error';
import { monthOf } from '../common/months';
import { ledgerJson } from '../ledger/ledger.export';
import { ledgerRange } from '../ledger/ledger-rules';
import { LedgerService } from '../ledger/ledger.service';
import { Heavy } from '../web/heavy-requests';
import { businessCaseJson } from '../business-case/business-case.export';
import { BusinessCaseService } from '../business-case/business-case.service';
import { PilotsService } from '../pilots/pilots.service';
import { ChannelTotalBodyDto } from './dto/channel-total-body.dto';
import { openApiDocument } from './openapi';

@Controller('api')
export class ApiController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly businessCases: BusinessCaseService,
    private readonly ledgers: LedgerService,
    private readonly totals: ChannelTotalsService,
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
    const range = monthRange(from, to);
    return ledgerJson(await this.ledgers.ledger(range.from, range.to, channel || null));
  }

  /** The organisation's channel totals of a month range (default: the ledger's twelve months). */
  @Get('v1/channel-totals')
  async channelTotals(
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
  ) {
    const range = monthRange(from, to);
    return {
      from: range.from,
      to: range.to,
      totals: await this.totals.inRange(range.from, range.to),
    };
  }

  /**
   * One channel's total for one month, replaced whole (finance or an admin, with a token that may
   * write): the figures as the month form and the import take them, audited the same way.
   */
  @Put('v1/channel-totals/:month/:channel')
  async putChannelTotal(
    @Param('month') month: string,
    @Param('channel') channel: string,
    @Body() body: unknown,
    @Req() req: Request,
  ) {
    authorize(req, 'enter_totals');
    const dto = await readJson(ChannelTotalBodyDto, body, 'The total is not saved.');
    const values = {
      volume: dto.volume,
      desired: dto.desired,
      undesired: dto.undesired,
      unnecessary: dto.unnecessary,
    };
    const changed = await this.totals.saveOne(month, channel, values, actorOf(req));
    return { month, channel, ...values, changed };
  }

  /** Removes one channel's total for one month: the ledger then names the month as missing. */
  @Delete('v1/channel-totals/:month/:channel')
  @HttpCode(204)
  async deleteChannelTotal(
    @Param('month') month: string,
    @Param('channel') channel: string,
    @Req() req: Request,
  ): Promise<void> {
    authorize(req, 'enter_totals');
    const none = { volume: null, desired: null, undesired: null, unnecessary: null };
    await this.totals.saveOne(month, channel, none, actorOf(req));
  }

  @Get('v1/pilots/:slug/business-case')
  async businessCase(@Param('slug') slug: string) {
    return businessCaseJson(await this.businessCases.report(await this.pilots.get(slug)));
  }
}

/** The query's month range, as the ledger reads it, or a 400 naming the parameter and why. */
function monthRange(from: string | undefined, to: string | undefined) {
  const range = ledgerRange({ from, to }, monthOf(new Date()));
  const fields = Object.fromEntries(
    Object.entries(range.errors).map(([name, message]) => [name, [message]]),
  );
  if (Object.keys(fields).length)
    throw new DomainError('bad_request', 'The month range cannot be read.', fields);
  return range;
}
