import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

/**
 * The optimistic lock every form relies on: updates the row only if its version is still the
 * one that was read, and bumps it. The check is in the UPDATE itself, so it holds on
 * PostgreSQL too, where transactions run side by side. False when someone saved meanwhile.
 */
export async function updateIfUnchanged<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  read: { id: number; version: number },
  values: QueryDeepPartialEntity<T>,
): Promise<boolean> {
  const result = await em
    .createQueryBuilder()
    .update(entity)
    .set({ ...values, version: read.version + 1 } as QueryDeepPartialEntity<T>)
    .where('id = :id AND version = :version', { id: read.id, version: read.version })
    .execute();
  return result.affected === 1;
}
