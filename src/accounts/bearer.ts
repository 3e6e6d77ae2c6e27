import type { Request } from 'express';

/**
 * The personal API token a JSON API request carries instead of a session, or undefined. Such a
 * request is authenticated by the token alone, never by the session cookie, so it needs no CSRF
 * token: a browser cannot attach an Authorization header to a cross-site request without CORS,
 * which the app does not allow.
 */
export function bearerToken(req: Request): string | undefined {
  if (!req.path.startsWith('/api/')) return undefined;
  return /^Bearer (cpt_[A-Za-z0-9_-]{20,})$/.exec(req.headers.authorization ?? '')?.[1];
}
