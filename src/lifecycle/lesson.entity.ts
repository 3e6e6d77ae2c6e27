import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Stage } from '../pilots/pilot-fields';
import { Pilot } from '../pilots/pilot.entity';
import { Decision } from './decision.entity';
import type { Outcome } from './decision-rules';

/** What a lesson came with: a stop, a pivot, an extension, an advance. */
export type LessonOutcome = Outcome;

/**
 * A lesson learned, kept for the organisation's memory (the lessons library): from a stop, a
 * pivot or any board decision, with the stage the pilot was in and the decision it came with.
 */
@Entity('lesson')
@Index('lesson_pilot_idx', ['pilotId', 'learnedOn'])
export class Lesson {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot)
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'lesson_pilot_fkey' })
  pilot?: Pilot;

  @Column({ name: 'decision_id', type: 'integer', nullable: true })
  decisionId: number | null;

  @ManyToOne(() => Decision)
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'lesson_decision_fkey' })
  decision?: Decision;

  /** The stage the pilot was in when the lesson was learned. */
  @Column({ type: 'varchar', length: 30 })
  stage: Stage;

  @Column({ type: 'varchar', length: 10 })
  outcome: LessonOutcome;

  @Column({ type: 'text' })
  text: string;

  @Index('lesson_learned_on_idx')
  @Column({ name: 'learned_on', type: 'date' })
  learnedOn: string;

  @Column({ name: 'recorded_by', type: 'varchar', length: 120 })
  recordedBy: string;

  @Column({ name: 'recorded_at' })
  recordedAt: Date;
}
