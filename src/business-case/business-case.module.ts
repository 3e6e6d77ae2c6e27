import { Module } from '@nestjs/common';
import { PilotsModule } from '../pilots/pilots.module';
import { BusinessCaseController } from './business-case.controller';
import { BusinessCaseService } from './business-case.service';
import { PlanController } from './plan.controller';
import { PlanService } from './plan.service';

@Module({
  imports: [PilotsModule],
  controllers: [PlanController, BusinessCaseController],
  providers: [PlanService, BusinessCaseService],
  exports: [BusinessCaseService, PlanService],
})
export class BusinessCaseModule {}
