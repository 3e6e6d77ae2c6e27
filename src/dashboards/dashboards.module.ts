import { Module } from '@nestjs/common';
import { BusinessCaseModule } from '../business-case/business-case.module';
import { GatesModule } from '../gates/gates.module';
import { PilotsModule } from '../pilots/pilots.module';
import { DashboardsController } from './dashboards.controller';
import { DashboardsService } from './dashboards.service';

@Module({
  imports: [PilotsModule, GatesModule, BusinessCaseModule],
  controllers: [DashboardsController],
  providers: [DashboardsService],
})
export class DashboardsModule {}
