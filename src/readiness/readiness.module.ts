import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { PilotsModule } from '../pilots/pilots.module';
import { AdminController } from './admin.controller';
import { ReadinessController } from './readiness.controller';
import { ReadinessPresenter } from './readiness.presenter';
import { ReadinessService } from './readiness.service';
import { AdminPresenter } from './admin.presenter';

@Module({
  imports: [PilotsModule, EvidenceModule],
  controllers: [ReadinessController, AdminController],
  providers: [AdminPresenter, ReadinessService, ReadinessPresenter],
  exports: [ReadinessService],
})
export class ReadinessModule {}
