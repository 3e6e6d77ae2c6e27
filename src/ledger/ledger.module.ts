import { Module } from '@nestjs/common';
import { BusinessCaseModule } from '../business-case/business-case.module';
import { ChannelsModule } from '../channels/channels.module';
import { FinanceModule } from '../finance/finance.module';
import { PilotsModule } from '../pilots/pilots.module';
import { ResultsModule } from '../results/results.module';
import { LedgerController } from './ledger.controller';
import { LedgerPresenter } from './ledger.presenter';
import { LedgerService } from './ledger.service';
import { TotalsController } from './totals.controller';
import { TotalsPresenter } from './totals.presenter';

/** The channel ledger: the organisation's totals per channel against the pilots' claims. */
@Module({
  imports: [ChannelsModule, PilotsModule, FinanceModule, BusinessCaseModule, ResultsModule],
  controllers: [TotalsController, LedgerController],
  providers: [TotalsPresenter, LedgerService, LedgerPresenter],
  exports: [LedgerService],
})
export class LedgerModule {}
