import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { ToArray, ToBoolean, ToInt, Trim } from '../../common/form-transforms';
import { ROLES, type Role } from '../permissions';

const NAME = { message: 'The name must be 2 to 120 characters.' };

/** A new account: from the admin's form, the command line or a test. */
export class NewUserDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString({ message: 'Give a valid e-mail address.' })
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'Give a valid e-mail address.' })
  @MaxLength(200, { message: 'Give a valid e-mail address.' })
  email: string;

  @Trim()
  @IsString(NAME)
  @Length(2, 120, NAME)
  name: string;

  /** As typed: spaces are part of a password. */
  @IsString({ message: 'The password must be 12 to 200 characters.' })
  @Length(12, 200, { message: 'The password must be 12 to 200 characters.' })
  password: string;

  @ToArray()
  @ArrayNotEmpty({ message: `Give one or more roles of: ${ROLES.join(', ')}.` })
  @IsIn(ROLES, { each: true, message: `Give one or more roles of: ${ROLES.join(', ')}.` })
  roles: Role[] = [];
}

/** The admin's change to an account: its name, roles and whether it is active. */
export class UpdateUserDto {
  @Trim()
  @IsString(NAME)
  @Length(2, 120, NAME)
  name: string;

  /** Ticked roles; anything else the form could not have sent is left out. */
  @Transform(({ value }) =>
    [value].flat().filter((role): role is Role => ROLES.includes(role as Role)),
  )
  @ArrayNotEmpty({ message: 'Give the account at least one role.' })
  roles: Role[] = [];

  @ToBoolean()
  @IsBoolean()
  active = false;

  @ToInt()
  @IsInt({ message: 'The form is missing its version; reload the page.' })
  version: number;
}
