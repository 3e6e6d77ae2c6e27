import { t } from '../i18n/translate';
import { PilotRoute, RoutePilot } from './pilot-route';
import { Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { can, ownerAtRegistration } from '../accounts/permissions';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormOf, showForm, submitForm, Submitted } from '../common/forms';
import { RegisterPilotDto, UpdatePilotDto } from './dto/pilot-form.dto';
import { formatMonth } from '../common/months';
import { Pilot } from './pilot.entity';
import { PilotFormPresenter } from './pilot-form.presenter';
import { PilotsService } from './pilots.service';

@Controller()
export class PilotsController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly form: PilotFormPresenter,
  ) {}

  @Get('pilots/new')
  @Render('pilots/form')
  newForm(@Req() req: Request) {
    authorize(req, 'create_pilot');
    return this.form.blank(req.user ?? null);
  }

  @Post('pilots')
  async create(
    @FormOf(RegisterPilotDto) form: Submitted<RegisterPilotDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'create_pilot');
    await submitForm(
      res,
      form,
      async (dto) => {
        const owner = ownerAtRegistration(req.user ?? null, dto.ownerUserId);
        const pilot = await this.pilots.create(dto, actorOf(req), owner);
        if (!dto.startedIn) {
          flash(req, t('pform.registeredIdea', { name: pilot.name }));
          return `/pilots/${pilot.slug}`;
        }
        // A pilot that was running already goes on to its history: the stages it went through.
        flash(
          req,
          t('pform.registeredStarted', { name: pilot.name, month: formatMonth(dto.startedIn) }),
        );
        return `/pilots/${pilot.slug}/history`;
      },
      (state) =>
        showForm(
          res,
          'pilots/form',
          state,
          this.form.sentBack(req.user ?? null, null, form.body, state),
        ),
    );
  }

  @Get('pilots/:slug/edit')
  @PilotRoute('edit_pilot')
  @Render('pilots/form')
  editForm(@RoutePilot() pilot: Pilot, @Req() req: Request) {
    return this.form.stored(req.user ?? null, pilot);
  }

  @Post('pilots/:slug')
  @PilotRoute('edit_pilot')
  async update(
    @RoutePilot() pilot: Pilot,
    @FormOf(UpdatePilotDto) form: Submitted<UpdatePilotDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const user = req.user ?? null;
    await submitForm(
      res,
      form,
      async (dto) => {
        const saved = await this.pilots.update(
          pilot.slug,
          dto,
          actorOf(req),
          can(user, 'assign_owner'),
        );
        flash(req, t('pform.saved'));
        return `/pilots/${saved.slug}`;
      },
      (state) =>
        showForm(res, 'pilots/form', state, this.form.sentBack(user, pilot, form.body, state)),
    );
  }
}
