import { IsString, Length, Matches } from 'class-validator';
import { Trim } from '../../common/form-transforms';
import { IsIsoDate } from '../../common/validators';

/** A board meeting to schedule: its date and the members expected. */
export class MeetingFormDto {
  @Trim()
  @IsIsoDate({ message: 'Give the meeting’s date as YYYY-MM-DD.' })
  heldOn = '';

  @Trim()
  @IsString()
  @Length(2, 1000, { message: 'Name the members expected (2 to 1000 characters).' })
  members = '';
}

/** A pilot to put on (or take off) a meeting's agenda, by its URL name. */
export class AgendaPilotDto {
  @Trim()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'Choose a pilot from the list.' })
  pilot = '';
}
