import { IsInt, IsString, Length, Min } from 'class-validator';
import { ToCents, Trim } from '../../common/form-transforms';
import { IsIsoDate } from '../../common/validators';

const AMOUNT = { message: 'Give an amount in euros above zero, such as 25.000,00.' };

/** A one-off investment in the pilot: when, how much, what for. */
export class InvestmentFormDto {
  @Trim()
  @IsIsoDate({ message: 'Give the date as YYYY-MM-DD.' })
  investedOn: string;

  /** In cents. */
  @ToCents()
  @IsInt(AMOUNT)
  @Min(1, AMOUNT)
  amount: number;

  @Trim()
  @IsString()
  @Length(3, 200, { message: 'Say what it was for, in 3 to 200 characters.' })
  description: string;
}
