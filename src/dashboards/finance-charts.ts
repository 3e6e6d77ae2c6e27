import { Chart, chart } from '../charts/chart';
import type { FinanceRow } from './finance-dashboard';

/** Claimed against realised savings per pilot: the waterbed across the portfolio. */
export function financeCharts(rows: FinanceRow[]): Chart[] {
  const computed = rows.filter((r) => r.claimed !== null && r.realised !== null);
  if (!computed.length) return [];
  return [
    chart({
      id: 'finance-savings',
      title: 'Claimed against realised savings per pilot',
      summary:
        'For each pilot with a business case, the savings its deflection shares claim against the savings measured in the affected channels, and the net benefit, over the months filtered.',
      labels: computed.map((r) => r.name),
      unit: 'euro',
      categoryHeading: 'Pilot',
      horizontal: true,
      series: [
        {
          label: 'Claimed savings',
          data: computed.map((r) => r.claimed),
          style: 'bar',
          colour: 'orange',
        },
        {
          label: 'Realised savings',
          data: computed.map((r) => r.realised),
          style: 'bar',
          colour: 'green',
        },
        {
          label: 'Net benefit',
          data: computed.map((r) => r.netBenefit),
          style: 'bar',
          colour: 'blue',
        },
      ],
    }),
  ];
}
