import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ApiLimitsService } from './api-limits.service';

/** Counts each token's requests per minute (after the AuthGuard has found the token). */
@Injectable()
export class ApiRateLimitGuard implements CanActivate {
  constructor(private readonly limits: ApiLimitsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.tokenId !== undefined) await this.limits.count(req.tokenId);
    return true;
  }
}
