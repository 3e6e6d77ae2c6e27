import { ApiProperty } from '@nestjs/swagger';
import { CHANNEL_TYPES, PURPOSES, SERVICE_STRATEGIES, STAGES } from '../../pilots/pilot-fields';

const nullableString = { type: 'string', nullable: true } as const;
const month = { type: 'string', example: '2026-01' } as const;

/** A pilot as the list gives it: who, what, where in the lifecycle. */
export class PilotSummary {
  @ApiProperty({ example: 'whatsapp-for-movers' })
  slug: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: STAGES })
  stage: string;

  @ApiProperty({ format: 'date', description: 'The day it entered its stage' })
  stageEnteredOn: string;

  @ApiProperty({ enum: CHANNEL_TYPES })
  channelType: string;

  @ApiProperty({ enum: PURPOSES, isArray: true })
  purposes: string[];

  @ApiProperty({ type: [String], description: 'Keys of the existing channels it affects' })
  channels: string[];

  @ApiProperty({ ...nullableString })
  owner: string | null;

  @ApiProperty({ ...nullableString })
  department: string | null;

  @ApiProperty({ ...month, nullable: true, description: 'First month it served customers' })
  startMonth: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  nextReviewDate: string | null;
}

export class PilotList {
  @ApiProperty({ description: 'Page number, from 1' })
  page: number;

  @ApiProperty({ description: 'Pilots a page (at most 200)' })
  perPage: number;

  @ApiProperty({ description: 'Pilots matching the filters, on all pages' })
  total: number;

  @ApiProperty({ ...nullableString, description: 'The next page with the same filters' })
  next: string | null;

  @ApiProperty({ type: [PilotSummary] })
  pilots: PilotSummary[];
}

export class PilotSignal {
  @ApiProperty({ example: 'no_results' })
  key: string;

  @ApiProperty()
  label: string;

  @ApiProperty()
  reason: string;
}

/** One pilot: its registration, its people and the signals the portfolio shows for it. */
export class PilotDetail extends PilotSummary {
  @ApiProperty()
  description: string;

  @ApiProperty()
  targetContactTypes: string;

  @ApiProperty()
  scope: string;

  @ApiProperty({ ...nullableString })
  controlScope: string | null;

  @ApiProperty({ enum: SERVICE_STRATEGIES })
  serviceStrategy: string;

  @ApiProperty({ ...nullableString })
  sponsor: string | null;

  @ApiProperty({ ...nullableString })
  itContact: string | null;

  @ApiProperty({ ...nullableString })
  operationsLead: string | null;

  @ApiProperty({ ...nullableString })
  financeController: string | null;

  @ApiProperty({ description: 'Bumped by every change of the registration' })
  version: number;

  @ApiProperty({ type: [PilotSignal] })
  signals: PilotSignal[];
}
