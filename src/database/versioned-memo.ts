import { Injectable } from '@nestjs/common';
import { Writer } from './writer.service';
import { currentLanguage } from '../i18n/language';

/** Results kept at once: a few portfolio-wide answers (ranges, filters) of the current data. */
const MOST = 32;

/**
 * Portfolio-wide results computed once per data version (the finance overview, the ledger, the
 * overlaps, the dashboard), whoever asks: concurrent requests for the same result share one
 * computation, and later ones get it at once until a write of data moves the version on.
 *
 * The version is read before the computation reads anything, so a result is never kept under a
 * version newer than its data; it lives in this instance's memory, which is safe with several
 * instances because the version is the database's, moved on by every instance's writes.
 * A computation that fails is not kept, nor one during which a write of this process was open.
 * Results are shared: callers must not change them (they are frozen outside production, so a
 * test catches one that does).
 */
@Injectable()
export class VersionedMemo {
  private readonly entries = new Map<string, { version: number; value: Promise<unknown> }>();
  private newest = -Infinity;
  private readonly freeze = process.env.NODE_ENV !== 'production';

  constructor(private readonly writer: Writer) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const quiet = this.writer.quietMark();
    const version = await this.writer.dataVersion();
    // Per language too: a result may hold texts (reasons, notes) made in the asker's language.
    const id = `${version}|${currentLanguage()}|${key}`;
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.value as Promise<T>;
    }
    if (version > this.newest) {
      this.newest = version;
      for (const [k, e] of this.entries) if (e.version < version) this.entries.delete(k);
    }
    const value = compute().then((result) => (this.freeze ? deepFreeze(result) : result));
    // Only a computation of the newest data is worth keeping; and none that may have read a
    // write not yet committed (it is shared meanwhile, then dropped once done).
    if (version >= this.newest) {
      this.entries.set(id, { version, value });
      value.then(
        () => this.writer.quietSince(quiet) || this.entries.delete(id),
        () => this.entries.delete(id),
      );
      for (const k of this.entries.keys()) {
        if (this.entries.size <= MOST) break;
        this.entries.delete(k);
      }
    }
    return value;
  }
}

export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  // A typed array's numbers cannot be frozen (Object.freeze refuses it).
  if (ArrayBuffer.isView(value)) return value;
  seen.add(value);
  if (value instanceof Map)
    for (const [k, v] of value as Map<unknown, unknown>) {
      deepFreeze(k, seen);
      deepFreeze(v, seen);
    }
  else if (!(value instanceof Date))
    for (const v of Object.values(value as object)) deepFreeze(v, seen);
  return Object.freeze(value);
}
