import { msg, t } from '../../i18n/translate';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { ToCents, ToInt, Trim } from '../../common/form-transforms';
import { monthOutside, planMonthBounds } from '../../common/months';
import { IsPlanMonth } from '../../common/validators';

const COST = msg('valid.costPerContact');
const RATE = msg('valid.annualRate');

/** A rate's first month: a month, within the months a plan may name. */
function EffectiveFrom(): PropertyDecorator {
  return (target, property) => {
    const key = property as string;
    Trim()(target, key);
    Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: msg('valid.giveTheMonthAsYyyyMm2') })(
      target,
      key,
    );
    IsPlanMonth({
      message: (args) =>
        t('valid.monthOutside', { reason: monthOutside(String(args.value), planMonthBounds()) }),
    })(target, key);
  };
}

/** Finance's form: a channel's cost per contact from a month on. */
export class CostRateDto {
  @ToInt()
  @IsInt({ message: msg('valid.chooseAChannel') })
  @Min(1, { message: msg('valid.chooseAChannel') })
  channelId: number;

  @EffectiveFrom()
  effectiveFrom: string;

  /** In cents. */
  @ToCents()
  @IsInt({ message: COST })
  @Min(1, { message: COST })
  amount: number;
}

/** Finance's form: the annual discount rate from a month on. */
export class DiscountRateDto {
  @EffectiveFrom()
  effectiveFrom: string;

  /** In basis points (1 % = 100). */
  @ToCents()
  @IsInt({ message: RATE })
  @Min(0, { message: RATE })
  @Max(10_000, { message: RATE })
  rate: number;
}
