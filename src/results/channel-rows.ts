import type { EntityManager } from 'typeorm';
import { CHUNK } from '../database/by-pilots';
import type { ChannelResult } from './channel-result.entity';

/** The existing channels' monthly figures the engine reads. */
export type ChannelRow = Pick<
  ChannelResult,
  | 'pilotId'
  | 'channelId'
  | 'month'
  | 'volume'
  | 'followUps'
  | 'controlVolume'
  | 'desired'
  | 'undesired'
  | 'unnecessary'
>;

const int = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * The largest table (36 months of history and of results, per affected channel, per pilot) as
 * plain rows: 2–3× faster than hydrating entities, and lighter on memory, for a portfolio.
 */
export async function loadChannelRows(
  em: EntityManager,
  pilotIds: number[],
): Promise<ChannelRow[]> {
  const rows: ChannelRow[] = [];
  for (let i = 0; i < pilotIds.length; i += CHUNK) {
    const raw = await em
      .createQueryBuilder()
      .select([
        'r.pilot_id AS "pilotId"',
        'r.channel_id AS "channelId"',
        'r.month AS "month"',
        'r.volume AS "volume"',
        'r.follow_ups AS "followUps"',
        'r.control_volume AS "controlVolume"',
        'r.desired AS "desired"',
        'r.undesired AS "undesired"',
        'r.unnecessary AS "unnecessary"',
      ])
      .from('channel_result', 'r')
      .where('r.pilot_id IN (:...ids)', { ids: pilotIds.slice(i, i + CHUNK) })
      .getRawMany<Record<string, unknown>>();
    for (const r of raw)
      rows.push({
        pilotId: Number(r.pilotId),
        channelId: Number(r.channelId),
        month: String(r.month),
        volume: int(r.volume),
        followUps: int(r.followUps),
        controlVolume: int(r.controlVolume),
        desired: int(r.desired),
        undesired: int(r.undesired),
        unnecessary: int(r.unnecessary),
      });
  }
  return rows;
}

/**
 * The volumes logged on some channels by some pilots (the ledger's overlaps), in the given months
 * when `months` is given: four columns.
 */
export async function loadVolumes(
  em: EntityManager,
  pilotIds: number[],
  channelIds: number[],
  months: string[] | null = null,
): Promise<Array<{ pilotId: number; channelId: number; month: string; volume: number }>> {
  const rows: Array<{ pilotId: number; channelId: number; month: string; volume: number }> = [];
  if (!channelIds.length || months?.length === 0) return rows;
  const monthChunks = months
    ? Array.from({ length: Math.ceil(months.length / CHUNK) }, (_, i) =>
        months.slice(i * CHUNK, (i + 1) * CHUNK),
      )
    : [null];
  for (let i = 0; i < pilotIds.length; i += CHUNK)
    for (const chunk of monthChunks) {
      const query = em
        .createQueryBuilder()
        .select([
          'r.pilot_id AS "pilotId"',
          'r.channel_id AS "channelId"',
          'r.month AS "month"',
          'r.volume AS "volume"',
        ])
        .from('channel_result', 'r')
        .where('r.pilot_id IN (:...ids)', { ids: pilotIds.slice(i, i + CHUNK) })
        .andWhere('r.channel_id IN (:...channels)', { channels: channelIds })
        .andWhere('r.volume IS NOT NULL');
      if (chunk) query.andWhere('r.month IN (:...months)', { months: chunk });
      for (const r of await query.getRawMany<Record<string, unknown>>())
        rows.push({
          pilotId: Number(r.pilotId),
          channelId: Number(r.channelId),
          month: String(r.month),
          volume: Number(r.volume),
        });
    }
  return rows;
}

/**
 * Per channel and month with an organisation total, the largest volume any pilot logged. Two
 * segments can hold more than the channel's total only where twice this does, so the ledger's
 * overlap check reads every volume only of those few months.
 */
export async function loadLargestVolumes(
  em: EntityManager,
  channelIds: number[],
): Promise<Array<{ channelId: number; month: string; volume: number }>> {
  if (!channelIds.length) return [];
  // Only the months with an organisation total (an overlap of segments is judged against it),
  // each one seek into channel_result_channel_month_volume_idx for its largest volume: grouping
  // every pilot's volumes instead read the whole index, 90 ms at 2 000 pilots, on the loop.
  const raw = await em
    .createQueryBuilder()
    .select([
      't.channel_id AS "channelId"',
      't.month AS "month"',
      '(SELECT MAX(r.volume) FROM channel_result r WHERE r.channel_id = t.channel_id AND r.month = t.month) AS "volume"',
    ])
    .from('channel_total', 't')
    .where('t.channel_id IN (:...channels)', { channels: channelIds })
    .getRawMany<Record<string, unknown>>();
  return raw
    .filter((r) => r.volume !== null && r.volume !== undefined)
    .map((r) => ({
      channelId: Number(r.channelId),
      month: String(r.month),
      volume: Number(r.volume),
    }));
}
