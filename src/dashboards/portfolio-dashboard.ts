import { t } from '../i18n/translate';
import { Chart, chart } from '../charts/chart';
import { addDays } from '../common/dates';
import { formatNumber } from '../common/money';
import { formatMonth, type Month } from '../common/months';
import type { PilotSignals } from '../lifecycle/gates.service';
import type { Signal } from '../lifecycle/signals';
import type { Pilot } from '../pilots/pilot.entity';
import { STAGE_LABELS, STAGES, type Stage } from '../pilots/pilot-fields';
import type { ItLevel } from '../readiness/readiness-fields';

// The portfolio dashboard (issue: dashboards and charts): the funnel, every pilot's signals,
// readiness and IT level at a glance, the reviews coming up and the portfolio's totals. Pure.

/** Reviews this many days ahead are "coming up". */
export const REVIEW_WINDOW_DAYS = 60;
/** The contacts trend shows the portfolio's last this-many months. */
const TREND_MONTHS = 24;

export interface GlanceRow {
  slug: string;
  name: string;
  stage: Stage;
  ownerName: string | null;
  signals: Signal[];
  readiness: number | null;
  itLevel: ItLevel;
  waterbedRatio: number | null;
  nextReviewDate: string | null;
}

export interface PortfolioDashboard {
  funnel: Array<{ stage: Stage; label: string; count: number }>;
  totals: {
    pilots: number;
    active: number;
    contacts: number;
    claimed: number;
    realised: number;
    computed: number;
    signals: number;
  };
  rows: GlanceRow[];
  reviews: Array<{ slug: string; name: string; stage: Stage; date: string; overdue: boolean }>;
  charts: Chart[];
}

export function portfolioDashboard(
  pilots: Pilot[],
  facts: Map<number, PilotSignals>,
  today: string,
): PortfolioDashboard {
  const rows: GlanceRow[] = pilots.map((pilot) => {
    const f = facts.get(pilot.id);
    return {
      slug: pilot.slug,
      name: pilot.name,
      stage: pilot.stage,
      ownerName: pilot.ownerName,
      signals: f?.signals ?? [],
      readiness: f?.subject.readiness.ratio ?? null,
      itLevel: f?.subject.itLevel ?? 'none',
      waterbedRatio: f?.summary.result?.totals.waterbedRatio ?? null,
      nextReviewDate: pilot.nextReviewDate,
    };
  });
  const funnel = STAGES.map((stage) => ({
    stage,
    label: STAGE_LABELS[stage],
    count: pilots.filter((p) => p.stage === stage).length,
  }));

  let contacts = 0;
  let claimed = 0;
  let realised = 0;
  let computed = 0;
  const byMonth = new Map<Month, number>();
  for (const pilot of pilots) {
    const summary = facts.get(pilot.id)?.summary;
    for (const [month, count] of summary?.months ?? []) {
      if (count === null) continue;
      contacts += count;
      byMonth.set(month, (byMonth.get(month) ?? 0) + count);
    }
    const totals = summary?.result?.totals;
    if (totals && totals.claimedSavings !== null && totals.realisedSavings !== null) {
      claimed += totals.claimedSavings;
      realised += totals.realisedSavings.value;
      computed += 1;
    }
  }

  const horizon = addDays(today, REVIEW_WINDOW_DAYS);
  const closed: Stage[] = ['scaled', 'stopped'];
  const reviews = pilots
    .filter((p) => p.nextReviewDate && p.nextReviewDate <= horizon && !closed.includes(p.stage))
    .map((p) => ({
      slug: p.slug,
      name: p.name,
      stage: p.stage,
      date: p.nextReviewDate as string,
      overdue: (p.nextReviewDate as string) < today,
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));

  const trend = [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).slice(-TREND_MONTHS);
  const charts = [
    chart({
      id: 'funnel',
      title: t('dashboard.chart.funnel.title'),
      summary: t('dashboard.chart.funnel.summary', {
        stages: funnel.map((f) => `${formatNumber(f.count)} ${f.label.toLowerCase()}`).join(', '),
      }),
      labels: funnel.map((f) => f.label),
      unit: 'count',
      categoryHeading: t('chart.stage'),
      horizontal: true,
      series: [
        {
          label: t('dashboard.chart.funnel.series'),
          data: funnel.map((f) => f.count),
          style: 'bar',
          colour: 'blue',
        },
      ],
    }),
  ];
  if (trend.length)
    charts.push(
      chart({
        id: 'contacts-trend',
        title: t('dashboard.chart.trend.title'),
        summary: t('dashboard.chart.trend.summary', { count: trend.length }),
        labels: trend.map(([month]) => formatMonth(month)),
        unit: 'count',
        categoryHeading: t('chart.month'),
        series: [
          {
            label: t('dashboard.chart.trend.series'),
            data: trend.map(([, n]) => n),
            style: 'bar',
            colour: 'teal',
          },
        ],
      }),
    );

  return {
    funnel,
    totals: {
      pilots: pilots.length,
      active: pilots.filter((p) => !closed.includes(p.stage)).length,
      contacts,
      claimed,
      realised,
      computed,
      signals: rows.reduce((n, r) => n + r.signals.length, 0),
    },
    rows,
    reviews,
    charts,
  };
}
