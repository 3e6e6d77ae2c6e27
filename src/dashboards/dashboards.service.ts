import { Injectable } from '@nestjs/common';
import { CaseSummariesService } from '../business-case/case-summaries.service';
import type { MonthRange } from '../business-case/business-case.math';
import { todayIso } from '../common/dates';
import { GatesService } from '../lifecycle/gates.service';
import { PilotsService, PortfolioFilter } from '../pilots/pilots.service';
import { financeRow, FinanceRow, type OrganisationFigures } from './finance-dashboard';
import { addMonths, monthOf } from '../common/months';
import { MAX_LEDGER_MONTHS } from '../ledger/ledger-rules';
import { LedgerService } from '../ledger/ledger.service';
import { PortfolioDashboard, portfolioDashboard } from './portfolio-dashboard';

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
  ) {}

  async portfolio(today = todayIso()): Promise<PortfolioDashboard> {
    const pilots = await this.pilots.list({});
    return portfolioDashboard(pilots, await this.gates.signals(pilots, today, pilots), today);
  }

  async finance(filter: PortfolioFilter, range: MonthRange): Promise<FinanceRow[]> {
    const pilots = await this.pilots.list(filter);
    const [summaries, overlaps] = await Promise.all([
      this.caseSummaries.summaries(pilots, new Date(), range),
      this.ledger.overlapsByPilot(filtered(filter) ? undefined : pilots),
    ]);
    return pilots.map((pilot) =>
      financeRow(pilot, summaries.get(pilot.id)!, overlaps.get(pilot.id) ?? []),
    );
  }

  /**
   * The organisation's own realised savings over the filter's months (by default from the first
   * pilot's start to this month, at most the ledger's ten years), from the channel ledger.
   */
  async organisation(range: MonthRange): Promise<OrganisationFigures> {
    const current = monthOf(new Date());
    const to = range.to && range.to < current ? range.to : current;
    const starts = (await this.pilots.list({}))
      .map((p) => p.startMonth)
      .filter((m): m is string => m !== null)
      .sort();
    const earliest = addMonths(to, -(MAX_LEDGER_MONTHS - 1));
    const wanted = range.from ?? starts[0] ?? addMonths(to, -11);
    const from = wanted < earliest ? earliest : wanted > to ? to : wanted;
    const { all } = await this.ledger.ledger(from, to, null, true);
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
