import { msg } from '../../i18n/translate';
import { ArrayMaxSize, IsIn } from 'class-validator';
import { ToArray } from '../../common/form-transforms';
import { REMINDER_KINDS, type ReminderKind } from '../reminder-kinds';

/** The reminders form: the kinds a person wants in the app, and by e-mail (ticked boxes). */
export class ReminderChoicesDto {
  @ToArray()
  @IsIn(REMINDER_KINDS, { each: true, message: msg('valid.chooseRemindersFromTheList') })
  @ArrayMaxSize(REMINDER_KINDS.length)
  inApp: ReminderKind[] = [];

  @ToArray()
  @IsIn(REMINDER_KINDS, { each: true, message: msg('valid.chooseRemindersFromTheList') })
  @ArrayMaxSize(REMINDER_KINDS.length)
  email: ReminderKind[] = [];
}
