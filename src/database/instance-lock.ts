import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

// One app process per SQLite file: the Writer serialises writes within a process, not across
// processes. The server takes this lock at start (and gives it back at exit); a second server
// on the same file refuses to start, and `restore` refuses while the lock is held. The command
// line's other commands may run beside the server (SQLite's own locking keeps them apart).

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

export const lockFileOf = (databaseFile: string) => `${databaseFile}.lock`;

/** The live holder of the lock, or null (none, or a stale one from a process that died). */
export function lockHolder(databaseFile: string): LockHolder | null {
  const file = lockFileOf(databaseFile);
  if (!existsSync(file)) return null;
  let holder: LockHolder;
  try {
    holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
  // On another machine the process cannot be checked: assume it is alive.
  if (holder.host !== hostname()) return holder;
  try {
    process.kill(holder.pid, 0);
    return holder;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? holder : null;
  }
}

/** Takes the lock for this process; throws with the holder when another live process has it. */
export function acquireLock(databaseFile: string): () => void {
  const holder = lockHolder(databaseFile);
  if (holder && holder.pid !== process.pid)
    throw new Error(
      `Another app process (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}) serves ${databaseFile}. ` +
        `SQLite takes one app process; run several instances on PostgreSQL. (If no app runs, delete ${lockFileOf(databaseFile)}.)`,
    );
  const file = lockFileOf(databaseFile);
  writeFileSync(
    file,
    JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }),
  );
  return () => {
    if (lockHolder(databaseFile)?.pid === process.pid) rmSync(file, { force: true });
  };
}
