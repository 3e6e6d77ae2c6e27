import { t } from '../i18n/translate';
import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../common/domain-error';

const HEAVY = 'heavy-request';
/**
 * A route whose answer is computed over the whole portfolio (the dashboards, the finance
 * overview and its exports, a board pack): counted against the limits below.
 */
export const Heavy = () => SetMetadata(HEAVY, true);

const RETRY_AFTER_SECONDS = 5;

/**
 * Bounds the heavy requests in flight, per user and per instance: beyond either, the request is
 * answered 503 with Retry-After at once instead of queueing without end, so that one viewer
 * with many tabs (or a script) cannot make everyone else's pages wait. The counts are this
 * instance's own: the work they bound is this instance's CPU.
 */
@Injectable()
export class HeavyRequestsInterceptor implements NestInterceptor {
  private inFlight = 0;
  private readonly perUser = new Map<string, number>();

  constructor(
    private readonly reflector: Reflector,
    // HEAVY_PER_USER (default 2) and HEAVY_PER_INSTANCE (default 6); the computation itself
    // runs one at a time, so more in flight only queue.
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    if (!this.reflector.get<boolean>(HEAVY, context.getHandler())) return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const who = req.user ? `user:${req.user.id}` : `ip:${req.ip ?? ''}`;
    const mine = this.perUser.get(who) ?? 0;
    if (mine >= this.config.heavyPerUser || this.inFlight >= this.config.heavyPerInstance) {
      throw new DomainError(
        'unavailable',
        mine >= this.config.heavyPerUser ? t('heavy.yours', { count: mine }) : t('heavy.busy'),
        {},
        RETRY_AFTER_SECONDS,
      );
    }
    this.inFlight += 1;
    this.perUser.set(who, mine + 1);
    // Counted until the response is done (or the client went away): most of these routes
    // write their answer themselves, after the handler's observable has completed.
    res.once('close', () => {
      this.inFlight -= 1;
      const left = (this.perUser.get(who) ?? 1) - 1;
      if (left > 0) this.perUser.set(who, left);
      else this.perUser.delete(who);
    });
    return next.handle();
  }
}
