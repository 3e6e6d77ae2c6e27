import { decimalComma, formatPercent } from '../common/money';
import type { Readiness } from '../readiness/readiness-rules';
import { IT_LEVEL_LABELS, itLevelIndex, type ItLevel } from '../readiness/readiness-fields';
import type { Purpose, Stage } from '../pilots/pilot-fields';

// Which stage moves exist and when a gate lets a pilot through (lifecycle.md).
// Pure: plain data in, plain data out.

export type CriterionStatus = 'met' | 'not_met' | 'no_data';

export interface GateCriterion {
  key: string;
  label: string;
  status: CriterionStatus;
  /** The figure or fact behind the status, shown beside it. */
  detail: string;
  /** The threshold it is held against, where there is one. */
  threshold?: string;
  /** What to do when it is not met. */
  remedy?: string;
}

/** The thresholds an admin can change. */
export interface GateThresholds {
  minIncubationMonths: number;
  readinessPct: number;
  minItLevel: ItLevel;
  maxWaterbedPct: number;
  vendorStandaloneMonths: number;
  maxMonthsInStage: number;
}

export const DEFAULT_THRESHOLDS: GateThresholds = {
  minIncubationMonths: 6,
  readinessPct: 80,
  minItLevel: 'committed',
  maxWaterbedPct: 50,
  vendorStandaloneMonths: 3,
  maxMonthsInStage: 12,
};

export interface QualityFact {
  label: string;
  target: number | null;
  /** Mean of the last 3 logged months, or null. */
  actual: number | null;
  higherIsBetter: boolean;
  unit: string;
}

/** The facts about a pilot that the gates look at. */
export interface GateSubject {
  stage: Stage;
  ownerName: string | null;
  purposes: Purpose[];
  targetContactTypes: string;
  scope: string;
  /** The business-case plan items still missing (empty when filled in). */
  planMissing: string[];
  /** Whole months since the pilot entered incubation; null when it never did. */
  monthsInIncubation: number | null;
  /** New-channel contacts of the last 3 logged months, oldest first. */
  recentVolumes: number[];
  minMonthlyVolume: number | null;
  readiness: Readiness;
  itLevel: ItLevel;
  /** The engine's verdict; null when the business case cannot be computed. */
  businessCase: { proven: boolean; reasons: string[] } | null;
  waterbedRatio: number | null;
  quality: QualityFact[];
  strategyConflict: boolean;
  conflictAccepted: boolean;
  /** Conditions of earlier board decisions not yet cleared. */
  openConditions: string[];
  thresholds: GateThresholds;
}

/** The steps an owner takes alone; every later move is a board decision. */
const OWNER_STEPS: Partial<Record<Stage, Stage>> = {
  idea: 'proof_of_concept',
  proof_of_concept: 'incubation',
  incubation: 'scale_up_review',
};

export function nextOwnerStep(stage: Stage): Stage | null {
  return OWNER_STEPS[stage] ?? null;
}

export function canStop(stage: Stage): boolean {
  return stage !== 'stopped';
}

function filled(text: string | null | undefined): boolean {
  return Boolean(text && text.trim());
}

const pct = (ratio: number) => formatPercent(ratio);
/** One decimal at most, with a decimal comma: 82,5. */
const decimal = (value: number) => decimalComma(Math.round(value * 10) / 10);

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

function ownerCriterion(subject: GateSubject): GateCriterion {
  return {
    key: 'owner',
    label: 'Owner named',
    status: filled(subject.ownerName) ? 'met' : 'not_met',
    detail: filled(subject.ownerName) ? String(subject.ownerName) : 'no owner',
    remedy:
      'Name the person who owns the channel; without an owner it never joins the customer journey.',
  };
}

function scaleUpCriteria(s: GateSubject): GateCriterion[] {
  const t = s.thresholds;
  const criteria: GateCriterion[] = [];

  criteria.push({
    key: 'incubation_time',
    label: `At least ${t.minIncubationMonths} months in incubation`,
    status:
      s.monthsInIncubation === null
        ? 'no_data'
        : s.monthsInIncubation >= t.minIncubationMonths
          ? 'met'
          : 'not_met',
    detail:
      s.monthsInIncubation === null ? 'never in incubation' : `${s.monthsInIncubation} months`,
    threshold: `${t.minIncubationMonths} months`,
    remedy: 'Keep incubating: a longer incubation narrows the uncertainty of the business case.',
  });

  const min = s.minMonthlyVolume;
  const low = min === null ? [] : s.recentVolumes.filter((v) => v < min);
  criteria.push({
    key: 'volume',
    label: 'Minimum monthly volume in each of the last 3 months',
    status: min === null || s.recentVolumes.length < 3 ? 'no_data' : low.length ? 'not_met' : 'met',
    detail:
      min === null
        ? 'the plan sets no minimum monthly volume'
        : s.recentVolumes.length < 3
          ? `only ${s.recentVolumes.length} month(s) logged`
          : `last 3 months: ${s.recentVolumes.join(', ')}`,
    threshold: min === null ? undefined : `${min} contacts a month`,
    remedy: 'Grow the volume to the plan’s minimum, or log the missing months.',
  });

  const r = s.readiness;
  criteria.push({
    key: 'readiness',
    label: `Readiness at least ${t.readinessPct} %, every critical item done`,
    status:
      r.ratio === null
        ? 'no_data'
        : r.ratio * 100 >= t.readinessPct && !r.openCritical.length
          ? 'met'
          : 'not_met',
    detail:
      r.ratio === null
        ? 'no applicable checklist items'
        : `${pct(r.ratio)} (${r.done} of ${r.applicable})${r.openCritical.length ? `; critical open: ${r.openCritical.join(', ')}` : ''}`,
    threshold: `${t.readinessPct} %`,
    remedy: 'Work through the readiness checklist, critical items first.',
  });

  criteria.push({
    key: 'it_level',
    label: `IT commitment at least ${IT_LEVEL_LABELS[t.minItLevel]
      .replace(/^\d · /, '')
      .replace(/ \(.*\)$/, '')
      .toLowerCase()}`,
    status: itLevelIndex(s.itLevel) >= itLevelIndex(t.minItLevel) ? 'met' : 'not_met',
    detail: IT_LEVEL_LABELS[s.itLevel],
    threshold: IT_LEVEL_LABELS[t.minItLevel],
    remedy: 'Get IT to commit: budget, a roadmap slot, a named IT owner and a target date.',
  });

  criteria.push({
    key: 'business_case',
    label: 'Business case proven',
    status: s.businessCase === null ? 'no_data' : s.businessCase.proven ? 'met' : 'not_met',
    detail:
      s.businessCase === null
        ? 'cannot be computed yet'
        : s.businessCase.proven
          ? 'proven'
          : s.businessCase.reasons.join('; '),
    remedy: 'See the business-case page for what is missing.',
  });

  criteria.push({
    key: 'waterbed',
    label: `Waterbed ratio at most ${t.maxWaterbedPct} %`,
    status:
      s.waterbedRatio === null
        ? 'no_data'
        : s.waterbedRatio * 100 <= t.maxWaterbedPct
          ? 'met'
          : 'not_met',
    detail: s.waterbedRatio === null ? 'no claimed savings to compare' : pct(s.waterbedRatio),
    threshold: `${t.maxWaterbedPct} %`,
    remedy: 'Find where the contacts come back (follow-ups, routing, content) and fix the cause.',
  });

  const targets = s.quality.filter((q) => q.target !== null);
  const missingActual = targets.filter((q) => q.actual === null);
  const short = targets.filter(
    (q) =>
      q.actual !== null &&
      (q.higherIsBetter ? q.actual < (q.target as number) : q.actual > (q.target as number)),
  );
  criteria.push({
    key: 'quality',
    label: 'Quality KPIs at or above the plan’s targets',
    status: !targets.length
      ? 'met'
      : missingActual.length
        ? 'no_data'
        : short.length
          ? 'not_met'
          : 'met',
    detail: !targets.length
      ? 'the plan sets no quality targets'
      : targets
          .map(
            (q) =>
              `${q.label} ${q.actual === null ? 'no data' : `${decimal(q.actual)}${q.unit}`} (target ${q.higherIsBetter ? '≥' : '≤'} ${decimal(q.target as number)}${q.unit})`,
          )
          .join('; '),
    remedy: 'Customers must not pay for the savings: bring the KPIs back to target.',
  });

  criteria.push({
    key: 'strategy_fit',
    label: 'Fits the service strategy, or the conflict is accepted by the board',
    status: !s.strategyConflict || s.conflictAccepted ? 'met' : 'not_met',
    detail: !s.strategyConflict
      ? 'no conflict'
      : s.conflictAccepted
        ? 'conflict accepted by the board'
        : 'conflict not accepted',
    remedy: 'Ask the board to accept the conflict explicitly, or change the channel or scope.',
  });
  criteria.push({
    key: 'conditions',
    label: 'No open conditions from earlier decisions',
    status: s.openConditions.length ? 'not_met' : 'met',
    detail: s.openConditions.length ? `open: ${s.openConditions.join('; ')}` : 'none open',
    remedy: 'Meet the conditions and have them cleared on the review page.',
  });
  return criteria;
}

/** Every criterion of the gate into `target`, each met, not met or without data, with the fact behind it. */
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
        ownerCriterion(subject),
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
    case 'scale_up_review':
      return scaleUpCriteria(subject);
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
      reason: `Not yet: ${failed.map((criterion) => lowerFirst(criterion.label)).join('; ')}.`,
      criteria,
    };
  }
  return { allowed: true, criteria };
}

/** "Owner named" → "owner named", but "IT commitment" stays. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
