import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { PilotsModule } from '../pilots/pilots.module';
import { HistoryController } from './history.controller';
import { HistoryPresenter } from './history.presenter';
import { HistoryService } from './history.service';

/** Pilots that began before the app: their start month, past stage changes and decisions. */
@Module({
  imports: [PilotsModule, LifecycleModule],
  controllers: [HistoryController],
  providers: [HistoryService, HistoryPresenter],
})
export class HistoryModule {}
