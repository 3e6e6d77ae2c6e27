import { IsBoolean, IsIn, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ToBoolean, ToCents, ToInt, Trim, TrimToNull } from '../../common/form-transforms';
import { IsIsoDateOrNull, RequiredWhen, TextUpTo, WholeOrNull } from '../../common/validators';
import { IT_LEVELS, ITEM_STATUSES, type ItemStatus, type ItLevel } from '../readiness-fields';

const STATUS = { message: 'Choose a status from the list.' };
const VERSION = { message: 'The form is missing its version; reload the page.' };

/** One item of a pilot's checklist; `version` is the one the page showed (0 for never set). */
export class ChecklistItemDto {
  @IsIn(ITEM_STATUSES, STATUS)
  status: ItemStatus;

  @TrimToNull()
  // Required for "done" unless a file is attached to the item: the service checks that.
  @TextUpTo(2000, { message: 'The evidence note may be at most 2000 characters.' })
  evidence: string | null = null;

  @ToInt()
  @IsInt(VERSION)
  version: number;
}

/** "Committed" means something: budget, a roadmap slot, a named IT owner and a target date. */
const committed = (form: ItCommitmentDto) =>
  form.level === 'committed' || form.level === 'integrated';

/** The IT commitment form: the level, what backs it, and each integration's status. */
export class ItCommitmentDto {
  @IsIn(IT_LEVELS, { message: 'Choose a level from the list.' })
  level: ItLevel;

  @TrimToNull()
  @TextUpTo(120)
  @RequiredWhen(committed, { message: 'A committed IT needs a named IT owner.' })
  itOwner: string | null = null;

  /** In cents. */
  @ToCents()
  @WholeOrNull(0, { message: 'Give an amount in euros, such as 120.000,00.' })
  @RequiredWhen(committed, { message: 'A committed IT needs the committed budget.' })
  budget: number | null = null;

  @TrimToNull()
  @TextUpTo(120)
  @RequiredWhen(committed, { message: 'A committed IT needs a roadmap slot.' })
  roadmapSlot: string | null = null;

  @TrimToNull()
  @IsIsoDateOrNull({ message: 'Give the target date as YYYY-MM-DD.' })
  @RequiredWhen(committed, { message: 'A committed IT needs a target date.' })
  targetDate: string | null = null;

  @IsIn(ITEM_STATUSES, STATUS)
  integration_crm: ItemStatus;

  @IsIn(ITEM_STATUSES, STATUS)
  integration_knowledge_base: ItemStatus;

  @IsIn(ITEM_STATUSES, STATUS)
  integration_routing: ItemStatus;

  @IsIn(ITEM_STATUSES, STATUS)
  integration_identity: ItemStatus;

  @IsIn(ITEM_STATUSES, STATUS)
  integration_reporting: ItemStatus;

  @IsIn(ITEM_STATUSES, STATUS)
  integration_privacy_security: ItemStatus;

  @ToInt()
  @IsInt(VERSION)
  version: number;
}

const POSITION = { message: 'Position must be a whole number from 0 to 999.' };

/** An item of the checklist template (the admin's page); new items have no version. */
export class TemplateItemDto {
  @Trim()
  @Length(3, 200, { message: 'The title must be 3 to 200 characters.' })
  title: string;

  @TrimToNull()
  @TextUpTo(2000)
  description: string | null = null;

  @ToInt()
  @IsOptional()
  @IsInt(POSITION)
  @Min(0, POSITION)
  @Max(999, POSITION)
  position: number | null = null;

  @ToBoolean()
  @IsBoolean()
  critical = false;

  @ToBoolean()
  @IsBoolean()
  active = false;

  @ToInt()
  @IsOptional()
  @IsInt(VERSION)
  version: number | null = null;
}
