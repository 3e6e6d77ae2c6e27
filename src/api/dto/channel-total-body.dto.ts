import { msg } from '../../i18n/translate';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const count = {
  message: msg('valid.aWholeNumberOfContacts0'),
};
/** The largest count a total may hold: the database column is a 32-bit integer. */
const MOST = 2_147_483_647;
const part = { type: 'integer', minimum: 0, maximum: MOST, nullable: true } as const;

/**
 * One channel's total for one month through the JSON API: the volume, and the optional split
 * into desired, undesired and unnecessary contacts. A PUT replaces the whole total, so a split
 * part left out is removed.
 */
export class ChannelTotalBodyDto {
  @ApiProperty({ minimum: 0, maximum: MOST, description: 'All contacts of the month' })
  @IsInt(count)
  @Min(0, count)
  @Max(MOST, count)
  volume: number;

  @ApiPropertyOptional(part)
  @IsOptional()
  @IsInt(count)
  @Min(0, count)
  @Max(MOST, count)
  desired: number | null = null;

  @ApiPropertyOptional(part)
  @IsOptional()
  @IsInt(count)
  @Min(0, count)
  @Max(MOST, count)
  undesired: number | null = null;

  @ApiPropertyOptional({
    ...part,
    description: 'The split is optional, and at most the volume together',
  })
  @IsOptional()
  @IsInt(count)
  @Min(0, count)
  @Max(MOST, count)
  unnecessary: number | null = null;
}

export class ChannelTotal {
  @ApiProperty({ example: '2026-01' })
  month: string;

  @ApiProperty({ example: 'phone' })
  channel: string;

  @ApiProperty()
  volume: number;

  @ApiProperty({ type: 'integer', nullable: true })
  desired: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  undesired: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  unnecessary: number | null;

  @ApiProperty()
  updatedBy: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ChannelTotalList {
  @ApiProperty({ example: '2025-12' })
  from: string;

  @ApiProperty({ example: '2026-11' })
  to: string;

  @ApiProperty({ type: [ChannelTotal] })
  totals: ChannelTotal[];
}

export class ChannelTotalSaved extends ChannelTotalBodyDto {
  @ApiProperty({ example: '2026-01' })
  month: string;

  @ApiProperty({ example: 'phone' })
  channel: string;

  @ApiProperty({ description: 'Figures that changed' })
  changed: number;
}
