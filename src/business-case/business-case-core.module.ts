import { Module } from '@nestjs/common';
import { BusinessCaseService } from './business-case.service';
import { CaseSummariesService } from './case-summaries.service';
import { SignoffsService } from './signoffs.service';

/**
 * The engine's services alone (they need only the database), so the gates and the dashboards
 * can use them too: the computation, its cached summaries and finance's sign-offs.
 */
@Module({
  providers: [BusinessCaseService, CaseSummariesService, SignoffsService],
  exports: [BusinessCaseService, CaseSummariesService, SignoffsService],
})
export class BusinessCaseCoreModule {}
