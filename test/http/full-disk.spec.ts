import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pilotFields } from '../support/factories';
import { csrfToken, submit } from '../support/forms';
import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

// Issue 13, finding 1: two failed COMMITs on a full disk left SQLite's one shared connection in a
// transaction that never ended; every later write was answered as saved, read back by the app,
// and lost on restart. Here the database lives on a small tmpfs that the test fills.

const dir = mkdtempSync(join(tmpdir(), 'pilot-full-disk-'));
let skipReason = '';
if (process.env.TEST_DATABASE_URL) skipReason = 'SQLite only: PostgreSQL has its own connections';
else
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    skipReason = `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`;
  }
if (skipReason) console.warn(`full-disk.spec.ts skipped: ${skipReason}`);

/** Fills the file system with one file; returns its path, to delete to free the space. */
function fillDisk(): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // ENOSPC: full. Fill the last bytes too.
    for (let size = 32 * 1024; size >= 1; size = Math.floor(size / 2))
      try {
        for (;;) writeSync(fd, block.subarray(0, size));
      } catch {
        // this size no longer fits
      }
  } finally {
    closeSync(fd);
  }
  return file;
}

(skipReason ? describe.skip : describe)('A full disk (SQLite on a small tmpfs)', () => {
  const file = join(dir, 'app.sqlite');
  let t: TestApp;

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    try {
      execFileSync('umount', [dir]);
    } catch {
      // not mounted
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers no write as saved while the disk is full, recovers when space is freed, and loses nothing acknowledged', async () => {
    t = await createTestApp({ env: { SQLITE_FILE: file } });
    const agent = await t.agent('admin');
    const acknowledged: string[] = [];
    const refused: string[] = [];
    const create = async (name: string) => {
      const res = await submit(agent, '/pilots/new', '/pilots', pilotFields({ name }));
      if (res.status === 303) acknowledged.push(res.headers.location.replace('/pilots/', ''));
      else {
        expect(res.status).toBe(503);
        expect(res.text).toContain('Nothing of this was saved');
        refused.push(name);
      }
    };
    await create('Before the disk filled');
    expect(acknowledged).toHaveLength(1);

    const filler = fillDisk();
    for (let i = 1; i <= 8; i += 1) await create(`While the disk is full ${i}`);
    // The scenario happened: writes failed, and the app says it cannot write.
    expect(refused.length).toBeGreaterThan(0);
    const health = await (await t.agent(null)).get('/health');
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('cannot_write');
    // Signing in cannot be recorded either: the visitor is told so, not that the form expired.
    const visitor = await t.agent(null);
    const signInPage = await visitor.get('/sign-in').expect(200);
    const signIn = await visitor
      .post('/sign-in')
      .type('form')
      .send({
        email: 'admin@test.example',
        password: TEST_PASSWORD,
        _csrf: csrfToken(signInPage.text),
      });
    expect(signIn.status).toBe(503);
    expect(signIn.text).toContain('Nothing of this was saved');
    expect(signIn.text).not.toContain('The form had expired');

    unlinkSync(filler);
    await create('After space was freed');
    expect(acknowledged).toContain('after-space-was-freed');
    await (await t.agent(null)).get('/health').expect(200);

    // Stop the app, then read the file as another process would (and a restart will): every
    // acknowledged write is there, no refused one is, and the file is sound.
    await t.close();
    const db = new Database(file, { readonly: true });
    try {
      const stored = (db.prepare('SELECT slug FROM pilot').all() as Array<{ slug: string }>).map(
        (p) => p.slug,
      );
      expect(stored.sort()).toEqual([...acknowledged].sort());
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
