import { Injectable, OnModuleDestroy } from '@nestjs/common';
import session from 'express-session';
import { DataSource, LessThan } from 'typeorm';
import { BOOKKEEPING, Writer } from '../database/writer.service';
import { SessionRecord } from './session-record.entity';
import { SESSION_IDLE_MS } from './session-policy';

const PRUNE_EVERY_MS = 15 * 60 * 1000;

/** A session's idle expiry is written at most this often (it is read on every request). */
const TOUCH_EVERY_MS = 60 * 1000;

type Callback = (error?: unknown, value?: session.SessionData | null) => void;

/**
 * express-session store in the app's database, so instances behind a load balancer share
 * sessions. Its writes go through the Writer like every other write.
 */
@Injectable()
export class DatabaseSessionStore extends session.Store implements OnModuleDestroy {
  private readonly pruner: NodeJS.Timeout;
  /**
   * The expiry `get` just read, per session id, until the same request's `touch` or `set`:
   * touch then skips the write when the expiry would move by less than TOUCH_EVERY_MS. Each
   * entry lives for one request and comes from the database, so instances never disagree.
   */
  private readonly readExpiry = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
  ) {
    super();
    this.pruner = setInterval(() => {
      this.readExpiry.clear(); // what aborted requests left behind
      void this.prune().catch(() => undefined);
    }, PRUNE_EVERY_MS);
    this.pruner.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.pruner);
  }

  override get(sid: string, callback: Callback): void {
    this.dataSource
      .getRepository(SessionRecord)
      .findOneBy({ id: sid })
      .then((row) => {
        if (!row || row.expiresAt.getTime() <= Date.now()) return callback(null, null);
        this.readExpiry.set(sid, row.expiresAt.getTime());
        callback(null, JSON.parse(row.data) as session.SessionData);
      }, callback);
  }

  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
    this.readExpiry.delete(sid);
    const record = {
      id: sid,
      expiresAt: this.expiry(data),
      data: JSON.stringify(data),
      userId: data.userId ?? null,
    };
    this.writer
      .write((em) => em.getRepository(SessionRecord).upsert(record, ['id']), BOOKKEEPING)
      .then(
        () => callback?.(),
        (error) => callback?.(error),
      );
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    this.readExpiry.delete(sid);
    this.writer
      .write((em) => em.getRepository(SessionRecord).delete({ id: sid }), BOOKKEEPING)
      .then(
        () => callback?.(),
        (error) => callback?.(error),
      );
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    const read = this.readExpiry.get(sid);
    this.readExpiry.delete(sid);
    // Every request touches the session: a write (and a disk flush) each time would make the
    // session store the app's bottleneck. Within a minute, the idle time-out is exact enough.
    if (read !== undefined && this.expiry(data).getTime() - read < TOUCH_EVERY_MS) {
      callback?.();
      return;
    }
    this.writer
      .write(
        (em) =>
          em.getRepository(SessionRecord).update({ id: sid }, { expiresAt: this.expiry(data) }),
        BOOKKEEPING,
      )
      .then(
        () => callback?.(),
        () => callback?.(),
      );
  }

  /** Ends every session of a user (deactivation, or "sign out everywhere"). */
  async destroyForUser(userId: number): Promise<number> {
    const result = await this.writer.write((em) =>
      em.getRepository(SessionRecord).delete({ userId }),
    );
    return result.affected ?? 0;
  }

  async prune(now = new Date()): Promise<number> {
    const result = await this.writer.write(
      (em) => em.getRepository(SessionRecord).delete({ expiresAt: LessThan(now) }),
      BOOKKEEPING,
    );
    return result.affected ?? 0;
  }

  /** The idle time-out, from now: every request (touch) moves it on. */
  private expiry(_data: session.SessionData): Date {
    return new Date(Date.now() + SESSION_IDLE_MS);
  }
}
