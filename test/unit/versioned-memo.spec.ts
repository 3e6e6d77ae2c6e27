import { VersionedMemo } from '../../src/database/versioned-memo';
import type { Writer } from '../../src/database/writer.service';

/** A memo over a data version this test moves on by hand. */
function memoAt() {
  // `units`: writes of data started; `open`: open now (as the Writer counts them).
  const state = { version: 1, units: 0, open: 0 };
  const writer = {
    dataVersion: () => Promise.resolve(state.version),
    quietMark: () => (state.open ? null : state.units),
    quietSince: (mark: number | null) => mark !== null && !state.open && state.units === mark,
  } as unknown as Writer;
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

  it('keeps nothing computed while a write of data was open (it may have read uncommitted rows)', async () => {
    const { memo, state } = memoAt();
    let runs = 0;
    const compute = () => Promise.resolve(++runs);
    state.open = 1;
    state.units = 1;
    expect(await memo.get('k', compute)).toBe(1);
    // The write rolled back: the version did not move, and the result is not served again.
    state.open = 0;
    expect(await memo.get('k', compute)).toBe(2);
    // A write that started and ended during a computation: not kept either.
    const slow = memo.get('slow', async () => {
      state.units += 1;
      return ++runs;
    });
    expect(await slow).toBe(3);
    expect(await memo.get('slow', compute)).toBe(4);
    expect(await memo.get('slow', compute)).toBe(4);
  });
});
