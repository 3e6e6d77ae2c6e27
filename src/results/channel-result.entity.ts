import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Channel } from '../channels/channel.entity';
import { Pilot } from '../pilots/pilot.entity';

/**
 * One affected channel in one month, in the pilot's scope: V_c, F_c, C_c and the contact mix.
 * Months before the pilot's start month are its pre-period history.
 */
@Entity('channel_result')
@Index('channel_result_pilot_month_channel_key', ['pilotId', 'month', 'channelId'], {
  unique: true,
})
// The ledger's largest volume per channel and month, read from the index alone.
@Index('channel_result_channel_month_volume_idx', ['channelId', 'month', 'volume'])
export class ChannelResult {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'channel_result_pilot_fkey' })
  pilot?: Pilot;

  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Index('channel_result_channel_idx')
  @Column({ name: 'channel_id', type: 'integer' })
  channelId: number;

  @ManyToOne(() => Channel)
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'channel_result_channel_fkey' })
  channel?: Channel;

  @Column({ type: 'integer', nullable: true })
  volume: number | null;

  @Column({ name: 'follow_ups', type: 'integer', nullable: true })
  followUps: number | null;

  @Column({ name: 'control_volume', type: 'integer', nullable: true })
  controlVolume: number | null;

  @Column({ type: 'integer', nullable: true })
  desired: number | null;

  @Column({ type: 'integer', nullable: true })
  undesired: number | null;

  @Column({ type: 'integer', nullable: true })
  unnecessary: number | null;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
