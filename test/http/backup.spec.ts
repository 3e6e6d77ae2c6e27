import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli';
import { loadConfig } from '../../src/config/app-config';
import { acquireLock, lockFileOf } from '../../src/database/instance-lock';
import { Pilot } from '../../src/pilots/pilot.entity';
import { pilotFields } from '../support/factories';
import { attachFile, submit } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

async function cli(config: ReturnType<typeof loadConfig>, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, config, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('Backup and restore (command line)', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'pilot-backup-'));

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close().catch(() => undefined)); // the restore test stops the app itself

  it('on PostgreSQL, points to pg_dump and pg_restore', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/x' });
    expect(await cli(config, 'backup', join(dir, 'x.dump'))).toMatchObject({ code: 2 });
    expect((await cli(config, 'backup', 'x')).err).toContain('pg_dump --format=custom');
    expect((await cli(config, 'restore', 'x')).err).toContain('pg_restore');
  });

  it('backs up while the app runs, and restores that state once it is stopped', async () => {
    if (t.dialect !== 'sqlite') return; // backup is the SQLite path; PostgreSQL has pg_dump
    const file = t.config.database.type === 'sqlite' ? t.config.database.file : '';
    const backup = join(dir, 'backup.sqlite');
    const pilotsAtBackup = await t.dataSource.getRepository(Pilot).count();
    // An evidence file, kept in the database, goes with the backup.
    const evidence = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x42)]);
    const checklist = '/pilots/whatsapp-movers/readiness';
    const item = /action="(\/pilots\/whatsapp-movers\/readiness\/\d+\/files)\?/.exec(
      (await (await t.agent('admin')).get(checklist)).text,
    )![1];
    expect(
      (await attachFile(await t.agent('admin'), checklist, item, 'signed process.pdf', evidence))
        .status,
    ).toBe(303);

    // The app is serving (and holds its lock) while the backup is taken.
    const release = acquireLock(file);
    const made = await cli(t.config, 'backup', backup);
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out).toMatch(
      /^Backed up to .*backup\.sqlite in \d+ ms: [\d.]+ MB, 9 pilots, \d+ monthly results, \d+ migrations; integrity ok\.$/,
    );
    expect((await cli(t.config, 'backup', backup)).err).toContain('exists already');

    // Work after the backup …
    const res = await submit(
      await t.agent('owner'),
      '/pilots/new',
      '/pilots',
      pilotFields({ name: 'After the backup' }),
    );
    expect(res.status).toBe(303);
    // … and a restore is refused while the app runs.
    const refused = await cli(t.config, 'restore', backup);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /The app \(pid \d+ on .*\) is running on .*Stop it, then restore\./,
    );

    await t.app.close(); // the app stops; its database file stays
    release();
    expect(existsSync(lockFileOf(file))).toBe(false);
    const restored = await cli(t.config, 'restore', backup);
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toContain('The database it replaced is kept as');

    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT COUNT(*) AS n FROM pilot').get() as { n: number }).n).toBe(
      pilotsAtBackup,
    );
    expect(db.prepare("SELECT 1 FROM pilot WHERE name = 'After the backup'").get()).toBeUndefined();
    const carried = db
      .prepare("SELECT content FROM evidence_file WHERE file_name = 'signed process.pdf'")
      .get() as { content: string };
    expect(Buffer.compare(Buffer.from(carried.content, 'base64'), evidence)).toBe(0);
    db.close();
    // The replaced database is kept, whole, with the later pilot in it.
    const kept = readdirSync(join(file, '..')).find((f) => f.includes('.before-restore-'))!;
    const old = new Database(join(file, '..', kept), { readonly: true });
    expect(
      old.prepare("SELECT 1 AS found FROM pilot WHERE name = 'After the backup'").get(),
    ).toEqual({ found: 1 });
    old.close();

    // The app's own code opens the restored database and computes from it.
    const computed = await cli(t.config, 'business-case', 'whatsapp-movers');
    expect(computed).toMatchObject({ code: 0, err: '' });
    expect(computed.out).toContain('WhatsApp for customers who are moving (whatsapp-movers)');
  });

  it('checks the file before it touches the database', async () => {
    if (t.dialect !== 'sqlite') return;
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'not a database at all');
    expect((await cli(t.config, 'restore', notDb)).err).toContain('is not an SQLite database');
    expect((await cli(t.config, 'restore', join(dir, 'missing.sqlite'))).err).toContain(
      'does not exist',
    );

    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (id integer)');
    db.close();
    expect((await cli(t.config, 'restore', other)).err).toContain('is not a database of this app');

    const newer = join(dir, 'newer.sqlite');
    expect((await cli(t.config, 'backup', newer)).code).toBe(0);
    const edit = new Database(newer);
    edit
      .prepare(
        "INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FromTheFuture1999999999999')",
      )
      .run();
    edit.close();
    // A backup damaged after it was made (cut short, bytes overwritten) is named as damaged.
    const damaged = join(dir, 'damaged.sqlite');
    expect((await cli(t.config, 'backup', damaged)).code).toBe(0);
    const bytes = readFileSync(damaged);
    bytes.fill(0xa5, 4096, Math.min(bytes.length, 4096 * 6));
    writeFileSync(damaged, bytes);
    const broken = await cli(t.config, 'restore', damaged);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('is damaged: SQLite cannot read it');
    expect(broken.err).toContain('restore an earlier backup');

    // Not refused for the lock (this test's app does not hold one) but for the newer schema.
    const res = await cli(t.config, 'restore', newer);
    expect(res.err).toContain(
      'comes from a newer version of the app (migrations FromTheFuture1999999999999)',
    );
  });

  it('keeps a second server off the same SQLite file', () => {
    if (t.dialect !== 'sqlite') return;
    const file = join(dir, 'locked.sqlite');
    const release = acquireLock(file);
    writeFileSync(
      lockFileOf(file),
      JSON.stringify({
        pid: process.ppid,
        host: hostname(),
        startedAt: 'earlier',
      }),
    );
    expect(() => acquireLock(file)).toThrow(
      /Another app process \(pid \d+ .*\) serves .*locked\.sqlite/,
    );
    // A lock left by a process that died is taken over.
    writeFileSync(
      lockFileOf(file),
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: hostname(),
        startedAt: 'long ago',
      }),
    );
    const again = acquireLock(file);
    again();
    release();
    expect(existsSync(lockFileOf(file))).toBe(false);
  });
});
