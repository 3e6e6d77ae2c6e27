import { t } from '../i18n/translate';
import { Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormOf, sentBack, showForm, submitForm, Submitted } from '../common/forms';
import { formatMonth } from '../common/months';
import { STAGE_LABELS } from '../pilots/pilot-fields';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import { PastMoveDto, StartMonthDto } from './dto/history-forms.dto';
import { HistoryPresenter } from './history.presenter';
import { HistoryService } from './history.service';

/** A pilot's history from before the app: recorded by its owner or an admin. */
@Controller('pilots/:slug/history')
export class HistoryController {
  constructor(
    private readonly history: HistoryService,
    private readonly presenter: HistoryPresenter,
  ) {}

  @Get()
  @PilotRoute('edit_pilot')
  @Render('history/form')
  form(@RoutePilot() pilot: Pilot) {
    return this.presenter.page(pilot);
  }

  @Post()
  @PilotRoute('edit_pilot')
  async recordMove(
    @RoutePilot() pilot: Pilot,
    @FormOf(PastMoveDto, 'form.summary.pastMove')
    form: Submitted<PastMoveDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.history.recordMove(pilot.slug, dto, actorOf(req));
        flash(
          req,
          `Recorded: ${STAGE_LABELS[dto.toStage].toLowerCase()} from ${formatMonth(dto.month)}.`,
        );
        return `/pilots/${pilot.slug}/history`;
      },
      (state) =>
        showForm(
          res,
          'history/form',
          state,
          this.presenter.page(pilot, { move: sentBack(form.body, state) }),
        ),
    );
  }

  @Post('start')
  @PilotRoute('edit_pilot')
  async recordStart(
    @RoutePilot() pilot: Pilot,
    @FormOf(StartMonthDto) form: Submitted<StartMonthDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.history.recordStart(pilot.slug, dto, actorOf(req));
        flash(req, t('history.startRecorded', { month: formatMonth(dto.startedIn) }));
        return `/pilots/${pilot.slug}/history`;
      },
      (state) =>
        showForm(
          res,
          'history/form',
          state,
          this.presenter.page(pilot, { start: sentBack(form.body, state) }),
        ),
    );
  }
}
