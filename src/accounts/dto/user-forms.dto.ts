import { msg } from '../../i18n/translate';
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

const NAME = { message: msg('valid.theNameMustBe2To') };

/** A new account: from the admin's form, the command line or a test. */
export class NewUserDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString({ message: msg('valid.giveAValidEMailAddress') })
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: msg('valid.giveAValidEMailAddress') })
  @MaxLength(200, { message: msg('valid.giveAValidEMailAddress') })
  email: string;

  @Trim()
  @IsString(NAME)
  @Length(2, 120, NAME)
  name: string;

  /** As typed: spaces are part of a password. */
  @IsString({ message: msg('valid.thePasswordMustBe12To') })
  @Length(12, 200, { message: msg('valid.thePasswordMustBe12To') })
  password: string;

  @ToArray()
  @ArrayNotEmpty({ message: msg('valid.rolesOf', { roles: ROLES.join(', ') }) })
  @IsIn(ROLES, { each: true, message: msg('valid.rolesOf', { roles: ROLES.join(', ') }) })
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
  @ArrayNotEmpty({ message: msg('valid.giveTheAccountAtLeastOne') })
  roles: Role[] = [];

  @ToBoolean()
  @IsBoolean()
  active = false;

  @ToInt()
  @IsInt({ message: msg('valid.theFormIsMissingItsVersion') })
  version: number;
}
