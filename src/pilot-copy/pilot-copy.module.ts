import { Module } from '@nestjs/common';
import { BusinessCaseModule } from '../business-case/business-case.module';
import { PilotsModule } from '../pilots/pilots.module';
import { ReadinessModule } from '../readiness/readiness.module';
import { PilotCopyController } from './pilot-copy.controller';

/** A new pilot that starts from an earlier one. */
@Module({
  imports: [PilotsModule, BusinessCaseModule, ReadinessModule],
  controllers: [PilotCopyController],
})
export class PilotCopyModule {}
