import { msg } from '../../i18n/translate';
import { IsInt, IsString, Length, Min } from 'class-validator';
import { ToCents, Trim } from '../../common/form-transforms';
import { IsIsoDate } from '../../common/validators';

const AMOUNT = { message: msg('valid.giveAnAmountInEurosAbove') };

/** A one-off investment in the pilot: when, how much, what for. */
export class InvestmentFormDto {
  @Trim()
  @IsIsoDate({ message: msg('valid.giveTheDateAsYyyyMm') })
  investedOn: string;

  /** In cents. */
  @ToCents()
  @IsInt(AMOUNT)
  @Min(1, AMOUNT)
  amount: number;

  @Trim()
  @IsString()
  @Length(3, 200, { message: msg('valid.sayWhatItWasForIn') })
  description: string;
}
