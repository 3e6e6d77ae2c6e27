import { Controller, Get, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { authorize } from '../accounts/auth.guard';
import { AuditService } from '../audit/audit.service';
import { auditQuery, PAGE_SIZE, trailPage } from './audit-trail.presenter';

/** The organisation-wide audit trail, for admins: every change, filterable. */
@Controller('admin/audit')
export class AuditTrailController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Render('audit-trail/index')
  async index(@Query() query: Record<string, unknown>, @Req() req: Request) {
    authorize(req, 'read_audit');
    const { filter, page } = auditQuery(query);
    return trailPage(filter, page, await this.audit.trail(filter, page, PAGE_SIZE));
  }
}
