import { IsInt, IsOptional, Max, Min } from 'class-validator';

const count = {
  message: 'A whole number of contacts, 0 or more, as a JSON number (52000).',
};
/** The largest count a total may hold: the database column is a 32-bit integer. */
const MOST = 2_147_483_647;

/**
 * One channel's total for one month through the JSON API: the volume, and the optional split
 * into desired, undesired and unnecessary contacts. A PUT replaces the whole total, so a split
 * part left out is removed.
 */
export class ChannelTotalBodyDto {
  @IsInt(count)
  @Min(0, count)
  @Max(MOST, count)
  volume: number;

  @IsOptional()
  @IsInt(count)
  @Min(0, count)
  @Max(MOST, count)
  desired: number | null = null;

  @IsOptional()
  @IsInt(count)
  @Min(0, count)
  @Max(MOST, count)
  undesired: number | null = null;

  @IsOptional()
  @IsInt(count)
  @Min(0, count)
  @Max(MOST, count)
  unnecessary: number | null = null;
}
