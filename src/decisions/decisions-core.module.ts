import { Module } from '@nestjs/common';
import { GatesModule } from '../gates/gates.module';
import { DecisionsService } from './decisions.service';

/** The decisions service alone (it needs no pilot module), so the pilot page can use it too. */
@Module({ imports: [GatesModule], providers: [DecisionsService], exports: [DecisionsService] })
export class DecisionsCoreModule {}
