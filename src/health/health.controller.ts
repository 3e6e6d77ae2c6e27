import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../accounts/auth.guard';
import { Writer } from '../database/writer.service';

/**
 * Liveness for a load balancer: answers without touching the database, so a slow query never
 * takes an instance out of rotation. Also the benchmark's trivial route (the framework's ceiling).
 * 503 while the last write could not be stored (disk full, read-only), until one succeeds again.
 */
@Controller()
export class HealthController {
  constructor(private readonly writer: Writer) {}

  @Public()
  @Get('health')
  @Header('Cache-Control', 'no-store')
  health(@Res({ passthrough: true }) res: Response): {
    status: 'ok' | 'cannot_write';
    reason?: string;
  } {
    const failure = this.writer.storageFailure();
    if (!failure) return { status: 'ok' };
    res.status(503);
    return { status: 'cannot_write', reason: failure };
  }
}
