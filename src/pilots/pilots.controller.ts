import { PilotRoute, RoutePilot } from './pilot-route';
import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { Actor, can } from '../accounts/permissions';
import { ChannelsService } from '../channels/channels.service';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import {
  EMPTY_FORM,
  FormState,
  STALE_EDIT_SUMMARY,
  storedBeside,
  submitForm,
  FormOf,
  Submitted,
} from '../common/forms';
import { PilotFormDto, UpdatePilotDto } from './dto/pilot-form.dto';
import {
  CHANNEL_TYPE_LABELS,
  CHANNEL_TYPES,
  options,
  PURPOSE_LABELS,
  PURPOSES,
  SERVICE_STRATEGIES,
  SERVICE_STRATEGY_LABELS,
} from './pilot-fields';
import { Pilot } from './pilot.entity';
import { PilotsService } from './pilots.service';

/** The pilot form's free-text fields: shown beside the user's input after a stale edit. */
const PILOT_TEXT_FIELDS = [
  'name',
  'slug',
  'description',
  'targetContactTypes',
  'scope',
  'controlScope',
  'ownerDepartment',
  'sponsor',
  'itContact',
  'operationsLead',
  'financeController',
  'nextReviewDate',
] as const;

@Controller()
export class PilotsController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly channels: ChannelsService,
  ) {}

  @Get('pilots/new')
  async newForm(@Req() req: Request, @Res() res: Response): Promise<void> {
    authorize(req, 'create_pilot');
    await this.renderForm(res, null, {
      serviceStrategy: 'standard',
      purposes: [],
      affectedChannelIds: [],
    });
  }

  @Post('pilots')
  async create(
    @FormOf(PilotFormDto) form: Submitted<PilotFormDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'create_pilot');
    await submitForm(
      res,
      form,
      async (dto) => {
        // An admin chooses the owner's account; a channel owner who registers it owns it.
        const owner = can(req.user ?? null, 'assign_owner')
          ? dto.ownerUserId
          : req.user?.roles.includes('owner')
            ? req.user.id
            : null;
        const pilot = await this.pilots.create(dto, actorOf(req), owner);
        flash(req, `Pilot "${pilot.name}" registered as an idea.`);
        return `/pilots/${pilot.slug}`;
      },
      (state) => this.renderForm(res, null, form.body, state),
    );
  }

  @Get('pilots/:slug/edit')
  @PilotRoute('edit_pilot')
  async editForm(
    @RoutePilot() pilot: Pilot,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderForm(res, pilot, {
      ...pilot,
      affectedChannelIds: pilot.affectedChannels.map((c) => c.id),
    });
  }

  @Post('pilots/:slug')
  @PilotRoute('edit_pilot')
  async update(
    @RoutePilot() pilot: Pilot,
    @FormOf(UpdatePilotDto) form: Submitted<UpdatePilotDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        const saved = await this.pilots.update(
          pilot.slug,
          dto,
          actorOf(req),
          can(req.user ?? null, 'assign_owner'),
        );
        flash(req, 'Changes saved.');
        return `/pilots/${saved.slug}`;
      },
      async (state) => {
        if (state.status !== 409) return this.renderForm(res, pilot, form.body, state);
        // Stale: keep what the user typed, show what is stored now beside it, and carry the
        // current version so that saving again replaces it knowingly.
        const now = await this.pilots.get(pilot.slug);
        await this.renderForm(
          res,
          now,
          { ...form.body, version: now.version },
          { ...state, summary: STALE_EDIT_SUMMARY },
          storedBeside(form.body, { ...now }, PILOT_TEXT_FIELDS),
        );
      },
    );
  }

  private async renderForm(
    res: Response,
    pilot: Pilot | null,
    values: object,
    state: FormState = EMPTY_FORM,
    current: Record<string, string> = {},
  ): Promise<void> {
    const mayAssignOwner = can(res.locals.user as Actor | null, 'assign_owner');
    const [channels, owners] = await Promise.all([
      this.channels.list(),
      mayAssignOwner ? this.pilots.ownerAccounts() : [],
    ]);
    const chosen = (values as { affectedChannelIds?: unknown }).affectedChannelIds;
    const ownerUserId = (values as { ownerUserId?: unknown }).ownerUserId;
    res.status(state.status).render('pilots/form', {
      title: pilot ? `Edit ${pilot.name}` : 'New pilot',
      pilot,
      action: pilot ? `/pilots/${pilot.slug}` : '/pilots',
      values,
      summary: state.summary,
      conflict: state.status === 409,
      fieldErrors: state.fieldErrors,
      storedNow: current,
      mayAssignOwner,
      owners: owners.map((u) => ({ value: String(u.id), label: u.name })),
      ownerChoice: ownerUserId === null || ownerUserId === undefined ? '' : String(ownerUserId),
      channelTypes: options(CHANNEL_TYPES, CHANNEL_TYPE_LABELS),
      purposes: options(PURPOSES, PURPOSE_LABELS),
      strategies: options(SERVICE_STRATEGIES, SERVICE_STRATEGY_LABELS),
      channels: channels
        .filter((c) => c.active || pilot?.affectedChannels.some((own) => own.id === c.id))
        .map((c) => ({
          id: c.id,
          name: c.name,
          active: c.active,
          checked: [chosen].flat().map(String).includes(String(c.id)),
        })),
    });
  }
}
