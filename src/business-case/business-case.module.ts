import { Module } from '@nestjs/common';
import { FinanceModule } from '../finance/finance.module';
import { PilotsModule } from '../pilots/pilots.module';
import { ResultsModule } from '../results/results.module';
import { BusinessCaseController } from './business-case.controller';
import { BusinessCaseService } from './business-case.service';
import { CaseSummariesService } from './case-summaries.service';
import { PlanController } from './plan.controller';
import { PlanPresenter } from './plan.presenter';
import { PlanService } from './plan.service';
import { SignoffsService } from './signoffs.service';
import { BusinessCasePresenter } from './business-case.presenter';

/** The plan, the engine's computation, its cached summaries and finance's sign-offs. */
@Module({
  imports: [PilotsModule, ResultsModule, FinanceModule],
  controllers: [PlanController, BusinessCaseController],
  providers: [
    BusinessCasePresenter,
    BusinessCaseService,
    CaseSummariesService,
    SignoffsService,
    PlanService,
    PlanPresenter,
  ],
  exports: [BusinessCaseService, CaseSummariesService, SignoffsService, PlanService],
})
export class BusinessCaseModule {}
