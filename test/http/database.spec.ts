import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { Channel } from '../../src/channels/channel.entity';
import { WalCheckpointer } from '../../src/database/wal-checkpointer';
import { Writer } from '../../src/database/writer.service';
import { createTestApp, TestApp } from '../support/test-app';

describe('Database', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has a migrated schema that matches the entities exactly', async () => {
    // The queries TypeORM would run to make the schema fit the entities: none, or they disagree.
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('checkpoints the write-ahead log in a worker thread, never inside a commit (SQLite)', async () => {
    if (t.dialect !== 'sqlite') return; // PostgreSQL has no such log to move
    const [{ wal_autocheckpoint }] = await t.dataSource.query('PRAGMA wal_autocheckpoint');
    expect(wal_autocheckpoint).toBe(0);
    const checkpointer = t.app.get(WalCheckpointer);
    await t.app.get(Writer).write(async (em) => {
      for (let i = 0; i < 50; i += 1)
        await em.query(
          `INSERT INTO audit_entry (at, actor, entity_type, entity_id, action) VALUES (datetime('now'), 'wal test', 'pilot', ${i}, 'update')`,
        );
    });
    // Polled, not slept for: the worker runs every second; a busy machine may take longer.
    for (let waited = 0; ; waited += 50) {
      const last = checkpointer.last;
      if (last && 'log' in last && last.log > 0 && last.checkpointed === last.log) break;
      if (waited > 60_000)
        throw new Error(`no checkpoint within a minute: ${JSON.stringify(last)}`);
      await sleep(50);
    }
  });

  it('has the standard channels from the data migration', async () => {
    const rows = await t.dataSource.query('SELECT "key" FROM "channel" ORDER BY "position"');
    expect(rows.map((row: { key: string }) => row.key)).toEqual([
      'phone',
      'email',
      'chat',
      'web-form',
      'social',
      'shop',
    ]);
  });

  it('keeps a write that overlaps a failing transaction (the Writer serialises them on SQLite)', async () => {
    // Without the queue, on SQLite the second unit becomes a savepoint inside the first and
    // the first one's ROLLBACK takes it along, although it was reported as committed.
    const writer = t.app.get(Writer);
    const row = (key: string) => ({
      key,
      name: key,
      active: true,
      position: 99,
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const failing = writer.write(async (em) => {
      await em.insert(Channel, row('doomed'));
      // The second unit was handed to the Writer before this line runs: the two overlap
      // however fast or slow the machine is.
      await setImmediate();
      throw new Error('fails on purpose');
    });
    const succeeding = writer.write(async (em) => {
      await em.insert(Channel, row('kept'));
    });
    await expect(failing).rejects.toThrow('fails on purpose');
    await succeeding;
    const keys = (await t.dataSource.getRepository(Channel).find()).map((c) => c.key);
    expect(keys).toContain('kept');
    expect(keys).not.toContain('doomed');
  });

  const sqliteOnly = process.env.TEST_DATABASE_URL ? it.skip : it;

  sqliteOnly(
    'runs SQLite in WAL mode with synchronous=FULL, foreign keys on and a busy timeout',
    async () => {
      const pragma = async (name: string) =>
        Object.values((await t.dataSource.query(`PRAGMA ${name}`))[0])[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2);
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    },
  );
});
