import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { ToArray, ToInt, ToIntArray, Trim, TrimToNull } from '../../common/form-transforms';
import { IsIsoDate, IsPlanMonth, IsYearMonth } from '../../common/validators';
import { CHANNEL_TYPES, PURPOSES, SERVICE_STRATEGIES } from '../pilot-fields';
import type { ChannelType, Purpose, ServiceStrategy } from '../pilot-fields';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The fields of the create and edit forms of a pilot. */
export class PilotFormDto {
  @Trim()
  @IsString()
  @Length(3, 120, { message: 'Name must be 3 to 120 characters.' })
  name: string;

  @TrimToNull()
  @IsOptional()
  @MaxLength(60, { message: 'The URL name may be at most 60 characters.' })
  @Matches(SLUG_PATTERN, {
    message: 'The URL name may hold only lower-case letters, digits and single hyphens.',
  })
  slug: string | null = null;

  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'Describe the pilot: what it is and for whom.' })
  @MaxLength(5000, { message: 'The description may be at most 5000 characters.' })
  description: string;

  @IsIn(CHANNEL_TYPES, { message: 'Choose a channel type from the list.' })
  channelType: ChannelType;

  @ToArray()
  @IsIn(PURPOSES, { each: true, message: 'Choose purposes from the list.' })
  @ArrayMaxSize(PURPOSES.length)
  purposes: Purpose[] = [];

  @Trim()
  @IsString()
  @MaxLength(2000, { message: 'At most 2000 characters.' })
  targetContactTypes = '';

  @Trim()
  @IsString()
  @MaxLength(2000, { message: 'At most 2000 characters.' })
  scope = '';

  @TrimToNull()
  @IsOptional()
  @MaxLength(2000, { message: 'At most 2000 characters.' })
  controlScope: string | null = null;

  /** The owner's account: chosen by an admin; an owner who registers a pilot owns it. */
  @ToInt()
  @IsOptional()
  @IsInt({ message: 'Choose the owner from the list of channel owners.' })
  ownerUserId: number | null = null;

  @TrimToNull()
  @IsOptional()
  @MaxLength(120, { message: 'At most 120 characters.' })
  ownerDepartment: string | null = null;

  @TrimToNull()
  @IsOptional()
  @MaxLength(120, { message: 'At most 120 characters.' })
  sponsor: string | null = null;

  @TrimToNull()
  @IsOptional()
  @MaxLength(120, { message: 'At most 120 characters.' })
  itContact: string | null = null;

  @TrimToNull()
  @IsOptional()
  @MaxLength(120, { message: 'At most 120 characters.' })
  operationsLead: string | null = null;

  @TrimToNull()
  @IsOptional()
  @MaxLength(120, { message: 'At most 120 characters.' })
  financeController: string | null = null;

  @IsIn(SERVICE_STRATEGIES, { message: 'Choose the service strategy from the list.' })
  serviceStrategy: ServiceStrategy;

  @TrimToNull()
  @IsOptional()
  @IsIsoDate({ message: 'Give the next review date as a real date (YYYY-MM-DD).' })
  nextReviewDate: string | null = null;

  @ToIntArray()
  @IsInt({ each: true, message: 'Choose affected channels from the list.' })
  @Min(1, { each: true, message: 'Choose affected channels from the list.' })
  affectedChannelIds: number[] = [];
}

/** The registration form adds, for a pilot that began before the app, the month it started. */
export class RegisterPilotDto extends PilotFormDto {
  @TrimToNull()
  @IsOptional()
  @IsYearMonth({ message: 'Give the start month as YYYY-MM, such as 2025-09.' })
  @IsPlanMonth()
  startedIn: string | null = null;
}

/** The edit form adds the version it was loaded at, for the stale-edit check. */
export class UpdatePilotDto extends PilotFormDto {
  @ToInt()
  @IsInt({ message: 'The form is missing its version; reload the page.' })
  version: number;
}
