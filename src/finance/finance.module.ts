import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { FinanceController } from './finance.controller';
import { FinanceService } from './finance.service';
import { FinancePresenter } from './finance.presenter';

@Module({
  imports: [ChannelsModule],
  controllers: [FinanceController],
  providers: [FinancePresenter, FinanceService],
  exports: [FinanceService],
})
export class FinanceModule {}
