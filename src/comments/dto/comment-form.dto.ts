import { msg } from '../../i18n/translate';
import { IsString, Length } from 'class-validator';
import { Trim } from '../../common/form-transforms';

/** A comment on a pilot. */
export class CommentFormDto {
  @Trim()
  @IsString()
  @Length(2, 4000, { message: msg('valid.writeTheCommentIn2To') })
  text = '';
}
