import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { isIsoDate } from '../common/dates';
import { AuditFilter, AuditService } from '../audit/audit.service';

const PAGE_SIZE = 100;
const ENTITY_TYPES = [
  'pilot',
  'plan',
  'results',
  'investment',
  'readiness',
  'it',
  'channel',
  'cost_rate',
  'discount_rate',
  'readiness_item',
  'gate_settings',
  'user',
];

/** The organisation-wide audit trail, for admins: every change, filterable. */
@Controller('admin/audit')
export class AuditTrailController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  async index(
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'read_audit');
    const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 120) : '');
    const filter: AuditFilter = {
      type: ENTITY_TYPES.find((t) => t === query.type) ?? '',
      actor: text(query.actor),
      pilot: text(query.pilot),
      from: isIsoDate(text(query.from)) ? text(query.from) : '',
      to: isIsoDate(text(query.to)) ? text(query.to) : '',
    };
    const page = Math.max(1, Math.min(10_000, Number.parseInt(text(query.page), 10) || 1));
    const rows = await this.audit.trail(filter, page, PAGE_SIZE);
    const params = new URLSearchParams(
      Object.entries(filter).filter(([, v]) => v) as Array<[string, string]>,
    );
    res.render('audit-trail/index', {
      title: 'Audit trail',
      entries: rows.slice(0, PAGE_SIZE),
      filter,
      types: ENTITY_TYPES,
      page,
      previous:
        page > 1 ? `?${new URLSearchParams([...params, ['page', String(page - 1)]])}` : null,
      next:
        rows.length > PAGE_SIZE
          ? `?${new URLSearchParams([...params, ['page', String(page + 1)]])}`
          : null,
    });
  }
}
