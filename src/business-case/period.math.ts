import { monthIndex } from '../common/months';
import { blocksHalfWidth, FittedMonth } from './baseline.math';
import type {
  ChannelModel,
  ChannelSummary,
  MonthFigures,
  MonthRange,
  PeriodBasis,
  PeriodTotals,
} from './business-case.types';
import { evidenceOf, sum } from './realised.math';

// Totals over a period: claimed, realised with its interval, the waterbed, per channel. Pure.

export function basisOf(models: ChannelModel[], months: MonthFigures[]): PeriodBasis {
  return {
    fits: models.map((m) => m.fits),
    months: months.map((m) => ({
      month: m.month,
      contacts: m.contacts,
      complete: m.missing.length === 0,
      claimed: m.claimedSavings,
      realised: m.realisedSavings,
      net: m.netBenefit,
      evidence: m.evidence,
      points: m.channels.map((c) =>
        c.evidence === 'baseline' && c.rate !== null && c.fit !== null
          ? [c.rate, c.control, c.fit]
          : null,
      ),
    })),
    ledger: {
      channels: models.map((model, i) => ({
        key: model.input.key,
        scope: model.input.scope ?? 'segment',
        scopeDescription: model.input.scopeDescription ?? null,
        months: months.map((m): [string, number | null, number, number | null] => {
          const c = m.channels[i];
          return [
            m.month,
            c.volume,
            c.claimedContacts,
            c.evidence === 'baseline' ? c.displaced : null,
          ];
        }),
      })),
      months: months.map((m): [string, number, number] => [m.month, m.contacts, m.runningCost]),
    },
  };
}

/**
 * Σ claimed, Σ realised (with its interval), the waterbed and net benefit over the months in
 * the range: the totals (unbounded) and finance's month filter, from the same code.
 */
export function totalsOver(basis: PeriodBasis, range: MonthRange): PeriodTotals {
  const months = basis.months.filter(
    (m) =>
      (range.from === null || monthIndex(m.month) >= monthIndex(range.from)) &&
      (range.to === null || monthIndex(m.month) <= monthIndex(range.to)),
  );
  const complete = months.every((m) => m.complete);
  const claimedSavings = complete ? sum(months.map((m) => m.claimed as number)) : null;
  const realisedValue = complete ? sum(months.map((m) => m.realised as number)) : null;
  // Half-width of Σ RS: each channel's baseline error over the months (its blocks of months
  // per fit added linearly), channels combined as independent.
  const halfWidth = Math.sqrt(
    sum(
      basis.fits.map((fits, i) => {
        const points: FittedMonth[] = [];
        for (const m of months) {
          const point = m.points[i];
          if (point)
            points.push({ month: m.month, weight: point[0], control: point[1], fit: point[2] });
        }
        return blocksHalfWidth(fits, points) ** 2;
      }),
    ),
  );
  return {
    months: months.length,
    contacts: sum(months.map((m) => m.contacts)),
    claimedSavings,
    realisedSavings: realisedValue === null ? null : { value: realisedValue, halfWidth },
    realisedEvidence: evidenceOf(months.map((m) => m.evidence)),
    waterbed:
      claimedSavings !== null && realisedValue !== null ? claimedSavings - realisedValue : null,
    waterbedRatio:
      claimedSavings !== null && realisedValue !== null && claimedSavings > 0
        ? (claimedSavings - realisedValue) / claimedSavings
        : null,
    netBenefit: complete ? sum(months.map((m) => m.net as number)) : null,
  };
}

export function channelSummaries(models: ChannelModel[], months: MonthFigures[]): ChannelSummary[] {
  return models.map((model, i) => {
    const claimed = sum(months.map((m) => m.channels[i].claimedContacts));
    const displaced = sum(months.map((m) => m.channels[i].displaced));
    const withBaseline = months.filter((m) => m.channels[i].evidence === 'baseline');
    const contactsWithBaseline = sum(withBaseline.map((m) => m.contacts));
    let realisedShare: number | null = null;
    let halfWidth: number | null = null;
    if (model.fit && withBaseline.length && contactsWithBaseline > 0) {
      realisedShare = sum(withBaseline.map((m) => m.channels[i].displaced)) / contactsWithBaseline;
      const points = withBaseline.map((m) => ({
        month: m.month,
        weight: 1,
        control: m.channels[i].control,
        fit: m.channels[i].fit as number,
      }));
      halfWidth = blocksHalfWidth(model.fits, points) / contactsWithBaseline;
    }
    return {
      key: model.input.key,
      name: model.input.name,
      share: model.input.share,
      method: model.fit ? model.method : null,
      n: model.fit?.n ?? 0,
      pinned: model.input.pinnedMethod,
      pinNote: model.pinNote,
      fallbackMonths: months.filter((m) => m.channels[i].fallback).length,
      evidence: evidenceOf(months.map((m) => m.channels[i].evidence)),
      claimedContacts: claimed,
      displacedContacts: displaced,
      leakedContacts: claimed - displaced,
      realisedShare,
      realisedShareHalfWidth: halfWidth,
      contradicted:
        realisedShare !== null &&
        halfWidth !== null &&
        realisedShare + halfWidth < model.input.share,
    };
  });
}
