import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

// Runs in a worker thread (database/wal-checkpointer.ts): moves the SQLite write-ahead log into
// the database file from a connection of its own, so that the request loop never does it.
const { file, everyMs } = (workerData as { data: { file: string; everyMs: number } }).data;
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');

const checkpoint = () => {
  try {
    // PASSIVE: copies what no reader still needs, never waits for or blocks the app's writes.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{
      busy: number;
      log: number;
      checkpointed: number;
    }>;
    parentPort?.postMessage({ log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort?.postMessage({ error: (error as Error).message });
  }
};
const timer = setInterval(checkpoint, everyMs);
parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
