import { Module } from '@nestjs/common';
import { PilotsModule } from '../pilots/pilots.module';
import { BusinessCaseController } from './business-case.controller';
import { BusinessCaseCoreModule } from './business-case-core.module';
import { PlanController } from './plan.controller';
import { PlanService } from './plan.service';
import { SignoffsService } from './signoffs.service';

@Module({
  imports: [PilotsModule, BusinessCaseCoreModule],
  controllers: [PlanController, BusinessCaseController],
  providers: [PlanService, SignoffsService],
  exports: [BusinessCaseCoreModule, PlanService, SignoffsService],
})
export class BusinessCaseModule {}
