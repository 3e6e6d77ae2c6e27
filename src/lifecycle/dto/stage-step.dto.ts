import { msg } from '../../i18n/translate';
import { IsIn, IsString, Length } from 'class-validator';
import { Trim } from '../../common/form-transforms';
import { STAGES } from '../../pilots/pilot-fields';
import type { Stage } from '../../pilots/pilot-fields';

/** An owner's step to the next stage; `fromStage` guards against a page that is out of date. */
export class StageStepDto {
  @IsIn(STAGES, { message: msg('valid.unknownStage') })
  fromStage: Stage;

  @IsIn(STAGES, { message: msg('valid.unknownStage') })
  toStage: Stage;
}

export class StopPilotDto {
  @IsIn(STAGES, { message: msg('valid.unknownStage') })
  fromStage: Stage;

  @Trim()
  @IsString()
  @Length(10, 2000, { message: msg('valid.sayWhyThePilotStopsIn') })
  reason: string;

  @Trim()
  @IsString()
  @Length(10, 5000, {
    message: msg('valid.writeDownTheLessonsLearned10'),
  })
  lessonsLearned: string;
}

/** The board's acceptance of a conflict between the channel and the service strategy. */
export class AcceptConflictDto {
  @Trim()
  @IsString()
  @Length(10, 2000, {
    message: msg('valid.sayWhyTheBoardAcceptsThe'),
  })
  note: string;
}
