import { tIn } from '../i18n/translate';
import { defaultLanguage, type Language } from '../i18n/language';
import type { NextFunction, Request, Response } from 'express';
import { sendError } from './error-page';

// PostgreSQL refuses a NUL character in text ("invalid byte sequence … 0x00") and an integer
// of 2^31 or more in an integer column; both reached it from addresses, filters and forms and
// came back as 500s. Neither can be a real value here, so they are refused at the door, on
// both databases alike.

const MAX_INTEGER = 2_147_483_647;

function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (depth > 5 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(
    ([key, item]) => key.includes('\0') || holdsNul(item, depth + 1),
  );
}

export function requestGuard(req: Request, res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    sendError(req, res, 400, tIn(languageOf(res), 'error.badAddress'));
    return;
  }
  if (path.includes('\0') || holdsNul(req.query) || holdsNul(req.body)) {
    sendError(req, res, 400, tIn(languageOf(res), 'error.nul'));
    return;
  }
  // A number in the address is an id: beyond the largest one the database can hold, nothing.
  if (path.split('/').some((segment) => /^\d+$/.test(segment) && Number(segment) > MAX_INTEGER)) {
    sendError(req, res, 404, tIn(languageOf(res), 'notFound.page', { path: req.path }));
    return;
  }
  next();
}

/** The language set for this response so far (this check runs before the request's context). */
function languageOf(res: Response): Language {
  return (res.locals.lang as Language | undefined) ?? defaultLanguage();
}
