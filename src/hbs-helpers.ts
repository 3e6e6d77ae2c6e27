import { capitalised } from './common/words';
import { plural } from './common/plural';
import type { RealisedEvidence } from './business-case/business-case.types';
import { restsOn } from './business-case/evidence-words';
import type { HelperDelegate, HelperOptions } from 'handlebars';
import hbs from 'hbs';
import { hasText, t } from './i18n/translate';
import { currentLanguage } from './i18n/language';
import type { Decision } from './lifecycle/decision.entity';
import type { PilotStageChange } from './pilots/pilot-stage-change.entity';
import { recordedMark } from './pilots/recorded-mark';
import { formatEuros, formatNumber, formatPercent } from './common/money';
import { formatIsoDate } from './common/dates';
import { formatMonth } from './common/months';
import { localParts } from './common/time-zone';
import { formatMetricValue } from './results/metrics';
import { Chart, chartJson } from './charts/chart';
import {
  IT_LEVEL_LABELS,
  ITEM_STATUS_LABELS,
  type ItemStatus,
  type ItLevel,
} from './readiness/readiness-fields';
import {
  CHANNEL_TYPE_LABELS,
  ChannelType,
  Purpose,
  PURPOSE_LABELS,
  SERVICE_STRATEGY_LABELS,
  ServiceStrategy,
  Stage,
  STAGE_LABELS,
} from './pilots/pilot-fields';

/**
 * Every helper the views use, one job each. Output is escaped by Handlebars unless noted.
 * Named as verbs or formats, never like a data field: Handlebars resolves a bare {{name}} to a
 * helper before the field (test/unit/view-helpers.spec.ts checks every view).
 */
export const hbsHelpers: Record<string, HelperDelegate> = {
  // {{t "nav.portfolio"}}, {{t "pilots.count" count=n}}: the text in the request's language, its
  // placeholders filled from the named arguments (escaped by Handlebars like any output)
  t: (key: string, options: HelperOptions) => t(key, options.hash as Record<string, unknown>),
  // {{{tHtml "bc.how.claimed" month=m}}}: a catalogue text that holds markup (<strong>, <em>,
  // <sub>); the catalogue is ours, the values it names are escaped.
  tHtml: (key: string, options: HelperOptions) =>
    new hbs.handlebars.SafeString(
      t(
        key,
        Object.fromEntries(
          Object.entries(options.hash as Record<string, unknown>).map(([k, v]) => [
            k,
            hbs.handlebars.escapeExpression(v as string),
          ]),
        ),
      ),
    ),
  // {{methodLabel "trend"}}: a baseline method's name
  methodLabel: (method: unknown) =>
    typeof method === 'string' && ['control', 'trend', 'mean'].includes(method)
      ? t(`method.${method}`)
      : method,
  // {{{chartJson chart}}}: a chart's data for its <script type="application/json"> block, with
  // `<` escaped (safe inside the script element); the table stays in the HTML.
  chartJson: (value: Chart) => {
    const { table: _table, ...data } = value;
    return chartJson(data);
  },
  // {{fieldId name id}}: a form field's element id, f-<name> unless one is given
  fieldId: (name: unknown, id: unknown) =>
    typeof id === 'string' && id ? id : `f-${String(name)}`,
  // {{#if (eq a b)}}
  eq: (a: unknown, b: unknown) => a === b,
  // {{> partial id=(concat "f-" name)}}: joins its arguments as text
  concat: (...args: unknown[]) => args.slice(0, -1).join(''),
  // {{#if (includes list value)}}: checkboxes and multi-selects
  includes: (list: unknown, value: unknown) =>
    Array.isArray(list)
      ? list.map(String).includes(String(value))
      : String(list ?? '') === String(value),
  // {{stageLabel stage}}
  stageLabel: (stage: Stage) => STAGE_LABELS[stage] ?? stage,
  // {{channelTypeLabel type}}
  channelTypeLabel: (type: ChannelType) => CHANNEL_TYPE_LABELS[type] ?? type,
  // {{purposeLabel purpose}}
  purposeLabel: (purpose: Purpose) => PURPOSE_LABELS[purpose] ?? purpose,
  // {{strategyLabel strategy}}
  strategyLabel: (strategy: ServiceStrategy) => SERVICE_STRATEGY_LABELS[strategy] ?? strategy,
  // {{formatDate "2026-11-23"}} → 23 Nov 2026 (the Dutch day-month-year order)
  formatDate: (iso: unknown) => formatIsoDate(iso),
  // {{decidedWhen decision}}: its date, or the month of a past decision recorded afterwards
  decidedWhen: (decision: Pick<Decision, 'decidedOn' | 'snapshot'>) =>
    decision.snapshot?.recordedAfterwards
      ? t('when.recordedAfterwards', { month: formatMonth(decision.decidedOn.slice(0, 7)) })
      : formatIsoDate(decision.decidedOn),
  // {{changedWhen stageChange}}: when a stage changed; for history recorded afterwards, its month
  // and who recorded it when
  changedWhen: (change: Pick<PilotStageChange, 'changedAt' | 'recordedBy' | 'recordedAt'>) => {
    const recorded = recordedMark(change);
    return recorded
      ? t('when.changedAfterwards', {
          month: formatMonth(recorded.inMonth),
          by: recorded.by,
          on: dateTime(recorded.on),
        })
      : dateTime(change.changedAt);
  },
  // {{formatDateTime someDate}} → 23 Nov 2026 15:05, in the organisation's time zone (TZ)
  formatDateTime: (value: unknown) => dateTime(value),
  // {{orDash value}}: an empty field shows as a dash, never as nothing
  orDash: (value: unknown) => (value === null || value === undefined || value === '' ? '—' : value),
  // {{euro 1234.5}} → € 1.234,50; {{euro value true}} → whole euros
  euro: (value: number | null, whole: unknown) => formatEuros(value, whole === true),
  // {{num 10400}} → 10.400
  num: (value: number | null) => formatNumber(value),
  // {{pct 0.491}} → 49,1%
  pct: (value: number | null) => formatPercent(value),
  // {{pm halfWidth}} → ± € 8.177,70 (nothing when there is no interval)
  pm: (halfWidth: number | null) => (halfWidth ? `± ${formatEuros(halfWidth)}` : ''),
  // {{formatMonth "2026-01"}} → Jan 2026
  formatMonth: (value: unknown) => formatMonth(value),
  // {{evidenceLabel "weak"}} → weak evidence
  evidenceLabel: (value: string) =>
    ['baseline', 'weak', 'unverified'].includes(value) ? t(`evidence.label.${value}`) : value,
  // {{restsOn totals.realisedEvidence}} → measured against the baseline (12 months)
  restsOn: (evidence: RealisedEvidence | null) => restsOn(evidence),
  // {{formatMetric "fixed_cost" 300050}} → € 3.000,50: a stored figure as its metric is read
  formatMetric: (metric: string, value: number | null) => formatMetricValue(metric, value),
  // {{euro (divide amountCents 100)}}
  divide: (a: number, b: number) => a / b,
  // {{add a b}}
  add: (a: number, b: number) => a + b,
  // {{last list}}: the last item of an array
  last: (list: unknown) => (Array.isArray(list) ? list[list.length - 1] : undefined),
  // {{itLevelLabel "committed"}}
  itLevelLabel: (level: ItLevel) => IT_LEVEL_LABELS[level] ?? level,
  // {{capitalise text}} → Text
  capitalise: (text: unknown) => (typeof text === 'string' ? capitalised(text) : text),
  // {{baselineMethodText method pinned pinNote}} → "mean (pinned)" when the pin is the one used
  baselineMethodText: (method: unknown, pinned: unknown, pinNote: unknown) => {
    const label = typeof method === 'string' ? t(`method.${method}`) : '';
    return pinned && !pinNote ? t('ledger.pinnedSuffix', { method: label }) : label;
  },
  // {{auditTypeLabel "readiness_item"}} → checklist item: what an audit entry is about
  auditTypeLabel: (type: unknown) =>
    typeof type === 'string' && hasText(currentLanguage(), `auditType.${type}`)
      ? t(`auditType.${type}`)
      : type,
  // {{outcomeLabel "advance"}} → advance: a decision's outcome as a word in a sentence
  outcomeLabel: (outcome: unknown) =>
    typeof outcome === 'string' && ['advance', 'extend', 'pivot', 'stop'].includes(outcome)
      ? t(`outcomeShort.${outcome}`)
      : outcome,
  // {{itemStatusLabel "in_progress"}}
  itemStatusLabel: (status: ItemStatus) => ITEM_STATUS_LABELS[status] ?? status,
  // {{joinList names}} → "a, b, c"; {{joinList names "; "}} with another separator
  joinList: (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '',
  // {{#if (and a b)}}
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  // {{#if (gt a b)}}
  gt: (a: number, b: number) => a > b,
  // {{plural count "day" "days"}}: the count formatted as every other number ("2.000 pilots").
  plural: (count: number, one: string, many: string) => plural(count, one, many, formatNumber),
};

/** 23 Nov 2026 15:05, in the organisation's time zone; "—" for what is not a time. */
function dateTime(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return '—';
  const local = localParts(date);
  return `${formatIsoDate(local.date)} ${local.time}`;
}
