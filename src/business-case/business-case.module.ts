import { Module } from '@nestjs/common';
import { PilotsModule } from '../pilots/pilots.module';
import { BusinessCaseController } from './business-case.controller';
import { BusinessCaseCoreModule } from './business-case-core.module';
import { PlanController } from './plan.controller';
import { PlanService } from './plan.service';

@Module({
  imports: [PilotsModule, BusinessCaseCoreModule],
  controllers: [PlanController, BusinessCaseController],
  providers: [PlanService],
  exports: [BusinessCaseCoreModule, PlanService],
})
export class BusinessCaseModule {}
