import { Module } from '@nestjs/common';
import { BusinessCaseModule } from '../business-case/business-case.module';
import { LedgerModule } from '../ledger/ledger.module';
import { PilotsModule } from '../pilots/pilots.module';
import { ApiController } from './api.controller';

@Module({ imports: [PilotsModule, BusinessCaseModule, LedgerModule], controllers: [ApiController] })
export class ApiModule {}
