import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { safeFileName } from '../common/csv';
import { daysBetween, todayIso } from '../common/dates';
import { GatesService } from '../lifecycle/gates.service';
import {
  CHANNEL_TYPE_LABELS,
  CHANNEL_TYPES,
  options,
  STAGE_LABELS,
  STAGES,
} from '../pilots/pilot-fields';
import { PilotsService, PortfolioFilter } from '../pilots/pilots.service';
import { DashboardsService } from './dashboards.service';
import { financeCharts } from './finance-charts';
import { financeCsv, financeTotals, sortRows } from './finance-dashboard';
import {
  exportLinks,
  financeColumns,
  financePageLink,
  financeQuery,
  listFilter,
  queryText,
} from './finance-page';
import {
  pageOf,
  pagerOf,
  pagePortfolio,
  portfolioHeadings,
  portfolioLink,
  portfolioOrder,
  sortPortfolio,
} from './portfolio-page';

// Made per request: the labels are in the reader's language.
const stageOptions = () => options(STAGES, STAGE_LABELS);
const channelTypeOptions = () => options(CHANNEL_TYPES, CHANNEL_TYPE_LABELS);

/** Reviews the dashboard lists; the portfolio sorted by review date has the rest. */
const REVIEWS_SHOWN = 20;

/** What the portfolio, the dashboard and the finance dashboard show, from their query strings. */
@Injectable()
export class DashboardsPresenter {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly pilots: PilotsService,
    private readonly gates: GatesService,
  ) {}

  /**
   * The pilots by stage, a page of 50 at a time, with their signals (computed for the page's
   * pilots only); filtered by text, stage, type, department, owner; sorted within each stage by
   * name, days in the stage or next review.
   */
  async pilotList(query: Record<string, unknown>) {
    const filter: PortfolioFilter = {
      ...listFilter(query),
      q: queryText(query.q) ?? '',
      department: queryText(query.department) ?? '',
      owner: queryText(query.owner) ?? '',
    };
    const order = portfolioOrder(query);
    const [pilots, filterOptions] = await Promise.all([
      this.pilots.list(filter),
      this.pilots.filterOptions(),
    ]);
    const filtered = Object.values(filter).some(Boolean);
    const today = todayIso();
    const sorted = sortPortfolio(
      pilots.map((pilot) =>
        Object.assign(pilot, {
          daysInStage: Math.max(0, daysBetween(pilot.stageEnteredOn, today)),
        }),
      ),
      order,
    );
    const shown = pagePortfolio(sorted, order.page);
    const signals = await this.gates.signals(
      shown.pilots,
      undefined,
      filtered ? undefined : pilots,
    );
    const withSignals = shown.pilots.map((pilot) =>
      Object.assign(pilot, { signals: signals.get(pilot.id)?.signals ?? [] }),
    );
    const here = { ...order, page: shown.page };
    const links = filter as Record<string, string | undefined>;
    return {
      title: t('portfolio.title'),
      groups: STAGES.map((stage) => ({
        stage,
        total: sorted.filter((pilot) => pilot.stage === stage).length,
        pilots: withSignals.filter((pilot) => pilot.stage === stage),
      })).filter((group) => group.pilots.length || (!filtered && shown.pages === 1)),
      total: pilots.length,
      pager: pagerOf(shown, (page) => portfolioLink(links, here, { page })),
      headings: portfolioHeadings(links, here),
      order: here,
      filter,
      filtered,
      stages: stageOptions(),
      channelTypes: channelTypeOptions(),
      ...filterOptions,
    };
  }

  /** The dashboard: every pilot at a glance 50 a page, the next reviews up to REVIEWS_SHOWN. */
  async dashboard(query: Record<string, unknown>) {
    const dashboard = await this.dashboards.portfolio();
    const shown = pagePortfolio(dashboard.rows, pageOf(query));
    return {
      title: t('dashboard.title'),
      ...dashboard,
      rows: shown.pilots,
      pager: pagerOf(shown, (page) => (page > 1 ? `/dashboard?page=${page}` : '/dashboard')),
      reviews: dashboard.reviews.slice(0, REVIEWS_SHOWN),
      moreReviews: Math.max(0, dashboard.reviews.length - REVIEWS_SHOWN),
      today: todayIso(),
    };
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
    // 50 pilots a page; the totals, and the organisation's figure, are the whole filter's.
    const shown = pagePortfolio(sorted, parsed.page);
    return {
      invalid: Object.keys(errors).length > 0,
      title: t('finance.title'),
      rows: shown.pilots,
      totals: financeTotals(rows),
      organisation,
      charts: financeCharts(shown.pilots),
      pager: pagerOf(shown, (page) => financePageLink(parsed, page)),
      columns: financeColumns(parsed),
      filter: { ...filter, from: queryText(query.from), to: queryText(query.to) },
      range,
      fieldErrors: errors,
      filtered: Boolean(
        filter.stage || filter.channelType || filter.department || range.from || range.to,
      ),
      ...exportLinks(parsed),
      stages: stageOptions(),
      channelTypes: channelTypeOptions(),
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
