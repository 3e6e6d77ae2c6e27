import { formatIsoDate } from '../common/dates';
import { formatEuros, formatPercent } from '../common/money';
import { formatMonth, isMonth } from '../common/months';
import {
  IT_LEVEL_LABELS,
  ITEM_STATUS_LABELS,
  type ItemStatus,
  type ItLevel,
} from '../readiness/readiness-fields';
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
} from './pilot-fields';

// The audit trail stores fields by their internal names and values as stored (cents, basis
// points, keys), so it stays exact and stable. This turns one entry into what a reader of a
// pilot's history expects: the form's words, euros, percentages, labels, months. Pure.

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  slug: 'URL name',
  description: 'Description',
  channelType: 'Channel type',
  purposes: 'Purposes',
  targetContactTypes: 'Contact types and customer segments',
  scope: 'Scope',
  controlScope: 'Control group',
  affectedChannels: 'Existing channels it should relieve',
  ownerName: 'Owner',
  owner: 'Owner',
  ownerDepartment: 'Owner’s department',
  sponsor: 'Sponsor',
  itContact: 'IT contact',
  operationsLead: 'Operations lead',
  financeController: 'Finance controller',
  serviceStrategy: 'Service strategy',
  nextReviewDate: 'Next review date',
  lessonsLearned: 'Lessons learned',
  stage: 'Stage',
  startMonth: 'Start month',
  expectedMonthlyContacts: 'Expected monthly contacts',
  minMonthlyVolume: 'Minimum monthly volume',
  horizonMonths: 'Horizon (months)',
  investmentCents: 'Planned one-off investment',
  monthlyFixedCostCents: 'Monthly fixed cost',
  variableCostPerContactCents: 'Variable cost per contact',
  expectedMonthlyMarginCents: 'Expected monthly margin',
  coverageBp: 'Coverage of the organisation’s contacts',
  fixedCostAtScaleCents: 'Monthly fixed cost at full scale',
  targetCsat: 'Target customer satisfaction',
  targetFcr: 'Target first-contact resolution',
  targetResponseSeconds: 'Target response time (seconds)',
  shares: 'Deflection shares',
  level: 'level',
  itOwner: 'owner',
  budgetCommittedCents: 'budget committed',
  roadmapSlot: 'roadmap slot',
  targetDate: 'target date',
  status: 'status',
  evidence: 'evidence',
};

export interface ReadableChange {
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** One audit entry's field and values in the words and units of the forms. */
export function readableChange(change: ReadableChange): ReadableChange {
  if (change.field === null) return change;
  // Results: "2026-01 fixed_cost", "2026-01 phone volume", "… (import)".
  const result = /^(\d{4}-\d{2}) (?:([a-z0-9-]+) )?([a-z_]+)( \(import\))?$/.exec(change.field);
  if (result && (isPilotMetric(result[3]) || isChannelMetric(result[3]))) {
    const [, month, channel, metric, imported] = result;
    const label = isPilotMetric(metric)
      ? PILOT_METRICS[metric].label
      : `${channel} ${CHANNEL_METRICS[metric as keyof typeof CHANNEL_METRICS].label.toLowerCase()}`;
    const value = (v: string | null) => (v === null ? null : formatMetricValue(metric, Number(v)));
    return {
      field: `${formatMonth(month)}: ${label}${imported ? ' (import)' : ''}`,
      oldValue: value(change.oldValue),
      newValue: value(change.newValue),
    };
  }
  // "IT budgetCommittedCents", "Routing agreed: evidence": a prefix, then a field.
  const field = change.field;
  const colon = field.lastIndexOf(': ');
  const cut = field.startsWith('IT ') ? 3 : colon === -1 ? 0 : colon + 2;
  const [prefix, key] = [field.slice(0, cut), field.slice(cut)];
  const label = FIELD_LABELS[key];
  if (!label) return change;
  return {
    field: `${prefix}${label}`,
    oldValue: readableValue(key, change.oldValue),
    newValue: readableValue(key, change.newValue),
  };
}

function readableValue(key: string, value: string | null): string | null {
  if (value === null) return null;
  if (key.endsWith('Cents') && /^-?\d+$/.test(value)) return formatEuros(Number(value) / 100);
  if (key.endsWith('Bp') && /^\d+$/.test(value)) return formatPercent(Number(value) / 10_000);
  if (key === 'stage') return STAGE_LABELS[value as Stage] ?? value;
  if (key === 'channelType') return CHANNEL_TYPE_LABELS[value as ChannelType] ?? value;
  if (key === 'serviceStrategy') return SERVICE_STRATEGY_LABELS[value as ServiceStrategy] ?? value;
  if (key === 'level') return IT_LEVEL_LABELS[value as ItLevel] ?? value;
  if (key === 'status') return ITEM_STATUS_LABELS[value as ItemStatus] ?? value;
  if (key === 'purposes')
    return value
      .split(/,\s*/)
      .map((p) => PURPOSE_LABELS[p as Purpose] ?? p)
      .join(', ');
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDate(value);
  return isMonth(value) ? formatMonth(value) : value;
}
