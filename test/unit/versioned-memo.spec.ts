import { VersionedMemo } from '../../src/database/versioned-memo';
import type { Writer } from '../../src/database/writer.service';

/** A memo over a data version this test moves on by hand. */
function memoAt() {
  const state = { version: 1 };
  const writer = { dataVersion: () => Promise.resolve(state.version) } as unknown as Writer;
  return { memo: new VersionedMemo(writer), state };
}

describe('VersionedMemo', () => {
  it('computes once per data version, and shares one computation among concurrent callers', async () => {
    const { memo, state } = memoAt();
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { runs };
    };
    const [a, b, c] = await Promise.all([
      memo.get('k', compute),
      memo.get('k', compute),
      memo.get('k', compute),
    ]);
    expect(runs).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(await memo.get('k', compute)).toBe(a);
    expect(await memo.get('other', compute)).toEqual({ runs: 2 });

    state.version = 2;
    expect(await memo.get('k', compute)).toEqual({ runs: 3 });
  });

  it('keeps no failed computation', async () => {
    const { memo } = memoAt();
    await expect(memo.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await memo.get('k', () => Promise.resolve('up'))).toBe('up');
  });

  it('freezes what it shares (outside production), so a caller that changes it fails', async () => {
    const { memo } = memoAt();
    const shared = await memo.get('k', () => Promise.resolve({ rows: [{ n: 1 }] }));
    expect(() => shared.rows.push({ n: 2 })).toThrow(TypeError);
    expect(() => (shared.rows[0].n = 3)).toThrow(TypeError);
  });
});
