import { Module } from '@nestjs/common';
import { PilotsModule } from '../pilots/pilots.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';

/** Evidence files; the readiness checklist, the IT page and the review attach them. */
@Module({
  imports: [PilotsModule],
  controllers: [EvidenceController],
  providers: [EvidenceService],
  exports: [EvidenceService],
})
export class EvidenceModule {}
