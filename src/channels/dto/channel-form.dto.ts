import { msg } from '../../i18n/translate';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  Max,
} from 'class-validator';
import { ToBoolean, ToInt, Trim, TrimToNull } from '../../common/form-transforms';

export class ChannelFormDto {
  @Trim()
  @IsString()
  @Length(2, 80, { message: msg('valid.nameMustBe2To80') })
  name: string;

  @TrimToNull()
  @IsOptional()
  @MaxLength(500, { message: msg('valid.atMost500Characters') })
  description: string | null = null;

  @ToInt()
  @IsOptional()
  @IsInt({ message: msg('valid.positionMustBeAWholeNumber2') })
  @Min(0, { message: msg('valid.positionMustBe0OrMore') })
  @Max(9999, { message: msg('valid.positionMustBeAtMost9999') })
  position: number | null = null;

  /** A checkbox: absent when unticked. */
  @ToBoolean()
  @IsBoolean()
  active = false;
}

export class CreateChannelDto extends ChannelFormDto {
  @Trim()
  @IsString()
  @Length(2, 40, { message: msg('valid.theKeyMustBe2To') })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: msg('valid.theKeyMayHoldOnlyLower'),
  })
  key: string;
}

export class UpdateChannelDto extends ChannelFormDto {
  @ToInt()
  @IsInt({ message: msg('valid.theFormIsMissingItsVersion') })
  version: number;
}
