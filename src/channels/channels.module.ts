import { Module } from '@nestjs/common';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { ChannelsPresenter } from './channels.presenter';
import { ChannelTotalsService } from './channel-totals.service';

@Module({
  controllers: [ChannelsController],
  providers: [ChannelsPresenter, ChannelsService, ChannelTotalsService],
  exports: [ChannelsService, ChannelTotalsService],
})
export class ChannelsModule {}
