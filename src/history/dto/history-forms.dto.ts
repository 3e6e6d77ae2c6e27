import { msg } from '../../i18n/translate';
import { IsIn, IsInt, IsString } from 'class-validator';
import { ToInt, Trim } from '../../common/form-transforms';
import { IsPlanMonth, IsYearMonth, TextUpTo } from '../../common/validators';
import { STAGES, type Stage } from '../../pilots/pilot-fields';

/**
 * One stage change from before the app. Its shape is checked here; whether the pilot can have it
 * (the order, the month, the owner) is the history rules' (history-rules.ts).
 */
export class PastMoveDto {
  @ToInt()
  @IsInt({ message: msg('valid.theFormIsMissingItsVersion') })
  version: number;

  @IsIn(STAGES, { message: msg('valid.chooseTheStageThePilotMoved') })
  toStage: Stage;

  @Trim()
  @IsYearMonth({ message: msg('valid.giveTheMonthAsYyyyMm') })
  @IsPlanMonth()
  month: string;

  @Trim()
  @IsString()
  @TextUpTo(120)
  decidedBy = '';

  @Trim()
  @IsString()
  @TextUpTo(5000)
  why = '';

  @Trim()
  @IsString()
  @TextUpTo(5000)
  lessonsLearned = '';
}

/** The month a pilot registered without it really started. */
export class StartMonthDto {
  @ToInt()
  @IsInt({ message: msg('valid.theFormIsMissingItsVersion') })
  version: number;

  @Trim()
  @IsYearMonth({ message: msg('valid.giveTheStartMonthAsYyyy') })
  @IsPlanMonth()
  startedIn: string;
}
