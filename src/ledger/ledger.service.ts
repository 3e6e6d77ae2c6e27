import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { CaseSummariesService } from '../business-case/case-summaries.service';
import type { LedgerMethod } from '../channels/channel-total-rules';
import { ChannelsService } from '../channels/channels.service';
import { ChannelTotalsService } from '../channels/channel-totals.service';
import { DomainError } from '../common/domain-error';
import { groupBy } from '../common/group-by';
import type { Month } from '../common/months';
import { FinanceService } from '../finance/finance.service';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { methodField } from './dto/baselines-form.dto';
import { computeLedger, ledgerPinRefusal, overlapsOf } from './ledger.math';
import type {
  Ledger,
  LedgerChannelInput,
  LedgerInput,
  LedgerTotals,
  NewChannelMonth,
  PilotOverlap,
} from './ledger.types';
import { PlanService } from '../business-case/plan.service';
import { ResultsService } from '../results/results.service';
import { VersionedMemo } from '../database/versioned-memo';
import { monthIndex, monthOf } from '../common/months';
import { monthName, orNull } from '../business-case/ledger-columns';

/**
 * Gathers the ledger's inputs — the organisation's totals, finance's rates, and every pilot's own
 * business case per channel and month — and hands them to the pure ledger engine.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly pilots: PilotsService,
    private readonly channels: ChannelsService,
    private readonly totals: ChannelTotalsService,
    private readonly finance: FinanceService,
    private readonly caseSummaries: CaseSummariesService,
    private readonly plans: PlanService,
    private readonly results: ResultsService,
    private readonly memo: VersionedMemo,
  ) {}

  /**
   * Pins the organisation baseline's method per channel (null: the default, trend else mean). A
   * changed pin the channel's pre-period totals do not allow is refused with the reason, next to
   * its field; nothing is saved then. Returns the number of channels changed.
   */
  async pinBaselines(methods: Map<number, LedgerMethod | null>, actor: string): Promise<number> {
    const [pilots, channels, totals] = await Promise.all([
      this.pilots.list({}),
      this.channels.byIds([...methods.keys()]),
      this.totals.all(),
    ]);
    const errors: Record<string, string[]> = {};
    for (const channel of channels) {
      const method = methods.get(channel.id) ?? null;
      // An unchanged pin that later data made impossible is shown on the ledger, not refused here.
      if (!method || method === channel.ledgerMethod) continue;
      const firstStart =
        pilots
          .filter((p) => p.startMonth && p.affectedChannels.some((c) => c.id === channel.id))
          .map((p) => p.startMonth!)
          .sort()[0] ?? null;
      const refusal = ledgerPinRefusal(
        totals.filter((t) => t.channelId === channel.id),
        firstStart,
        method,
      );
      if (refusal) errors[methodField(channel.id)] = [refusal];
    }
    if (Object.keys(errors).length)
      throw new DomainError('validation', t('ledger.pinsRefused'), errors);
    return this.channels.setLedgerMethods(methods, actor);
  }

  /**
   * `withTotalsOnly`: only the channels with organisation totals, and only the pilots on them (the
   * finance dashboard's organisation figure): nothing is computed when no totals are entered.
   * `everyPilot`: the whole portfolio when the caller has read it already.
   */
  async input(
    from: Month,
    to: Month,
    channelKey: string | null = null,
    withTotalsOnly = false,
    everyPilot?: Pilot[],
  ): Promise<LedgerInput> {
    const [pilots, channels, totals] = await Promise.all([
      everyPilot ?? this.pilots.list({}),
      this.channels.list(),
      this.totals.all(),
    ]);
    if (channelKey && !channels.some((c) => c.key === channelKey))
      throw new DomainError(
        'bad_request',
        t('ledger.noChannel', { key: channelKey.slice(0, 40) }),
        {
          channel: [t('ledger.unknownChannel', { keys: channels.map((c) => c.key).join(', ') })],
        },
      );
    const totalsOf = groupBy(totals, (t) => t.channelId);
    const wanted = channels.filter(
      (c) => (!channelKey || c.key === channelKey) && (!withTotalsOnly || totalsOf.has(c.id)),
    );
    const wantedIds = new Set(wanted.map((c) => c.id));
    // Only the pilots on the channels shown have their business cases computed.
    const relevant = pilots.filter((p) => p.affectedChannels.some((c) => wantedIds.has(c.id)));
    // From the business-case cache: each pilot's months per channel, computed once per change.
    const [bases, rates] = await Promise.all([
      this.caseSummaries.ledgerBases(relevant),
      this.finance.costRatesOf(wanted.map((c) => c.id)),
    ]);
    const ratesOf = groupBy(rates, (r) => r.channelId);
    const [first, last] = [monthIndex(from), monthIndex(to)];
    /** The positions of the months within from–to. */
    const inRangeOf = (months: Int32Array) => {
      const at: number[] = [];
      for (let i = 0; i < months.length; i += 1)
        if (months[i] >= first && months[i] <= last) at.push(i);
      return at;
    };
    const computed = relevant.flatMap((pilot) => {
      const ledger = bases.get(pilot.id);
      return ledger && pilot.startMonth ? [{ pilot, ledger, startMonth: pilot.startMonth }] : [];
    });

    const ledgerChannels: LedgerChannelInput[] = wanted
      .map((channel) => ({
        key: channel.key,
        name: channel.name,
        totals: (totalsOf.get(channel.id) ?? []).map((t) => ({
          month: t.month,
          volume: t.volume,
          desired: t.desired,
          undesired: t.undesired,
          unnecessary: t.unnecessary,
        })),
        rates: (ratesOf.get(channel.id) ?? []).map((r) => ({
          from: r.effectiveFrom,
          euros: r.centsPerContact / 100,
        })),
        pinnedMethod: channel.ledgerMethod,
        pilots: computed.flatMap(({ pilot, ledger, startMonth }) => {
          const mine = ledger.channels.find((c) => c.key === channel.key);
          if (!mine) return [];
          return [
            {
              slug: pilot.slug,
              name: pilot.name,
              pastIdea: pilot.stage !== 'idea',
              scope: mine.scope,
              scopeDescription: mine.scopeDescription,
              startMonth,
              months: inRangeOf(mine.months).map((i) => ({
                month: monthName(mine.months[i]),
                volume: orNull(mine.volume[i]),
                claimed: mine.claimed[i],
                measured: orNull(mine.measured[i]),
              })),
            },
          ];
        }),
      }))
      // A channel with neither totals nor pilots has nothing to show.
      .filter((c) => c.totals.length || c.pilots.length);

    const newChannels: NewChannelMonth[] = computed.flatMap(({ pilot, ledger }) =>
      inRangeOf(ledger.months).map((i) => ({
        pilotSlug: pilot.slug,
        month: monthName(ledger.months[i]),
        contacts: ledger.contacts[i],
        runningCost: ledger.runningCost[i],
      })),
    );
    return { channels: ledgerChannels, newChannels, from, to };
  }

  /** Computed once per data version (and month: the business cases' rates depend on it). */
  async ledger(from: Month, to: Month, channelKey: string | null = null): Promise<Ledger> {
    return this.memo.get(`ledger|${from}|${to}|${channelKey}|${monthOf(new Date())}`, async () =>
      computeLedger(await this.input(from, to, channelKey)),
    );
  }

  /**
   * The channels with totals together (the finance dashboard's organisation figure), once per
   * data version. Only these totals are kept: the ledger they come from holds every pilot's
   * months, tens of megabytes at 2 000 pilots, which no page shows here.
   */
  async organisationTotals(from: Month, to: Month, everyPilot?: Pilot[]): Promise<LedgerTotals> {
    return this.memo.get(
      `organisation|${from}|${to}|${monthOf(new Date())}`,
      async () => computeLedger(await this.input(from, to, null, true, everyPilot)).all,
    );
  }

  /**
   * Every pilot's overlaps with others (channel-ledger.md), by pilot id. Cheap enough for the
   * portfolio's signals: only channels that two pilots past the idea stage relieve are read, and
   * of those only the volumes logged from each pilot's start month. Computed once per data
   * version. `everyPilot`: the whole portfolio, when the caller has read it already.
   */
  overlapsByPilot(everyPilot?: Pilot[]): Promise<ReadonlyMap<number, PilotOverlap[]>> {
    return this.memo.get('overlaps', () => this.overlapsOfAll(everyPilot));
  }

  private async overlapsOfAll(everyPilot?: Pilot[]): Promise<Map<number, PilotOverlap[]>> {
    const result = new Map<number, PilotOverlap[]>();
    const pilots = (everyPilot ?? (await this.pilots.list({}))).filter(
      (p) => p.stage !== 'idea' && p.startMonth,
    );
    const onChannel = groupBy(
      pilots.flatMap((pilot) => pilot.affectedChannels.map((channel) => ({ pilot, channel }))),
      (x) => x.channel.id,
    );
    const pairs = [...onChannel.values()].filter((list) => list.length > 1);
    if (!pairs.length) return result;
    const [wholeScopes, totals] = await Promise.all([
      this.plans.wholeScopesOf(),
      this.totals.volumes(),
    ]);
    const wholeSet = new Set(wholeScopes.map((w) => `${w.pilotId}|${w.channelId}`));
    const scopeOf = (pilotId: number, channelId: number) =>
      wholeSet.has(`${pilotId}|${channelId}`) ? ('whole' as const) : ('segment' as const);
    // Two segments can be shown to overlap only against the channel's totals; without totals only
    // a whole-channel scope overlaps. Channels where neither can happen are not read further.
    const totalled = new Set(totals.map((t) => t.channelId));
    const hasWhole = (list: (typeof pairs)[number]) =>
      list.some((x) => scopeOf(x.pilot.id, x.channel.id) === 'whole');
    const shared = pairs.filter((list) => totalled.has(list[0].channel.id) || hasWhole(list));
    if (!shared.length) return result;
    const idsOf = (list: (typeof pairs)[number]) => list.map((x) => x.pilot.id);
    // Whole-channel scopes (rare) need every volume of their channel; segments only the months
    // where twice the largest volume holds more than the channel's total.
    const whole = shared.filter(hasWhole);
    const segmented = shared.filter((list) => !hasWhole(list));
    const totalOf = new Map(totals.map((t) => [`${t.channelId}|${t.month}`, t.volume]));
    const largest = await this.results.largestVolumesOf(
      segmented.map((list) => list[0].channel.id),
    );
    // (No whole-channel scope: no channel asked, nothing read.)
    const rows = await this.results.volumesOf(
      [...new Set(whole.flatMap(idsOf))],
      whole.map((list) => list[0].channel.id),
    );
    for (const list of segmented) {
      const channelId = list[0].channel.id;
      const months = largest
        .filter((r) => {
          const total = totalOf.get(`${r.channelId}|${r.month}`);
          return r.channelId === channelId && total !== undefined && 2 * r.volume > total;
        })
        .map((r) => r.month);
      if (months.length)
        rows.push(...(await this.results.volumesOf(idsOf(list), [channelId], months)));
    }
    const rowsOf = groupBy(rows, (r) => `${r.pilotId}|${r.channelId}`);
    const bySlug = new Map(pilots.map((p) => [p.slug, p]));
    for (const list of shared) {
      const channel = list[0].channel;
      const overlaps = overlapsOf({
        key: channel.key,
        name: channel.name,
        totals: totals
          .filter((t) => t.channelId === channel.id)
          .map((t) => ({
            month: t.month,
            volume: t.volume,
            desired: null,
            undesired: null,
            unnecessary: null,
          })),
        rates: [],
        pinnedMethod: null,
        pilots: list.map(({ pilot }) => {
          return {
            slug: pilot.slug,
            name: pilot.name,
            pastIdea: true,
            scope: scopeOf(pilot.id, channel.id),
            scopeDescription: null,
            startMonth: pilot.startMonth!,
            months: (rowsOf.get(`${pilot.id}|${channel.id}`) ?? [])
              .filter((r) => r.month >= pilot.startMonth!)
              .map((r) => ({ month: r.month, volume: r.volume, claimed: 0, measured: null })),
          };
        }),
      });
      for (const o of overlaps) {
        const [p, q] = o.pilots.map((slug) => bySlug.get(slug)!);
        for (const [me, other] of [
          [p, q],
          [q, p],
        ])
          (result.get(me.id) ?? result.set(me.id, []).get(me.id)!).push({
            other: { slug: other.slug, name: other.name },
            channel: { key: channel.key, name: channel.name },
            months: o.months,
            reason: o.reason,
          });
      }
    }
    return result;
  }
}
