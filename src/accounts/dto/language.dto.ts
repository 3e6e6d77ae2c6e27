import { Transform } from 'class-transformer';
import { IsIn, IsString } from 'class-validator';
import { LANGUAGES } from '../../i18n/language';
import { t } from '../../i18n/translate';

const AsText = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : ''));

/** The language switch and the account page's choice; "" is "as my browser asks". */
export class LanguageDto {
  @AsText()
  @IsIn([...LANGUAGES, ''], { message: () => t('language.invalid') })
  language = '';

  /** The page to go back to; only a path on this site is followed. */
  @AsText()
  @IsString()
  next = '';
}
