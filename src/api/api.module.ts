import { Module } from '@nestjs/common';
import { BusinessCaseModule } from '../business-case/business-case.module';
import { ChannelsModule } from '../channels/channels.module';
import { LedgerModule } from '../ledger/ledger.module';
import { PilotsModule } from '../pilots/pilots.module';
import { ApiController } from './api.controller';

@Module({
  imports: [PilotsModule, BusinessCaseModule, LedgerModule, ChannelsModule],
  controllers: [ApiController],
})
export class ApiModule {}
