import { t } from '../i18n/translate';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Put,
  Query,
  Render,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiExcludeEndpoint,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
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
import { ApiProblems, engineSchema } from './api-docs';
import { ApiRateLimitGuard } from './api-rate-limit.guard';
import { apiDocsPage } from './api-docs.page';
import {
  ChannelTotalBodyDto,
  ChannelTotalList,
  ChannelTotalSaved,
} from './dto/channel-total-body.dto';
import { OpenApiDocument } from './openapi-document';

const monthQuery = (name: string) => ({
  name,
  required: false,
  schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
  description: 'YYYY-MM; by default the twelve months up to the last full one',
});

/** The organisation-wide routes: the channel ledger and the channel totals; the API's own docs. */
@ApiTags('organisation')
@Controller('api')
@UseGuards(ApiRateLimitGuard)
export class ApiController {
  constructor(
    private readonly ledgers: LedgerService,
    private readonly totals: ChannelTotalsService,
    private readonly openApi: OpenApiDocument,
  ) {}

  @Get('openapi.json')
  @ApiExcludeEndpoint()
  document() {
    return this.openApi.document;
  }

  /** The API's reference, readable in the browser: made from the same document, no CDN. */
  @Get('docs')
  @ApiExcludeEndpoint()
  @Render('api/docs')
  docs() {
    return apiDocsPage(this.openApi.document!);
  }

  /** The channel ledger for a month range (default: the twelve months up to the last full one). */
  @Get('v1/ledger')
  @Heavy()
  @ApiOperation({
    summary:
      'The channel ledger: the organisation’s totals per channel against the pilots’ claims (channel-ledger model)',
  })
  @ApiQuery(monthQuery('from'))
  @ApiQuery(monthQuery('to'))
  @ApiQuery({ name: 'channel', required: false, description: 'One channel’s key' })
  @ApiOkResponse({ schema: engineSchema('Ledger') })
  @ApiProblems(400)
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
  @ApiOperation({ summary: 'The organisation’s monthly totals per channel, for a month range' })
  @ApiQuery(monthQuery('from'))
  @ApiQuery(monthQuery('to'))
  @ApiOkResponse({ type: ChannelTotalList })
  @ApiProblems(400)
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
  @ApiOperation({
    summary:
      'Replaces one channel’s total for one month; finance or an admin, with a token that may write',
  })
  @ApiBody({ type: ChannelTotalBodyDto })
  @ApiOkResponse({ type: ChannelTotalSaved })
  @ApiProblems(400, 403, 404, 413, 422)
  async putChannelTotal(
    @Param('month') month: string,
    @Param('channel') channel: string,
    @Body() body: unknown,
    @Req() req: Request,
  ) {
    authorize(req, 'enter_totals');
    const dto = await readJson(ChannelTotalBodyDto, body, t('api.totalNotSaved'));
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
  @ApiOperation({
    summary: 'Removes one channel’s total for one month: the ledger then names it as missing',
  })
  @ApiNoContentResponse({ description: 'Removed (or there was none)' })
  @ApiProblems(400, 403, 404)
  async deleteChannelTotal(
    @Param('month') month: string,
    @Param('channel') channel: string,
    @Req() req: Request,
  ): Promise<void> {
    authorize(req, 'enter_totals');
    const none = { volume: null, desired: null, undesired: null, unnecessary: null };
    await this.totals.saveOne(month, channel, none, actorOf(req));
  }
}

/** The query's month range, as the ledger reads it, or a 400 naming the parameter and why. */
function monthRange(from: string | undefined, to: string | undefined) {
  const range = ledgerRange({ from, to }, monthOf(new Date()));
  const fields = Object.fromEntries(
    Object.entries(range.errors).map(([name, message]) => [name, [message]]),
  );
  if (Object.keys(fields).length)
    throw new DomainError('bad_request', t('api.rangeUnreadable'), fields);
  return range;
}
