import { msg } from '../../i18n/translate';
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
  @Length(3, 120, { message: msg('valid.nameMustBe3To120') })
  name: string;

  @TrimToNull()
  @IsOptional()
  @MaxLength(60, { message: msg('valid.theUrlNameMayBeAt') })
  @Matches(SLUG_PATTERN, {
    message: msg('valid.theUrlNameMayHoldOnly'),
  })
  slug: string | null = null;

  @Trim()
  @IsString()
  @IsNotEmpty({ message: msg('valid.describeThePilotWhatItIs') })
  @MaxLength(5000, { message: msg('valid.theDescriptionMayBeAtMost') })
  description: string;

  @IsIn(CHANNEL_TYPES, { message: msg('valid.chooseAChannelTypeFromThe') })
  channelType: ChannelType;

  @ToArray()
  @IsIn(PURPOSES, { each: true, message: msg('valid.choosePurposesFromTheList') })
  @ArrayMaxSize(PURPOSES.length)
  purposes: Purpose[] = [];

  @Trim()
  @IsString()
  @MaxLength(2000, { message: msg('valid.atMost2000Characters') })
  targetContactTypes = '';

  @Trim()
  @IsString()
  @MaxLength(2000, { message: msg('valid.atMost2000Characters') })
  scope = '';

  @TrimToNull()
  @IsOptional()
  @MaxLength(2000, { message: msg('valid.atMost2000Characters') })
  controlScope: string | null = null;

  /** The owner's account: chosen by an admin; an owner who registers a pilot owns it. */
  @ToInt()
  @IsOptional()
  @IsInt({ message: msg('valid.chooseTheOwnerFromTheList') })
  ownerUserId: number | null = null;

  @TrimToNull()
  @IsOptional()
  @MaxLength(120, { message: msg('valid.atMost120Characters') })
  ownerDepartment: string | null = null;

  @TrimToNull()
  @IsOptional()
  @MaxLength(120, { message: msg('valid.atMost120Characters') })
  sponsor: string | null = null;

  @TrimToNull()
  @IsOptional()
  @MaxLength(120, { message: msg('valid.atMost120Characters') })
  itContact: string | null = null;

  @TrimToNull()
  @IsOptional()
  @MaxLength(120, { message: msg('valid.atMost120Characters') })
  operationsLead: string | null = null;

  @TrimToNull()
  @IsOptional()
  @MaxLength(120, { message: msg('valid.atMost120Characters') })
  financeController: string | null = null;

  @IsIn(SERVICE_STRATEGIES, { message: msg('valid.chooseTheServiceStrategyFromThe') })
  serviceStrategy: ServiceStrategy;

  @TrimToNull()
  @IsOptional()
  @IsIsoDate({ message: msg('valid.giveTheNextReviewDateAs') })
  nextReviewDate: string | null = null;

  @ToIntArray()
  @IsInt({ each: true, message: msg('valid.chooseAffectedChannelsFromTheList') })
  @Min(1, { each: true, message: msg('valid.chooseAffectedChannelsFromTheList') })
  affectedChannelIds: number[] = [];
}

/** The registration form adds, for a pilot that began before the app, the month it started. */
export class RegisterPilotDto extends PilotFormDto {
  @TrimToNull()
  @IsOptional()
  @IsYearMonth({ message: msg('valid.giveTheStartMonthAsYyyy') })
  @IsPlanMonth()
  startedIn: string | null = null;
}

/** The edit form adds the version it was loaded at, for the stale-edit check. */
export class UpdatePilotDto extends PilotFormDto {
  @ToInt()
  @IsInt({ message: msg('valid.theFormIsMissingItsVersion') })
  version: number;
}
