import { msg } from '../../i18n/translate';
import { IsBoolean, IsIn, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ToBoolean, ToCents, ToInt, Trim, TrimToNull } from '../../common/form-transforms';
import { IsIsoDateOrNull, RequiredWhen, TextUpTo, WholeOrNull } from '../../common/validators';
import { IT_LEVELS, ITEM_STATUSES, type ItemStatus, type ItLevel } from '../readiness-fields';

const STATUS = { message: msg('valid.chooseAStatusFromTheList') };
const VERSION = { message: msg('valid.theFormIsMissingItsVersion') };

/** One item of a pilot's checklist; `version` is the one the page showed (0 for never set). */
export class ChecklistItemDto {
  @IsIn(ITEM_STATUSES, STATUS)
  status: ItemStatus;

  @TrimToNull()
  // Required for "done" unless a file is attached to the item: the service checks that.
  @TextUpTo(2000, { message: msg('valid.theEvidenceNoteMayBeAt') })
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
  @IsIn(IT_LEVELS, { message: msg('valid.chooseALevelFromTheList') })
  level: ItLevel;

  @TrimToNull()
  @TextUpTo(120)
  @RequiredWhen(committed, { message: msg('valid.aCommittedItNeedsANamed') })
  itOwner: string | null = null;

  /** In cents. */
  @ToCents()
  @WholeOrNull(0, { message: msg('valid.giveAnAmountInEurosSuch') })
  @RequiredWhen(committed, { message: msg('valid.aCommittedItNeedsTheCommitted') })
  budget: number | null = null;

  @TrimToNull()
  @TextUpTo(120)
  @RequiredWhen(committed, { message: msg('valid.aCommittedItNeedsARoadmap') })
  roadmapSlot: string | null = null;

  @TrimToNull()
  @IsIsoDateOrNull({ message: msg('valid.giveTheTargetDateAsYyyy') })
  @RequiredWhen(committed, { message: msg('valid.aCommittedItNeedsATarget') })
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

const POSITION = { message: msg('valid.positionMustBeAWholeNumber') };

/** An item of the checklist template (the admin's page); new items have no version. */
export class TemplateItemDto {
  @Trim()
  @Length(3, 200, { message: msg('valid.theTitleMustBe3To') })
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
