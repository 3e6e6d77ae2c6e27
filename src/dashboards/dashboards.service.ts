import { Injectable } from '@nestjs/common';
import { CaseSummariesService } from '../business-case/case-summaries.service';
import type { MonthRange } from '../business-case/business-case.math';
import { todayIso } from '../common/dates';
import { GatesService } from '../lifecycle/gates.service';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService, PortfolioFilter } from '../pilots/pilots.service';
import { financeRow, FinanceRow, type OrganisationFigures } from './finance-dashboard';
import { addMonths, monthOf } from '../common/months';
import { MAX_LEDGER_MONTHS } from '../ledger/ledger-rules';
import { LedgerService } from '../ledger/ledger.service';
import { PortfolioDashboard, portfolioDashboard } from './portfolio-dashboard';
import { VersionedMemo } from '../database/versioned-memo';

/**
 * Reads what the dashboards show: every pilot's business case from the summary cache (see
 * CaseSummariesService), recomputed in one pass only for pilots whose inputs changed.
 */
@Injectable()
export class DashboardsService {
  constructor(
    private readonly pilots: PilotsService,
    private readonly gates: GatesService,
    private readonly caseSummaries: CaseSummariesService,
    private readonly ledger: LedgerService,
    private readonly memo: VersionedMemo,
  ) {}

  /** Computed once per data version and day. */
  portfolio(today = todayIso()): Promise<PortfolioDashboard> {
    return this.memo.get(`dashboard|${today}`, async () => {
      const pilots = await this.pilots.list({});
      return portfolioDashboard(pilots, await this.gates.signals(pilots, today, pilots), today);
    });
  }

  /**
   * The finance dashboard's rows, and the organisation's own figure beside them. The whole
   * portfolio is read once: the overlaps and the organisation's figure look across all of it.
   * Computed once per data version, day, filter and range, whoever asks.
   */
  finance(
    filter: PortfolioFilter,
    range: MonthRange,
  ): Promise<{ rows: FinanceRow[]; organisation: OrganisationFigures }> {
    return this.memo.get(`finance|${JSON.stringify([filter, range])}|${todayIso()}`, () =>
      this.computeFinance(filter, range),
    );
  }

  private async computeFinance(
    filter: PortfolioFilter,
    range: MonthRange,
  ): Promise<{ rows: FinanceRow[]; organisation: OrganisationFigures }> {
    const everyPilot = await this.pilots.list({});
    const pilots = filtered(filter) ? await this.pilots.list(filter) : everyPilot;
    const [summaries, overlaps, organisation] = await Promise.all([
      this.caseSummaries.summaries(pilots, new Date(), range),
      this.ledger.overlapsByPilot(everyPilot),
      this.organisation(range, everyPilot),
    ]);
    return {
      rows: pilots.map((pilot) =>
        financeRow(pilot, summaries.get(pilot.id)!, overlaps.get(pilot.id) ?? []),
      ),
      organisation,
    };
  }

  /**
   * The organisation's own realised savings over the filter's months (by default from the first
   * pilot's start to this month, at most the ledger's ten years), from the channel ledger.
   */
  private async organisation(range: MonthRange, everyPilot: Pilot[]): Promise<OrganisationFigures> {
    const current = monthOf(new Date());
    const to = range.to && range.to < current ? range.to : current;
    const starts = everyPilot
      .map((p) => p.startMonth)
      .filter((m): m is string => m !== null)
      .sort();
    const earliest = addMonths(to, -(MAX_LEDGER_MONTHS - 1));
    const wanted = range.from ?? starts[0] ?? addMonths(to, -11);
    const from = wanted < earliest ? earliest : wanted > to ? to : wanted;
    const all = await this.ledger.organisationTotals(from, to, everyPilot);
    return {
      from,
      to,
      channels: all.channels,
      realised: all.orgDisplacedEuros,
      gap: all.gapEuros,
      gapFlagged: all.gapFlagged,
    };
  }
}

/** Whether a filter leaves pilots out (then the overlaps are looked up across all of them). */
const filtered = (filter: PortfolioFilter) => Object.values(filter).some(Boolean);
