import type { Request } from 'express';

/** Who is acting, as the history records it: the signed-in user's name and e-mail. */
export function actorOf(req: Request): string {
  return req.user ? `${req.user.name} <${req.user.email}>` : 'system';
}
