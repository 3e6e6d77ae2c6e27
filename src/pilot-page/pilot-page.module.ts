import { Module } from '@nestjs/common';
import { CommentsModule } from '../comments/comments.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { PilotsModule } from '../pilots/pilots.module';
import { PilotPageController } from './pilot-page.controller';
import { PilotPagePresenter } from './pilot-page.presenter';

/** The pilot's page: its record, next gate, signals, decisions and history in one view. */
@Module({
  imports: [PilotsModule, LifecycleModule, CommentsModule],
  controllers: [PilotPageController],
  providers: [PilotPagePresenter],
})
export class PilotPageModule {}
