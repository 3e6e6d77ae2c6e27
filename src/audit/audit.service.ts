import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
    | 'user';
  entityId: number;
  pilotId: number | null;
}

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
}
