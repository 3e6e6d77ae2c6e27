import type { Request } from 'express';

/** A one-time message for the next page, shown after the redirect. */
export function flash(req: Request, message: string): void {
  req.session.flash = message;
}
