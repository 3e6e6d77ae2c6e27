import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { todayIso } from '../common/dates';
import { CachedAnswer, NotModified } from '../common/not-modified';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Writer } from '../database/writer.service';
import { AnswerCache } from './answer-cache';
import { codeVersion } from './code-version';
import { currentLanguage } from '../i18n/language';

/**
 * Conditional GETs for the signed-in pages and the API: the ETag is made from the data version
 * (moved on by every write of data, on every instance), the code, the person and their session
 * (the forms' CSRF tokens), today (days in a stage, reviews due), the language and the request; a repeat with
 * that If-None-Match is answered 304 before the handler runs — nothing read, nothing rendered.
 * A page that shows a one-time message (a flash) is always sent whole.
 *
 * The same key finds the answer rendered before (AnswerCache): a repeat without If-None-Match
 * (another tab, a script) is sent those bytes. The guards have run by then: the role check
 * holds for a cached answer as for a rendered one.
 */
@Injectable()
export class ConditionalGetInterceptor implements NestInterceptor {
  private readonly code = codeVersion();
  private readonly answers: AnswerCache;

  constructor(
    private readonly writer: Writer,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.answers = new AnswerCache(config.answerCacheMb * 2 ** 20);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (req.method !== 'GET' || !req.user || res.locals.flash || req.path === '/health')
      return next.handle();
    const quiet = this.writer.quietMark();
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
              currentLanguage(),
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
        // The CSRF cookie too: a page's forms carry the token that matches it.
        const cookies = req.cookies as Record<string, string | undefined>;
        const csrf = cookies['__Host-pilot.csrf'] ?? cookies['pilot.csrf'] ?? '';
        const key = `${tag}|${csrf}`;
        const stored = this.answers.get(key);
        if (stored) throw new CachedAnswer(stored, () => this.answers.gzipped(key, stored));
        this.keepAnswer(res, key, tag, version, csrf, quiet);
        return next.handle();
      }),
    );
  }

  /** Keeps what this request sends, when it is the whole answer under this tag. */
  private keepAnswer(
    res: Response,
    key: string,
    tag: string,
    version: number,
    csrf: string,
    quiet: number | null,
  ): void {
    const send = res.send;
    res.send = (body: unknown) => {
      // Once: res.json and res.render end in this same send.
      res.send = send;
      const out = send.call(res, body);
      const type = res.getHeader('Content-Type');
      if (
        res.statusCode === 200 &&
        res.getHeader('ETag') === tag &&
        // Not what may have read a write not yet committed (see Writer.quietMark).
        this.writer.quietSince(quiet) &&
        onlySetsCsrf(res.getHeader('Set-Cookie'), csrf) &&
        typeof type === 'string' &&
        (typeof body === 'string' || Buffer.isBuffer(body))
      ) {
        const disposition = res.getHeader('Content-Disposition');
        this.answers.set(key, {
          version,
          contentType: type,
          disposition: typeof disposition === 'string' ? disposition : null,
          body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
        });
      }
      return out;
    };
  }
}

/**
 * Whether the answer sets no cookie but the forms' CSRF cookie, again with the value the request
 * brought (the token generator sets it on every page with a form): a first page, which makes
 * the cookie, or one that changes the session cookie, is not kept.
 */
function onlySetsCsrf(setCookie: ReturnType<Response['getHeader']>, csrf: string): boolean {
  if (setCookie === undefined) return true;
  const cookies = Array.isArray(setCookie) ? setCookie : [String(setCookie)];
  return (
    csrf !== '' &&
    cookies.every((c) => /^(__Host-)?pilot\.csrf=/.test(c) && c.includes(`=${csrf};`))
  );
}
