import type { Request, Response } from 'express';
import { defaultLanguage, isLanguage, type Language, languageFromHeader } from './language';

/** The cookie the language switch sets, for whoever is not signed in (and as a fallback). */
export function languageCookieName(production: boolean): string {
  return production ? '__Host-pilot.lang' : 'pilot.lang';
}

/** What the request asks for before we know who sends it: the switch, the browser, the default. */
export function requestedLanguage(req: Request, production: boolean): Language {
  const chosen = (req.cookies as Record<string, string | undefined> | undefined)?.[
    languageCookieName(production)
  ];
  if (isLanguage(chosen)) return chosen;
  return languageFromHeader(req.headers['accept-language']) ?? defaultLanguage();
}

/** Remembers a switch in this browser for a year. */
export function rememberLanguage(res: Response, language: Language, production: boolean): void {
  res.cookie(languageCookieName(production), language, {
    httpOnly: true,
    sameSite: 'lax',
    secure: production,
    path: '/',
    maxAge: 365 * 24 * 60 * 60 * 1000,
  });
}

/** Forgets a switch: the browser's Accept-Language decides again. */
export function forgetLanguage(res: Response, production: boolean): void {
  res.clearCookie(languageCookieName(production), {
    httpOnly: true,
    sameSite: 'lax',
    secure: production,
    path: '/',
  });
}
