import type { EntityManager } from 'typeorm';
import { runInWorker, workerModule } from '../common/worker';
import { RowBatch, transferables } from './row-batch';

const WORKER = workerModule(__dirname, 'sqlite-write-worker', __filename);

/** The SQLite file behind `em`, when the batch can be written off the request loop; else null. */
export function sqliteFileOf(em: EntityManager): string | null {
  const options = em.connection.options as { type: string; database?: unknown };
  return options.type === 'better-sqlite3' &&
    typeof options.database === 'string' &&
    options.database !== ':memory:'
    ? options.database
    : null;
}

/**
 * Writes the batches in one transaction in a worker thread, on a connection of its own, and moves
 * the data version on in it. Call it inside a Writer unit that writes nothing on its own
 * connection (a `bookkeeping` unit: its own bump would come after the worker's commit, on a
 * snapshot SQLite no longer lets it write from): the Writer keeps
 * every other write of this process waiting meanwhile, so none can slip between the unit's
 * checks and these rows. A failure is thrown with SQLite's code (the Writer tells a full disk).
 */
export async function writeInWorker(file: string, batches: RowBatch[]): Promise<void> {
  const answer = await runInWorker<{ ok: true } | { error: string; code?: string }>(
    WORKER,
    { file, batches },
    transferables(batches),
  );
  if ('error' in answer)
    throw Object.assign(new Error(answer.error), { code: answer.code ?? 'SQLITE_ERROR' });
}
