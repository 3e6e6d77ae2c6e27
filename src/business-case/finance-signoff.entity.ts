import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pilot } from '../pilots/pilot.entity';

/** Finance's sign-off of a business case for a month range. */
@Entity('finance_signoff')
export class FinanceSignoff {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Index('finance_signoff_pilot_idx')
  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot)
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'finance_signoff_pilot_fkey' })
  pilot?: Pilot;

  @Column({ name: 'from_month', type: 'varchar', length: 7 })
  fromMonth: string;

  @Column({ name: 'to_month', type: 'varchar', length: 7 })
  toMonth: string;

  /** SHA-256 of the inputs the signed-off figures rest on (see signoff-fingerprint.ts). */
  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'signed_by', type: 'varchar', length: 120 })
  signedBy: string;

  @Column({ name: 'signed_at' })
  signedAt: Date;
}
