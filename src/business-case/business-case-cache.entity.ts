import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Pilot } from '../pilots/pilot.entity';

/**
 * A pilot's business-case summary as last computed (`data`, JSON), and the key it was computed
 * under. Database triggers bump `version` whenever an input changes (migration 14).
 */
@Entity('business_case_cache')
export class BusinessCaseCache {
  @PrimaryColumn({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'business_case_cache_pilot_fkey' })
  pilot?: Pilot;

  @Column({ type: 'integer', default: 0 })
  version: number;

  @Column({ name: 'computed_key', type: 'varchar', length: 80, nullable: true })
  computedKey: string | null;

  @Column({ type: 'text', nullable: true })
  data: string | null;

  /** The PeriodBasis (JSON) finance's month filter computes from; read only for that filter. */
  @Column({ name: 'period_data', type: 'text', nullable: true, select: false })
  periodData: string | null;

  @Column({ name: 'computed_at', type: Date, nullable: true })
  computedAt: Date | null;
}

/** Bumped by triggers when a rate or a channel changes: every pilot's summary is then stale. */
@Entity('business_case_epoch')
export class BusinessCaseEpoch {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer', default: 0 })
  version: number;
}
