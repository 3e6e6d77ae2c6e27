import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../accounts/user.entity';
import { Channel } from '../channels/channel.entity';
import type { ChannelType, Purpose, ServiceStrategy, Stage } from './pilot-fields';

const commaList = {
  to: (value: string[]) => value.join(','),
  from: (value: string | null) => (value ? value.split(',') : []),
};

@Entity('pilot')
export class Pilot {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Index('pilot_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 60 })
  slug: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'channel_type', type: 'varchar', length: 30 })
  channelType: ChannelType;

  /** Stored as a comma-separated list: a pilot has one to three purposes. */
  @Column({ type: 'varchar', length: 100, transformer: commaList })
  purposes: Purpose[];

  @Column({ name: 'target_contact_types', type: 'text' })
  targetContactTypes: string;

  @Column({ type: 'text' })
  scope: string;

  @Column({ name: 'control_scope', type: 'text', nullable: true })
  controlScope: string | null;

  @Column({ name: 'owner_name', type: 'varchar', length: 120, nullable: true })
  ownerName: string | null;

  /** The account of the channel owner, who may keep this pilot. */
  @Column({ name: 'owner_user_id', type: 'integer', nullable: true })
  ownerUserId: number | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'pilot_owner_user_fkey' })
  ownerUser?: User;

  @Column({ name: 'owner_department', type: 'varchar', length: 120, nullable: true })
  ownerDepartment: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  sponsor: string | null;

  @Column({ name: 'it_contact', type: 'varchar', length: 120, nullable: true })
  itContact: string | null;

  @Column({ name: 'operations_lead', type: 'varchar', length: 120, nullable: true })
  operationsLead: string | null;

  @Column({ name: 'finance_controller', type: 'varchar', length: 120, nullable: true })
  financeController: string | null;

  @Column({ name: 'service_strategy', type: 'varchar', length: 20 })
  serviceStrategy: ServiceStrategy;

  @Index('pilot_stage_idx')
  @Column({ type: 'varchar', length: 30 })
  stage: Stage;

  /** ISO date (YYYY-MM-DD) the pilot entered its current stage. */
  @Column({ name: 'stage_entered_on', type: 'date' })
  stageEnteredOn: string;

  @Column({ name: 'next_review_date', type: 'date', nullable: true })
  nextReviewDate: string | null;

  /** The month its proof of concept first served customers (YYYY-MM); earlier months are history. */
  @Column({ name: 'start_month', type: 'varchar', length: 7, nullable: true })
  startMonth: string | null;

  @Column({ name: 'lessons_learned', type: 'text', nullable: true })
  lessonsLearned: string | null;

  /** The board's explicit acceptance of a conflict between channel and service strategy. */
  @Column({ name: 'conflict_accepted_by', type: 'varchar', length: 120, nullable: true })
  conflictAcceptedBy: string | null;

  @Column({ name: 'conflict_accepted_at', type: Date, nullable: true })
  conflictAcceptedAt: Date | null;

  @Column({ name: 'conflict_note', type: 'text', nullable: true })
  conflictNote: string | null;

  /** Optimistic lock: every save checks and bumps it. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;

  // The join table is defined by its migration (named keys and index); TypeORM's schema
  // comparison would want its own hash-named indexes, so it leaves this table alone.
  @ManyToMany(() => Channel)
  @JoinTable({
    name: 'pilot_affected_channel',
    synchronize: false,
    joinColumn: {
      name: 'pilot_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'pilot_affected_channel_pilot_fkey',
    },
    inverseJoinColumn: {
      name: 'channel_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'pilot_affected_channel_channel_fkey',
    },
  })
  affectedChannels: Channel[];
}
