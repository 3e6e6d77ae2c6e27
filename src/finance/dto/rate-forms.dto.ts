import { IsInt, Matches, Max, Min } from 'class-validator';
import { ToCents, ToInt, Trim } from '../../common/form-transforms';
import { monthOutside, planMonthBounds } from '../../common/months';
import { IsPlanMonth } from '../../common/validators';

const COST = 'Give the cost per contact in euros above zero, such as 6,50.';
const RATE = 'Give the annual rate as a percentage from 0 to 100, such as 8 or 7,5.';

/** A rate's first month: a month, within the months a plan may name. */
function EffectiveFrom(): PropertyDecorator {
  return (target, property) => {
    const key = property as string;
    Trim()(target, key);
    Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Give the month as YYYY-MM.' })(target, key);
    IsPlanMonth({
      message: (args) => `${monthOutside(String(args.value), planMonthBounds())}.`,
    })(target, key);
  };
}

/** Finance's form: a channel's cost per contact from a month on. */
export class CostRateDto {
  @ToInt()
  @IsInt({ message: 'Choose a channel.' })
  @Min(1, { message: 'Choose a channel.' })
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
