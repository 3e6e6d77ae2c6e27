import { msg } from '../../i18n/translate';
import { IsString, Length, Matches } from 'class-validator';
import { Trim } from '../../common/form-transforms';
import { IsIsoDate } from '../../common/validators';

/** A board meeting to schedule: its date and the members expected. */
export class MeetingFormDto {
  @Trim()
  @IsIsoDate({ message: msg('valid.giveTheMeetingSDateAs') })
  heldOn = '';

  @Trim()
  @IsString()
  @Length(2, 1000, { message: msg('valid.nameTheMembersExpected2To') })
  members = '';
}

/** A pilot to put on (or take off) a meeting's agenda, by its URL name. */
export class AgendaPilotDto {
  @Trim()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: msg('valid.chooseAPilotFromTheList') })
  pilot = '';
}
