import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { RemindersService } from './reminders.service';

/** The bell's count of unread notifications, for every page a signed-in person opens. */
@Injectable()
export class UnreadCountInterceptor implements NestInterceptor {
  constructor(private readonly reminders: RemindersService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.user || req.method !== 'GET' || req.path.startsWith('/api/')) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    return from(this.reminders.unread(req.user.id)).pipe(
      switchMap((unread) => {
        res.locals.unread = unread;
        return next.handle();
      }),
    );
  }
}
