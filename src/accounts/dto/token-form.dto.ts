import { msg } from '../../i18n/translate';
import { IsIn, IsString, Length } from 'class-validator';
import { ToInt, Trim } from '../../common/form-transforms';
import { TOKEN_SCOPES, type TokenScope } from '../api-token.entity';

/** How long a new token may live, in days; 90 unless its maker chooses otherwise. */
export const TOKEN_LIFETIMES = [30, 90, 180, 365] as const;
export const DEFAULT_TOKEN_DAYS = 90;

/** A personal API token: what it is for, for how many days it stays valid, and what it may do. */
export class TokenFormDto {
  @Trim()
  @IsString()
  @Length(2, 80, { message: msg('valid.nameTheToken2To80') })
  name: string;

  @ToInt()
  @IsIn(TOKEN_LIFETIMES, {
    message: msg('valid.tokenLifetime', { days: TOKEN_LIFETIMES.join(', ') }),
  })
  validFor: number = DEFAULT_TOKEN_DAYS;

  /** `read` unless its maker asks for more: a token that only reads cannot change anything. */
  @Trim()
  @IsIn(TOKEN_SCOPES, { message: msg('valid.chooseWhatTheTokenMayDo') })
  scope: TokenScope = 'read';
}
