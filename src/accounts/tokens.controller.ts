import { Controller, Get, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { actorOf } from '../common/actor';
import { localParts } from '../common/time-zone';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { FormOf, formState, FormState, NO_FIELDS, submitForm, Submitted } from '../common/forms';
import { DEFAULT_TOKEN_DAYS, TOKEN_LIFETIMES, TokenFormDto } from './dto/token-form.dto';
import { ApiTokensService } from './api-tokens.service';

/** Each user's own API tokens. */
@Controller('account/tokens')
export class TokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  async index(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.render(req, res);
  }

  @Post()
  async create(
    @FormOf(TokenFormDto) form: Submitted<TokenFormDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    let token: string;
    try {
      if (form.error) throw form.error;
      token = await this.tokens.create(req.user!, form.dto!, actorOf(req));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'validation') {
        return this.render(req, res, formState(error), undefined, form.body);
      }
      throw error;
    }
    // Shown once, on this page; never stored in clear, never in a redirect or a log.
    res.setHeader('Cache-Control', 'no-store');
    await this.render(req, res, undefined, token);
  }

  @Post(':id/revoke')
  async revoke(
    @Param('id', new ParseIntPipe({ exceptionFactory: () => DomainError.notFound('That token') }))
    id: number,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      NO_FIELDS,
      async () => {
        await this.tokens.revoke(req.user!, id, actorOf(req));
        flash(req, 'Token revoked; it no longer works.');
        return '/account/tokens';
      },
      (state) => this.render(req, res, state),
    );
  }

  private async render(
    req: Request,
    res: Response,
    state?: FormState,
    newToken?: string,
    values: Record<string, unknown> = {},
  ): Promise<void> {
    const now = Date.now();
    res.status(state?.status ?? 200).render('accounts/tokens', {
      title: 'API tokens',
      tokens: (await this.tokens.list(req.user!.id)).map((token) => ({
        ...token,
        expired: token.expiresAt.getTime() <= now,
        // A day, in the organisation's time zone: the time of day is noise here.
        expiresOn: localParts(token.expiresAt).date,
      })),
      newToken,
      values: { name: values.name ?? '', validFor: String(values.validFor ?? DEFAULT_TOKEN_DAYS) },
      lifetimes: TOKEN_LIFETIMES.map((days) => ({ value: String(days), label: `${days} days` })),
      summary: state?.summary,
      fieldErrors: state?.fieldErrors ?? {},
    });
  }
}
