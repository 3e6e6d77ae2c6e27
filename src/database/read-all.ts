import type { EntityManager } from 'typeorm';

/**
 * Promise.all for reads through an EntityManager. Inside a transaction the manager holds one
 * connection, where overlapping queries only queue (and the pg driver deprecates them); there
 * the reads run one after the other. Outside, they run side by side on the pool.
 */
export async function readAll<T extends readonly unknown[]>(
  em: EntityManager,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!em.queryRunner) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
