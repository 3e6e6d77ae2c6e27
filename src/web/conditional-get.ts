import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { todayIso } from '../common/dates';
import { NotModified } from '../common/not-modified';
import { Writer } from '../database/writer.service';
import { codeVersion } from './code-version';

/**
 * Conditional GETs for the signed-in pages and the API: the ETag is made from the data version
 * (moved on by every write of data, on every instance), the code, the person and their session
 * (the forms' CSRF tokens), today (days in a stage, reviews due) and the request; a repeat with
 * that If-None-Match is answered 304 before the handler runs — nothing read, nothing rendered.
 * A page that shows a one-time message (a flash) is always sent whole.
 */
@Injectable()
export class ConditionalGetInterceptor implements NestInterceptor {
  private readonly code = codeVersion();

  constructor(private readonly writer: Writer) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (req.method !== 'GET' || !req.user || res.locals.flash || req.path === '/health')
      return next.handle();
    return from(this.writer.dataVersion()).pipe(
      switchMap((version) => {
        const tag = `W/"${createHash('sha256')
          .update(
            [
              this.code,
              version,
              req.user!.id,
              req.tokenId ?? req.session?.id ?? '',
              todayIso(),
              req.originalUrl,
              req.headers.accept ?? '',
            ].join('|'),
          )
          .digest('base64url')
          .slice(0, 27)}"`;
        res.setHeader('ETag', tag);
        // Cached, but asked again each time: the answer is this person's, and data moves.
        res.setHeader('Cache-Control', 'private, no-cache');
        const asked = req.headers['if-none-match'];
        if (asked && asked.split(',').some((t) => t.trim() === tag)) throw new NotModified();
        return next.handle();
      }),
    );
  }
}
