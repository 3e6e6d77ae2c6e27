import { Module } from '@nestjs/common';
import { PilotsModule } from '../pilots/pilots.module';
import { AdminController } from './admin.controller';
import { ReadinessController } from './readiness.controller';
import { ReadinessPresenter } from './readiness.presenter';
import { ReadinessService } from './readiness.service';

@Module({
  imports: [PilotsModule],
  controllers: [ReadinessController, AdminController],
  providers: [ReadinessService, ReadinessPresenter],
  exports: [ReadinessService],
})
export class ReadinessModule {}
