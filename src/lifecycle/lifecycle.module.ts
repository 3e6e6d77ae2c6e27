import { Module } from '@nestjs/common';
import { BusinessCaseModule } from '../business-case/business-case.module';
import { LedgerModule } from '../ledger/ledger.module';
import { PilotsModule } from '../pilots/pilots.module';
import { ReadinessModule } from '../readiness/readiness.module';
import { DecisionsService } from './decisions.service';
import { GateSettingsController } from './gate-settings.controller';
import { GatesService } from './gates.service';
import { LifecycleService } from './lifecycle.service';
import { StageMoves } from './stage-move';
import { LessonsService } from './lessons.service';
import { MeetingsService } from './meetings.service';
import { GateSettingsPresenter } from './gate-settings.presenter';

/** What the other features use of the lifecycle. */
const SHARED = [
  GatesService,
  DecisionsService,
  LifecycleService,
  StageMoves,
  LessonsService,
  MeetingsService,
];

/**
 * The lifecycle: the gates and the facts they judge, the signals, the owner's steps, the board's
 * decisions and meetings, the lessons, the thresholds, and the one door every stage change goes
 * through.
 */
@Module({
  imports: [PilotsModule, ReadinessModule, BusinessCaseModule, LedgerModule],
  controllers: [GateSettingsController],
  providers: [GateSettingsPresenter, ...SHARED],
  exports: SHARED,
})
export class LifecycleModule {}
