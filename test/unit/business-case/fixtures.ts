import type {
  ChannelInput,
  EngineInput,
  MonthActual,
} from '../../../src/business-case/business-case.math';

/** The worked example of business-case.md: phone and e-mail, three months of history, one month. */
export function workedExample(): EngineInput {
  return {
    startMonth: '2026-01',
    incubationStartMonth: null,
    plan: {
      investment: 0,
      monthlyFixedCost: 3000,
      variableCostPerContact: 0.5,
      horizonMonths: 36,
      coverage: null,
      fixedCostAtScale: null,
    },
    channels: [
      channel('phone', 0.6, 6, [10000, 10400, 9600]),
      channel('email', 0.2, 3.5, [3000, 3100, 2900]),
    ],
    actuals: [actual('2026-01', 2000, { phone: 9300, email: 2950 }, { fixedCost: 3000 })],
    investments: [],
    discountRate: null,
  };
}

export function channel(
  key: string,
  share: number,
  euros: number,
  history: number[],
  start = '2025-10',
): ChannelInput {
  const [y, m] = start.split('-').map(Number);
  return {
    key,
    name: key,
    share,
    pinnedMethod: null,
    rates: [{ from: '2020-01', euros }],
    history: history.map((volume, i) => {
      const index = y * 12 + m - 1 + i;
      return {
        month: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
        volume,
        control: null,
      };
    }),
  };
}

export function actual(
  month: string,
  contacts: number,
  volumes: Record<string, number | null>,
  extra: Partial<MonthActual> & { followUps?: Record<string, number> } = {},
): MonthActual {
  const { followUps = {}, ...rest } = extra;
  return {
    month,
    contacts,
    fixedCost: null,
    margin: null,
    channels: Object.fromEntries(
      Object.entries(volumes).map(([key, volume]) => [
        key,
        { volume, followUps: followUps[key] ?? null, control: null },
      ]),
    ),
    ...rest,
  };
}

export const cents = (value: number | null | undefined) =>
  value === null || value === undefined ? value : Math.round(value * 100) / 100;
