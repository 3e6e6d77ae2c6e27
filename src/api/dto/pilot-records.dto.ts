import { ApiProperty } from '@nestjs/swagger';
import { INTEGRATION_ITEMS, IT_LEVELS, ITEM_STATUSES } from '../../readiness/readiness-fields';
import { STAGES } from '../../pilots/pilot-fields';

const nullableString = { type: 'string', nullable: true } as const;

export class ChecklistItem {
  @ApiProperty()
  id: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  critical: boolean;

  @ApiProperty({ enum: ITEM_STATUSES })
  status: string;

  @ApiProperty({ ...nullableString })
  evidence: string | null;

  @ApiProperty({ ...nullableString })
  changedBy: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  changedAt: string | null;
}

export class Readiness {
  @ApiProperty()
  done: number;

  @ApiProperty()
  applicable: number;

  @ApiProperty({ type: 'number', nullable: true, description: 'done ÷ applicable, 0–1' })
  ratio: number | null;

  @ApiProperty({ type: [String], description: 'Critical items not done' })
  openCritical: string[];

  @ApiProperty({ type: [ChecklistItem] })
  items: ChecklistItem[];
}

export class Integration {
  @ApiProperty({ enum: INTEGRATION_ITEMS })
  item: string;

  @ApiProperty({ enum: ITEM_STATUSES })
  status: string;
}

export class ItStatus {
  @ApiProperty({ enum: IT_LEVELS })
  level: string;

  @ApiProperty({ ...nullableString })
  itOwner: string | null;

  @ApiProperty({ type: 'number', nullable: true, description: 'euros' })
  budgetCommitted: number | null;

  @ApiProperty({ ...nullableString })
  roadmapSlot: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  targetDate: string | null;

  @ApiProperty({ type: [Integration] })
  integrations: Integration[];
}

export class Condition {
  @ApiProperty()
  text: string;

  @ApiProperty({ ...nullableString })
  clearedBy: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  clearedAt: string | null;
}

export class DecisionRecord {
  @ApiProperty()
  id: number;

  @ApiProperty({ format: 'date' })
  decidedOn: string;

  @ApiProperty({ enum: STAGES })
  fromStage: string;

  @ApiProperty({ enum: STAGES })
  toStage: string;

  @ApiProperty({ example: 'go' })
  outcome: string;

  @ApiProperty()
  rationale: string;

  @ApiProperty()
  members: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  nextReviewDate: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The decision this one corrects' })
  corrects: number | null;

  @ApiProperty()
  recordedBy: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ type: [Condition] })
  conditions: Condition[];
}

export class Signoff {
  @ApiProperty({ example: '2026-01' })
  fromMonth: string;

  @ApiProperty({ example: '2026-06' })
  toMonth: string;

  @ApiProperty()
  signedBy: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  signedAt: string;

  @ApiProperty({ description: 'An input of a signed-off month changed afterwards' })
  outdated: boolean;
}

const euros = { type: 'number', nullable: true, description: 'euros' } as const;

/** The finance dashboard's line of a pilot, with its sign-offs. */
export class FinanceSummary {
  @ApiProperty({ type: [String], description: 'Why there is no business case yet' })
  missing: string[];

  @ApiProperty()
  months: number;

  @ApiProperty()
  contacts: number;

  @ApiProperty(euros)
  claimed: number | null;

  @ApiProperty(euros)
  realised: number | null;

  @ApiProperty(euros)
  realisedHalfWidth: number | null;

  @ApiProperty(euros)
  waterbed: number | null;

  @ApiProperty({ type: 'number', nullable: true })
  waterbedRatio: number | null;

  @ApiProperty(euros)
  netBenefit: number | null;

  @ApiProperty(euros)
  investment: number | null;

  @ApiProperty({ type: 'number', nullable: true })
  roi: number | null;

  @ApiProperty(euros)
  npv: number | null;

  @ApiProperty({ enum: ['reached', 'projected', 'not_yet'] })
  payback: string;

  @ApiProperty({ type: 'string', nullable: true, example: '2027-03' })
  paybackMonth: string | null;

  @ApiProperty({ type: 'boolean', nullable: true })
  proven: boolean | null;

  @ApiProperty({ type: [String], description: 'Other pilots counting the same contacts' })
  overlaps: string[];

  @ApiProperty({ type: [Signoff] })
  signoffs: Signoff[];
}
