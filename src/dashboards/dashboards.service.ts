import { Injectable } from '@nestjs/common';
import { BusinessCaseService } from '../business-case/business-case.service';
import { SignoffsService } from '../business-case/signoffs.service';
import { CaseSummariesService } from '../business-case/case-summaries.service';
import { summarise } from '../business-case/case-summary';
import type { MonthRange } from '../business-case/business-case.math';
import { todayIso } from '../common/dates';
import { GatesService } from '../gates/gates.service';
import { PilotsService, PortfolioFilter } from '../pilots/pilots.service';
import { financeRow, FinanceRow } from './finance-dashboard';
import { PortfolioDashboard, portfolioDashboard } from './portfolio-dashboard';

/**
 * Reads what the dashboards show. Every pilot's figures come from a fixed number of queries
 * (see BusinessCaseService.reports), whatever the size of the portfolio.
 */
@Injectable()
export class DashboardsService {
  constructor(
    private readonly pilots: PilotsService,
    private readonly gates: GatesService,
    private readonly businessCases: BusinessCaseService,
    private readonly signoffs: SignoffsService,
    private readonly caseSummaries: CaseSummariesService,
  ) {}

  async portfolio(today = todayIso()): Promise<PortfolioDashboard> {
    const pilots = await this.pilots.list({});
    return portfolioDashboard(pilots, await this.gates.signals(pilots, today), today);
  }

  async finance(filter: PortfolioFilter, range: MonthRange): Promise<FinanceRow[]> {
    const pilots = await this.pilots.list(filter);
    if (range.from === null && range.to === null) {
      const summaries = await this.caseSummaries.summaries(pilots);
      return pilots.map((pilot) => financeRow(pilot, summaries.get(pilot.id)!));
    }
    // A month range sums other months than the cached totals: computed for this request.
    const reports = await this.businessCases.reports(pilots, { range });
    const statuses = await this.signoffs.statusesOf([...reports.values()]);
    return pilots.map((pilot) =>
      financeRow(pilot, summarise(reports.get(pilot.id)!, statuses.get(pilot.id) ?? [])),
    );
  }
}
