import { Module } from '@nestjs/common';
import { BusinessCaseModule } from '../business-case/business-case.module';
import { ChannelsModule } from '../channels/channels.module';
import { LedgerModule } from '../ledger/ledger.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { PilotsModule } from '../pilots/pilots.module';
import { ReadinessModule } from '../readiness/readiness.module';
import { ResultsModule } from '../results/results.module';
import { ApiController } from './api.controller';
import { ApiLimitsService } from './api-limits.service';
import { ApiRateLimitGuard } from './api-rate-limit.guard';
import { OpenApiDocument } from './openapi-document';
import { PilotsApiController } from './pilots-api.controller';
import { PilotsApiPresenter } from './pilots-api.presenter';
import { ResultsApiController } from './results-api.controller';

@Module({
  imports: [
    PilotsModule,
    BusinessCaseModule,
    LedgerModule,
    ChannelsModule,
    LifecycleModule,
    ReadinessModule,
    ResultsModule,
  ],
  controllers: [ApiController, PilotsApiController, ResultsApiController],
  providers: [ApiLimitsService, ApiRateLimitGuard, OpenApiDocument, PilotsApiPresenter],
})
export class ApiModule {}
