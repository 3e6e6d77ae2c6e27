import { Controller, Get, Inject, Optional, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AccountsService } from './accounts.service';
import { FormOf, Submitted } from '../common/forms';
import { SignInDto } from './dto/sign-in.dto';
import { Public } from './auth.guard';
import { endSession, startSession } from './session';
import { Role, ROLE_LABELS } from './permissions';

/** The accounts the sign-in page lists while demo data is on; the demo module provides them. */
export const SIGN_IN_DEMO_ACCOUNTS = Symbol('sign-in demo accounts');
export type DemoAccountHint = { email: string; name: string; roles: Role[] };

/** Only a path on this site, never another host ("//evil", "https://…"). */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/dashboard';
}

/** The status of a refused sign-in (wrong e-mail or password; too many tries), else null. */
function refusalStatus(error: unknown): number | null {
  if (!(error instanceof DomainError)) return null;
  return error.code === 'too_many' ? 429 : error.code === 'validation' ? 422 : null;
}

@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional()
    @Inject(SIGN_IN_DEMO_ACCOUNTS)
    private readonly demoAccounts: DemoAccountHint[] = [],
  ) {}

  @Public()
  @Get('sign-in')
  page(@Query('next') next: string | undefined, @Req() req: Request, @Res() res: Response): void {
    if (req.user) return res.redirect(safeNext(next));
    this.render(res, 200, { next: safeNext(next) });
  }

  @Public()
  @Post('sign-in')
  async signIn(
    @FormOf(SignInDto) form: Submitted<SignInDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (form.error) throw form.error; // text only: a sign-in form always reads
    const { email, password } = form.dto!;
    const next = safeNext(form.dto!.next);
    try {
      const user = await this.accounts.signIn(email, password, req.ip ?? '');
      await startSession(req, user.id);
      res.redirect(303, next);
    } catch (error) {
      const status = refusalStatus(error);
      if (!status) throw error;
      // The password is never sent back into the form.
      this.render(res, status, { next, email, problem: (error as DomainError).message });
    }
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    await endSession(req);
    res.redirect(303, '/sign-in');
  }

  private render(
    res: Response,
    status: number,
    values: { next: string; email?: string; problem?: string },
  ): void {
    res.status(status).render('accounts/sign-in', {
      title: 'Sign in',
      ...values,
      demoAccounts: this.config.demoData
        ? this.demoAccounts.map((a) => ({
            ...a,
            roleLabels: a.roles.map((r) => ROLE_LABELS[r]).join(', '),
          }))
        : [],
    });
  }
}
