import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
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
import { centsToInput, decimalComma } from '../common/money';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { BASELINE_METHODS } from './baseline.math';
import {
  channelShares,
  type ChannelShares,
  PLAN_FORM,
  type PlanFormDto,
} from './dto/plan-form.dto';
import { PlanService } from './plan.service';

const percent = (bp: number | null | undefined) =>
  bp === null || bp === undefined ? '' : String(bp / 100);

@Controller('pilots/:slug/plan')
export class PlanController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly plans: PlanService,
  ) {}

  @Get()
  @PilotRoute('edit_pilot')
  async form(@RoutePilot() pilot: Pilot, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.render(res, pilot, await this.storedValues(pilot));
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
        const ids = pilot.affectedChannels.map((c) => c.id);
        await this.plans.save(pilot, dto, channelShares(dto, ids), actorOf(req));
        flash(req, 'Plan saved.');
        return `/pilots/${pilot.slug}/business-case`;
      },
      async (state) => {
        if (state.status !== 409) return this.render(res, pilot, form.body, state);
        // Stale: the user's input stays, what is stored now is shown beside it, and the form
        // carries the current version so that saving again replaces it knowingly.
        const now = await this.pilots.get(pilot.slug);
        const stored = await this.storedValues(now);
        const fields = Object.keys(stored).filter((f) => f !== 'version' && !f.includes('_'));
        this.render(
          res,
          now,
          { ...form.body, version: stored.version },
          { ...state, summary: STALE_EDIT_SUMMARY },
          storedBeside(form.body, stored, fields),
        );
      },
    );
  }

  /** The plan as the form shows it: euros, percentages, the versions to check on save. */
  private async storedValues(pilot: Pilot): Promise<Record<string, unknown>> {
    const { plan, shares } = await this.plans.load(pilot.id);
    const values: Record<string, unknown> = {
      startMonth: pilot.startMonth ?? '',
      expectedMonthlyContacts: plan?.expectedMonthlyContacts ?? '',
      investmentCents: centsToInput(plan?.investmentCents),
      monthlyFixedCostCents: centsToInput(plan?.monthlyFixedCostCents),
      variableCostPerContactCents: centsToInput(plan?.variableCostPerContactCents),
      expectedMonthlyMarginCents: centsToInput(plan?.expectedMonthlyMarginCents),
      horizonMonths: plan?.horizonMonths ?? 36,
      coverageBp: percent(plan?.coverageBp),
      fixedCostAtScaleCents: centsToInput(plan?.fixedCostAtScaleCents),
      minMonthlyVolume: plan?.minMonthlyVolume ?? '',
      targetCsat: decimalComma(plan?.targetCsat),
      targetFcr: decimalComma(plan?.targetFcr),
      targetResponseSeconds: plan?.targetResponseSeconds ?? '',
      version: plan?.version ?? 0,
    };
    for (const share of shares) {
      values[`share_${share.channelId}`] = percent(share.shareBp);
      values[`method_${share.channelId}`] = share.baselineMethod ?? '';
    }
    return values;
  }

  private render(
    res: Response,
    pilot: Pilot,
    values: Record<string, unknown>,
    state: FormState = EMPTY_FORM,
    current: Record<string, string> = {},
  ): void {
    res.status(state.status).render('business-case/plan', {
      title: `Plan · ${pilot.name}`,
      pilot,
      values,
      summary: state.summary,
      conflict: state.status === 409,
      fieldErrors: state.fieldErrors,
      storedNow: current,
      channels: pilot.affectedChannels.map((channel) => ({
        id: channel.id,
        name: channel.name,
        share: values[`share_${channel.id}`] ?? '',
        method: values[`method_${channel.id}`] ?? '',
        shareErrors: state.fieldErrors[`share_${channel.id}`],
        methodErrors: state.fieldErrors[`method_${channel.id}`],
      })),
      methods: BASELINE_METHODS.map((m) => ({ value: m, label: m })),
    });
  }
}
