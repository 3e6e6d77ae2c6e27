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

/** The volumes logged on some channels by some pilots (the ledger's overlaps): four columns. */
export async function loadVolumes(
  em: EntityManager,
  pilotIds: number[],
  channelIds: number[],
): Promise<Array<{ pilotId: number; channelId: number; month: string; volume: number }>> {
  const rows: Array<{ pilotId: number; channelId: number; month: string; volume: number }> = [];
  if (!channelIds.length) return rows;
  for (let i = 0; i < pilotIds.length; i += CHUNK) {
    const raw = await em
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
      .andWhere('r.volume IS NOT NULL')
      .getRawMany<Record<string, unknown>>();
    for (const r of raw)
      rows.push({
        pilotId: Number(r.pilotId),
        channelId: Number(r.channelId),
        month: String(r.month),
        volume: Number(r.volume),
      });
  }
  return rows;
}
