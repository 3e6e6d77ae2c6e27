import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { PilotsModule } from '../pilots/pilots.module';
import { ImportController } from './import/import.controller';
import { ImportBatches } from './import/import-batches.service';
import { MetricsImportService } from './import/metrics-import.service';
import { ResultsController } from './results.controller';
import { ResultsPresenter } from './results.presenter';
import { ResultsService } from './results.service';

@Module({
  imports: [PilotsModule, ChannelsModule],
  controllers: [ResultsController, ImportController],
  providers: [ResultsService, ResultsPresenter, MetricsImportService, ImportBatches],
  exports: [ResultsService, MetricsImportService],
})
export class ResultsModule {}
