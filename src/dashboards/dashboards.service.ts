import { Injectable } from '@nestjs/common';
import { CaseSummariesService } from '../business-case/case-summaries.service';
import type { MonthRange } from '../business-case/business-case.math';
import { todayIso } from '../common/dates';
import { GatesService } from '../lifecycle/gates.service';
import { PilotsService, PortfolioFilter } from '../pilots/pilots.service';
import { financeRow, FinanceRow } from './finance-dashboard';
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
  ) {}

  async portfolio(today = todayIso()): Promise<PortfolioDashboard> {
    const pilots = await this.pilots.list({});
    return portfolioDashboard(pilots, await this.gates.signals(pilots, today), today);
  }

  async finance(filter: PortfolioFilter, range: MonthRange): Promise<FinanceRow[]> {
    const pilots = await this.pilots.list(filter);
    const summaries = await this.caseSummaries.summaries(pilots, new Date(), range);
    return pilots.map((pilot) => financeRow(pilot, summaries.get(pilot.id)!));
  }
}
