import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Channel } from '../channels/channel.entity';
import { bigintNumber } from '../common/columns';

/** k_c: what a contact in an existing channel costs, effective from a month (set by finance). */
@Entity('cost_rate')
@Index('cost_rate_channel_month_key', ['channelId', 'effectiveFrom'], { unique: true })
export class CostRate {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'channel_id', type: 'integer' })
  channelId: number;

  @ManyToOne(() => Channel)
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'cost_rate_channel_fkey' })
  channel?: Channel;

  @Column({ name: 'effective_from', type: 'varchar', length: 7 })
  effectiveFrom: string;

  @Column({ name: 'cents_per_contact', type: 'bigint', transformer: bigintNumber })
  centsPerContact: number;

  @Column({ name: 'set_by', type: 'varchar', length: 120 })
  setBy: string;

  @Column({ name: 'set_at' })
  setAt: Date;
}
