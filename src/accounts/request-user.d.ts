import type { TokenScope } from './api-token.entity';
import type { User } from './user.entity';

declare global {
  namespace Express {
    interface Request {
      /** The signed-in user, set by the AuthGuard; null when nobody is signed in. */
      user?: User | null;
      /** What the API token of this request may do; undefined when it came with a session. */
      tokenScope?: TokenScope;
      /** The API token of this request (its id), for the rate limit; undefined with a session. */
      tokenId?: number;
    }
  }
}
