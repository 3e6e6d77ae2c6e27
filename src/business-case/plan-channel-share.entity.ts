import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Channel } from '../channels/channel.entity';
import { Pilot } from '../pilots/pilot.entity';
import type { BaselineMethod } from './baseline.math';
import type { ScopeKind } from './business-case.types';

/** s_c: the plan's deflection share for one affected channel, and the pinned baseline method. */
@Entity('plan_channel_share')
export class PlanChannelShare {
  @PrimaryColumn({
    name: 'pilot_id',
    type: 'integer',
    primaryKeyConstraintName: 'plan_channel_share_pkey',
  })
  pilotId: number;

  @PrimaryColumn({
    name: 'channel_id',
    type: 'integer',
    primaryKeyConstraintName: 'plan_channel_share_pkey',
  })
  channelId: number;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'plan_channel_share_pilot_fkey' })
  pilot?: Pilot;

  @ManyToOne(() => Channel)
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'plan_channel_share_channel_fkey' })
  channel?: Channel;

  @Column({ name: 'share_bp', type: 'integer' })
  shareBp: number;

  @Column({ name: 'baseline_method', type: 'varchar', length: 10, nullable: true })
  baselineMethod: BaselineMethod | null;

  /** The pilot's scope on this channel: the whole channel, or a segment of it (the ledger). */
  @Column({ type: 'varchar', length: 10, default: 'segment' })
  scope: ScopeKind;

  /** The segment in words ("calls from customers who are moving"); null when not described. */
  @Column({ name: 'scope_description', type: 'text', nullable: true })
  scopeDescription: string | null;
}
