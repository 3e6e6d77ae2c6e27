import { t } from '../i18n/translate';
import { Chart, chart } from '../charts/chart';
import type { FinanceRow } from './finance-dashboard';

/** Claimed against realised savings per pilot: the waterbed across the portfolio. */
export function financeCharts(rows: FinanceRow[]): Chart[] {
  const computed = rows.filter((r) => r.claimed !== null && r.realised !== null);
  if (!computed.length) return [];
  return [
    chart({
      id: 'finance-savings',
      title: t('finance.chart.title'),
      summary: t('finance.chart.summary'),
      labels: computed.map((r) => r.name),
      unit: 'euro',
      categoryHeading: t('finance.chart.pilot'),
      horizontal: true,
      series: [
        {
          label: t('finance.column.claimed'),
          data: computed.map((r) => r.claimed),
          style: 'bar',
          colour: 'orange',
        },
        {
          label: t('finance.column.realised'),
          data: computed.map((r) => r.realised),
          style: 'bar',
          colour: 'green',
        },
        {
          label: t('finance.column.net'),
          data: computed.map((r) => r.netBenefit),
          style: 'bar',
          colour: 'blue',
        },
      ],
    }),
  ];
}
