import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Channel } from './channel.entity';

/**
 * The whole organisation's volume of one existing channel in one month (all customers, all
 * segments), optionally split into desired / undesired / unnecessary: the channel ledger's input.
 */
@Entity('channel_total')
@Index('channel_total_channel_month_key', ['channelId', 'month'], { unique: true })
export class ChannelTotal {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'channel_id', type: 'integer' })
  channelId: number;

  @ManyToOne(() => Channel)
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'channel_total_channel_fkey' })
  channel?: Channel;

  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'integer' })
  volume: number;

  @Column({ type: 'integer', nullable: true })
  desired: number | null;

  @Column({ type: 'integer', nullable: true })
  undesired: number | null;

  @Column({ type: 'integer', nullable: true })
  unnecessary: number | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 120 })
  updatedBy: string;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
