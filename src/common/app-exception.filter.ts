import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError, STATUS_BY_CODE, StorageError } from './domain-error';
import { sendError, statusTitle, wantsJson } from './error-page';
import { t } from '../i18n/translate';
import { CachedAnswer, NotModified } from './not-modified';

/** Maps every error to a page or a JSON body; nothing reaches the user as a stack trace. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();

    if (exception instanceof NotModified) {
      res.status(304).end();
      return;
    }
    if (exception instanceof CachedAnswer) {
      const { answer } = exception;
      res.status(200).setHeader('Content-Type', answer.contentType);
      if (answer.disposition) res.setHeader('Content-Disposition', answer.disposition);
      // Gzipped once and kept: the compression middleware leaves an encoded body alone.
      res.vary('Accept-Encoding');
      if (answer.body.length >= 1024 && req.acceptsEncodings('gzip', 'identity') === 'gzip')
        res.setHeader('Content-Encoding', 'gzip').send(exception.gzip());
      else res.send(answer.body);
      return;
    }
    if (
      exception instanceof DomainError &&
      exception.code === 'unauthenticated' &&
      req.method === 'GET' &&
      !wantsJson(req)
    ) {
      res.redirect(303, `/sign-in?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    if (exception instanceof DomainError) {
      if (exception.retryAfter) res.setHeader('Retry-After', String(exception.retryAfter));
      // Busy, not broken: the client may come back shortly.
      if (exception.code === 'unavailable' && !res.getHeader('Retry-After'))
        res.setHeader('Retry-After', '30');
      const fields = Object.keys(exception.fieldErrors).length ? exception.fieldErrors : undefined;
      sendError(req, res, STATUS_BY_CODE[exception.code], exception.message, { fields });
      return;
    }
    if (exception instanceof StorageError) {
      this.logger.error(`${req.method} ${req.originalUrl}: not stored: ${exception.message}`);
      res.setHeader('Retry-After', '60');
      sendError(req, res, 503, t('error.databaseFull'));
      return;
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      const message = status === 404 ? t('notFound.page', { path: req.path }) : statusTitle(status);
      sendError(req, res, status, message);
      return;
    }
    const errorId = randomUUID();
    this.logger.error(
      `[${errorId}] ${req.method} ${req.originalUrl}: ${exception instanceof Error ? exception.stack : String(exception)}`,
    );
    sendError(req, res, 500, t('error.logged'), {
      errorId,
    });
  }
}
