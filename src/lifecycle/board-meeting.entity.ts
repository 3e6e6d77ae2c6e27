import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pilot } from '../pilots/pilot.entity';
import { Decision } from './decision.entity';

/**
 * A meeting of the board: its date and members, an agenda of pilots, one combined pack sent out
 * before it, and the decisions recorded from it (its minutes).
 */
@Entity('board_meeting')
@Index('board_meeting_held_on_idx', ['heldOn'])
export class BoardMeeting {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  /** The members expected, one line each: they become a decision's members by default. */
  @Column({ type: 'text' })
  members: string;

  @Column({ name: 'created_by', type: 'varchar', length: 120 })
  createdBy: string;

  @Column({ name: 'created_at' })
  createdAt: Date;
}

/** A pilot on a meeting's agenda, in the agenda's order. */
@Entity('board_meeting_item')
@Index('board_meeting_item_key', ['meetingId', 'pilotId'], { unique: true })
export class BoardMeetingItem {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'meeting_id', type: 'integer' })
  meetingId: number;

  @ManyToOne(() => BoardMeeting)
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'board_meeting_item_meeting_fkey' })
  meeting?: BoardMeeting;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot)
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'board_meeting_item_pilot_fkey' })
  pilot?: Pilot;

  @Column({ type: 'integer' })
  position: number;

  /** The decision the board recorded for the pilot in this meeting, once it has. */
  @Column({ name: 'decision_id', type: 'integer', nullable: true })
  decisionId: number | null;

  @ManyToOne(() => Decision)
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'board_meeting_item_decision_fkey' })
  decision?: Decision;
}
