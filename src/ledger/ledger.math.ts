import { say, sayOrNull } from '../common/phrase';
import { t } from '../i18n/translate';
import { groupBy } from '../common/group-by';
import { addMonths, formatMonth, type Month, monthsBetween } from '../common/months';
import {
  type BaselineMethod,
  chooseMethod,
  fitBaseline,
  type HistoryPoint,
  methodRefusal,
  predict,
  sumHalfWidth,
  type WeightedMonth,
} from '../business-case/baseline.math';
import { rateFor, sum } from '../business-case/realised.math';
import type { Interval } from '../business-case/business-case.types';
import type {
  ContactPicture,
  Ledger,
  LedgerChannel,
  LedgerChannelInput,
  LedgerInput,
  LedgerMonth,
  LedgerTotals,
  Overlap,
  PictureMonth,
} from './ledger.types';
import { capitalised } from '../common/words';

// The channel ledger (channel-ledger.md): the organisation's own totals per channel against the
// pilots' claims, with the baselines and interval-of-sum rules of the business case. Pure.

/** The months from `from` to `to`, both included. */
export function monthsOf(from: Month, to: Month): Month[] {
  const count = monthsBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addMonths(from, i));
}

/** The first month of the earliest pilot on the channel: its totals before it are the pre-period. */
function preperiodEnd(channel: LedgerChannelInput): Month | null {
  const starts = channel.pilots.map((p) => p.startMonth).sort();
  return starts[0] ?? null;
}

/** The channel's totals before `end` (its pre-period), oldest first, as a baseline's history. */
export function ledgerHistory(totals: Array<{ month: Month; volume: number }>, end: Month | null) {
  return totals
    .filter((t) => end === null || t.month < end)
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((t): HistoryPoint => ({ month: t.month, volume: t.volume, control: null }));
}

/**
 * Why the organisation baseline of a channel cannot be pinned to `method`, or null when it can:
 * its totals before the first pilot on it started (every total when no pilot is on it yet) must
 * allow the method, as a pilot's pin must (business-case.md).
 */
export function ledgerPinRefusal(
  totals: Array<{ month: Month; volume: number }>,
  firstStart: Month | null,
  method: BaselineMethod,
): string | null {
  const refusal = methodRefusal(ledgerHistory(totals, firstStart), method);
  if (!refusal) return null;
  const said = capitalised(say(refusal));
  return firstStart
    ? t('ledger.pinRefusedBefore', { refusal: said, month: formatMonth(firstStart) })
    : t('ledger.pinRefused', { refusal: said });
}

/**
 * Pairs of pilots past the idea stage that both log the channel in a month, and either has the
 * whole channel as its scope, or their segments together hold more than the channel's total.
 * Two segments not shown to overlap are taken as disjoint.
 */
export function overlapsOf(channel: LedgerChannelInput): Overlap[] {
  const totals = new Map(channel.totals.map((t) => [t.month, t.volume]));
  const pilots = channel.pilots.filter((p) => p.pastIdea);
  // Month by month, the pilots that logged the channel, largest volume first: a pair of segments
  // overlaps only while the two volumes exceed the total, so the search stops early (a portfolio
  // has hundreds of pilots on one channel, and most months no pair at all).
  const byMonth = new Map<Month, Array<{ index: number; volume: number }>>();
  pilots.forEach((p, index) => {
    for (const m of p.months)
      if (m.volume !== null)
        (byMonth.get(m.month) ?? byMonth.set(m.month, []).get(m.month)!).push({
          index,
          volume: m.volume,
        });
  });
  const found = new Map<string, { i: number; j: number; months: Month[] }>();
  const add = (a: number, b: number, month: Month) => {
    const [i, j] = a < b ? [a, b] : [b, a];
    const key = `${i}|${j}`;
    (found.get(key) ?? found.set(key, { i, j, months: [] }).get(key)!).months.push(month);
  };
  for (const [month, logged] of byMonth) {
    if (logged.length < 2) continue;
    const whole = logged.filter((x) => pilots[x.index].scope === 'whole');
    // A whole-channel scope shares every other pilot's contacts of the month.
    for (const w of whole)
      for (const x of logged) if (x.index !== w.index) add(w.index, x.index, month);
    const total = totals.get(month);
    if (total === undefined) continue;
    const segments = logged
      .filter((x) => pilots[x.index].scope !== 'whole')
      .sort((a, b) => b.volume - a.volume);
    for (let a = 0; a < segments.length - 1; a++) {
      if (segments[a].volume + segments[a + 1].volume <= total) break;
      for (let b = a + 1; b < segments.length; b++) {
        if (segments[a].volume + segments[b].volume <= total) break;
        add(segments[a].index, segments[b].index, month);
      }
    }
  }
  return [...found.values()]
    .sort((x, y) => x.i - y.i || x.j - y.j)
    .map(({ i, j, months }) => ({
      channel: channel.key,
      pilots: [pilots[i].slug, pilots[j].slug] as [string, string],
      months: [...new Set(months)].sort(),
      reason:
        pilots[i].scope === 'whole' || pilots[j].scope === 'whole'
          ? ('whole_channel' as const)
          : ('segments_exceed_total' as const),
    }));
}

/**
 * What the pilots claim and measure against what the organisation saw, over the same months:
 * the portfolio waterbed (claimed − D^org) and the attribution gap (measured − D^org), flagged
 * when the pilots' measured relief lies above the upper end of the interval of Σ D^org.
 */
function compared(
  org: Interval | null,
  orgEuros: Interval | null,
  claimed: number,
  claimedEuros: number | null,
  measured: number,
  measuredEuros: number | null,
): Pick<
  LedgerTotals,
  'waterbed' | 'waterbedEuros' | 'waterbedRatio' | 'gap' | 'gapEuros' | 'gapFlagged'
> {
  const euros = orgEuros?.value ?? null;
  return {
    waterbed: org ? claimed - org.value : null,
    waterbedEuros: claimedEuros !== null && euros !== null ? claimedEuros - euros : null,
    waterbedRatio: claimedEuros && euros !== null ? (claimedEuros - euros) / claimedEuros : null,
    gap: org ? measured - org.value : null,
    gapEuros: measuredEuros !== null && euros !== null ? measuredEuros - euros : null,
    gapFlagged: org !== null && measured > org.value + org.halfWidth,
  };
}

/** One channel of the ledger over the months `from`–`to`. */
export function ledgerChannel(channel: LedgerChannelInput, from: Month, to: Month): LedgerChannel {
  const firstStart = preperiodEnd(channel);
  const end = firstStart ?? from;
  const history = ledgerHistory(channel.totals, end);
  // `control` has no meaning for the organisation's totals.
  const pinned = channel.pinnedMethod;
  const method = chooseMethod(history, pinned, false);
  const fit = method ? fitBaseline(history, method) : null;
  const noBaseline = fit
    ? null
    : history.length === 0
      ? t('ledger.noTotalsBefore', { month: formatMonth(end) })
      : t('ledger.tooFewBefore', { count: history.length, month: formatMonth(end) });

  const totals = new Map(channel.totals.map((t) => [t.month, t.volume]));
  // Each pilot's months by month, in one pass (looked up per month, it was pilots × months²).
  const rowsOf = groupBy(
    channel.pilots.flatMap((pilot) => pilot.months.map((m) => ({ pilot, m }))),
    (row) => row.m.month,
  );
  const months: LedgerMonth[] = monthsOf(from, to).map((month) => {
    const total = totals.get(month) ?? null;
    const prediction = fit ? predict(fit, month, null) : null;
    const rows = rowsOf.get(month) ?? [];
    return {
      month,
      total,
      baseline: prediction?.baseline ?? null,
      halfWidth: prediction?.halfWidth ?? null,
      orgDisplaced: prediction && total !== null ? prediction.baseline - total : null,
      rate: rateFor(channel.rates, month),
      claimed: sum(rows.map((r) => r.m.claimed)),
      measured: sum(rows.map((r) => r.m.measured ?? 0)),
      unmeasured: rows.filter((r) => r.m.measured === null).map((r) => r.pilot.slug),
      pilots: rows.map((r) => ({
        slug: r.pilot.slug,
        claimed: r.m.claimed,
        measured: r.m.measured,
      })),
    };
  });

  // The sums cover the months with a total and a baseline, the same months for every figure.
  const covered = months.filter((m) => m.orgDisplaced !== null);
  const coveredSet = new Set(covered.map((m) => m.month));
  const missingRates = covered.filter((m) => m.rate === null).map((m) => m.month);
  const euros = (pick: (m: LedgerMonth) => number) =>
    missingRates.length ? null : sum(covered.map((m) => pick(m) * (m.rate as number)));
  const weighted = (weight: (m: LedgerMonth) => number): WeightedMonth[] =>
    covered.map((m) => ({ month: m.month, weight: weight(m), control: null }));

  const orgD = sum(covered.map((m) => m.orgDisplaced as number));
  const claimed = sum(covered.map((m) => m.claimed));
  const measured = sum(covered.map((m) => m.measured));
  const hw =
    fit && covered.length
      ? sumHalfWidth(
          fit,
          weighted(() => 1),
        )
      : null;
  const orgEuros = euros((m) => m.orgDisplaced as number);
  const claimedEuros = euros((m) => m.claimed);
  const measuredEuros = euros((m) => m.measured);
  const any = covered.length > 0;
  const org = any && hw !== null ? { value: orgD, halfWidth: hw } : null;
  const orgInEuros =
    any && fit && orgEuros !== null
      ? {
          value: orgEuros,
          halfWidth: sumHalfWidth(
            fit,
            weighted((m) => m.rate as number),
          ),
        }
      : null;

  const pilots = channel.pilots
    .map((p) => {
      const mine = p.months.filter((m) => coveredSet.has(m.month));
      return {
        p,
        present: mine.length > 0,
        claimed: sum(mine.map((m) => m.claimed)),
        measured: sum(mine.map((m) => m.measured ?? 0)),
      };
    })
    .filter((x) => x.present);
  const measuredTotal = sum(pilots.map((x) => x.measured));
  // Pro rata only when the organisation's displacement and every pilot's own figure are positive.
  const attributable = any && orgD > 0 && pilots.length > 0 && pilots.every((x) => x.measured > 0);

  return {
    key: channel.key,
    name: channel.name,
    method: fit ? fit.method : null,
    pinned,
    pinNote: pinned && pinned !== fit?.method ? sayOrNull(methodRefusal(history, pinned)) : null,
    n: fit ? fit.n : history.length,
    noBaseline,
    preperiodEnd: firstStart,
    months,
    missingTotals: months.filter((m) => m.total === null).map((m) => m.month),
    coveredMonths: covered.length,
    orgDisplaced: org,
    orgDisplacedEuros: orgInEuros,
    claimed,
    claimedEuros,
    measured,
    measuredEuros,
    ...compared(org, orgInEuros, claimed, claimedEuros, measured, measuredEuros),
    pilotsWaterbedEuros:
      claimedEuros !== null && measuredEuros !== null ? claimedEuros - measuredEuros : null,
    pilotsWaterbedRatio:
      claimedEuros && measuredEuros !== null ? (claimedEuros - measuredEuros) / claimedEuros : null,
    pilots: pilots.map(({ p, claimed: c, measured: d }) => ({
      slug: p.slug,
      name: p.name,
      scope: p.scope,
      scopeDescription: p.scopeDescription,
      claimed: c,
      measured: d,
      attributed: attributable ? (orgD * d) / measuredTotal : null,
    })),
    overlaps: overlapsOf(channel),
    missingRates,
  };
}

/**
 * The organisation's contacts per month over the existing channels with a total in every month
 * of the range and every live pilot's new channel: cost, cost per contact, shares and mix, against
 * the pre-period; channel stacking when the last 6 months' contacts lie above their baseline's
 * interval while new channels run.
 */
export function contactPicture(input: LedgerInput): ContactPicture {
  const range = monthsOf(input.from, input.to);
  const complete = input.channels.filter((c) =>
    range.every((month) => c.totals.some((t) => t.month === month)),
  );
  const totalOf = (c: LedgerChannelInput, month: Month) =>
    c.totals.find((t) => t.month === month) ?? null;
  const mixOf = (month: Month, kind: 'desired' | 'undesired' | 'unnecessary') => {
    const parts = complete.map((c) => totalOf(c, month)?.[kind] ?? null).filter((v) => v !== null);
    return parts.length ? sum(parts as number[]) : null;
  };
  const existingCost = (month: Month) => {
    let cost = 0;
    for (const c of complete) {
      const rate = rateFor(c.rates, month);
      if (rate === null) return null;
      cost += (totalOf(c, month)?.volume ?? 0) * rate;
    }
    return cost;
  };

  const newOf = groupBy(input.newChannels, (n) => n.month);
  const months: PictureMonth[] = range.map((month) => {
    const byChannel: Record<string, number> = {};
    for (const c of complete) byChannel[c.key] = totalOf(c, month)?.volume ?? 0;
    const live = newOf.get(month) ?? [];
    for (const n of live) byChannel[n.pilotSlug] = (byChannel[n.pilotSlug] ?? 0) + n.contacts;
    const contacts = sum(Object.values(byChannel));
    const base = existingCost(month);
    const cost = base === null ? null : base + sum(live.map((n) => n.runningCost));
    return {
      month,
      contacts,
      cost,
      costPerContact: cost !== null && contacts > 0 ? cost / contacts : null,
      byChannel,
      desired: mixOf(month, 'desired'),
      undesired: mixOf(month, 'undesired'),
      unnecessary: mixOf(month, 'unnecessary'),
    };
  });

  // The pre-period: months before the first pilot on any of these channels, with every total.
  const starts = complete.flatMap((c) => c.pilots.map((p) => p.startMonth)).sort();
  const first = starts[0] ?? input.from;
  const before = [...new Set(complete.flatMap((c) => c.totals.map((t) => t.month)))]
    .filter((m) => m < first && complete.every((c) => totalOf(c, m)))
    .sort();
  const history: HistoryPoint[] = before.map((month) => ({
    month,
    volume: sum(complete.map((c) => totalOf(c, month)?.volume ?? 0)),
    control: null,
  }));
  const costs = before.map(existingCost);
  const preperiod = before.length
    ? {
        months: before.length,
        contacts: sum(history.map((h) => h.volume)) / before.length,
        cost: costs.every((c) => c !== null) ? sum(costs as number[]) / before.length : null,
      }
    : null;

  const method = complete.length ? chooseMethod(history, null, false) : null;
  const fit = method ? fitBaseline(history, method) : null;
  const last = months.slice(-6);
  let stacking: ContactPicture['stacking'] = null;
  if (fit && last.length) {
    const baseline = sum(last.map((m) => predict(fit, m.month, null)?.baseline ?? 0));
    const halfWidth = sumHalfWidth(
      fit,
      last.map((m) => ({ month: m.month, weight: 1, control: null })),
    );
    const actual = sum(last.map((m) => m.contacts));
    const newLive = input.newChannels.some(
      (n) => n.contacts > 0 && last.some((m) => m.month === n.month),
    );
    stacking = { flagged: newLive && actual > baseline + halfWidth, actual, baseline, halfWidth };
  }
  return { channels: complete.map((c) => c.key), months, preperiod, stacking };
}

/**
 * The channels with an organisation baseline over the range, together. Channels are fitted
 * separately, so their half-widths combine as √(Σ h²) (business-case.md); a euro figure needs
 * every channel's.
 */
export function allChannels(channels: LedgerChannel[]): LedgerTotals {
  const used = channels.filter((c) => c.orgDisplaced !== null);
  const total = (pick: (c: LedgerChannel) => number | null) => {
    const values = used.map(pick);
    return values.every((v) => v !== null) ? sum(values as number[]) : null;
  };
  const root = (values: number[]) => Math.sqrt(sum(values.map((v) => v * v)));
  const any = used.length > 0;
  const orgD = sum(used.map((c) => c.orgDisplaced!.value));
  const hw = root(used.map((c) => c.orgDisplaced!.halfWidth));
  const euros = used.every((c) => c.orgDisplacedEuros !== null);
  const orgEuros = any && euros ? sum(used.map((c) => c.orgDisplacedEuros!.value)) : null;
  const claimed = sum(used.map((c) => c.claimed));
  const measured = sum(used.map((c) => c.measured));
  const claimedEuros = any ? total((c) => c.claimedEuros) : null;
  const measuredEuros = any ? total((c) => c.measuredEuros) : null;
  const org = any ? { value: orgD, halfWidth: hw } : null;
  const orgInEuros =
    orgEuros !== null
      ? { value: orgEuros, halfWidth: root(used.map((c) => c.orgDisplacedEuros!.halfWidth)) }
      : null;
  return {
    channels: used.map((c) => c.key),
    orgDisplaced: org,
    orgDisplacedEuros: orgInEuros,
    claimed,
    claimedEuros,
    measured,
    measuredEuros,
    ...compared(org, orgInEuros, claimed, claimedEuros, measured, measuredEuros),
  };
}

export function computeLedger(input: LedgerInput): Ledger {
  const channels = input.channels.map((c) => ledgerChannel(c, input.from, input.to));
  return {
    from: input.from,
    to: input.to,
    channels,
    all: allChannels(channels),
    overlaps: channels.flatMap((c) => c.overlaps),
    picture: contactPicture(input),
  };
}
