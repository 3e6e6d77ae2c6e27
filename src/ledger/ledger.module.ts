import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { TotalsController } from './totals.controller';
import { TotalsPresenter } from './totals.presenter';

/** The channel ledger: the organisation's totals per channel against the pilots' claims. */
@Module({
  imports: [ChannelsModule],
  controllers: [TotalsController],
  providers: [TotalsPresenter],
})
export class LedgerModule {}
