import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Reads a row and, on PostgreSQL, locks it until the transaction ends (SELECT … FOR UPDATE), so
 * a check made on what was read still holds when the transaction writes: two instances deciding
 * on one pilot at once take turns instead of both passing the check. SQLite needs no lock: the
 * Writer runs its writes one after another. Relations are not loaded (FOR UPDATE refuses outer
 * joins); load them separately when needed.
 */
export function lockRow<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  id: number,
): Promise<T | null> {
  const query = em.createQueryBuilder(entity, 'row').where('row.id = :id', { id });
  if (em.connection.options.type === 'postgres') query.setLock('pessimistic_write');
  return query.getOne();
}
