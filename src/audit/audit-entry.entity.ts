import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** One changed field (or a creation) of anything in the app: who, when, old → new. */
@Entity('audit_entry')
@Index('audit_entry_pilot_idx', ['pilotId', 'at'])
@Index('audit_entry_entity_idx', ['entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column()
  at: Date;

  @Column({ type: 'varchar', length: 120 })
  actor: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 30 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'integer' })
  entityId: number;

  @Column({ name: 'pilot_id', type: 'integer', nullable: true })
  pilotId: number | null;

  // Named, not imported: the audit trail sits below every feature, pilots included.
  @ManyToOne('Pilot')
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'audit_entry_pilot_fkey' })
  pilot?: { slug: string };

  @Column({ type: 'varchar', length: 20 })
  action: 'create' | 'update';

  @Column({ type: 'varchar', length: 60, nullable: true })
  field: string | null;

  @Column({ name: 'old_value', type: 'text', nullable: true })
  oldValue: string | null;

  @Column({ name: 'new_value', type: 'text', nullable: true })
  newValue: string | null;
}
