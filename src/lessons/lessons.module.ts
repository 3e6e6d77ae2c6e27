import { Global, Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { EARLIER_LESSONS } from '../pilots/earlier-lessons';
import { LessonsController } from './lessons.controller';
import { LessonsPresenter } from './lessons.presenter';

/**
 * The lessons library. Global only to offer EARLIER_LESSONS to the pilots feature's registration
 * form, which must not import this folder (it builds on pilots).
 */
@Global()
@Module({
  imports: [LifecycleModule],
  controllers: [LessonsController],
  providers: [LessonsPresenter, { provide: EARLIER_LESSONS, useExisting: LessonsPresenter }],
  exports: [EARLIER_LESSONS],
})
export class LessonsModule {}
