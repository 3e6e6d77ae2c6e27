import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one door every write goes through. Each unit of work runs in its own transaction.
 * On SQLite TypeORM shares a single connection among all requests, so overlapping
 * transactions would commit or roll back each other's statements: there the units run
 * one after another, first in, first out. PostgreSQL has a pool and real isolation.
 */
@Injectable()
export class Writer {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serialise: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.serialise = dataSource.options.type === 'better-sqlite3';
  }

  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const run = () => this.dataSource.transaction(work);
    if (!this.serialise) return run();
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
