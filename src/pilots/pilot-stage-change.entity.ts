import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pilot } from './pilot.entity';
import type { Stage } from './pilot-fields';

/**
 * One move of a pilot between stages: who, when, from, to, why. Never edited, with one exception:
 * a pilot's start month may be recorded on its registration row while that row is its whole
 * history (`PilotsService.recordStart`).
 */
@Entity('pilot_stage_change')
@Index('pilot_stage_change_pilot_idx', ['pilotId', 'changedAt'])
export class PilotStageChange {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot)
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'pilot_stage_change_pilot_fkey' })
  pilot?: Pilot;

  @Column({ name: 'from_stage', type: 'varchar', length: 30, nullable: true })
  fromStage: Stage | null;

  @Column({ name: 'to_stage', type: 'varchar', length: 30 })
  toStage: Stage;

  @Column({ name: 'changed_at' })
  changedAt: Date;

  @Column({ type: 'varchar', length: 120 })
  actor: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Who entered a change from before the app, and when; null for a move made in the app. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 120, nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: Date, nullable: true })
  recordedAt: Date | null;
}
