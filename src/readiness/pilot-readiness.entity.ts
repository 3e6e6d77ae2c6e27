import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pilot } from '../pilots/pilot.entity';
import type { ItemStatus } from './readiness-fields';
import { ReadinessItem } from './readiness-item.entity';

/** A pilot's status on one checklist item; an item without a row is not started. */
@Entity('pilot_readiness')
@Index('pilot_readiness_pilot_item_key', ['pilotId', 'itemId'], { unique: true })
export class PilotReadiness {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'pilot_readiness_pilot_fkey' })
  pilot?: Pilot;

  @Column({ name: 'item_id', type: 'integer' })
  itemId: number;

  @ManyToOne(() => ReadinessItem)
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'pilot_readiness_item_fkey' })
  item?: ReadinessItem;

  @Column({ type: 'varchar', length: 20 })
  status: ItemStatus;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Column({ name: 'changed_by', type: 'varchar', length: 120 })
  changedBy: string;

  @Column({ name: 'changed_at' })
  changedAt: Date;

  @Column({ type: 'integer' })
  version: number;
}
