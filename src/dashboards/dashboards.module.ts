import { Module } from '@nestjs/common';
import { BusinessCaseModule } from '../business-case/business-case.module';
import { LedgerModule } from '../ledger/ledger.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { PilotsModule } from '../pilots/pilots.module';
import { DashboardsController } from './dashboards.controller';
import { DashboardsPresenter } from './dashboards.presenter';
import { DashboardsService } from './dashboards.service';

@Module({
  imports: [PilotsModule, LifecycleModule, BusinessCaseModule, LedgerModule],
  controllers: [DashboardsController],
  providers: [DashboardsService, DashboardsPresenter],
})
export class DashboardsModule {}
