import { msg } from '../../i18n/translate';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { ToInt } from '../../common/form-transforms';
import { IT_LEVELS, type ItLevel } from '../../readiness/readiness-fields';

const months = (min: number, max: number) => msg('valid.wholeMonths', { min, max });
const PERCENT = msg('valid.aPercentageFrom0To100');

/** The admin's gate thresholds form; `version` is the one the form was opened at. */
export class GateSettingsDto {
  @ToInt()
  @IsInt({ message: months(1, 60) })
  @Min(1, { message: months(1, 60) })
  @Max(60, { message: months(1, 60) })
  minIncubationMonths: number;

  @ToInt()
  @IsInt({ message: PERCENT })
  @Min(0, { message: PERCENT })
  @Max(100, { message: PERCENT })
  readinessPct: number;

  @IsIn(IT_LEVELS, { message: msg('valid.chooseALevelFromTheList') })
  minItLevel: ItLevel;

  @ToInt()
  @IsInt({ message: PERCENT })
  @Min(0, { message: PERCENT })
  @Max(100, { message: PERCENT })
  maxWaterbedPct: number;

  @ToInt()
  @IsInt({ message: months(0, 60) })
  @Min(0, { message: months(0, 60) })
  @Max(60, { message: months(0, 60) })
  vendorStandaloneMonths: number;

  @ToInt()
  @IsInt({ message: months(1, 120) })
  @Min(1, { message: months(1, 120) })
  @Max(120, { message: months(1, 120) })
  maxMonthsInStage: number;

  @ToInt()
  @IsInt({ message: msg('valid.theFormLostItsVersionReload') })
  version: number;
}
