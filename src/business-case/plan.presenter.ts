import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { FormState, formView, SentBack, sentBack } from '../common/forms';
import { centsToInput, decimalComma } from '../common/money';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { BASELINE_METHODS } from './baseline.math';
import { PlanService } from './plan.service';

const percent = (bp: number | null | undefined) =>
  bp === null || bp === undefined ? '' : String(bp / 100);

/** The plan form: as stored, or sent back with its problems (beside what is stored now). */
@Injectable()
export class PlanPresenter {
  constructor(
    private readonly pilots: PilotsService,
    private readonly plans: PlanService,
  ) {}

  async stored(pilot: Pilot) {
    return planForm(pilot, sentBack(await this.storedValues(pilot)));
  }

  async sentBack(pilot: Pilot, typed: Record<string, unknown>, state: FormState) {
    if (state.status !== 409) return planForm(pilot, sentBack(typed, state));
    const now = await this.pilots.get(pilot.slug);
    const stored = await this.storedValues(now);
    const fields = Object.keys(stored).filter((f) => f !== 'version' && !f.includes('_'));
    return planForm(now, sentBack(typed, state, stored, fields));
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
      values[`scope_${share.channelId}`] = share.scope;
      values[`scopeText_${share.channelId}`] = share.scopeDescription ?? '';
    }
    return values;
  }
}

function planForm(pilot: Pilot, form: SentBack) {
  const { values, state } = form;
  return {
    title: t('plan.title', { name: pilot.name }),
    pilot,
    ...formView(form),
    channels: pilot.affectedChannels.map((channel) => ({
      id: channel.id,
      name: channel.name,
      share: values[`share_${channel.id}`] ?? '',
      method: values[`method_${channel.id}`] ?? '',
      shareErrors: state.fieldErrors[`share_${channel.id}`],
      methodErrors: state.fieldErrors[`method_${channel.id}`],
      scope: values[`scope_${channel.id}`] || 'segment',
      scopeText: values[`scopeText_${channel.id}`] ?? '',
      scopeErrors: [
        ...(state.fieldErrors[`scope_${channel.id}`] ?? []),
        ...(state.fieldErrors[`scopeText_${channel.id}`] ?? []),
      ],
      // A segment nobody described: the channel ledger cannot tell whether pilots overlap.
      scopeMissing:
        (values[`scope_${channel.id}`] || 'segment') === 'segment' &&
        !values[`scopeText_${channel.id}`] &&
        values[`share_${channel.id}`] !== undefined &&
        values[`share_${channel.id}`] !== '',
    })),
    methods: BASELINE_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) })),
  };
}
