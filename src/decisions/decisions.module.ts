import { Module } from '@nestjs/common';
import { GatesModule } from '../gates/gates.module';
import { PilotsModule } from '../pilots/pilots.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';

@Module({
  imports: [PilotsModule, GatesModule],
  controllers: [DecisionsController],
  providers: [DecisionsService],
})
export class DecisionsModule {}
