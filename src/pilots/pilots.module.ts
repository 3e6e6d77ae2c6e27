import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { PilotsController } from './pilots.controller';
import { PilotFormPresenter } from './pilot-form.presenter';
import { PilotsService } from './pilots.service';

/** The pilot's record: registering and editing it. Knows nothing of gates or decisions. */
@Module({
  imports: [ChannelsModule],
  controllers: [PilotsController],
  providers: [PilotsService, PilotFormPresenter],
  exports: [PilotsService, PilotFormPresenter],
})
export class PilotsModule {}
