import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Stage } from '../pilots/pilot-fields';
import { Pilot } from '../pilots/pilot.entity';
import type { Outcome } from './decision-rules';

const json = {
  to: (value: unknown) => JSON.stringify(value),
  from: (value: string) => JSON.parse(value) as unknown,
};

/** A board decision. Never edited or deleted: a correction is a new decision referring to it. */
@Entity('decision')
@Index('decision_pilot_idx', ['pilotId', 'recordedAt'])
export class Decision {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot)
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'decision_pilot_fkey' })
  pilot?: Pilot;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn: string;

  @Column({ name: 'from_stage', type: 'varchar', length: 30 })
  fromStage: Stage;

  @Column({ name: 'to_stage', type: 'varchar', length: 30 })
  toStage: Stage;

  @Column({ type: 'varchar', length: 10 })
  outcome: Outcome;

  @Column({ type: 'text' })
  rationale: string;

  @Column({ type: 'text' })
  members: string;

  @Column({ name: 'next_review_date', type: 'date', nullable: true })
  nextReviewDate: string | null;

  /** The failed criteria the board decided against, each with its written reason. */
  @Column({ type: 'text', transformer: json })
  overrides: Array<{ key: string; label: string; reason: string }>;

  /** Every criterion and the business-case figures as they were when the board decided. */
  @Column({ type: 'text', transformer: json })
  snapshot: DecisionSnapshot;

  @Column({ name: 'corrects_id', type: 'integer', nullable: true })
  correctsId: number | null;

  @ManyToOne(() => Decision)
  @JoinColumn({ name: 'corrects_id', foreignKeyConstraintName: 'decision_corrects_fkey' })
  corrects?: Decision;

  @Column({ name: 'recorded_by', type: 'varchar', length: 120 })
  recordedBy: string;

  @Column({ name: 'recorded_at' })
  recordedAt: Date;
}

export interface DecisionSnapshot {
  criteria: Array<{
    key: string;
    label: string;
    status: string;
    detail: string;
    threshold?: string;
  }>;
  businessCase: {
    claimedSavings: number | null;
    realisedSavings: number | null;
    realisedHalfWidth: number | null;
    waterbedRatio: number | null;
    netBenefit: number | null;
    proven: boolean | null;
    months: number;
  } | null;
  /**
   * A decision from before the app, recorded afterwards: nobody knows the criteria and figures as
   * they were then, so the snapshot holds none and says so.
   */
  recordedAfterwards?: true;
}

@Entity('decision_condition')
@Index('decision_condition_pilot_idx', ['pilotId'])
export class DecisionCondition {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'decision_id', type: 'integer' })
  decisionId: number;

  @ManyToOne(() => Decision)
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'decision_condition_decision_fkey' })
  decision?: Decision;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot)
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'decision_condition_pilot_fkey' })
  pilot?: Pilot;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'cleared_by', type: 'varchar', length: 120, nullable: true })
  clearedBy: string | null;

  @Column({ name: 'cleared_at', type: Date, nullable: true })
  clearedAt: Date | null;

  @Column({ name: 'clear_note', type: 'text', nullable: true })
  clearNote: string | null;
}
