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
  @Length(2, 80, { message: 'Name must be 2 to 80 characters.' })
  name: string;

  @TrimToNull()
  @IsOptional()
  @MaxLength(500, { message: 'At most 500 characters.' })
  description: string | null = null;

  @ToInt()
  @IsOptional()
  @IsInt({ message: 'Position must be a whole number.' })
  @Min(0, { message: 'Position must be 0 or more.' })
  @Max(9999, { message: 'Position must be at most 9999.' })
  position: number | null = null;

  /** A checkbox: absent when unticked. */
  @ToBoolean()
  @IsBoolean()
  active = false;
}

export class CreateChannelDto extends ChannelFormDto {
  @Trim()
  @IsString()
  @Length(2, 40, { message: 'The key must be 2 to 40 characters.' })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message:
      'The key may hold only lower-case letters, digits and single hyphens (it names the channel in imports).',
  })
  key: string;
}

export class UpdateChannelDto extends ChannelFormDto {
  @ToInt()
  @IsInt({ message: 'The form is missing its version; reload the page.' })
  version: number;
}
