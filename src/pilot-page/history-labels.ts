import { translatedLabels } from '../i18n/labels';
import { t } from '../i18n/translate';
import { formatEuros, formatPercent } from '../common/money';
import { formatMonth } from '../common/months';
import { type FieldWords, type ReadableChange, readableWith } from '../audit/readable-change';
import { READINESS_WORDS } from '../readiness/readiness-words';
import {
  CHANNEL_METRICS,
  formatMetricValue,
  isChannelMetric,
  isPilotMetric,
  PILOT_METRICS,
} from '../results/metrics';
import {
  CHANNEL_TYPE_LABELS,
  type ChannelType,
  type Purpose,
  PURPOSE_LABELS,
  SERVICE_STRATEGY_LABELS,
  type ServiceStrategy,
  STAGE_LABELS,
  type Stage,
} from '../pilots/pilot-fields';

// A pilot's history in what its reader expects: the form's words, euros, percentages, labels,
// months, from audit entries that store internal names and stored values. Pure.

const FIELD_LABELS = translatedLabels('historyField', [
  'name',
  'slug',
  'description',
  'channelType',
  'purposes',
  'targetContactTypes',
  'scope',
  'controlScope',
  'affectedChannels',
  'ownerName',
  'owner',
  'ownerDepartment',
  'sponsor',
  'itContact',
  'operationsLead',
  'financeController',
  'serviceStrategy',
  'nextReviewDate',
  'lessonsLearned',
  'stage',
  'startMonth',
  'expectedMonthlyContacts',
  'minMonthlyVolume',
  'horizonMonths',
  'investmentCents',
  'monthlyFixedCostCents',
  'variableCostPerContactCents',
  'expectedMonthlyMarginCents',
  'coverageBp',
  'fixedCostAtScaleCents',
  'targetCsat',
  'targetFcr',
  'targetResponseSeconds',
  'shares',
] as const);

const PILOT_WORDS: FieldWords = { labels: FIELD_LABELS, value: readableValue };

/** One audit entry's field and values in the words and units of the forms. */
export function readableChange(change: ReadableChange): ReadableChange {
  if (change.field === null) return change;
  // Results: "2026-01 fixed_cost", "2026-01 phone volume", "… (import)".
  const result = /^(\d{4}-\d{2}) (?:([a-z0-9-]+) )?([a-z_]+)( \(import\))?$/.exec(change.field);
  if (result && (isPilotMetric(result[3]) || isChannelMetric(result[3]))) {
    const [, month, channel, metric, imported] = result;
    const label = isPilotMetric(metric)
      ? PILOT_METRICS[metric].label
      : t('history.channelMetric', {
          channel,
          metric: CHANNEL_METRICS[metric as keyof typeof CHANNEL_METRICS].label.toLowerCase(),
        });
    const value = (v: string | null) => (v === null ? null : formatMetricValue(metric, Number(v)));
    return {
      field:
        t('history.resultField', { month: formatMonth(month), label }) +
        (imported ? t('history.importSuffix') : ''),
      oldValue: value(change.oldValue),
      newValue: value(change.newValue),
    };
  }
  // A stage change from before the app, entered afterwards: "stage, recorded for 2026-02".
  const recorded = /^stage, recorded for (\d{4}-\d{2})$/.exec(change.field);
  if (recorded) {
    const stage = (v: string | null) => (v === null ? null : (STAGE_LABELS[v as Stage] ?? v));
    return {
      field: t('history.stageRecorded', { month: formatMonth(recorded[1]) }),
      oldValue: stage(change.oldValue),
      newValue: stage(change.newValue),
    };
  }
  return readableWith(change, [READINESS_WORDS, PILOT_WORDS]);
}

function readableValue(key: string, value: string): string | null {
  if (key.endsWith('Cents') && /^-?\d+$/.test(value)) return formatEuros(Number(value) / 100);
  if (key.endsWith('Bp') && /^\d+$/.test(value)) return formatPercent(Number(value) / 10_000);
  if (key === 'stage') return STAGE_LABELS[value as Stage] ?? value;
  if (key === 'channelType') return CHANNEL_TYPE_LABELS[value as ChannelType] ?? value;
  if (key === 'serviceStrategy') return SERVICE_STRATEGY_LABELS[value as ServiceStrategy] ?? value;
  if (key === 'purposes')
    return value
      .split(/,\s*/)
      .map((p) => PURPOSE_LABELS[p as Purpose] ?? p)
      .join(', ');
  return null;
}
