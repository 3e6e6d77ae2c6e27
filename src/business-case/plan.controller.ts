import { t } from '../i18n/translate';
import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import { Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormOf, showForm, submitForm, Submitted } from '../common/forms';
import type { Pilot } from '../pilots/pilot.entity';
import {
  channelShares,
  type ChannelShares,
  PLAN_FORM,
  type PlanFormDto,
} from './dto/plan-form.dto';
import { PlanPresenter } from './plan.presenter';
import { PlanService } from './plan.service';

@Controller('pilots/:slug/plan')
export class PlanController {
  constructor(
    private readonly plans: PlanService,
    private readonly presenter: PlanPresenter,
  ) {}

  @Get()
  @PilotRoute('edit_pilot')
  @Render('business-case/plan')
  form(@RoutePilot() pilot: Pilot) {
    return this.presenter.stored(pilot);
  }

  @Post()
  @PilotRoute('edit_pilot')
  async save(
    @RoutePilot() pilot: Pilot,
    @FormOf(PLAN_FORM) form: Submitted<PlanFormDto & ChannelShares>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        const shares = channelShares(
          dto,
          pilot.affectedChannels.map((c) => c.id),
        );
        await this.plans.save(pilot, dto, shares, actorOf(req));
        flash(req, t('plan.saved'));
        return `/pilots/${pilot.slug}/business-case`;
      },
      (state) =>
        showForm(
          res,
          'business-case/plan',
          state,
          this.presenter.sentBack(pilot, form.body, state),
        ),
    );
  }
}
