import { t } from '../i18n/translate';
import { type Phrase, say } from '../common/phrase';
import { formatDecimal, formatNumber, formatPercent, formatWholePercent } from '../common/money';
import type { Readiness } from '../readiness/readiness-rules';
import { IT_LEVEL_LABELS, itLevelIndex, type ItLevel } from '../readiness/readiness-fields';
import { type Purpose, type Stage, STAGE_LABELS } from '../pilots/pilot-fields';

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
  planMissing: Phrase[];
  /** Whole months since the pilot entered incubation; null when it never did. */
  monthsInIncubation: number | null;
  /** New-channel contacts of the last 3 logged months, oldest first. */
  recentVolumes: number[];
  minMonthlyVolume: number | null;
  readiness: Readiness;
  itLevel: ItLevel;
  /** The engine's verdict; null when the business case cannot be computed. */
  businessCase: { proven: boolean; reasons: Phrase[] } | null;
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
/** One decimal at most, in the language's style: 82,5 / 82.5. */
const decimal = (value: number) => formatDecimal(value);

function purposeCriterion(subject: GateSubject): GateCriterion {
  const count = subject.purposes.length;
  return {
    key: 'purpose',
    label: t('gate.purpose.label'),
    status: count > 0 ? 'met' : 'not_met',
    detail: count ? t('gate.purpose.named', { count }) : t('gate.purpose.none'),
    remedy: t('gate.purpose.remedy'),
  };
}

function ownerCriterion(subject: GateSubject): GateCriterion {
  return {
    key: 'owner',
    label: t('gate.owner.label'),
    status: filled(subject.ownerName) ? 'met' : 'not_met',
    detail: filled(subject.ownerName) ? String(subject.ownerName) : t('gate.owner.none'),
    remedy: t('gate.owner.remedy'),
  };
}

function scaleUpCriteria(s: GateSubject): GateCriterion[] {
  const limits = s.thresholds;
  const criteria: GateCriterion[] = [];
  const months = (count: number) => t('gate.incubation_time.months', { count });

  criteria.push({
    key: 'incubation_time',
    label: t('gate.incubation_time.label', { months: limits.minIncubationMonths }),
    status:
      s.monthsInIncubation === null
        ? 'no_data'
        : s.monthsInIncubation >= limits.minIncubationMonths
          ? 'met'
          : 'not_met',
    detail:
      s.monthsInIncubation === null
        ? t('gate.incubation_time.never')
        : months(s.monthsInIncubation),
    threshold: months(limits.minIncubationMonths),
    remedy: t('gate.incubation_time.remedy'),
  });

  const min = s.minMonthlyVolume;
  const low = min === null ? [] : s.recentVolumes.filter((v) => v < min);
  criteria.push({
    key: 'volume',
    label: t('gate.volume.label'),
    status: min === null || s.recentVolumes.length < 3 ? 'no_data' : low.length ? 'not_met' : 'met',
    detail:
      min === null
        ? t('gate.volume.noMinimum')
        : s.recentVolumes.length < 3
          ? t('gate.volume.onlyLogged', { count: s.recentVolumes.length })
          : t('gate.volume.last3', { volumes: s.recentVolumes.map(formatNumber).join(', ') }),
    threshold: min === null ? undefined : t('gate.volume.threshold', { count: min }),
    remedy: t('gate.volume.remedy'),
  });

  const r = s.readiness;
  criteria.push({
    key: 'readiness',
    label: t('gate.readiness.label', { threshold: formatWholePercent(limits.readinessPct) }),
    status:
      r.ratio === null
        ? 'no_data'
        : r.ratio * 100 >= limits.readinessPct && !r.openCritical.length
          ? 'met'
          : 'not_met',
    detail:
      r.ratio === null
        ? t('gate.readiness.noItems')
        : t('gate.readiness.detail', {
            ratio: pct(r.ratio),
            done: r.done,
            applicable: r.applicable,
          }) +
          (r.openCritical.length
            ? t('gate.readiness.criticalOpen', { items: r.openCritical.join(', ') })
            : ''),
    threshold: formatWholePercent(limits.readinessPct),
    remedy: t('gate.readiness.remedy'),
  });

  criteria.push({
    key: 'it_level',
    label: t('gate.it_level.label', { level: t(`itLevelShort.${limits.minItLevel}`) }),
    status: itLevelIndex(s.itLevel) >= itLevelIndex(limits.minItLevel) ? 'met' : 'not_met',
    detail: IT_LEVEL_LABELS[s.itLevel],
    threshold: IT_LEVEL_LABELS[limits.minItLevel],
    remedy: t('gate.it_level.remedy'),
  });

  criteria.push({
    key: 'business_case',
    label: t('gate.business_case.label'),
    status: s.businessCase === null ? 'no_data' : s.businessCase.proven ? 'met' : 'not_met',
    detail:
      s.businessCase === null
        ? t('gate.business_case.cannot')
        : s.businessCase.proven
          ? t('gate.business_case.proven')
          : s.businessCase.reasons.map(say).join('; '),
    remedy: t('gate.business_case.remedy'),
  });

  criteria.push({
    key: 'waterbed',
    label: t('gate.waterbed.label', { threshold: formatWholePercent(limits.maxWaterbedPct) }),
    status:
      s.waterbedRatio === null
        ? 'no_data'
        : s.waterbedRatio * 100 <= limits.maxWaterbedPct
          ? 'met'
          : 'not_met',
    detail: s.waterbedRatio === null ? t('gate.waterbed.noClaim') : pct(s.waterbedRatio),
    threshold: formatWholePercent(limits.maxWaterbedPct),
    remedy: t('gate.waterbed.remedy'),
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
    label: t('gate.quality.label'),
    status: !targets.length
      ? 'met'
      : missingActual.length
        ? 'no_data'
        : short.length
          ? 'not_met'
          : 'met',
    detail: !targets.length
      ? t('gate.quality.noTargets')
      : targets
          .map((q) =>
            t('gate.quality.kpi', {
              kpi: q.label,
              actual:
                q.actual === null ? t('gate.quality.noData') : `${decimal(q.actual)}${q.unit}`,
              sign: q.higherIsBetter ? '≥' : '≤',
              target: `${decimal(q.target as number)}${q.unit}`,
            }),
          )
          .join('; '),
    remedy: t('gate.quality.remedy'),
  });

  criteria.push({
    key: 'strategy_fit',
    label: t('gate.strategy_fit.label'),
    status: !s.strategyConflict || s.conflictAccepted ? 'met' : 'not_met',
    detail: !s.strategyConflict
      ? t('gate.strategy_fit.noConflict')
      : s.conflictAccepted
        ? t('gate.strategy_fit.accepted')
        : t('gate.strategy_fit.notAccepted'),
    remedy: t('gate.strategy_fit.remedy'),
  });
  criteria.push({
    key: 'conditions',
    label: t('gate.conditions.label'),
    status: s.openConditions.length ? 'not_met' : 'met',
    detail: s.openConditions.length
      ? t('gate.conditions.open', { conditions: s.openConditions.join('; ') })
      : t('gate.conditions.noneOpen'),
    remedy: t('gate.conditions.remedy'),
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
          label: t('gate.targets.label'),
          status: filled(subject.targetContactTypes) ? 'met' : 'not_met',
          detail: filled(subject.targetContactTypes)
            ? t('gate.targets.named')
            : t('gate.targets.empty'),
          remedy: t('gate.targets.remedy'),
        },
        {
          key: 'scope',
          label: t('gate.scope.label'),
          status: filled(subject.scope) ? 'met' : 'not_met',
          detail: filled(subject.scope) ? t('gate.scope.described') : t('gate.scope.empty'),
          remedy: t('gate.scope.remedy'),
        },
      ];
    case 'incubation':
      return [
        ownerCriterion(subject),
        purposeCriterion(subject),
        {
          key: 'plan',
          label: t('gate.plan.label'),
          status: subject.planMissing.length ? 'not_met' : 'met',
          detail: subject.planMissing.length
            ? t('gate.plan.missing', { items: subject.planMissing.map(say).join(', ') })
            : t('gate.plan.complete'),
          remedy: t('gate.plan.remedy'),
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
      reason: t('gate.notOwnerStep', {
        from: STAGE_LABELS[subject.stage],
        to: STAGE_LABELS[target],
      }),
      criteria: [],
    };
  }
  const criteria = gateCriteria(subject, target);
  const failed = criteria.filter((criterion) => criterion.status !== 'met');
  if (failed.length) {
    return {
      allowed: false,
      reason: t('gate.notYet', {
        failed: failed.map((criterion) => lowerFirst(criterion.label)).join('; '),
      }),
      criteria,
    };
  }
  return { allowed: true, criteria };
}

/** "Owner named" → "owner named", but "IT commitment" stays. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
