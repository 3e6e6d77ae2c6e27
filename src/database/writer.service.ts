import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, StorageError } from '../common/domain-error';
import { DataVersion } from './data-version.entity';
import { isAnyUniqueViolation } from './unique-violation';

/** What the Writer needs of TypeORM's one better-sqlite3 connection and its query runner. */
interface SqliteConnection {
  databaseConnection?: { inTransaction: boolean; exec(sql: string): unknown };
  queryRunner?: { transactionDepth: number; isTransactionActive: boolean };
}

const STORAGE_CODES = /SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)|ENOSPC|EROFS/;

/** Writes that change nothing a page shows (sessions, counters, caches): see Writer.write. */
export const BOOKKEEPING = { bookkeeping: true } as const;

/**
 * The one door every write goes through. Each unit of work runs in its own transaction.
 * On SQLite TypeORM shares a single connection among all requests, so overlapping
 * transactions would commit or roll back each other's statements: there the units run
 * one after another, first in, first out. PostgreSQL has a pool and real isolation.
 *
 * After each unit on SQLite the connection is brought back to a known state. A COMMIT that
 * fails (a full disk) leaves TypeORM believing a transaction is still open: every later unit
 * would become a SAVEPOINT inside it, read its own uncommitted writes and be lost on restart.
 */
@Injectable()
export class Writer {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serialise: boolean;
  /** Units of data writing started, and open now: see quietSince. */
  private dataUnits = 0;
  private openDataUnits = 0;
  /** The last write's storage failure, until a write succeeds again (for /health). */
  private failure: string | null = null;

  constructor(private readonly dataSource: DataSource) {
    this.serialise = dataSource.options.type === 'better-sqlite3';
  }

  /**
   * Runs `work` in a transaction of its own. A write of data also moves the data version on, in
   * the same transaction and last (its row is locked only until the commit), so that an ETag made
   * from it changes exactly when what a page shows may have. `bookkeeping` writes (sessions, the
   * API's counters) change nothing a page shows and leave it.
   */
  write<T>(
    work: (manager: EntityManager) => Promise<T>,
    options: { bookkeeping?: boolean } = {},
  ): Promise<T> {
    const unitOfWork = options.bookkeeping
      ? work
      : async (em: EntityManager) => {
          this.dataUnits += 1;
          this.openDataUnits += 1;
          try {
            const result = await work(em);
            await em.increment(DataVersion, { id: 1 }, 'version', 1);
            return result;
          } finally {
            this.openDataUnits -= 1;
          }
        };
    const run = () => this.dataSource.transaction(unitOfWork).catch(asConflict);
    if (!this.serialise) return run();
    const unit = async () => {
      try {
        const result = await run();
        // A unit that returned while the connection is still inside a transaction did not
        // commit: never answer it as saved.
        if (this.reconcile()) throw new StorageError('The change was not committed.');
        this.failure = null;
        return result;
      } catch (error) {
        this.reconcile();
        if (error instanceof StorageError || STORAGE_CODES.test(storageCode(error))) {
          this.failure = (error as Error).message;
          throw error instanceof StorageError ? error : new StorageError((error as Error).message);
        }
        throw error;
      }
    };
    const result = this.tail.then(unit, unit);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * A mark to hand to quietSince: null while a write of data is open. On SQLite the app shares
   * one connection, so a read while a unit is open sees its uncommitted rows; what was computed
   * from them must not be kept under the data version, in case the unit rolls back.
   */
  quietMark(): number | null {
    return this.openDataUnits > 0 ? null : this.dataUnits;
  }

  /** Whether no write of data of this process was open since the mark was taken. */
  quietSince(mark: number | null): boolean {
    return mark !== null && this.openDataUnits === 0 && this.dataUnits === mark;
  }

  /** The data version now: it moves on with every write of data, on every instance. */
  async dataVersion(): Promise<number> {
    const row = await this.dataSource.getRepository(DataVersion).findOneBy({ id: 1 });
    return row?.version ?? 0;
  }

  /** Null while writes succeed; the reason the last one could not be stored otherwise. */
  storageFailure(): string | null {
    return this.failure;
  }

  /**
   * Rolls back a transaction left open on the shared connection and resets TypeORM's count of
   * open transactions. True when something was left open. Only called between units.
   */
  private reconcile(): boolean {
    const driver = this.dataSource.driver as unknown as SqliteConnection;
    const db = driver.databaseConnection;
    const runner = driver.queryRunner;
    const leftOpen = Boolean(db?.inTransaction) || Boolean(runner?.transactionDepth);
    if (db?.inTransaction) db.exec('ROLLBACK');
    if (runner) {
      runner.transactionDepth = 0;
      runner.isTransactionActive = false;
    }
    return leftOpen;
  }
}

/**
 * Two requests that both found a row missing and both inserted it (a first save, on two
 * instances): the unique index refuses the second. That is a conflict the user can act on
 * (409, reload and try again), not a server error. A caller that knows the index better
 * (a URL name, an e-mail address) finds the original as the error's cause.
 */
function asConflict(error: unknown): never {
  if (!isAnyUniqueViolation(error)) throw error;
  const conflict = new DomainError('conflict', t('error.sameMoment'));
  conflict.cause = error;
  throw conflict;
}

function storageCode(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown } };
  return `${String(e?.code ?? '')} ${String(e?.driverError?.code ?? '')} ${String(e?.message ?? '')}`;
}
