import type { Request, Response } from 'express';
import { t } from '../i18n/translate';
import { currentLanguage, inLanguage, type Language } from '../i18n/language';

const TITLED = [400, 401, 403, 404, 409, 413, 422, 429, 500, 503];

/** A status's title in the request's language ("Page not found"). */
export function statusTitle(status: number): string {
  return t(TITLED.includes(status) ? `error.title.${status}` : 'error.title.other');
}

export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || (!req.accepts('html') && Boolean(req.accepts('json')));
}

/**
 * The one way a refused or failed request is answered: an HTML page, or for the API a problem
 * document (RFC 9457, `application/problem+json`): `title` the status's, `detail` what happened,
 * and as extensions `fields` (per field or parameter, why it was refused) and `errorId`.
 */
export function sendError(
  req: Request,
  res: Response,
  status: number,
  message: string,
  extra: { errorId?: string; fields?: Record<string, string[]> } = {},
): void {
  if (res.headersSent) return;
  // An error met before the request's language context began still answers in its language.
  const language = res.locals?.lang as Language | undefined;
  if (language && language !== currentLanguage())
    return inLanguage(language, () => sendError(req, res, status, message, extra));
  // A refusal is no copy to keep: the tag set before the handler ran does not describe it.
  res.removeHeader('ETag');
  const title = statusTitle(status);
  if (wantsJson(req)) {
    if (status === 401 && bearerMayHelp(req)) res.setHeader('WWW-Authenticate', 'Bearer');
    res
      .status(status)
      .type('application/problem+json')
      .json(problemOf(req, status, message, extra));
    return;
  }
  res.status(status).render('errors/error', { title, status, message, errorId: extra.errorId });
}

/** The problem document (RFC 9457) of a refused or failed API request. */
export function problemOf(
  req: Request,
  status: number,
  message: string,
  extra: { errorId?: string; fields?: Record<string, string[]> } = {},
) {
  return {
    type: 'about:blank',
    title: statusTitle(status),
    status,
    detail: message,
    instance: req.originalUrl,
    ...extra,
  };
}

/** A 401 from the JSON API names the scheme it takes (RFC 6750). */
function bearerMayHelp(req: Request): boolean {
  return req.path.startsWith('/api/');
}
