import { Heavy } from '../web/heavy-requests';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { GatesService } from '../lifecycle/gates.service';
import { groupByStage } from '../pilots/portfolio';
import type { Response } from 'express';
import { safeFileName } from '../common/csv';
import { todayIso } from '../common/dates';
import {
  CHANNEL_TYPE_LABELS,
  CHANNEL_TYPES,
  options,
  STAGE_LABELS,
  STAGES,
} from '../pilots/pilot-fields';
import { PilotsService, PortfolioFilter } from '../pilots/pilots.service';
import { DashboardsService } from './dashboards.service';
import {
  financeCsv,
  financeTotals,
  isSortKey,
  monthRange,
  SortKey,
  sortRows,
} from './finance-dashboard';
import { financeCharts } from './finance-charts';

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined;

/** The portfolio, its dashboard and finance's overview: read by everyone signed in. */
@Controller()
export class DashboardsController {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly pilots: PilotsService,
    private readonly gates: GatesService,
  ) {}

  @Get()
  home(@Res() res: Response): void {
    res.redirect('/dashboard');
  }

  /** Every pilot by stage, with its signals; filtered by text, stage, type, department, owner. */
  @Get('pilots')
  async pilotList(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const filter: PortfolioFilter = {
      q: text(query.q) ?? '',
      stage: STAGES.find((stage) => stage === query.stage),
      channelType: CHANNEL_TYPES.find((type) => type === query.channelType),
      department: text(query.department) ?? '',
      owner: text(query.owner) ?? '',
    };
    const [pilots, filterOptions] = await Promise.all([
      this.pilots.list(filter),
      this.pilots.filterOptions(),
    ]);
    const filtered = Object.values(filter).some(Boolean);
    const signals = await this.gates.signals(pilots);
    const withSignals = pilots.map((pilot) =>
      Object.assign(pilot, { signals: signals.get(pilot.id)?.signals ?? [] }),
    );
    const groups = groupByStage(withSignals, todayIso()).filter(
      (group) => group.pilots.length || !filtered,
    );
    res.render('dashboards/pilots', {
      title: 'Portfolio',
      groups,
      total: pilots.length,
      filter,
      filtered,
      stages: options(STAGES, STAGE_LABELS),
      channelTypes: options(CHANNEL_TYPES, CHANNEL_TYPE_LABELS),
      ...filterOptions,
    });
  }

  @Get('dashboard')
  @Heavy()
  async portfolio(@Res() res: Response): Promise<void> {
    const dashboard = await this.dashboards.portfolio();
    res.render('dashboards/portfolio', {
      title: 'Dashboard',
      ...dashboard,
      today: todayIso(),
    });
  }

  @Get('finance/dashboard')
  @Heavy()
  async finance(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const { filter, range, sort, dir, errors } = this.financeQuery(query);
    const [rows, filterOptions] = await Promise.all([
      this.dashboards.finance(filter, range),
      this.pilots.filterOptions(),
    ]);
    const sorted = sortRows(rows, sort, dir);
    const params = new URLSearchParams(
      Object.entries({ ...filter, from: range.from, to: range.to }).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
    const link = (extra: Record<string, string>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(extra)) next.set(key, value);
      return `?${next.toString()}`;
    };
    const sortLink = (key: SortKey, label: string) => {
      const active = key === sort;
      return {
        key,
        label,
        href: link({ sort: key, dir: active && dir === 'asc' ? 'desc' : 'asc' }),
        ariaSort: active ? (dir === 'asc' ? 'ascending' : 'descending') : null,
      };
    };
    // Ten columns fit a laptop: the stage sits under the pilot's name and the waterbed ratio
    // under its gap, each still sortable by a second link in the heading.
    const columns = (
      [
        ['name', 'Pilot', ['stage', 'stage']],
        ['contacts', 'Contacts'],
        ['claimed', 'Claimed savings'],
        ['realised', 'Realised savings'],
        ['waterbed', 'Waterbed gap', ['ratio', 'ratio']],
        ['net', 'Net benefit'],
        ['roi', 'ROI to date'],
        ['npv', 'NPV'],
        ['payback', 'Payback'],
        ['proven', 'Proven'],
      ] as Array<[SortKey, string, [SortKey, string]?]>
    ).map(([key, label, also]) => {
      const main = sortLink(key, label);
      const second = also ? sortLink(...also) : null;
      return {
        ...main,
        also: second,
        numeric: !['name', 'payback', 'proven'].includes(key),
        ariaSort: main.ariaSort ?? second?.ariaSort ?? null,
      };
    });
    res.status(Object.keys(errors).length ? 400 : 200).render('dashboards/finance', {
      title: 'Finance dashboard',
      rows: sorted,
      totals: financeTotals(rows),
      charts: financeCharts(sorted),
      columns,
      filter: { ...filter, from: text(query.from), to: text(query.to) },
      range,
      fieldErrors: errors,
      filtered: Boolean(
        filter.stage || filter.channelType || filter.department || range.from || range.to,
      ),
      csvHref: `/finance/dashboard.csv?${new URLSearchParams([...params, ['sort', sort], ['dir', dir]]).toString()}`,
      excelHref: `/finance/dashboard.csv?${new URLSearchParams([...params, ['sort', sort], ['dir', dir], ['format', 'excel-nl']]).toString()}`,
      stages: options(STAGES, STAGE_LABELS),
      channelTypes: options(CHANNEL_TYPES, CHANNEL_TYPE_LABELS),
      departments: filterOptions.departments,
    });
  }

  @Get('finance/dashboard.csv')
  @Heavy()
  async financeExport(
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const { filter, range, sort, dir, errors } = this.financeQuery(query);
    if (Object.keys(errors).length) {
      res.status(400).json({
        statusCode: 400,
        message: 'The filter has fields that cannot be used.',
        errors,
      });
      return;
    }
    const rows = sortRows(await this.dashboards.finance(filter, range), sort, dir);
    const span = [range.from ?? 'start', range.to ?? todayIso().slice(0, 7)].join('-to-');
    res.type('text/csv; charset=utf-8');
    const excel = query.format === 'excel-nl';
    res
      .attachment(safeFileName(`finance-dashboard-${span}${excel ? '-excel' : ''}.csv`))
      .send(financeCsv(rows, range, excel ? 'excel-nl' : 'standard'));
  }

  /** The filter, month range and sort of the finance dashboard, each checked against its list. */
  private financeQuery(query: Record<string, unknown>) {
    const range = monthRange(query.from, query.to);
    return {
      filter: {
        stage: STAGES.find((stage) => stage === query.stage),
        channelType: CHANNEL_TYPES.find((type) => type === query.channelType),
        department: text(query.department),
      },
      range: { from: range.from, to: range.to },
      errors: range.errors,
      sort: isSortKey(query.sort) ? query.sort : ('name' as SortKey),
      dir: query.dir === 'desc' ? ('desc' as const) : ('asc' as const),
    };
  }
}
