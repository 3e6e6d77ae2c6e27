// How long a sign-in lasts (OWASP ASVS 5, V7.3): the server ends a session after an hour
// without a request, and twelve hours after sign-in whatever the activity — a working day,
// after which a board member or controller signs in afresh.

/** No request for this long and the session is gone (checked by the store, server-side). */
export const SESSION_IDLE_MS = 60 * 60 * 1000;
/** This long after sign-in the session ends, however active. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/**
 * The session cookie's name. Over HTTPS (production) the `__Host-` prefix makes the browser
 * refuse it unless it is Secure, for this host only and for every path — no subdomain or
 * plain-HTTP page can plant or read one.
 */
export function sessionCookieName(production: boolean): string {
  return production ? '__Host-pilot.sid' : 'pilot.sid';
}

/** Whether a session signed in at `signedInAt` has outlived the absolute time-out. */
export function pastAbsoluteTimeout(signedInAt: number | undefined, now = Date.now()): boolean {
  return signedInAt === undefined || now - signedInAt >= SESSION_ABSOLUTE_MS;
}
