import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';

export interface AuditFilter {
  type: string;
  actor: string;
  pilot: string;
  from: string;
  to: string;
}

/** Reads the organisation-wide audit trail, a page at a time. */
@Injectable()
export class AuditTrailService {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `size + 1` entries, newest first: one more than a page tells there is a next page. */
  page(filter: AuditFilter, page: number, size: number): Promise<AuditEntry[]> {
    // Every filter is a bound parameter; nothing the user typed becomes SQL.
    const q = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .leftJoinAndSelect('entry.pilot', 'pilot')
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .take(size + 1)
      .skip((page - 1) * size);
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
    return q.getMany();
  }
}
