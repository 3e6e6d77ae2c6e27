import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module';
import { BusinessCaseModule } from '../business-case/business-case.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { PilotsModule } from '../pilots/pilots.module';
import { ResultsModule } from '../results/results.module';
import { Mailer } from './mailer';
import { RemindersController } from './reminders.controller';
import { RemindersScheduler } from './reminders.scheduler';
import { RemindersService } from './reminders.service';
import { UnreadCountInterceptor } from './unread-count.interceptor';

@Module({
  imports: [AccountsModule, PilotsModule, ResultsModule, LifecycleModule, BusinessCaseModule],
  controllers: [RemindersController],
  providers: [
    Mailer,
    RemindersService,
    RemindersScheduler,
    { provide: APP_INTERCEPTOR, useClass: UnreadCountInterceptor },
  ],
  exports: [RemindersService],
})
export class RemindersModule {}
