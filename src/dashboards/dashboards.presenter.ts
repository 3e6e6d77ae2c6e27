import { Injectable } from '@nestjs/common';
import { safeFileName } from '../common/csv';
import { todayIso } from '../common/dates';
import { GatesService } from '../lifecycle/gates.service';
import {
  CHANNEL_TYPE_LABELS,
  CHANNEL_TYPES,
  options,
  STAGE_LABELS,
  STAGES,
} from '../pilots/pilot-fields';
import { PilotsService, PortfolioFilter } from '../pilots/pilots.service';
import { groupByStage } from '../pilots/portfolio';
import { DashboardsService } from './dashboards.service';
import { financeCharts } from './finance-charts';
import { financeCsv, financeTotals, sortRows } from './finance-dashboard';
import { exportLinks, financeColumns, financeQuery, listFilter, queryText } from './finance-page';

const STAGE_OPTIONS = options(STAGES, STAGE_LABELS);
const CHANNEL_TYPE_OPTIONS = options(CHANNEL_TYPES, CHANNEL_TYPE_LABELS);

/** What the portfolio, the dashboard and the finance dashboard show, from their query strings. */
@Injectable()
export class DashboardsPresenter {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly pilots: PilotsService,
    private readonly gates: GatesService,
  ) {}

  /** Every pilot by stage, with its signals; filtered by text, stage, type, department, owner. */
  async pilotList(query: Record<string, unknown>) {
    const filter: PortfolioFilter = {
      ...listFilter(query),
      q: queryText(query.q) ?? '',
      department: queryText(query.department) ?? '',
      owner: queryText(query.owner) ?? '',
    };
    const [pilots, filterOptions] = await Promise.all([
      this.pilots.list(filter),
      this.pilots.filterOptions(),
    ]);
    const filtered = Object.values(filter).some(Boolean);
    const signals = await this.gates.signals(pilots, undefined, filtered ? undefined : pilots);
    const withSignals = pilots.map((pilot) =>
      Object.assign(pilot, { signals: signals.get(pilot.id)?.signals ?? [] }),
    );
    return {
      title: 'Portfolio',
      groups: groupByStage(withSignals, todayIso()).filter(
        (group) => group.pilots.length || !filtered,
      ),
      total: pilots.length,
      filter,
      filtered,
      stages: STAGE_OPTIONS,
      channelTypes: CHANNEL_TYPE_OPTIONS,
      ...filterOptions,
    };
  }

  async dashboard() {
    return { title: 'Dashboard', ...(await this.dashboards.portfolio()), today: todayIso() };
  }

  /** The finance dashboard; `invalid` when the month range cannot be used (the page says why). */
  async finance(query: Record<string, unknown>) {
    const parsed = financeQuery(query);
    const { filter, range, sort, dir, errors } = parsed;
    const [{ rows, organisation }, filterOptions] = await Promise.all([
      this.dashboards.finance(filter, range),
      this.pilots.filterOptions(),
    ]);
    const sorted = sortRows(rows, sort, dir);
    return {
      invalid: Object.keys(errors).length > 0,
      title: 'Finance dashboard',
      rows: sorted,
      totals: financeTotals(rows),
      organisation,
      charts: financeCharts(sorted),
      columns: financeColumns(parsed),
      filter: { ...filter, from: queryText(query.from), to: queryText(query.to) },
      range,
      fieldErrors: errors,
      filtered: Boolean(
        filter.stage || filter.channelType || filter.department || range.from || range.to,
      ),
      ...exportLinks(parsed),
      stages: STAGE_OPTIONS,
      channelTypes: CHANNEL_TYPE_OPTIONS,
      departments: filterOptions.departments,
    };
  }

  /** The finance table as a CSV file, or the fields that stop it. */
  async financeExport(query: Record<string, unknown>) {
    const { filter, range, sort, dir, errors } = financeQuery(query);
    if (Object.keys(errors).length) return { errors };
    const { rows, organisation } = await this.dashboards.finance(filter, range);
    const span = [range.from ?? 'start', range.to ?? todayIso().slice(0, 7)].join('-to-');
    const excel = query.format === 'excel-nl';
    return {
      fileName: safeFileName(`finance-dashboard-${span}${excel ? '-excel' : ''}.csv`),
      csv: financeCsv(
        sortRows(rows, sort, dir),
        range,
        excel ? 'excel-nl' : 'standard',
        organisation,
      ),
    };
  }
}
