import { t } from '../../i18n/translate';
import { msg } from '../../i18n/translate';
import { Matches, ValidateBy } from 'class-validator';
import { Trim, TrimToNull } from '../../common/form-transforms';
import { TextUpTo } from '../../common/validators';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Finance's sign-off of a business case over a range of months. */
export class SignOffDto {
  @Trim()
  @Matches(MONTH, { message: msg('valid.giveTheFirstMonthAsYyyy') })
  fromMonth: string;

  @Trim()
  @Matches(MONTH, { message: msg('valid.giveTheLastMonthAsYyyy') })
  @ValidateBy({
    name: 'notBeforeFirst',
    validator: {
      validate: (to: string, args) => {
        const from = (args!.object as SignOffDto).fromMonth;
        return !MONTH.test(from) || !MONTH.test(to) || from <= to;
      },
      defaultMessage: () => t('month.toBeforeFrom'),
    },
  })
  toMonth: string;

  @TrimToNull()
  @TextUpTo(2000)
  note: string | null = null;
}
