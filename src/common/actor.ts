import type { Request } from 'express';

/** Who is acting, as the history records it. Until accounts exist everyone is anonymous. */
export function actorOf(_req: Request): string {
  return 'anonymous';
}
