import { t } from '../i18n/translate';
import { translatedLabels } from '../i18n/labels';
import { type Stage, STAGE_LABELS } from '../pilots/pilot-fields';
import type { GateCriterion } from './stage-rules';

// What a board decision does to a pilot's stage, and what it must contain (lifecycle.md).

export const OUTCOMES = ['advance', 'extend', 'pivot', 'stop'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS = translatedLabels('outcome', OUTCOMES);

const ADVANCE: Partial<Record<Stage, Stage>> = {
  idea: 'proof_of_concept',
  proof_of_concept: 'incubation',
  incubation: 'scale_up_review',
  scale_up_review: 'scaled',
};

/** The stage a decision moves the pilot to, or null when the outcome does not apply. */
export function targetStage(from: Stage, outcome: Outcome): Stage | null {
  if (from === 'stopped') return null;
  switch (outcome) {
    case 'advance':
      return ADVANCE[from] ?? null;
    // A scaled pilot can be returned too: that is how a board corrects a scaling decision.
    case 'extend':
      return 'incubation';
    case 'pivot':
      return 'proof_of_concept';
    case 'stop':
      return 'stopped';
  }
}

/**
 * Whether the lifecycle has a move from one stage to another: each owner's step is the board's
 * advance too, so every move is one a board decision could make. A stopped pilot stays stopped.
 */
export function canMove(from: Stage, to: Stage): boolean {
  return OUTCOMES.some((outcome) => targetStage(from, outcome) === to);
}

export interface DecisionDraft {
  outcome: Outcome;
  rationale: string;
  members: string;
  nextReviewDate: string | null;
  conditions: string[];
  lessonsLearned: string;
  /** Written reasons for deciding against failed criteria, by criterion key. */
  overrideReasons: Record<string, string>;
}

/** The messages per field of a decision that cannot be recorded as it stands. */
export function decisionErrors(
  draft: DecisionDraft,
  from: Stage,
  failed: GateCriterion[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!targetStage(from, draft.outcome))
    errors.outcome = [
      t('review.outcomeNotApplicable', { outcome: draft.outcome, stage: STAGE_LABELS[from] }),
    ];
  if (draft.rationale.length < 10) errors.rationale = [t('review.rationaleNeeded')];
  if (draft.members.length < 2) errors.members = [t('review.membersNeeded')];
  if (draft.outcome === 'extend') {
    if (!draft.conditions.length) errors.conditions = [t('review.extensionCondition')];
    if (!draft.nextReviewDate) errors.nextReviewDate = [t('review.extensionReview')];
  }
  if (draft.outcome === 'stop' && draft.lessonsLearned.length < 10) {
    errors.lessonsLearned = [t('review.stopLessons')];
  }
  if (draft.outcome === 'advance') {
    for (const criterion of failed) {
      if ((draft.overrideReasons[criterion.key] ?? '').trim().length < 10) {
        errors[`override_${criterion.key}`] = [
          t('review.overrideWhy', { criterion: criterion.label }),
        ];
      }
    }
  }
  return errors;
}
