import { Module } from '@nestjs/common';
import { GatesModule } from '../gates/gates.module';
import { PilotsModule } from '../pilots/pilots.module';
import { AdminController } from './admin.controller';
import { ReadinessController } from './readiness.controller';
import { ReadinessService } from './readiness.service';

@Module({
  imports: [PilotsModule, GatesModule],
  controllers: [ReadinessController, AdminController],
  providers: [ReadinessService],
  exports: [ReadinessService],
})
export class ReadinessModule {}
