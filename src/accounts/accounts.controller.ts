import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { AccountsService } from './accounts.service';
import { FormOf, Submitted } from '../common/forms';
import { SignInDto } from './dto/sign-in.dto';
import { Public } from './auth.guard';
import { endSession, startSession } from './session';
import { SignInPresenter } from './sign-in.presenter';
import { safeNext } from './safe-next';

/** The status of a refused sign-in (wrong e-mail or password; too many tries), else null. */
function refusalStatus(error: unknown): number | null {
  if (!(error instanceof DomainError)) return null;
  return error.code === 'too_many' ? 429 : error.code === 'validation' ? 422 : null;
}

@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly presenter: SignInPresenter,
  ) {}

  @Public()
  @Get('sign-in')
  page(@Query('next') next: string | undefined, @Req() req: Request, @Res() res: Response): void {
    if (req.user) return res.redirect(safeNext(next));
    res.render('accounts/sign-in', this.presenter.page({ next: safeNext(next) }));
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
      res
        .status(status)
        .render(
          'accounts/sign-in',
          this.presenter.page({ next, email, problem: (error as DomainError).message }),
        );
    }
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    await endSession(req);
    res.redirect(303, '/sign-in');
  }
}
