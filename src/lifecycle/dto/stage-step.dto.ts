import { IsIn, IsString, Length } from 'class-validator';
import { Trim } from '../../common/form-transforms';
import { STAGES } from '../../pilots/pilot-fields';
import type { Stage } from '../../pilots/pilot-fields';

/** An owner's step to the next stage; `fromStage` guards against a page that is out of date. */
export class StageStepDto {
  @IsIn(STAGES, { message: 'Unknown stage.' })
  fromStage: Stage;

  @IsIn(STAGES, { message: 'Unknown stage.' })
  toStage: Stage;
}

export class StopPilotDto {
  @IsIn(STAGES, { message: 'Unknown stage.' })
  fromStage: Stage;

  @Trim()
  @IsString()
  @Length(10, 2000, { message: 'Say why the pilot stops, in 10 to 2000 characters.' })
  reason: string;

  @Trim()
  @IsString()
  @Length(10, 5000, {
    message:
      'Write down the lessons learned (10 to 5000 characters), so nobody pilots the same failure twice.',
  })
  lessonsLearned: string;
}

/** The board's acceptance of a conflict between the channel and the service strategy. */
export class AcceptConflictDto {
  @Trim()
  @IsString()
  @Length(10, 2000, {
    message: 'Say why the board accepts the conflict, in 10 to 2000 characters.',
  })
  note: string;
}
