import { IsIn, IsString, Length } from 'class-validator';
import { ToInt, Trim } from '../../common/form-transforms';

/** How long a new token may live, in days; 90 unless its maker chooses otherwise. */
export const TOKEN_LIFETIMES = [30, 90, 180, 365] as const;
export const DEFAULT_TOKEN_DAYS = 90;

/** A personal API token: what it is for, and for how many days it stays valid. */
export class TokenFormDto {
  @Trim()
  @IsString()
  @Length(2, 80, { message: 'Name the token (2 to 80 characters), e.g. "finance export".' })
  name: string;

  @ToInt()
  @IsIn(TOKEN_LIFETIMES, {
    message: `Choose how long it stays valid: ${TOKEN_LIFETIMES.join(', ')} days.`,
  })
  validFor: number = DEFAULT_TOKEN_DAYS;
}
