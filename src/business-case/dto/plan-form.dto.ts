import { IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsPlanMonth } from '../../common/validators';
import { ToBasisPoints, ToCents, ToInt, ToPercent, TrimToNull } from '../../common/form-transforms';

const euros = { message: 'Give an amount in euros, such as 1250 or 1.250,00.' };
const notNegative = { message: 'An amount cannot be negative.' };
const whole = { message: 'Give a whole number.' };

/** The plan form's fixed fields; the per-channel shares are read beside it (plan.service.ts). */
export class PlanFormDto {
  @TrimToNull()
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, {
    message: 'Give the start month as YYYY-MM, such as 2026-03.',
  })
  @IsPlanMonth()
  startMonth: string | null = null;

  @ToInt()
  @IsOptional()
  @IsInt(whole)
  @Min(0, { message: 'Cannot be negative.' })
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
  @IsInt({ message: 'Give the horizon as a whole number of months.' })
  @Min(1, { message: 'The horizon must be 1 to 120 months.' })
  @Max(120, { message: 'The horizon must be 1 to 120 months.' })
  horizonMonths: number = 36;

  @ToBasisPoints()
  @IsOptional()
  @IsInt({ message: 'Give a percentage with at most two decimals, such as 12,5.' })
  @Min(1, { message: 'Coverage must be more than 0 % and at most 100 %.' })
  @Max(10000, { message: 'Coverage must be more than 0 % and at most 100 %.' })
  coverageBp: number | null = null;

  @ToCents()
  @IsOptional()
  @IsInt(euros)
  @Min(0, notNegative)
  fixedCostAtScaleCents: number | null = null;

  @ToInt()
  @IsOptional()
  @IsInt(whole)
  @Min(0, { message: 'Cannot be negative.' })
  minMonthlyVolume: number | null = null;

  @ToPercent()
  @IsOptional()
  @IsNumber(
    { maxDecimalPlaces: 1 },
    { message: 'A percentage with at most one decimal, such as 82,5.' },
  )
  @Min(0, { message: 'A percentage from 0 to 100.' })
  @Max(100, { message: 'A percentage from 0 to 100.' })
  targetCsat: number | null = null;

  @ToPercent()
  @IsOptional()
  @IsNumber(
    { maxDecimalPlaces: 1 },
    { message: 'A percentage with at most one decimal, such as 82,5.' },
  )
  @Min(0, { message: 'A percentage from 0 to 100.' })
  @Max(100, { message: 'A percentage from 0 to 100.' })
  targetFcr: number | null = null;

  @ToInt()
  @IsOptional()
  @IsInt(whole)
  @Min(0, { message: 'Cannot be negative.' })
  targetResponseSeconds: number | null = null;

  /** 0 when the pilot has no plan yet. */
  @ToInt()
  @IsInt({ message: 'The form is missing its version; reload the page.' })
  version: number;
}
