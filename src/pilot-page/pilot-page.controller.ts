import { t } from '../i18n/translate';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import { Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormOf, FormState, showForm, submitForm, Submitted } from '../common/forms';
import { AcceptConflictDto, StageStepDto, StopPilotDto } from '../lifecycle/dto/stage-step.dto';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { STAGE_LABELS } from '../pilots/pilot-fields';
import { CommentsService } from '../comments/comments.service';
import { CommentFormDto } from '../comments/dto/comment-form.dto';
import { type PageForms, PilotPagePresenter } from './pilot-page.presenter';

const VIEW = 'pilot-page/show';

/** The pilot's page, and the moves its owner (or the board) makes from it. */
@Controller('pilots/:slug')
export class PilotPageController {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly presenter: PilotPagePresenter,
    private readonly comments: CommentsService,
  ) {}

  @Get()
  @PilotRoute()
  @Render(VIEW)
  show(@RoutePilot() pilot: Pilot, @Req() req: Request) {
    return this.presenter.page(pilot.slug, req.user ?? null);
  }

  @Post('stage')
  @PilotRoute('edit_pilot')
  async step(
    @RoutePilot() pilot: Pilot,
    @FormOf(StageStepDto) form: Submitted<StageStepDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.lifecycle.stepStage(pilot.slug, dto, actorOf(req));
        flash(req, t('pilot.movedTo', { stage: STAGE_LABELS[dto.toStage].toLowerCase() }));
        return `/pilots/${pilot.slug}`;
      },
      this.pageWith(res, req, pilot, 'step', form.body),
    );
  }

  @Post('stop')
  @PilotRoute('stop_pilot')
  async stop(
    @RoutePilot() pilot: Pilot,
    @FormOf(StopPilotDto) form: Submitted<StopPilotDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.lifecycle.stop(pilot.slug, dto, actorOf(req));
        flash(req, t('pilot.stopped'));
        return `/pilots/${pilot.slug}`;
      },
      this.pageWith(res, req, pilot, 'stop', form.body),
    );
  }

  /** A comment on the pilot: the discussion around its decisions, kept with it. */
  @Post('comments')
  @PilotRoute('comment')
  async comment(
    @RoutePilot() pilot: Pilot,
    @FormOf(CommentFormDto) form: Submitted<CommentFormDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        const saved = await this.comments.add(pilot, req.user!, dto.text, actorOf(req));
        flash(req, t('pilot.commentAdded'));
        return `/pilots/${pilot.slug}#comment-${saved.id}`;
      },
      this.pageWith(res, req, pilot, 'comment', form.body),
    );
  }

  @Post('strategy-conflict')
  @PilotRoute('accept_conflict')
  async acceptConflict(
    @RoutePilot() pilot: Pilot,
    @FormOf(AcceptConflictDto) form: Submitted<AcceptConflictDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.lifecycle.acceptConflict(pilot.slug, dto, actorOf(req));
        flash(req, t('pilot.conflictAccepted'));
        return `/pilots/${pilot.slug}`;
      },
      this.pageWith(res, req, pilot, 'accept', form.body),
    );
  }

  /** The pilot's page again with one of its forms sent back: its messages and what was typed. */
  private pageWith(
    res: Response,
    req: Request,
    pilot: Pilot,
    name: keyof PageForms,
    body: unknown,
  ) {
    return (state: FormState) =>
      showForm(
        res,
        VIEW,
        state,
        this.presenter.sentBack(pilot.slug, req.user ?? null, name, state, body),
      );
  }
}
