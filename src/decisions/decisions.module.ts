import { Module } from '@nestjs/common';
import { PilotsModule } from '../pilots/pilots.module';
import { DecisionsCoreModule } from './decisions-core.module';
import { DecisionsController } from './decisions.controller';

@Module({ imports: [PilotsModule, DecisionsCoreModule], controllers: [DecisionsController] })
export class DecisionsModule {}
