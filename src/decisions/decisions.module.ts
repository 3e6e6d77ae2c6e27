import { Module } from '@nestjs/common';
import { PilotsModule } from '../pilots/pilots.module';
import { DecisionsCoreModule } from './decisions-core.module';
import { DecisionsController } from './decisions.controller';
import { BoardPackController } from './board-pack.controller';
import { GatesModule } from '../gates/gates.module';
import { ReadinessModule } from '../readiness/readiness.module';

@Module({
  imports: [PilotsModule, DecisionsCoreModule, GatesModule, ReadinessModule],
  controllers: [DecisionsController, BoardPackController],
})
export class DecisionsModule {}
