import { Injectable } from '@nestjs/common';
import { BusinessCaseService } from '../business-case/business-case.service';
import { ChannelsService } from '../channels/channels.service';
import { ChannelTotalsService } from '../channels/channel-totals.service';
import { DomainError } from '../common/domain-error';
import { groupBy } from '../common/group-by';
import type { Month } from '../common/months';
import { FinanceService } from '../finance/finance.service';
import { PilotsService } from '../pilots/pilots.service';
import { computeLedger } from './ledger.math';
import type { Ledger, LedgerChannelInput, LedgerInput, NewChannelMonth } from './ledger.types';

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
    private readonly cases: BusinessCaseService,
  ) {}

  async input(from: Month, to: Month, channelKey: string | null = null): Promise<LedgerInput> {
    const [pilots, channels, totals] = await Promise.all([
      this.pilots.list({}),
      this.channels.list(),
      this.totals.all(),
    ]);
    if (channelKey && !channels.some((c) => c.key === channelKey))
      throw new DomainError('bad_request', `There is no channel "${channelKey.slice(0, 40)}".`, {
        channel: [`Unknown channel; known: ${channels.map((c) => c.key).join(', ')}.`],
      });
    const [reports, rates] = await Promise.all([
      this.cases.reports(pilots),
      this.finance.costRatesOf(channels.map((c) => c.id)),
    ]);
    const totalsOf = groupBy(totals, (t) => t.channelId);
    const ratesOf = groupBy(rates, (r) => r.channelId);
    const inRange = (month: Month) => month >= from && month <= to;
    const computed = pilots.flatMap((pilot) => {
      const report = reports.get(pilot.id);
      return report?.result && report.input ? [{ pilot, report, result: report.result }] : [];
    });

    const ledgerChannels: LedgerChannelInput[] = channels
      .filter((c) => !channelKey || c.key === channelKey)
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
        pinnedMethod: null,
        pilots: computed.flatMap(({ pilot, report, result }) => {
          const input = report.input!.channels.find((c) => c.key === channel.key);
          if (!input) return [];
          return [
            {
              slug: pilot.slug,
              name: pilot.name,
              pastIdea: pilot.stage !== 'idea',
              scope: input.scope ?? 'segment',
              scopeDescription: input.scopeDescription ?? null,
              startMonth: report.input!.startMonth,
              months: result.months
                .filter((m) => inRange(m.month))
                .flatMap((m) => {
                  const c = m.channels.find((x) => x.key === channel.key);
                  return c
                    ? [
                        {
                          month: m.month,
                          volume: c.volume,
                          claimed: c.claimedContacts,
                          measured: c.evidence === 'baseline' ? c.displaced : null,
                        },
                      ]
                    : [];
                }),
            },
          ];
        }),
      }))
      // A channel with neither totals nor pilots has nothing to show.
      .filter((c) => c.totals.length || c.pilots.length);

    const newChannels: NewChannelMonth[] = computed.flatMap(({ pilot, result }) =>
      result.months
        .filter((m) => inRange(m.month))
        .map((m) => ({
          pilotSlug: pilot.slug,
          month: m.month,
          contacts: m.contacts,
          runningCost: m.runningCost,
        })),
    );
    return { channels: ledgerChannels, newChannels, from, to };
  }

  async ledger(from: Month, to: Month, channelKey: string | null = null): Promise<Ledger> {
    return computeLedger(await this.input(from, to, channelKey));
  }
}
