import 'express-session';

declare module 'express-session' {
  interface SessionData {
    /** A one-time message shown on the next page (after a redirect). */
    flash?: string;
    /** The signed-in user's id, and when they signed in (ms since the epoch). */
    userId?: number;
    signedInAt?: number;
  }
}
