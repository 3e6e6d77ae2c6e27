import { Controller, Get, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Heavy } from '../web/heavy-requests';
import { LedgerPresenter } from './ledger.presenter';

/** The channel ledger page: every signed-in user reads it. */
@Controller('ledger')
export class LedgerController {
  constructor(private readonly presenter: LedgerPresenter) {}

  /** Every pilot's business case per request: bounded like the other portfolio-wide pages. */
  @Get()
  @Heavy()
  @Render('ledger/show')
  show(
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Req() req: Request,
  ) {
    return this.presenter.page({ from, to }, req.user ?? null);
  }
}
