import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';

/** Anything but text reads as nothing: the sign-in says only whether the pair is right. */
const AsText = () => Transform(({ value }) => (typeof value === 'string' ? value : ''));

/** The sign-in form. Never a message per field: that would tell which addresses exist. */
export class SignInDto {
  @AsText()
  @IsString()
  email = '';

  /** As typed: spaces are part of a password. */
  @AsText()
  @IsString()
  password = '';

  /** Where to go after signing in; only a path on this site is followed. */
  @AsText()
  @IsString()
  next = '';
}
