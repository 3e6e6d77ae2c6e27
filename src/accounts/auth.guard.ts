import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { pastAbsoluteTimeout } from '../sessions/session-policy';
import { AccountsService } from './accounts.service';
import { ApiTokensService } from './api-tokens.service';
import { bearerToken } from './bearer';
import { switchLanguage } from '../i18n/language';
import { t } from '../i18n/translate';
import { Action, can, OwnedPilot, ROLE_LABELS } from './permissions';

const PUBLIC = 'public-route';
/** A route anyone may open without signing in (the sign-in page). */
export const Public = () => SetMetadata(PUBLIC, true);

/**
 * Every route is behind sign-in unless marked @Public(). Loads the signed-in user on each
 * request (so a deactivated account is out at once) and offers it to the views.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
    private readonly tokens: ApiTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    let user = null;
    const bearer = bearerToken(req);
    if (bearer) {
      // The JSON API also takes a personal token instead of a session.
      const holder = await this.tokens.userFor(bearer);
      if (!holder) throw new DomainError('unauthenticated', t('error.tokenUnknown'));
      // The scope chosen when the token was made; the holder's roles apply on top.
      if (holder.scope !== 'write' && !['GET', 'HEAD'].includes(req.method))
        throw new DomainError('forbidden', t('error.tokenReadOnly'));
      user = holder.user;
      req.tokenScope = holder.scope;
      req.tokenId = holder.tokenId;
    } else if (req.session?.userId && pastAbsoluteTimeout(req.session.signedInAt)) {
      delete req.session.userId;
      delete req.session.signedInAt;
      req.session.flash = t('error.sessionEnded');
    } else if (req.session?.userId) {
      user = await this.accounts.find(req.session.userId);
      if (!user || !user.active) {
        delete req.session.userId;
        user = null;
      }
    }
    req.user = user;
    // The account's own language comes before what the browser asks for.
    if (user?.language) {
      switchLanguage(user.language);
      res.locals.lang = user.language;
    }
    res.locals.user = user
      ? { ...user, roleLabels: user.roles.map((r) => ROLE_LABELS[r]).join(', ') }
      : null;
    res.locals.may = user
      ? Object.fromEntries(
          (
            [
              'create_pilot',
              'import_results',
              'set_rates',
              'manage_channels',
              'manage_template',
              'accept_conflict',
            ] as Action[]
          ).map((a) => [a, can(user, a)]),
        )
      : {};
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!isPublic && !user) throw new DomainError('unauthenticated', t('error.signInFirst'));
    return true;
  }
}

/** Refuses with 403 unless the signed-in user may do `action` (on `pilot`). */
export function authorize(req: Request, action: Action, pilot?: OwnedPilot): void {
  if (!can(req.user ?? null, action, pilot)) {
    throw new DomainError('forbidden', t('error.forbidden'));
  }
}
