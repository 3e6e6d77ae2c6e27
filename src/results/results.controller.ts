import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import { Controller, Get, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { can } from '../accounts/permissions';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { EMPTY_FORM, FormState, submitForm, FormOf, Submitted } from '../common/forms';
import { InvestmentFormDto } from './dto/investment-form.dto';
import { centsToInput, decimalComma } from '../common/money';
import { isMonth, monthOutside, resultMonthBounds } from '../common/months';
import type { Pilot } from '../pilots/pilot.entity';
import { ChannelResult } from './channel-result.entity';
import {
  CHANNEL_METRIC_COLUMNS,
  CHANNEL_METRICS,
  PILOT_METRIC_COLUMNS,
  PILOT_METRICS,
  type ChannelMetric,
  type PilotMetric,
} from './metrics';
import { MonthlyResult } from './monthly-result.entity';
import { ResultsService } from './results.service';
import { type Figures, metricsFor, MONTH_FORM, monthMode, monthValues } from './dto/month-form.dto';

/** A month results can be logged for: well-formed, not in the future, not before EARLIEST_YEAR. */
function assertMonth(month: string): void {
  if (!isMonth(month) || monthOutside(month, resultMonthBounds()))
    throw DomainError.notFound(`The month "${month.slice(0, 20)}"`);
}

@Controller('pilots/:slug')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('results')
  @PilotRoute()
  async index(
    @RoutePilot() pilot: Pilot,
    @Query('month') month: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const bounds = resultMonthBounds();
    const outside = isMonth(month) ? monthOutside(month, bounds) : null;
    if (isMonth(month) && !outside) return res.redirect(`/pilots/${pilot.slug}/results/${month}`);
    const { monthly, channels } = await this.results.months(pilot.id);
    const months = [...new Set([...monthly.map((m) => m.month), ...channels.map((c) => c.month)])]
      .sort()
      .reverse();
    res.render('results/index', {
      title: `Results · ${pilot.name}`,
      pilot,
      mayLog: can(req.user ?? null, 'log_results', pilot),
      // What was asked is shown again beside its message; the browser's picker knows the bounds.
      askedMonth: typeof month === 'string' ? month.slice(0, 20) : '',
      monthBounds: bounds,
      monthError:
        month === undefined
          ? null
          : outside
            ? `${outside}: results are logged up to the current month.`
            : 'Choose a month as YYYY-MM.',
      rows: months.map((m) => ({
        month: m,
        mode: monthMode(pilot, m),
        contacts: monthly.find((r) => r.month === m)?.contacts ?? null,
        volumes: pilot.affectedChannels.map(
          (c) => channels.find((r) => r.month === m && r.channelId === c.id)?.volume ?? null,
        ),
      })),
    });
  }

  @Get('results/:month')
  @PilotRoute('log_results')
  async monthForm(
    @RoutePilot() pilot: Pilot,
    @Param('month') month: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertMonth(month);
    const stored = await this.results.month(pilot.id, month);
    this.renderMonth(res, pilot, month, valuesOf(pilot, stored.monthly, stored.channels));
  }

  @Post('results/:month')
  @PilotRoute('log_results')
  async saveMonth(
    @RoutePilot() pilot: Pilot,
    @Param('month') month: string,
    @FormOf(MONTH_FORM) form: Submitted<Figures>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertMonth(month);
    await submitForm(
      res,
      form,
      async (dto) => {
        const mode = monthMode(pilot, month);
        const ids = pilot.affectedChannels.map((c) => c.id);
        const values = monthValues(dto, mode, ids);
        const changed = await this.results.saveMonth(pilot, month, values, actorOf(req));
        flash(
          req,
          changed
            ? `${month} saved (${changed} figure${changed === 1 ? '' : 's'} changed).`
            : `${month}: nothing changed.`,
        );
        return `/pilots/${pilot.slug}/results`;
      },
      async (state) => this.renderMonth(res, pilot, month, form.body, state),
    );
  }

  @Get('investments')
  @PilotRoute()
  async investments(
    @RoutePilot() pilot: Pilot,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderInvestments(req, res, pilot, {});
  }

  @Post('investments')
  @PilotRoute('log_results')
  async addInvestment(
    @RoutePilot() pilot: Pilot,
    @FormOf(InvestmentFormDto) form: Submitted<InvestmentFormDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.results.addInvestment(pilot, dto, actorOf(req));
        flash(req, 'Investment added.');
        return `/pilots/${pilot.slug}/investments`;
      },
      (state) => this.renderInvestments(req, res, pilot, form.body, state),
    );
  }

  @Post('investments/:id/delete')
  @PilotRoute('log_results')
  async removeInvestment(
    @RoutePilot() pilot: Pilot,
    @Param(
      'id',
      new ParseIntPipe({ exceptionFactory: () => DomainError.notFound('That investment') }),
    )
    id: number,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.results.removeInvestment(pilot, id, actorOf(req));
    flash(req, 'Investment removed.');
    res.redirect(303, `/pilots/${pilot.slug}/investments`);
  }

  private renderMonth(
    res: Response,
    pilot: Pilot,
    month: string,
    values: Record<string, unknown>,
    state: FormState = EMPTY_FORM,
  ): void {
    const mode = monthMode(pilot, month);
    const wanted = metricsFor(mode);
    const field = (name: string, label: string) => ({
      name,
      label,
      value: values[name] ?? '',
      errors: state.fieldErrors[name],
    });
    res.status(state.status).render('results/month', {
      title: `${month} · ${pilot.name}`,
      pilot,
      month,
      history: mode === 'history',
      summary: state.summary,
      pilotFields: wanted.pilot.map((m) => field(m, PILOT_METRICS[m].label)),
      channelMetrics: wanted.channel.map((m) => CHANNEL_METRICS[m].label),
      channels: pilot.affectedChannels.map((channel) => ({
        name: channel.name,
        fields: wanted.channel.map((m) => ({
          ...field(`${m}_${channel.id}`, `${CHANNEL_METRICS[m].label}, ${channel.name}`),
        })),
      })),
    });
  }

  private async renderInvestments(
    req: Request,
    res: Response,
    pilot: Pilot,
    values: Record<string, unknown>,
    state: FormState = EMPTY_FORM,
  ): Promise<void> {
    const investments = await this.results.investments(pilot.id);
    res.status(state.status).render('results/investments', {
      title: `Investments · ${pilot.name}`,
      pilot,
      mayLog: can(req.user ?? null, 'log_results', pilot),
      investments,
      total: investments.reduce((sum, i) => sum + i.amountCents, 0) / 100,
      values,
      summary: state.summary,
      fieldErrors: state.fieldErrors,
    });
  }
}

/** A stored month as the form's field values (money as euros, empty for absent). */
function valuesOf(
  pilot: Pilot,
  monthly: MonthlyResult | null,
  channels: ChannelResult[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const metric of Object.keys(PILOT_METRIC_COLUMNS) as PilotMetric[]) {
    const value = monthly ? monthly[PILOT_METRIC_COLUMNS[metric]] : null;
    const kind = PILOT_METRICS[metric].kind;
    values[metric] =
      value === null
        ? ''
        : kind === 'money' || kind === 'signed_money'
          ? centsToInput(value)
          : kind === 'percent'
            ? decimalComma(value)
            : value;
  }
  for (const channel of pilot.affectedChannels) {
    const row = channels.find((c) => c.channelId === channel.id);
    for (const metric of Object.keys(CHANNEL_METRIC_COLUMNS) as ChannelMetric[]) {
      const value = row ? row[CHANNEL_METRIC_COLUMNS[metric]] : null;
      values[`${metric}_${channel.id}`] = value ?? '';
    }
  }
  return values;
}
