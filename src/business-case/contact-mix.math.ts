import type { Month } from '../common/months';

// Contact mix (business-case.md, optional): where desired / undesired / unnecessary counts are
// logged, how each channel's mix moved against the pre-period, and whether the contacts the
// pilot took away were mostly the desired ones (the valuable conversations to keep).

export const MIX_KINDS = ['desired', 'undesired', 'unnecessary'] as const;
export type MixKind = (typeof MIX_KINDS)[number];

export interface MixPoint {
  month: Month;
  desired: number | null;
  undesired: number | null;
  unnecessary: number | null;
}

export interface MixPeriod {
  months: number;
  /** Mean monthly count per kind. */
  perMonth: Record<MixKind, number>;
  /** Share of each kind in the period's classified contacts. */
  shares: Record<MixKind, number>;
}

export interface ChannelMix {
  key: string;
  before: MixPeriod;
  during: MixPeriod;
  /** Fall in mean monthly contacts per kind (positive = fewer during the pilot). */
  drop: Record<MixKind, number>;
  /** The pilot's displaced contacts were mostly desired ones. */
  mostlyDesired: boolean;
}

function period(points: MixPoint[]): MixPeriod | null {
  const complete = points.filter((p) => MIX_KINDS.every((k) => p[k] !== null));
  if (!complete.length) return null;
  const perMonth = Object.fromEntries(
    MIX_KINDS.map((k) => [k, complete.reduce((s, p) => s + (p[k] as number), 0) / complete.length]),
  ) as Record<MixKind, number>;
  const total = MIX_KINDS.reduce((s, k) => s + perMonth[k], 0);
  const shares = Object.fromEntries(
    MIX_KINDS.map((k) => [k, total > 0 ? perMonth[k] / total : 0]),
  ) as Record<MixKind, number>;
  return { months: complete.length, perMonth, shares };
}

/** The mix of one channel before the start month and from it on; null without counts in both. */
export function channelMix(key: string, points: MixPoint[], startMonth: Month): ChannelMix | null {
  const before = period(points.filter((p) => p.month < startMonth));
  const during = period(points.filter((p) => p.month >= startMonth));
  if (!before || !during) return null;
  const drop = Object.fromEntries(
    MIX_KINDS.map((k) => [k, before.perMonth[k] - during.perMonth[k]]),
  ) as Record<MixKind, number>;
  const fallen = MIX_KINDS.reduce((s, k) => s + Math.max(0, drop[k]), 0);
  return { key, before, during, drop, mostlyDesired: fallen > 0 && drop.desired > fallen / 2 };
}
