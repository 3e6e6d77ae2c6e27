import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../common/columns';
import { Pilot } from '../pilots/pilot.entity';
import type { IntegrationItem, ItemStatus, ItLevel } from './readiness-fields';

/** How far IT has committed to a pilot's channel; a pilot without a row is at level none. */
@Entity('it_commitment')
export class ItCommitment {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Index('it_commitment_pilot_key', { unique: true })
  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'it_commitment_pilot_fkey' })
  pilot?: Pilot;

  @Column({ type: 'varchar', length: 20 })
  level: ItLevel;

  @Column({ name: 'it_owner', type: 'varchar', length: 120, nullable: true })
  itOwner: string | null;

  @Column({
    name: 'budget_committed_cents',
    type: 'bigint',
    nullable: true,
    transformer: bigintNumber,
  })
  budgetCommittedCents: number | null;

  @Column({ name: 'roadmap_slot', type: 'varchar', length: 120, nullable: true })
  roadmapSlot: string | null;

  @Column({ name: 'target_date', type: 'date', nullable: true })
  targetDate: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 120 })
  updatedBy: string;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}

/** The status of one integration (CRM, knowledge base …) for a pilot. */
@Entity('it_integration')
@Index('it_integration_pilot_item_key', ['pilotId', 'item'], { unique: true })
export class ItIntegration {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'it_integration_pilot_fkey' })
  pilot?: Pilot;

  @Column({ type: 'varchar', length: 30 })
  item: IntegrationItem;

  @Column({ type: 'varchar', length: 20 })
  status: ItemStatus;
}
