import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber, percentTenths } from '../common/columns';
import { Pilot } from '../pilots/pilot.entity';

/** The new channel's own figures for one month: N(p), containment, costs, margin, quality. */
@Entity('monthly_result')
@Index('monthly_result_pilot_month_key', ['pilotId', 'month'], { unique: true })
export class MonthlyResult {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'monthly_result_pilot_fkey' })
  pilot?: Pilot;

  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'integer', nullable: true })
  contacts: number | null;

  @Column({ type: 'integer', nullable: true })
  resolved: number | null;

  @Column({ name: 'fixed_cost_cents', type: 'bigint', nullable: true, transformer: bigintNumber })
  fixedCostCents: number | null;

  @Column({ name: 'margin_cents', type: 'bigint', nullable: true, transformer: bigintNumber })
  marginCents: number | null;

  /** Percentage of satisfied customers, 0–100, one decimal (stored in tenths). */
  @Column({ name: 'csat_tenths', type: 'integer', nullable: true, transformer: percentTenths })
  csat: number | null;

  /** First-contact resolution, 0–100 %, one decimal (stored in tenths). */
  @Column({ name: 'fcr_tenths', type: 'integer', nullable: true, transformer: percentTenths })
  fcr: number | null;

  @Column({ name: 'response_seconds', type: 'integer', nullable: true })
  responseSeconds: number | null;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
