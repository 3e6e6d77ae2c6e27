import { type Phrase, phrase } from '../common/phrase';
import { Month, monthIndex } from '../common/months';
import {
  blocksHalfWidth,
  channelFits,
  chooseMethod,
  FittedMonth,
  methodRefusal,
  predict,
} from './baseline.math';
import type {
  ChannelModel,
  ChannelMonth,
  EngineInput,
  Evidence,
  MonthActual,
  MonthFigures,
  RatePoint,
  RealisedEvidence,
  WeightedFuture,
} from './business-case.types';

// Baselines and realised savings, month by month and channel by channel (business-case.md). Pure.

export function rateFor(rates: RatePoint[], month: Month): number | null {
  let found: RatePoint | null = null;
  for (const rate of rates) {
    if (
      monthIndex(rate.from) <= monthIndex(month) &&
      (!found || monthIndex(rate.from) >= monthIndex(found.from))
    ) {
      found = rate;
    }
  }
  return found ? found.euros : null;
}

export const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
export const worst = (a: Evidence, b: Evidence): Evidence =>
  a === 'unverified' || b === 'unverified'
    ? 'unverified'
    : a === 'weak' || b === 'weak'
      ? 'weak'
      : 'baseline';

/** What a total rests on, from its months counted by evidence. */
function evidenceFrom(measured: number, weak: number, unverified: number): RealisedEvidence {
  const kinds = [measured, weak, unverified].filter((n) => n > 0).length;
  const rests =
    kinds === 0
      ? 'none'
      : kinds > 1
        ? 'mixed'
        : measured
          ? 'measured'
          : weak
            ? 'weak'
            : 'unverified';
  return { rests, measured, weak, unverified };
}

/** The sum of several totals' evidence (the finance dashboard's totals row). */
export function combinedEvidence(list: RealisedEvidence[]): RealisedEvidence {
  const total = (key: 'measured' | 'weak' | 'unverified') => sum(list.map((e) => e[key]));
  return evidenceFrom(total('measured'), total('weak'), total('unverified'));
}

/** What a total over these months' evidence marks rests on. */
export function evidenceOf(marks: Evidence[]): RealisedEvidence {
  const count = (e: Evidence) => marks.filter((m) => m === e).length;
  return evidenceFrom(count('baseline'), count('weak'), count('unverified'));
}

export function channelModels(input: EngineInput, actuals: MonthActual[]): ChannelModel[] {
  return input.channels.map((channel) => {
    const history = channel.history.filter(
      (h) => monthIndex(h.month) < monthIndex(input.startMonth),
    );
    // Control is the channel's method when its months keep a control volume at all; a month
    // without one falls back on its own (business-case.md: one method per channel, month gaps
    // per month).
    const controlKept = actuals.some((a) => (a.channels[channel.key]?.control ?? null) !== null);
    const method = chooseMethod(history, channel.pinnedMethod, controlKept);
    const fits = channelFits(history, method);
    const pinned = channel.pinnedMethod;
    const pinNote =
      !pinned || pinned === method
        ? null
        : (methodRefusal(history, pinned) ?? phrase('engine.noControlVolume'));
    return {
      input: channel,
      method: fits.length ? method : null,
      fit: fits[0] ?? null,
      fits,
      pinNote,
    };
  });
}

export function monthFigures(
  input: EngineInput,
  models: ChannelModel[],
  actual: MonthActual,
): MonthFigures {
  const missing: Phrase[] = [];
  let evidence: Evidence = 'baseline';
  const channels = models.map((model): ChannelMonth => {
    const { key, name, share } = model.input;
    const data = actual.channels[key];
    const volume = data?.volume ?? null;
    const followUps = data?.followUps ?? null;
    const claimedContacts = actual.contacts * share;
    // The channel's method, or for a month that lacks its input, the next that applies.
    let prediction: { baseline: number; halfWidth: number } | null = null;
    let fit: number | null = null;
    if (volume !== null)
      for (const [i, candidate] of model.fits.entries()) {
        prediction = predict(candidate, actual.month, data?.control ?? null);
        if (prediction) {
          fit = i;
          break;
        }
      }
    let displaced: number;
    let channelEvidence: Evidence;
    if (prediction && volume !== null) {
      displaced = prediction.baseline - volume;
      channelEvidence = 'baseline';
    } else if (followUps !== null) {
      displaced = claimedContacts - followUps;
      channelEvidence = 'weak';
    } else {
      displaced = claimedContacts;
      channelEvidence = 'unverified';
    }
    evidence = worst(evidence, channelEvidence);
    const rate = rateFor(model.input.rates, actual.month);
    if (rate === null)
      missing.push(phrase('engine.missing.costPerContact', { channel: name, month: actual.month }));
    return {
      key,
      name,
      claimedContacts,
      baseline: prediction?.baseline ?? null,
      baselineHalfWidth: prediction?.halfWidth ?? null,
      method: fit === null ? null : model.fits[fit].method,
      fallback: fit !== null && fit > 0,
      fit,
      volume,
      followUps,
      control: data?.control ?? null,
      displaced,
      evidence: channelEvidence,
      rate,
      claimedSavings: rate === null ? null : claimedContacts * rate,
      realisedSavings: rate === null ? null : displaced * rate,
      leaked: claimedContacts - displaced,
    };
  });

  const complete = missing.length === 0;
  const claimedSavings = complete ? sum(channels.map((c) => c.claimedSavings as number)) : null;
  const realisedSavings = complete ? sum(channels.map((c) => c.realisedSavings as number)) : null;
  const realisedHalfWidth = complete
    ? Math.sqrt(sum(channels.map((c) => ((c.baselineHalfWidth ?? 0) * (c.rate as number)) ** 2)))
    : null;
  const fixed = actual.fixedCost ?? input.plan.monthlyFixedCost;
  const runningCost = fixed + input.plan.variableCostPerContact * actual.contacts;
  const margin = actual.margin ?? 0;
  const followUps = channels.map((c) => c.followUps);
  return {
    month: actual.month,
    contacts: actual.contacts,
    evidence,
    missing,
    channels,
    claimedSavings,
    realisedSavings,
    realisedHalfWidth,
    waterbed: complete ? (claimedSavings as number) - (realisedSavings as number) : null,
    runningCost,
    margin,
    netBenefit: complete ? (realisedSavings as number) + margin - runningCost : null,
    claimedNetBenefit: complete ? (claimedSavings as number) + margin - runningCost : null,
    switchRate:
      actual.contacts > 0 && followUps.length > 0 && followUps.every((f) => f !== null)
        ? sum(followUps as number[]) / actual.contacts
        : null,
  };
}

/** Half-width of Σ RS over the given months (and future months), channels combined. */
export function realisedSumHalfWidth(
  models: ChannelModel[],
  months: MonthFigures[],
  future: WeightedFuture[] = [],
): number {
  const squares = models.map((model, i) => {
    const points: FittedMonth[] = [];
    for (const m of months) {
      const c = m.channels[i];
      if (c.evidence === 'baseline' && c.rate !== null && c.fit !== null)
        points.push({ month: m.month, weight: c.rate, control: c.control, fit: c.fit });
    }
    for (const f of future) points.push(f.channels[i]);
    return blocksHalfWidth(model.fits, points) ** 2;
  });
  return Math.sqrt(sum(squares));
}
