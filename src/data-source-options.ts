import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../migrations';
import type { DatabaseConfig } from './config/app-config';
import { entities } from './entities';
import { applySqliteSettings } from './database/sqlite-settings';

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
    prepareDatabase: applySqliteSettings,
  };
}
