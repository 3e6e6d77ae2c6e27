import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { authorize } from '../accounts/auth.guard';
import { isIsoDate } from '../common/dates';
import { AuditEntry } from '../audit/audit-entry.entity';

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
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async index(
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'read_audit');
    const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 120) : '');
    const filter = {
      type: ENTITY_TYPES.find((t) => t === query.type) ?? '',
      actor: text(query.actor),
      pilot: text(query.pilot),
      from: isIsoDate(text(query.from)) ? text(query.from) : '',
      to: isIsoDate(text(query.to)) ? text(query.to) : '',
    };
    const page = Math.max(1, Math.min(10_000, Number.parseInt(text(query.page), 10) || 1));
    // Every filter is a bound parameter; nothing the user typed becomes SQL.
    const q = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .leftJoinAndSelect('entry.pilot', 'pilot')
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .take(PAGE_SIZE + 1)
      .skip((page - 1) * PAGE_SIZE);
    if (filter.type) q.andWhere('entry.entity_type = :type', { type: filter.type });
    if (filter.actor)
      q.andWhere('LOWER(entry.actor) LIKE :actor', {
        actor: `%${filter.actor.toLowerCase().replace(/[%_\\]/g, '')}%`,
      });
    if (filter.pilot) q.andWhere('pilot.slug = :slug', { slug: filter.pilot });
    if (filter.from)
      q.andWhere('entry.at >= :from', { from: new Date(`${filter.from}T00:00:00Z`) });
    if (filter.to)
      q.andWhere('entry.at < :to', {
        to: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000),
      });
    const rows = await q.getMany();
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
