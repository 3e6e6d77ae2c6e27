import { msg } from '../../i18n/translate';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, ValidateBy } from 'class-validator';
import { ToInt, Trim, TrimToNull } from '../../common/form-transforms';
import { IsIsoDateOrNull, TextUpTo } from '../../common/validators';
import { OUTCOMES, type Outcome } from '../decision-rules';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The board's decision form. Its shape is checked here; what the decision must contain for the
 * pilot's stage and failed criteria is the decision rules' (decision-rules.ts), after the version.
 */
export class DecisionFormDto {
  @ToInt()
  @IsInt({ message: msg('valid.theFormIsMissingItsVersion2') })
  version: number;

  @IsIn(OUTCOMES, { message: msg('valid.chooseTheOutcome') })
  outcome: Outcome;

  @Trim()
  @IsString()
  @TextUpTo(5000)
  rationale = '';

  @Trim()
  @IsString()
  @TextUpTo(1000)
  members = '';

  /** The board meeting it is taken in, when recorded from the meeting's page. */
  @ToInt()
  @IsOptional()
  @IsInt({ message: msg('valid.unknownMeeting') })
  meetingId: number | null = null;

  @TrimToNull()
  @IsIsoDateOrNull({ message: msg('valid.giveTheDateAsYyyyMm') })
  nextReviewDate: string | null = null;

  /** One condition per line of the text area. */
  @Transform(({ value }) =>
    text(value)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  @IsString({ each: true })
  @TextUpTo(2000, { each: true })
  conditions: string[] = [];

  @Trim()
  @IsString()
  @TextUpTo(5000)
  lessonsLearned = '';

  /** The written reasons for deciding against failed criteria (see `decisionForm`). */
  @IsObject()
  @ValidateBy({
    name: 'reasonsUpTo',
    validator: {
      validate: (reasons: Record<string, string>) =>
        Object.values(reasons ?? {}).every((reason) => reason.length <= 2000),
      defaultMessage: () => 'A reason may be at most 2000 characters.',
    },
  })
  overrideReasons: Record<string, string> = {};

  @ToInt()
  @IsOptional()
  @IsInt({ message: msg('valid.chooseADecisionOfThisPilot') })
  correctsId: number | null = null;
}

/** Clearing one of a decision's conditions: how it was met. */
export class ClearConditionDto {
  @Trim()
  @IsString()
  @Length(5, 2000, { message: msg('valid.sayHowTheConditionWasMet') })
  note: string;
}

/**
 * The posted review form as the DTO reads it: the form names each failed criterion's reason
 * `override_<criterion>`, as many as there are failed criteria; they become `overrideReasons`.
 */
export function decisionForm(body: Record<string, unknown>): Record<string, unknown> {
  const overrideReasons = Object.fromEntries(
    Object.entries(body)
      .filter(([key]) => key.startsWith('override_'))
      .map(([key, value]) => [key.slice('override_'.length), text(value)]),
  );
  return { ...body, overrideReasons };
}
