import 'express-session';

declare module 'express-session' {
  interface SessionData {
    /** A one-time message shown on the next page (after a redirect). */
    flash?: string;
    /** Set once a page has printed a CSRF token, so the session (and its id) is kept. */
    csrf?: boolean;
    /** The signed-in user's id, and when they signed in (ms since the epoch). */
    userId?: number;
    signedInAt?: number;
  }
}
