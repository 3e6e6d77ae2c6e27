import { t } from '../i18n/translate';
import { Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { ownerAtRegistration } from '../accounts/permissions';
import { PlanService } from '../business-case/plan.service';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormOf, showForm, submitForm, Submitted } from '../common/forms';
import { RegisterPilotDto } from '../pilots/dto/pilot-form.dto';
import { PilotFormPresenter } from '../pilots/pilot-form.presenter';
import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { ReadinessService } from '../readiness/readiness.service';

/**
 * "New pilot like this one": registers a pilot that starts from an earlier one — its purposes,
 * segments, channels and scopes, plan assumptions and checklist applicability; not its results,
 * decisions or people. Here, above the features it copies from, so none of them imports another.
 */
@Controller('pilots/:slug/copy')
export class PilotCopyController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly form: PilotFormPresenter,
    private readonly plans: PlanService,
    private readonly readiness: ReadinessService,
  ) {}

  @Get()
  @PilotRoute()
  @Render('pilots/form')
  show(@RoutePilot() source: Pilot, @Req() req: Request) {
    authorize(req, 'create_pilot');
    return this.form.like(req.user ?? null, source);
  }

  @Post()
  @PilotRoute()
  async create(
    @RoutePilot() source: Pilot,
    @FormOf(RegisterPilotDto) form: Submitted<RegisterPilotDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'create_pilot');
    const actor = actorOf(req);
    await submitForm(
      res,
      form,
      async (dto) => {
        const owner = ownerAtRegistration(req.user ?? null, dto.ownerUserId);
        const pilot = await this.pilots.create(dto, actor, owner, {
          from: source,
          copy: async (em, created) => {
            await this.plans.copyPlan(em, source, created, actor);
            await this.readiness.copyApplicability(em, source, created, actor);
          },
        });
        flash(req, t('pform.registeredLike', { name: pilot.name, source: source.name }));
        return dto.startedIn ? `/pilots/${pilot.slug}/history` : `/pilots/${pilot.slug}`;
      },
      (state) =>
        showForm(
          res,
          'pilots/form',
          state,
          this.form.like(req.user ?? null, source, form.body, state),
        ),
    );
  }
}
