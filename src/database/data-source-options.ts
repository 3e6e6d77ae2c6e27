import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import type { DatabaseConfig } from '../config/app-config';
import { entities } from './entities';

export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities,
    migrations,
    migrationsRun: true,
    synchronize: false,
  } as const;
  const logging: DataSourceOptions['logging'] = database.logSql ? ['query'] : false;
  if (database.type === 'postgres') {
    return { ...common, logging, type: 'postgres', url: database.url, poolSize: 10 };
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  return {
    ...common,
    logging,
    type: 'better-sqlite3',
    database: database.file,
    enableWAL: true,
    timeout: 5000,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      // FULL keeps every acknowledged write through a power cut, at ~0.1 ms a commit.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      // Checkpoints run in a worker thread of their own (wal-checkpointer.ts), not in a commit.
      db.pragma('wal_autocheckpoint = 0');
    },
  };
}
