import { t } from '../i18n/translate';
import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { assertResultMonth } from '../common/months';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { MetricsImportService } from '../results/import/metrics-import.service';
import { monthJson, readMonthJson } from '../results/month-json-rules';
import { ResultsService } from '../results/results.service';
import { ApiProblems } from './api-docs';
import { ApiLimitsService } from './api-limits.service';
import { ApiRateLimitGuard } from './api-rate-limit.guard';
import {
  FiguresBody,
  FiguresResult,
  MonthResults,
  MonthResultsBody,
  MonthResultsSaved,
  ResultMonths,
} from './dto/results.dto';
import { figuresCsv, importFieldErrors } from './figures-body';
import { jsonObject } from '../common/forms';

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'Any unique text (a UUID): a retry with the same key and body gets the first answer, and nothing is saved twice',
};

/** A pilot's results by month, read and written; batches of figures as the import takes them. */
@ApiTags('results')
@Controller('api/v1')
@UseGuards(ApiRateLimitGuard)
export class ResultsApiController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly results: ResultsService,
    private readonly imports: MetricsImportService,
    private readonly limits: ApiLimitsService,
  ) {}

  @Get('pilots/:slug/results')
  @ApiOperation({ summary: 'Every month with a figure, oldest first, each with its version' })
  @ApiOkResponse({ type: ResultMonths })
  @ApiProblems(404)
  async months(@Param('slug') slug: string): Promise<ResultMonths> {
    const pilot = await this.pilots.get(slug);
    const { monthly, channels } = await this.results.months(pilot.id);
    const months = [...new Set([...monthly, ...channels].map((row) => row.month))].sort();
    return {
      months: months.map((month) =>
        monthJson(
          pilot,
          month,
          monthly.find((row) => row.month === month) ?? null,
          channels.filter((row) => row.month === month),
        ),
      ),
    };
  }

  @Get('pilots/:slug/results/:month')
  @ApiOperation({ summary: 'One month’s figures (empty when none are logged) and its version' })
  @ApiOkResponse({ type: MonthResults })
  @ApiProblems(404)
  async month(@Param('slug') slug: string, @Param('month') month: string): Promise<MonthResults> {
    const pilot = await this.pilots.get(slug);
    assertResultMonth(month);
    const stored = await this.results.month(pilot.id, month);
    return monthJson(pilot, month, stored.monthly, stored.channels);
  }

  @Put('pilots/:slug/results/:month')
  @ApiOperation({
    summary:
      'Replaces one month’s figures whole (a metric left out is emptied), if nobody changed them since the version sent; the pilot’s owner or an admin, with a token that may write',
  })
  @ApiBody({ type: MonthResultsBody })
  @ApiOkResponse({ type: MonthResultsSaved })
  @ApiProblems(400, 403, 404, 409, 413, 422)
  async putMonth(
    @Param('slug') slug: string,
    @Param('month') month: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<MonthResultsSaved> {
    const pilot = await this.pilots.get(slug);
    assertResultMonth(month);
    authorize(req, 'log_results', pilot);
    const read = readMonthJson(jsonObject(body, 'The month is not saved.'), pilot, month);
    if ('errors' in read) throw new DomainError('validation', t('api.monthNotSaved'), read.errors);
    const changed = await this.results.saveMonth(pilot, month, read.values, actorOf(req), (em) =>
      this.assertVersion(em, pilot, month, read.version),
    );
    const stored = await this.results.month(pilot.id, month);
    return { ...monthJson(pilot, month, stored.monthly, stored.channels), changed };
  }

  /** Inside the write: the month is still as the sender read it (the pilot locked meanwhile). */
  private async assertVersion(
    em: Parameters<PilotsService['lock']>[0],
    pilot: Pilot,
    month: string,
    version: string,
  ): Promise<void> {
    await this.pilots.lock(em, pilot.id);
    const stored = await this.results.month(pilot.id, month, em);
    const now = monthJson(pilot, month, stored.monthly, stored.channels).version;
    if (now !== version)
      throw new DomainError(
        'conflict',
        `The month was changed since you read it: its version is now ${now}, not ${version}. Read it again, and send your figures with the new version. Nothing was saved.`,
      );
  }

  @Post('figures')
  @ApiOperation({
    summary:
      'A batch of figures in the import’s long format (pilot, month, metric, channel, value), as JSON or as a CSV body; all or nothing, audited like the import',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiExtraModels(FiguresBody)
  @ApiBody({
    schema: { $ref: getSchemaPath(FiguresBody) },
    description:
      'JSON rows, or the CSV the import page takes (header `pilot,month,metric,channel,value`; `;` with decimal commas also read)',
  })
  @ApiQuery({
    name: 'dry_run',
    required: false,
    schema: { type: 'boolean' },
    description: 'true: check and count only; nothing is saved',
  })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: FiguresResult })
  @ApiProblems(400, 403, 409, 413, 422)
  async figures(
    @Query('dry_run') dryRunText: unknown,
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    authorize(req, 'import_results');
    if (dryRunText !== undefined && dryRunText !== 'true' && dryRunText !== 'false')
      throw new DomainError('bad_request', t('api.figuresUnread'), {
        dry_run: ['true or false.'],
      });
    const dryRun = dryRunText === 'true';
    const answer = await this.limits.once(req, async () => ({
      status: 200,
      body: await this.importFigures(body, req, dryRun),
    }));
    res.status(answer.status);
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    // A refusal the first time is a refusal again, in its own words.
    if (answer.status >= 400) res.type('application/problem+json');
    return answer.body;
  }

  private async importFigures(
    body: unknown,
    req: Request,
    dryRun: boolean,
  ): Promise<FiguresResult> {
    const json = typeof body !== 'string';
    let content: string;
    if (json) {
      const read = figuresCsv(body);
      if ('errors' in read)
        throw new DomainError(
          'validation',
          'Nothing is saved: the batch cannot be read.',
          read.errors,
        );
      content = read.csv;
    } else content = body;
    const user = req.user ?? null;
    const preview = dryRun
      ? await this.imports.preview(content, user)
      : await this.imports.apply(content, actorOf(req), user);
    if (preview.errors.length)
      throw new DomainError(
        'validation',
        `Nothing is saved: ${preview.errors.length === 1 ? 'a figure is' : `${preview.errors.length} figures are`} refused.`,
        importFieldErrors(preview.errors, json),
      );
    return {
      dryRun,
      rows: preview.rows,
      inserted: preview.inserted,
      updated: preview.updated,
      unchanged: preview.unchanged,
      pilots: preview.pilots.map(({ slug, inserted, updated, unchanged, months }) => ({
        slug,
        inserted,
        updated,
        unchanged,
        months,
      })),
      totals: preview.totals,
    };
  }
}
