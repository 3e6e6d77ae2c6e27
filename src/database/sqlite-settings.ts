// The settings every connection to the app's SQLite file is opened with: the app's own
// (data-source-options.ts) and the import's writer in a worker thread (sqlite-write-worker.ts).

export function applySqliteSettings(db: { pragma(source: string): unknown }): void {
  // FULL keeps every acknowledged write through a power cut, at ~0.1 ms a commit.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Checkpoints run in a worker thread of their own (wal-checkpointer.ts), not in a commit.
  db.pragma('wal_autocheckpoint = 0');
}

/** As SQLite stores a time (TypeORM's convention: UTC text). */
export const sqliteTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');
