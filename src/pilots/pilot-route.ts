import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { authorize } from '../accounts/auth.guard';
import type { Action } from '../accounts/permissions';
import type { Pilot } from './pilot.entity';
import { PilotsService } from './pilots.service';

const PILOT_ACTION = 'pilot-route-action';

type WithPilot = Request & { pilot?: Pilot };

/** Loads the route's pilot (its `:slug`) and, when given, checks `action` against it. */
@Injectable()
export class PilotGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly pilots: PilotsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<WithPilot>();
    const pilot = await this.pilots.get(String(req.params.slug));
    const action = this.reflector.get<Action | null>(PILOT_ACTION, context.getHandler());
    if (action) authorize(req, action, pilot);
    req.pilot = pilot;
    return true;
  }
}

/**
 * A route about one pilot: the pilot is loaded by its slug once, and the role is checked against
 * it (an owner may edit only their own pilots) before the handler runs. 404 for an unknown slug.
 */
export const PilotRoute = (action?: Action) =>
  applyDecorators(SetMetadata(PILOT_ACTION, action ?? null), UseGuards(PilotGuard));

/** The pilot a @PilotRoute() loaded. */
export const RoutePilot = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<WithPilot>().pilot as Pilot,
);
