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
  @IsInt({ message: 'The form is missing its version; reload the page.' })
  version: number;

  @IsIn(STAGES, { message: 'Choose the stage the pilot moved to.' })
  toStage: Stage;

  @Trim()
  @IsYearMonth({ message: 'Give the month as YYYY-MM, such as 2026-02.' })
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
  @IsInt({ message: 'The form is missing its version; reload the page.' })
  version: number;

  @Trim()
  @IsYearMonth({ message: 'Give the start month as YYYY-MM, such as 2025-09.' })
  @IsPlanMonth()
  startedIn: string;
}
