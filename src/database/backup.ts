import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { lockFileOf, lockHolder } from './instance-lock';

// Backup and restore of the embedded SQLite database (issue: reliability). A backup is a
// consistent copy taken while the app runs (VACUUM INTO reads one snapshot); a restore checks
// the file first and replaces the database only while no app process serves it.

export interface BackupFacts {
  bytes: number;
  pilots: number;
  monthlyResults: number;
  migrations: string[];
}

/** What a good backup holds, or the reasons it is not one. */
export function checkBackup(
  file: string,
  knownMigrations: string[],
): { ok: true; facts: BackupFacts } | { ok: false; problems: string[] } {
  if (!existsSync(file)) return { ok: false, problems: [`${file} does not exist`] };
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== 'SQLite format 3\u0000')
    return { ok: false, problems: [`${file} is not an SQLite database`] };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return checkContents(db, file, knownMigrations);
  } catch (error) {
    // SQLite's own words ("database disk image is malformed") tell an operator too little.
    const code = String((error as { code?: unknown }).code ?? '');
    if (!/SQLITE_(CORRUPT|NOTADB)/.test(code)) throw error;
    return {
      ok: false,
      problems: [
        `${file} is damaged: SQLite cannot read it (${(error as Error).message}). It was probably cut short or changed after it was made; restore an earlier backup, or make a new one from a running app`,
      ],
    };
  } finally {
    db?.close();
  }
}

function checkContents(
  db: Database.Database,
  file: string,
  knownMigrations: string[],
): { ok: true; facts: BackupFacts } | { ok: false; problems: string[] } {
  {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (integrity.length !== 1 || integrity[0].integrity_check !== 'ok')
      problems.push(
        `the integrity check fails: ${integrity
          .map((r) => r.integrity_check)
          .slice(0, 3)
          .join('; ')}`,
      );
    const tables = new Set(
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
          name: string;
        }>
      ).map((r) => r.name),
    );
    if (!tables.has('migrations') || !tables.has('pilot'))
      return { ok: false, problems: [...problems, `${file} is not a database of this app`] };
    const migrations = (
      db.prepare('SELECT name FROM migrations ORDER BY id').all() as Array<{ name: string }>
    ).map((r) => r.name);
    const unknown = migrations.filter((m) => !knownMigrations.includes(m));
    if (unknown.length)
      problems.push(
        `it comes from a newer version of the app (migrations ${unknown.join(', ')}); restore it with that version`,
      );
    if (problems.length) return { ok: false, problems };
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      ok: true,
      facts: {
        bytes: statSync(file).size,
        pilots: count('pilot'),
        monthlyResults: count('monthly_result'),
        migrations,
      },
    };
  }
}

/** A consistent copy of the live database into `target` (which must not exist yet). */
export function backupSqlite(databaseFile: string, target: string): void {
  if (existsSync(target)) throw new Error(`${target} exists already; choose a new file name`);
  const db = new Database(databaseFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
}

/**
 * Replaces the database with the backup: refuses while an app process serves it, keeps the
 * replaced database beside it, and swaps the file in with a rename (never half-written).
 */
export function restoreSqlite(databaseFile: string, backupFile: string, knownMigrations: string[]) {
  const holder = lockHolder(databaseFile);
  if (holder)
    throw new Error(
      `The app (pid ${holder.pid} on ${holder.host}) is running on ${databaseFile}. Stop it, then restore. (If no app runs, delete ${lockFileOf(databaseFile)}.)`,
    );
  const check = checkBackup(backupFile, knownMigrations);
  if (!check.ok) throw new Error(`${backupFile} cannot be restored: ${check.problems.join('; ')}`);
  let keptAs: string | null = null;
  if (existsSync(databaseFile)) {
    keptAs = `${databaseFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    backupSqlite(databaseFile, keptAs); // folds in the WAL, so the kept copy is whole
  }
  mkdirSync(dirname(databaseFile), { recursive: true });
  const incoming = `${databaseFile}.restoring`;
  copyFileSync(backupFile, incoming);
  const fd = openSync(incoming, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  renameSync(incoming, databaseFile);
  // The rename itself survives a power cut only once the directory is on disk.
  const dir = openSync(dirname(databaseFile), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
  return { facts: check.facts, keptAs };
}
