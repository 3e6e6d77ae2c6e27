import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../common/columns';
import { Pilot } from '../pilots/pilot.entity';

/** A dated one-off investment; once any exists, they replace the plan's investment figure. */
@Entity('investment')
@Index('investment_pilot_idx', ['pilotId', 'investedOn'])
export class Investment {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'investment_pilot_fkey' })
  pilot?: Pilot;

  @Column({ name: 'invested_on', type: 'date' })
  investedOn: string;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintNumber })
  amountCents: number;

  @Column({ type: 'varchar', length: 200 })
  description: string;

  @Column({ name: 'created_by', type: 'varchar', length: 120 })
  createdBy: string;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
