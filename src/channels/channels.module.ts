import { Module } from '@nestjs/common';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { ChannelsPresenter } from './channels.presenter';

@Module({
  controllers: [ChannelsController],
  providers: [ChannelsPresenter, ChannelsService],
  exports: [ChannelsService],
})
export class ChannelsModule {}
