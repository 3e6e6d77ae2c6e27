import type { User } from './user.entity';

declare global {
  namespace Express {
    interface Request {
      /** The signed-in user, set by the AuthGuard; null when nobody is signed in. */
      user?: User | null;
    }
  }
}
