import { gunzipSync } from 'node:zlib';
import { AnswerCache } from '../../src/web/answer-cache';

const answer = (version: number, text: string) => ({
  version,
  contentType: 'text/html; charset=utf-8',
  disposition: null,
  body: Buffer.from(text),
});

describe('AnswerCache', () => {
  it('gives back what was kept under a key, and nothing under another', () => {
    const cache = new AnswerCache(10_000);
    cache.set('a', answer(1, 'page a'));
    expect(cache.get('a')?.body.toString()).toBe('page a');
    expect(cache.get('b')).toBeUndefined();
  });

  it('drops older data versions once a newer one is kept, and refuses to keep an older one', () => {
    const cache = new AnswerCache(10_000);
    cache.set('a', answer(1, 'old a'));
    cache.set('b', answer(2, 'new b'));
    expect(cache.get('a')).toBeUndefined();
    cache.set('c', answer(1, 'late old c'));
    expect(cache.get('c')).toBeUndefined();
    expect(cache.size.entries).toBe(1);
  });

  it('stays within its bytes, the least recently used out first', () => {
    const cache = new AnswerCache(8 * 350); // an answer may take an eighth: 350 bytes
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])
      cache.set(key, answer(1, key.repeat(100)));
    // 300 bytes each (with 200 for the entry): ten do not fit in 2 800.
    expect(cache.size.bytes).toBeLessThanOrEqual(2800);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('j')).toBeDefined();
    // A hit makes an entry the most recent: the next to go is another.
    const oldest = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].find((k) => cache.get(k))!;
    cache.set('k', answer(1, 'k'.repeat(100)));
    cache.set('l', answer(1, 'l'.repeat(100)));
    expect(cache.get(oldest)).toBeDefined();
  });

  it('does not keep an answer larger than an eighth of its room', () => {
    const cache = new AnswerCache(8000);
    cache.set('big', answer(1, 'x'.repeat(1000)));
    expect(cache.get('big')).toBeUndefined();
  });

  it('gzips an answer once, and counts it', () => {
    const cache = new AnswerCache(100_000);
    cache.set('a', answer(1, 'page '.repeat(500)));
    const entry = cache.get('a')!;
    const before = cache.size.bytes;
    const gz = cache.gzipped('a', entry);
    expect(gunzipSync(gz).toString()).toBe('page '.repeat(500));
    expect(cache.gzipped('a', entry)).toBe(gz);
    expect(cache.size.bytes).toBe(before + gz.length);
  });

  it('keeps nothing with no room', () => {
    const cache = new AnswerCache(0);
    cache.set('a', answer(1, 'a'));
    expect(cache.get('a')).toBeUndefined();
  });
});
