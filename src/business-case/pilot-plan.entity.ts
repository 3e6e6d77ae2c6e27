import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber, percentTenths } from '../common/columns';
import { Pilot } from '../pilots/pilot.entity';

/** A pilot's business case as proposed. Money in cents, shares in basis points. */
@Entity('pilot_plan')
export class PilotPlan {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Index('pilot_plan_pilot_key', { unique: true })
  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'pilot_plan_pilot_fkey' })
  pilot?: Pilot;

  @Column({ name: 'expected_monthly_contacts', type: 'integer', nullable: true })
  expectedMonthlyContacts: number | null;

  @Column({ name: 'investment_cents', type: 'bigint', nullable: true, transformer: bigintNumber })
  investmentCents: number | null;

  @Column({
    name: 'monthly_fixed_cost_cents',
    type: 'bigint',
    nullable: true,
    transformer: bigintNumber,
  })
  monthlyFixedCostCents: number | null;

  @Column({
    name: 'variable_cost_per_contact_cents',
    type: 'bigint',
    nullable: true,
    transformer: bigintNumber,
  })
  variableCostPerContactCents: number | null;

  @Column({
    name: 'expected_monthly_margin_cents',
    type: 'bigint',
    nullable: true,
    transformer: bigintNumber,
  })
  expectedMonthlyMarginCents: number | null;

  @Column({ name: 'horizon_months', type: 'integer' })
  horizonMonths: number;

  @Column({ name: 'coverage_bp', type: 'integer', nullable: true })
  coverageBp: number | null;

  @Column({
    name: 'fixed_cost_at_scale_cents',
    type: 'bigint',
    nullable: true,
    transformer: bigintNumber,
  })
  fixedCostAtScaleCents: number | null;

  @Column({ name: 'min_monthly_volume', type: 'integer', nullable: true })
  minMonthlyVolume: number | null;

  @Column({
    name: 'target_csat_tenths',
    type: 'integer',
    nullable: true,
    transformer: percentTenths,
  })
  targetCsat: number | null;

  @Column({
    name: 'target_fcr_tenths',
    type: 'integer',
    nullable: true,
    transformer: percentTenths,
  })
  targetFcr: number | null;

  @Column({ name: 'target_response_seconds', type: 'integer', nullable: true })
  targetResponseSeconds: number | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
