import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { DecisionsCoreModule } from '../decisions/decisions-core.module';
import { GatesModule } from '../gates/gates.module';
import { PilotsController } from './pilots.controller';
import { PilotsService } from './pilots.service';

@Module({
  imports: [ChannelsModule, GatesModule, DecisionsCoreModule],
  controllers: [PilotsController],
  providers: [PilotsService],
  exports: [PilotsService],
})
export class PilotsModule {}
