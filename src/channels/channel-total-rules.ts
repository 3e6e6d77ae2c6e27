import { t } from '../i18n/translate';
import { formatNumber } from '../common/money';

// What a channel's monthly total must hold (channel-ledger.md): a volume, and a split that is
// part of it. Pure.

/** The organisation baseline's methods in the channel ledger: `control` has no meaning there. */
export const LEDGER_METHODS = ['trend', 'mean'] as const;
export type LedgerMethod = (typeof LEDGER_METHODS)[number];

export const TOTAL_PARTS = ['desired', 'undesired', 'unnecessary'] as const;
export type TotalPart = (typeof TOTAL_PARTS)[number];

export interface TotalValues {
  volume: number | null;
  desired: number | null;
  undesired: number | null;
  unnecessary: number | null;
}

/** The problems of one channel's total, by field: `volume`, or `desired` for the split. */
export function totalErrors(values: TotalValues): Partial<Record<'volume' | 'desired', string>> {
  const parts = TOTAL_PARTS.map((p) => values[p]).filter((v): v is number => v !== null);
  if (values.volume === null) return parts.length ? { volume: t('totals.volumeFirst') } : {};
  const split = parts.reduce((s, v) => s + v, 0);
  if (split > values.volume)
    return {
      desired: t('totals.splitTooBig', {
        split: formatNumber(split),
        volume: formatNumber(values.volume),
      }),
    };
  return {};
}

/** Nothing given: the channel's total for the month is left out (or removed). */
export const isEmptyTotal = (values: TotalValues) =>
  values.volume === null && TOTAL_PARTS.every((p) => values[p] === null);
