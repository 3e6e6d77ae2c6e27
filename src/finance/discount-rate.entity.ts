import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The organisation's annual discount rate r, in basis points (8 % = 800), effective from a month. */
@Entity('discount_rate')
export class DiscountRate {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Index('discount_rate_month_key', { unique: true })
  @Column({ name: 'effective_from', type: 'varchar', length: 7 })
  effectiveFrom: string;

  @Column({ name: 'rate_bp', type: 'integer' })
  rateBp: number;

  @Column({ name: 'set_by', type: 'varchar', length: 120 })
  setBy: string;

  @Column({ name: 'set_at' })
  setAt: Date;
}
