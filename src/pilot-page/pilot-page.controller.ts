import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormState, readForm, submitForm } from '../common/forms';
import { AcceptConflictDto, StageStepDto, StopPilotDto } from '../lifecycle/dto/stage-step.dto';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { STAGE_LABELS } from '../pilots/pilot-fields';
import { PilotsService } from '../pilots/pilots.service';
import { PilotPagePresenter } from './pilot-page.presenter';

type Forms = {
  step?: FormState;
  stop?: FormState & { values: unknown };
  accept?: FormState & { values: unknown };
};

/** The pilot's page, and the moves its owner (or the board) makes from it. */
@Controller('pilots/:slug')
export class PilotPageController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly lifecycle: LifecycleService,
    private readonly presenter: PilotPagePresenter,
  ) {}

  @Get()
  async show(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    await this.render(req, res, slug);
  }

  @Post('stage')
  async step(
    @Param('slug') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'edit_pilot', await this.pilots.get(slug));
    await submitForm(
      res,
      async () => {
        const dto = await readForm(StageStepDto, body);
        await this.lifecycle.stepStage(slug, dto, actorOf(req));
        flash(req, `Moved to ${STAGE_LABELS[dto.toStage].toLowerCase()}.`);
        return `/pilots/${slug}`;
      },
      (state) => this.render(req, res, slug, { step: state }),
    );
  }

  @Post('stop')
  async stop(
    @Param('slug') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'stop_pilot', await this.pilots.get(slug));
    await submitForm(
      res,
      async () => {
        await this.lifecycle.stop(slug, await readForm(StopPilotDto, body), actorOf(req));
        flash(req, 'The pilot is stopped; its lessons learned are kept.');
        return `/pilots/${slug}`;
      },
      (state) => this.render(req, res, slug, { stop: { ...state, values: body } }),
    );
  }

  @Post('strategy-conflict')
  async acceptConflict(
    @Param('slug') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'accept_conflict');
    await submitForm(
      res,
      async () => {
        const dto = await readForm(AcceptConflictDto, body);
        await this.lifecycle.acceptConflict(slug, dto, actorOf(req));
        flash(req, 'The strategy conflict is accepted; the scale-up gate counts it as met.');
        return `/pilots/${slug}`;
      },
      (state) => this.render(req, res, slug, { accept: { ...state, values: body } }),
    );
  }

  private async render(req: Request, res: Response, slug: string, forms: Forms = {}) {
    const page = await this.presenter.page(slug, req.user ?? null);
    res
      .status(forms.step?.status ?? forms.stop?.status ?? forms.accept?.status ?? 200)
      .render('pilot-page/show', {
        ...page,
        stepForm: forms.step,
        stopForm: forms.stop,
        acceptForm: forms.accept,
      });
  }
}
