import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { insertSql, ROWS_PER_STATEMENT, upsertSql } from './bulk';
import { applySqliteSettings } from './sqlite-settings';
import { batchParams, RowBatch } from './row-batch';

// Runs in a worker thread (sqlite-writes.ts): writes a large all-or-nothing batch of rows in one
// transaction on a connection of its own. better-sqlite3 is synchronous: on the app's connection
// the statements and the commit of 100 000 rows (tens of megabytes written and flushed) would
// hold the request loop.
parentPort?.once('message', ({ file, batches }: { file: string; batches: RowBatch[] }) => {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    // The app's own settings: every acknowledged write survives.
    applySqliteSettings(db);
    db.pragma('busy_timeout = 5000');
    const connection = db;
    const statements = new Map<string, Database.Statement>();
    const statement = (batch: RowBatch, rows: number) => {
      const key = `${batch.table}:${rows}`;
      let prepared = statements.get(key);
      if (!prepared) {
        const keys = batch.conflictKeys;
        const sql = keys
          ? upsertSql(batch.table, keys, batch.columns.slice(keys.length), rows, () => '?')
          : insertSql(batch.table, batch.columns, rows, () => '?');
        statements.set(key, (prepared = connection.prepare(sql)));
      }
      return prepared;
    };
    const bump = connection.prepare('UPDATE data_version SET version = version + 1 WHERE id = 1');
    connection
      .transaction(() => {
        for (const batch of batches)
          for (let start = 0; start < batch.rows; start += ROWS_PER_STATEMENT) {
            const end = Math.min(batch.rows, start + ROWS_PER_STATEMENT);
            statement(batch, end - start).run(...batchParams(batch, start, end));
          }
        // The data version moves on with these rows, as the Writer's units move it with theirs.
        bump.run();
      })
      .immediate();
    parentPort?.postMessage({ ok: true });
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    parentPort?.postMessage({ error: message, code });
  } finally {
    db?.close();
  }
});
