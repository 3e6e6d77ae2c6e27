import { EntityManager, In } from 'typeorm';

// IN lists stay well below every driver's bound on bound parameters.
export const CHUNK = 500;

/** A table's rows of these pilots, in chunks. */
export async function findByPilots<T extends { pilotId: number }>(
  em: EntityManager,
  entity: new () => T,
  pilotIds: number[],
  extra: Record<string, unknown> = {},
): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < pilotIds.length; i += CHUNK) {
    rows.push(
      ...(await em.find(entity, {
        where: { pilotId: In(pilotIds.slice(i, i + CHUNK)), ...extra } as never,
      })),
    );
  }
  return rows;
}
