import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Pilot } from '../pilots/pilot.entity';

/**
 * A comment on a pilot by its owner, the board or finance: the discussion around a decision,
 * kept with the pilot. Never edited or deleted.
 */
@Entity('pilot_comment')
@Index('pilot_comment_pilot_idx', ['pilotId', 'createdAt'])
export class PilotComment {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot)
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'pilot_comment_pilot_fkey' })
  pilot?: Pilot;

  @Column({ name: 'author_user_id', type: 'integer' })
  authorUserId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'pilot_comment_author_fkey' })
  author?: User;

  /** The author's name and roles as they were when writing ("Marieke Smit, Board member"). */
  @Column({ name: 'author_label', type: 'varchar', length: 200 })
  authorLabel: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
