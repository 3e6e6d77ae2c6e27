import { gzipSync } from 'node:zlib';
import type { StoredAnswer } from '../common/not-modified';

/**
 * The answers already rendered, by ETag (which holds the data version, the code, the person,
 * their session, today and the request): a repeat of the same request on the same data gets the
 * same bytes without reading or rendering anything. Bounded in bytes, least recently used out
 * first, and emptied of older data versions as soon as a newer one is stored. Per instance, which
 * is safe with several: the data version every key holds is the database's, shared by all. Pure.
 */
export class AnswerCache {
  // A Map iterates in insertion order: re-inserting on every hit keeps it least-recently-used first.
  private readonly entries = new Map<string, StoredAnswer>();
  private bytes = 0;
  private newest = -Infinity;

  constructor(private readonly limitBytes: number) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(key: string): StoredAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, answer: Omit<StoredAnswer, 'gzip'>): void {
    const cost = costOf(answer);
    // One answer may take an eighth of the room: a huge export would flush everyone's pages.
    if (cost > this.limitBytes / 8 || answer.version < this.newest) return;
    if (answer.version > this.newest) {
      this.newest = answer.version;
      for (const [k, e] of this.entries) if (e.version < answer.version) this.drop(k, e);
    }
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    for (const [k, e] of this.entries) {
      if (this.bytes + cost <= this.limitBytes) break;
      this.drop(k, e);
    }
    this.entries.set(key, { ...answer });
    this.bytes += cost;
  }

  /** The body gzipped (made once per entry, counted against the limit). */
  gzipped(key: string, entry: StoredAnswer): Buffer {
    if (!entry.gzip) {
      entry.gzip = gzipSync(entry.body);
      if (this.entries.get(key) === entry) this.bytes += entry.gzip.length;
    }
    return entry.gzip;
  }

  private drop(key: string, entry: StoredAnswer): void {
    this.entries.delete(key);
    this.bytes -= costOf(entry);
  }
}

const costOf = (answer: Omit<StoredAnswer, 'gzip'> & { gzip?: Buffer }) =>
  answer.body.length + (answer.gzip?.length ?? 0) + 200;
