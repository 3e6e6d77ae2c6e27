import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../accounts/auth.guard';

/**
 * Liveness for a load balancer: answers without touching the database, so a slow query never
 * takes an instance out of rotation. Also the benchmark's trivial route (the framework's ceiling).
 */
@Controller()
export class HealthController {
  @Public()
  @Get('health')
  @Header('Cache-Control', 'no-store')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
