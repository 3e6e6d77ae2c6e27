import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { type Actor, can } from '../accounts/permissions';
import { monthOf } from '../common/months';
import { displacementChart, pictureChart, volumeChart } from './ledger.charts';
import { ledgerRange, monthSpans, pilotsShown } from './ledger-rules';
import { LedgerService } from './ledger.service';
import type { Ledger, Overlap } from './ledger.types';

/** The channel ledger page: the organisation's totals against the pilots' claims. */
@Injectable()
export class LedgerPresenter {
  constructor(private readonly ledgers: LedgerService) {}

  async page(query: { from?: unknown; to?: unknown }, user: Actor | null) {
    const range = ledgerRange(query, monthOf(new Date()));
    const ledger = await this.ledgers.ledger(range.from, range.to);
    return {
      title: t('ledger.title'),
      range,
      rangeValues: {
        from: range.errors.from ? String(query.from ?? '') : range.from,
        to: range.errors.to ? String(query.to ?? '') : range.to,
      },
      mayEnter: can(user, 'enter_totals'),
      ...ledgerView(ledger),
    };
  }
}

/** The ledger in the page's terms: names for slugs, words for overlaps, charts with tables. */
export function ledgerView(ledger: Ledger) {
  const names = new Map<string, string>();
  for (const c of ledger.channels) {
    names.set(c.key, c.name);
    for (const p of c.pilots) names.set(p.slug, p.name);
  }
  const overlapWords = (o: Overlap) => ({
    ...o,
    channelName: names.get(o.channel) ?? o.channel,
    names: o.pilots.map((slug) => ({ slug, name: names.get(slug) ?? slug })),
    monthsText: monthSpans(o.months),
    reasonText: t(o.reason === 'whole_channel' ? 'ledger.overlapWhole' : 'ledger.overlapSegments'),
  });
  const picture = ledger.picture;
  const channels = ledger.channels.map((c) => ({
    ...c,
    missingText: monthSpans(c.missingTotals),
    overlaps: c.overlaps.map(overlapWords),
    charts: c.orgDisplaced ? [volumeChart(c), displacementChart(c)] : [volumeChart(c)],
    ...pilotsShown(c.pilots),
    monthRows: c.months.map((m) => ({
      ...m,
      unmeasuredNames: m.unmeasured.map((slug) => names.get(slug) ?? slug).join(', '),
    })),
  }));
  const pictureChartOf = picture.months.length ? pictureChart(picture, names) : null;
  return {
    ledger,
    // Every chart of the page (the layout loads Chart.js when there is one).
    charts: [...channels.flatMap((c) => c.charts), ...(pictureChartOf ? [pictureChartOf] : [])],
    overlaps: ledger.overlaps.map(overlapWords),
    flagged: ledger.channels.filter((c) => c.gapFlagged).map((c) => c.name),
    channels,
    picture: {
      ...picture,
      channelNames: picture.channels.map((key) => names.get(key) ?? key),
      rows: picture.months.map((m) => {
        const mix = m.desired !== null || m.undesired !== null || m.unnecessary !== null;
        const split = (m.desired ?? 0) + (m.undesired ?? 0) + (m.unnecessary ?? 0);
        return {
          ...m,
          change: picture.preperiod ? m.contacts - picture.preperiod.contacts : null,
          mix:
            mix && split > 0
              ? {
                  desired: (m.desired ?? 0) / split,
                  undesired: (m.undesired ?? 0) / split,
                  unnecessary: (m.unnecessary ?? 0) / split,
                }
              : null,
          shares: Object.entries(m.byChannel).map(([key, contacts]) => ({
            name: names.get(key) ?? key,
            share: m.contacts ? contacts / m.contacts : null,
          })),
        };
      }),
      chart: pictureChartOf,
    },
  };
}
