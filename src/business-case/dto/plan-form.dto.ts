import { msg } from '../../i18n/translate';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
} from 'class-validator';
import { SCOPE_KINDS, type ScopeKind } from '../business-case.types';
import { BASELINE_METHODS, type BaselineMethod } from '../baseline.math';
import { shareErrors } from '../plan-rules';
import { IsPlanMonth } from '../../common/validators';
import { ToBasisPoints, ToCents, ToInt, ToPercent, TrimToNull } from '../../common/form-transforms';

const euros = { message: msg('valid.giveAnAmountInEurosSuch2') };
const notNegative = { message: msg('valid.anAmountCannotBeNegative') };
const whole = { message: msg('valid.giveAWholeNumber') };

/** The plan form's fixed fields; the per-channel shares are read beside it (plan.service.ts). */
export class PlanFormDto {
  @TrimToNull()
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, {
    message: msg('valid.giveTheStartMonthAsYyyy2'),
  })
  @IsPlanMonth()
  startMonth: string | null = null;

  @ToInt()
  @IsOptional()
  @IsInt(whole)
  @Min(0, { message: msg('valid.cannotBeNegative') })
  expectedMonthlyContacts: number | null = null;

  @ToCents()
  @IsOptional()
  @IsInt(euros)
  @Min(0, notNegative)
  investmentCents: number | null = null;

  @ToCents()
  @IsOptional()
  @IsInt(euros)
  @Min(0, notNegative)
  monthlyFixedCostCents: number | null = null;

  @ToCents()
  @IsOptional()
  @IsInt(euros)
  @Min(0, notNegative)
  variableCostPerContactCents: number | null = null;

  @ToCents()
  @IsOptional()
  @IsInt(euros)
  @Min(0, notNegative)
  expectedMonthlyMarginCents: number | null = null;

  @ToInt()
  @IsInt({ message: msg('valid.giveTheHorizonAsAWhole') })
  @Min(1, { message: msg('valid.theHorizonMustBe1To') })
  @Max(120, { message: msg('valid.theHorizonMustBe1To') })
  horizonMonths: number = 36;

  @ToBasisPoints()
  @IsOptional()
  @IsInt({ message: msg('valid.giveAPercentageWithAtMost') })
  @Min(1, { message: msg('valid.coverageMustBeMoreThan0') })
  @Max(10000, { message: msg('valid.coverageMustBeMoreThan0') })
  coverageBp: number | null = null;

  @ToCents()
  @IsOptional()
  @IsInt(euros)
  @Min(0, notNegative)
  fixedCostAtScaleCents: number | null = null;

  @ToInt()
  @IsOptional()
  @IsInt(whole)
  @Min(0, { message: msg('valid.cannotBeNegative') })
  minMonthlyVolume: number | null = null;

  @ToPercent()
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 }, { message: msg('valid.aPercentageWithAtMostOne') })
  @Min(0, { message: msg('valid.aPercentageFrom0To100') })
  @Max(100, { message: msg('valid.aPercentageFrom0To100') })
  targetCsat: number | null = null;

  @ToPercent()
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 }, { message: msg('valid.aPercentageWithAtMostOne') })
  @Min(0, { message: msg('valid.aPercentageFrom0To100') })
  @Max(100, { message: msg('valid.aPercentageFrom0To100') })
  targetFcr: number | null = null;

  @ToInt()
  @IsOptional()
  @IsInt(whole)
  @Min(0, { message: msg('valid.cannotBeNegative') })
  targetResponseSeconds: number | null = null;

  /** 0 when the pilot has no plan yet. */
  @ToInt()
  @IsInt({ message: msg('valid.theFormIsMissingItsVersion') })
  version: number;
}

/**
 * The whole plan form of a pilot: the fixed fields above, and per affected channel its share
 * (`share_12`, a percentage) and pinned baseline method (`method_12`). Made once per set of
 * channels and kept, so its validation metadata is registered once per shape.
 */
const shapes = new Map<string, new () => PlanFormDto & ChannelShares>();

export type ChannelShares = Record<
  `share_${number}` | `method_${number}` | `scope_${number}` | `scopeText_${number}`,
  unknown
>;

/** The plan form of the route's pilot (`@FormOf(PLAN_FORM)`). */
export const PLAN_FORM = {
  of(req: { pilot?: unknown }) {
    const pilot = req.pilot as { affectedChannels: Array<{ id: number }> };
    return planFormDto(pilot.affectedChannels.map((c) => c.id));
  },
};

export function planFormDto(channelIds: number[]): new () => PlanFormDto & ChannelShares {
  const key = channelIds.join(',');
  const known = shapes.get(key);
  if (known) return known;
  const shape = class PlanForm extends PlanFormDto {} as unknown as new () => PlanFormDto &
    ChannelShares;
  const share = { message: msg('valid.aShareMustBeAPercentage') };
  for (const id of channelIds) {
    const field = `share_${id}`;
    ToBasisPoints()(shape.prototype, field);
    IsOptional()(shape.prototype, field);
    IsInt(share)(shape.prototype, field);
    Min(0, share)(shape.prototype, field);
    Max(10_000, share)(shape.prototype, field);
    const method = `method_${id}`;
    TrimToNull()(shape.prototype, method);
    IsOptional()(shape.prototype, method);
    IsIn(BASELINE_METHODS, { message: msg('valid.chooseABaselineMethodFromThe') })(
      shape.prototype,
      method,
    );
    // The pilot's scope on the channel, for the channel ledger: whole, or a described segment.
    const scope = `scope_${id}`;
    TrimToNull()(shape.prototype, scope);
    IsOptional()(shape.prototype, scope);
    IsIn(SCOPE_KINDS, { message: msg('valid.chooseTheWholeChannelOrA') })(shape.prototype, scope);
    const scopeText = `scopeText_${id}`;
    TrimToNull()(shape.prototype, scopeText);
    IsOptional()(shape.prototype, scopeText);
    MaxLength(500, { message: msg('valid.describeTheSegmentInAtMost') })(
      shape.prototype,
      scopeText,
    );
  }
  // The shares together: at most 100 % (the message sits above the channels' fields).
  registerDecorator({
    name: 'sharesAtMostWhole',
    target: shape,
    propertyName: 'shares',
    options: {
      message: ({ object }) => shareErrors(sharesOf(object as ChannelShares, channelIds)).shares[0],
    },
    validator: {
      validate: (_value: unknown, args) =>
        !shareErrors(sharesOf(args!.object as ChannelShares, channelIds)).shares,
    },
  });
  shapes.set(key, shape);
  return shape;
}

/** The shares the form gives, in basis points by channel; empty or unreadable ones count 0. */
function sharesOf(form: ChannelShares, channelIds: number[]): Record<number, number> {
  return Object.fromEntries(
    channelIds.map((id) => {
      const bp = form[`share_${id}`];
      return [id, typeof bp === 'number' && Number.isInteger(bp) ? bp : 0];
    }),
  );
}

/** The channels' shares and methods as the plan stores them. */
export function channelShares(form: ChannelShares, channelIds: number[]): ShareInput[] {
  return channelIds.map((id) => {
    const scope = (form[`scope_${id}`] as ScopeKind | null | undefined) ?? 'segment';
    return {
      channelId: id,
      shareBp: (form[`share_${id}`] as number | null | undefined) ?? null,
      baselineMethod: (form[`method_${id}`] as BaselineMethod | null | undefined) ?? null,
      scope,
      // A whole channel needs no description.
      scopeDescription:
        scope === 'whole' ? null : ((form[`scopeText_${id}`] as string | null | undefined) ?? null),
    };
  });
}

/** One affected channel's line of the plan: share, pinned method, the pilot's scope on it. */
export interface ShareInput {
  channelId: number;
  shareBp: number | null;
  baselineMethod: BaselineMethod | null;
  scope: ScopeKind;
  scopeDescription: string | null;
}
