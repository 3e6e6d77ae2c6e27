import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { insertRows } from '../database/bulk';
import { encodeRows, RowBatch } from '../database/row-batch';
import { AuditEntry } from './audit-entry.entity';
import type { FieldChange } from './audit-diff';

export interface AuditTarget {
  entityType:
    | 'pilot'
    | 'channel'
    | 'plan'
    | 'cost_rate'
    | 'discount_rate'
    | 'results'
    | 'investment'
    | 'readiness'
    | 'readiness_item'
    | 'it'
    | 'gate_settings'
    | 'channel_total'
    | 'comment'
    | 'meeting'
    | 'evidence'
    | 'user';
  entityId: number;
  pilotId: number | null;
}

const BULK_COLUMNS = [
  'at',
  'actor',
  'entity_type',
  'entity_id',
  'pilot_id',
  'action',
  'field',
  'old_value',
  'new_value',
];

export interface AuditFilter {
  type: string;
  actor: string;
  pilot: string;
  from: string;
  to: string;
}

/** One change as a raw row, for writes too large for entities (an import of 100 000 figures). */
export type BulkAuditRow = Record<(typeof BULK_COLUMNS)[number], unknown>;

/** Writes audit entries inside the caller's transaction, so a change and its trail commit together. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async recordCreate(
    em: EntityManager,
    actor: string,
    target: AuditTarget,
    at = new Date(),
  ): Promise<void> {
    await em.insert(AuditEntry, {
      ...target,
      actor,
      at,
      action: 'create',
      field: null,
      oldValue: null,
      newValue: null,
    });
  }

  async recordChanges(
    em: EntityManager,
    actor: string,
    target: AuditTarget,
    changes: FieldChange[],
    at = new Date(),
  ): Promise<void> {
    if (!changes.length) return;
    await em.insert(
      AuditEntry,
      changes.map((change) => ({ ...target, ...change, actor, at, action: 'update' as const })),
    );
  }

  /** A pilot's audit entries, newest first. */
  forPilot(pilotId: number, em: EntityManager = this.dataSource.manager): Promise<AuditEntry[]> {
    return em.find(AuditEntry, { where: { pilotId }, order: { at: 'DESC', id: 'DESC' } });
  }

  /** A change as a raw row of the audit trail: made a chunk at a time by a bulk writer. */
  bulkRow(actor: string, target: AuditTarget, change: FieldChange, at: Date): BulkAuditRow {
    return {
      at,
      actor,
      entity_type: target.entityType,
      entity_id: target.entityId,
      pilot_id: target.pilotId,
      action: 'update',
      field: change.field,
      old_value: change.oldValue,
      new_value: change.newValue,
    };
  }

  /** Raw rows inside the caller's transaction (PostgreSQL's bulk path). */
  async recordBulk(em: EntityManager, rows: BulkAuditRow[]): Promise<void> {
    await insertRows(em, 'audit_entry', rows);
  }

  /** Raw rows encoded for the SQLite writer in a worker thread (SQLite's bulk path). */
  encodeBulk(rows: BulkAuditRow[]): RowBatch {
    return encodeRows('audit_entry', BULK_COLUMNS, null, rows);
  }

  /** The organisation-wide trail, newest first: up to `size + 1` entries (one more tells there is a next page). */
  trail(filter: AuditFilter, page: number, size: number): Promise<AuditEntry[]> {
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
