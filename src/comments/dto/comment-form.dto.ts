import { IsString, Length } from 'class-validator';
import { Trim } from '../../common/form-transforms';

/** A comment on a pilot. */
export class CommentFormDto {
  @Trim()
  @IsString()
  @Length(2, 4000, { message: 'Write the comment in 2 to 4000 characters.' })
  text = '';
}
