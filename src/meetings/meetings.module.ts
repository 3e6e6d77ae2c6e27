import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { LedgerModule } from '../ledger/ledger.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { PilotsModule } from '../pilots/pilots.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsPresenter } from './meetings.presenter';

/** The board's meetings, their agenda, combined pack and minutes. */
@Module({
  imports: [PilotsModule, LifecycleModule, DecisionsModule, LedgerModule],
  controllers: [MeetingsController],
  providers: [MeetingsPresenter],
})
export class MeetingsModule {}
