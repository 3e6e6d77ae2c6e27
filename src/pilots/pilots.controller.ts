import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { Actor, can } from '../accounts/permissions';
import { ChannelsService } from '../channels/channels.service';
import { actorOf } from '../common/actor';
import { daysBetween, todayIso } from '../common/dates';
import { flash } from '../common/flash';
import { FormState, readForm, STALE_EDIT_SUMMARY, storedBeside, submitForm } from '../common/forms';
import { PilotFormDto, UpdatePilotDto } from './dto/pilot-form.dto';
import { StageStepDto, StopPilotDto } from './dto/stage-step.dto';
import {
  CHANNEL_TYPE_LABELS,
  CHANNEL_TYPES,
  options,
  PURPOSE_LABELS,
  PURPOSES,
  SERVICE_STRATEGIES,
  SERVICE_STRATEGY_LABELS,
  STAGE_LABELS,
  STAGES,
} from './pilot-fields';
import { Pilot } from './pilot.entity';
import { PilotsService, PortfolioFilter } from './pilots.service';
import { groupByStage } from './portfolio';
import { DecisionsService } from '../decisions/decisions.service';
import { GatesService } from '../gates/gates.service';
import { canStop } from './stage-rules';
import { strategyFit } from './strategy-fit';

const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 200) : '');

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
    private readonly gates: GatesService,
    private readonly decisions: DecisionsService,
  ) {}

  @Get()
  home(@Res() res: Response): void {
    res.redirect('/dashboard');
  }

  @Get('pilots')
  async portfolio(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const filter: PortfolioFilter = {
      q: text(query.q),
      stage: STAGES.find((stage) => stage === query.stage),
      channelType: CHANNEL_TYPES.find((type) => type === query.channelType),
      department: text(query.department),
      owner: text(query.owner),
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
    res.render('pilots/index', {
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
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'create_pilot');
    await submitForm(
      res,
      async () => {
        const dto = await readForm(PilotFormDto, body);
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
      (state) => this.renderForm(res, null, body, state),
    );
  }

  @Get('pilots/:slug')
  async show(
    @Param('slug') slug: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderPilot(req, res, slug);
  }

  @Get('pilots/:slug/edit')
  async editForm(
    @Param('slug') slug: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const pilot = await this.pilots.get(slug);
    authorize(req, 'edit_pilot', pilot);
    await this.renderForm(res, pilot, {
      ...pilot,
      affectedChannelIds: pilot.affectedChannels.map((c) => c.id),
    });
  }

  @Post('pilots/:slug')
  async update(
    @Param('slug') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const pilot = await this.pilots.get(slug);
    authorize(req, 'edit_pilot', pilot);
    await submitForm(
      res,
      async () => {
        const saved = await this.pilots.update(
          slug,
          await readForm(UpdatePilotDto, body),
          actorOf(req),
          can(req.user ?? null, 'assign_owner'),
        );
        flash(req, 'Changes saved.');
        return `/pilots/${saved.slug}`;
      },
      async (state) => {
        if (state.status !== 409) return this.renderForm(res, pilot, body, state);
        // Stale: keep what the user typed, show what is stored now beside it, and carry the
        // current version so that saving again replaces it knowingly.
        const now = await this.pilots.get(slug);
        await this.renderForm(
          res,
          now,
          { ...body, version: now.version },
          { ...state, summary: STALE_EDIT_SUMMARY },
          storedBeside(body, { ...now }, PILOT_TEXT_FIELDS),
        );
      },
    );
  }

  @Post('pilots/:slug/stage')
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
        await this.pilots.stepStage(slug, dto, actorOf(req));
        flash(req, `Moved to ${STAGE_LABELS[dto.toStage].toLowerCase()}.`);
        return `/pilots/${slug}`;
      },
      (state) => this.renderPilot(req, res, slug, { step: state }),
    );
  }

  @Post('pilots/:slug/stop')
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
        await this.pilots.stop(slug, await readForm(StopPilotDto, body), actorOf(req));
        flash(req, 'The pilot is stopped; its lessons learned are kept.');
        return `/pilots/${slug}`;
      },
      (state) => this.renderPilot(req, res, slug, { stop: { ...state, values: body } }),
    );
  }

  @Post('pilots/:slug/strategy-conflict')
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
        const note = typeof body.note === 'string' ? body.note.trim() : '';
        await this.pilots.acceptConflict(slug, note, actorOf(req));
        flash(req, 'The strategy conflict is accepted; the scale-up gate counts it as met.');
        return `/pilots/${slug}`;
      },
      (state) => this.renderPilot(req, res, slug, { accept: { ...state, values: body } }),
    );
  }

  private async renderPilot(
    req: Request,
    res: Response,
    slug: string,
    forms: {
      step?: FormState;
      stop?: FormState & { values: unknown };
      accept?: FormState & { values: unknown };
    } = {},
  ): Promise<void> {
    const pilot = await this.pilots.get(slug);
    const history = await this.pilots.history(pilot.id);
    const [{ subject, next, signals }, decisions, conditions] = await Promise.all([
      this.gates.nextGate(pilot),
      this.decisions.timeline(pilot.id),
      this.decisions.conditions(pilot.id),
    ]);
    res
      .status(forms.step?.status ?? forms.stop?.status ?? forms.accept?.status ?? 200)
      .render('pilots/show', {
        title: pilot.name,
        pilot,
        history,
        daysInStage: Math.max(0, daysBetween(pilot.stageEnteredOn, todayIso())),
        fit: strategyFit(pilot.serviceStrategy, pilot.channelType),
        next,
        readiness: subject.readiness,
        itLevel: subject.itLevel,
        signals,
        decisions,
        openConditions: conditions.filter((c) => !c.clearedAt),
        canStop: canStop(pilot.stage),
        stepForm: forms.step,
        stopForm: forms.stop,
        acceptForm: forms.accept,
        mayEdit: can(req.user ?? null, 'edit_pilot', pilot),
        mayStop: can(req.user ?? null, 'stop_pilot', pilot),
        mayAccept: can(req.user ?? null, 'accept_conflict', pilot),
      });
  }

  private async renderForm(
    res: Response,
    pilot: Pilot | null,
    values: object,
    state: FormState = { status: 200, summary: '', fieldErrors: {} },
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
