import type { Purpose, Stage } from './pilot-fields';

// Which stage moves exist and when a gate lets a pilot through (lifecycle.md).
// Pure: plain data in, plain data out.

export type CriterionStatus = 'met' | 'not_met' | 'no_data';

export interface GateCriterion {
  key: string;
  label: string;
  status: CriterionStatus;
  /** The figure or fact behind the status, shown beside it. */
  detail: string;
  /** What to do when it is not met. */
  remedy?: string;
}

/** The facts about a pilot that the early gates look at. */
export interface GateSubject {
  stage: Stage;
  ownerName: string | null;
  purposes: Purpose[];
  targetContactTypes: string;
  scope: string;
  /** The business-case plan items still missing (empty when filled in). */
  planMissing: string[];
}

/** The steps an owner takes alone; every later move is a board decision. */
const OWNER_STEPS: Partial<Record<Stage, Stage>> = {
  idea: 'proof_of_concept',
  proof_of_concept: 'incubation',
};

/** Stages in which the lifecycle requires a named owner. */
export const OWNER_REQUIRED_FROM: readonly Stage[] = ['incubation', 'scale_up_review', 'scaled'];

export function nextOwnerStep(stage: Stage): Stage | null {
  return OWNER_STEPS[stage] ?? null;
}

export function canStop(stage: Stage): boolean {
  return stage !== 'stopped';
}

function filled(text: string | null | undefined): boolean {
  return Boolean(text && text.trim());
}

function purposeCriterion(subject: GateSubject): GateCriterion {
  const count = subject.purposes.length;
  return {
    key: 'purpose',
    label: 'At least one purpose',
    status: count > 0 ? 'met' : 'not_met',
    detail: count ? `${count} named` : 'none named',
    remedy: 'Edit the pilot and tick marketing impact, revenue or operational relief.',
  };
}

/** Every criterion of the gate into `target`, each met or not, with the fact behind it. */
export function gateCriteria(subject: GateSubject, target: Stage): GateCriterion[] {
  switch (target) {
    case 'proof_of_concept':
      return [
        purposeCriterion(subject),
        {
          key: 'targets',
          label: 'Contact types or segments named',
          status: filled(subject.targetContactTypes) ? 'met' : 'not_met',
          detail: filled(subject.targetContactTypes) ? 'named' : 'empty',
          remedy: 'Say which contact types or customer segments the pilot serves.',
        },
        {
          key: 'scope',
          label: 'Scope described',
          status: filled(subject.scope) ? 'met' : 'not_met',
          detail: filled(subject.scope) ? 'described' : 'empty',
          remedy: 'Say which customers get the new channel, so a control group can be compared.',
        },
      ];
    case 'incubation':
      return [
        {
          key: 'owner',
          label: 'Owner named',
          status: filled(subject.ownerName) ? 'met' : 'not_met',
          detail: filled(subject.ownerName) ? String(subject.ownerName) : 'no owner',
          remedy:
            'Name the person who owns the channel; without an owner it never joins the customer journey.',
        },
        purposeCriterion(subject),
        {
          key: 'plan',
          label: 'Business-case plan filled in',
          status: subject.planMissing.length ? 'not_met' : 'met',
          detail: subject.planMissing.length
            ? `missing: ${subject.planMissing.join(', ')}`
            : 'complete',
          remedy: 'Open the plan and fill in what is missing.',
        },
      ];
    default:
      return [];
  }
}

export type StepCheck =
  | { allowed: true; criteria: GateCriterion[] }
  | { allowed: false; reason: string; criteria: GateCriterion[] };

/** Whether the owner may move the pilot from its stage to `target` now, and if not, why. */
export function checkOwnerStep(subject: GateSubject, target: Stage): StepCheck {
  if (nextOwnerStep(subject.stage) !== target) {
    return {
      allowed: false,
      reason: `A pilot in ${subject.stage} cannot be moved to ${target} by its owner.`,
      criteria: [],
    };
  }
  const criteria = gateCriteria(subject, target);
  const failed = criteria.filter((criterion) => criterion.status !== 'met');
  if (failed.length) {
    return {
      allowed: false,
      reason: `Not yet: ${failed.map((criterion) => criterion.label.toLowerCase()).join('; ')}.`,
      criteria,
    };
  }
  return { allowed: true, criteria };
}
