import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AuthGuard } from './auth.guard';
import { UsersController } from './users.controller';
import { SessionsModule } from '../sessions/sessions.module';

@Global()
@Module({
  imports: [SessionsModule],
  controllers: [AccountsController, UsersController],
  providers: [AccountsService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccountsService],
})
export class AccountsModule {}
