import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsController } from './accounts.controller';
import { AccountController } from './account.controller';
import { AccountsService } from './accounts.service';
import { ApiTokensService } from './api-tokens.service';
import { SignInPresenter } from './sign-in.presenter';
import { TokensPresenter } from './tokens.presenter';
import { UsersPresenter } from './users.presenter';
import { AuthGuard } from './auth.guard';
import { TokensController } from './tokens.controller';
import { UsersController } from './users.controller';
import { SessionsModule } from '../sessions/sessions.module';

@Global()
@Module({
  imports: [SessionsModule],
  controllers: [AccountsController, AccountController, UsersController, TokensController],
  providers: [
    AccountsService,
    ApiTokensService,
    SignInPresenter,
    UsersPresenter,
    TokensPresenter,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccountsService],
})
export class AccountsModule {}
