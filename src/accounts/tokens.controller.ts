import { t } from '../i18n/translate';
import { Controller, Get, Param, ParseIntPipe, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import {
  EMPTY_FORM,
  FormOf,
  formState,
  NO_FIELDS,
  showForm,
  submitForm,
  Submitted,
} from '../common/forms';
import { TokenFormDto } from './dto/token-form.dto';
import { ApiTokensService } from './api-tokens.service';
import { TokensPresenter } from './tokens.presenter';

const VIEW = 'accounts/tokens';

/** Each user's own API tokens. */
@Controller('account/tokens')
export class TokensController {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly presenter: TokensPresenter,
  ) {}

  @Get()
  @Render(VIEW)
  index(@Req() req: Request) {
    return this.presenter.page(req.user!.id);
  }

  /** Makes a token and shows it once, on this page: never stored in clear, never redirected. */
  @Post()
  async create(
    @FormOf(TokenFormDto) form: Submitted<TokenFormDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const user = req.user!;
    try {
      if (form.error) throw form.error;
      const newToken = await this.tokens.create(user, form.dto!, actorOf(req));
      res.setHeader('Cache-Control', 'no-store');
      await showForm(res, VIEW, EMPTY_FORM, this.presenter.page(user.id, { newToken }));
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'validation')) throw error;
      const state = formState(error);
      await showForm(res, VIEW, state, this.presenter.page(user.id, { state, values: form.body }));
    }
  }

  @Post(':id/revoke')
  async revoke(
    @Param('id', new ParseIntPipe({ exceptionFactory: () => DomainError.notFound('token') }))
    id: number,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      NO_FIELDS,
      async () => {
        await this.tokens.revoke(req.user!, id, actorOf(req));
        flash(req, t('tokens.revoked'));
        return '/account/tokens';
      },
      (state) => showForm(res, VIEW, state, this.presenter.page(req.user!.id, { state })),
    );
  }
}
