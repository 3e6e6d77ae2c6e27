import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ItLevel } from '../readiness/readiness-fields';

/** The thresholds of the gates and signals; one row, changed by admins. */
@Entity('gate_settings')
export class GateSettings {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'min_incubation_months', type: 'integer' })
  minIncubationMonths: number;

  @Column({ name: 'readiness_pct', type: 'integer' })
  readinessPct: number;

  @Column({ name: 'min_it_level', type: 'varchar', length: 20 })
  minItLevel: ItLevel;

  @Column({ name: 'max_waterbed_pct', type: 'integer' })
  maxWaterbedPct: number;

  @Column({ name: 'vendor_standalone_months', type: 'integer' })
  vendorStandaloneMonths: number;

  @Column({ name: 'max_months_in_stage', type: 'integer' })
  maxMonthsInStage: number;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 120 })
  updatedBy: string;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
