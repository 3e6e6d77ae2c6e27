import { auditValue, diffFields } from '../../src/audit/audit-diff';

describe('auditValue', () => {
  it.each<[unknown, string | null]>([
    [null, null],
    [undefined, null],
    ['', null],
    ['text', 'text'],
    [3, '3'],
    [false, 'false'],
    [[], null],
    [['a', 'b'], 'a, b'],
  ])('%p → %p', (value, expected) => expect(auditValue(value)).toBe(expected));
});

describe('diffFields', () => {
  const before = { name: 'Bot', owner: null as string | null, purposes: ['revenue'], note: '' };

  it('lists only the fields that changed, old → new, in the order given', () => {
    expect(
      diffFields(before, { name: 'Bot 2', owner: 'Ann', purposes: ['revenue'] }, [
        'owner',
        'name',
        'purposes',
      ]),
    ).toEqual([
      { field: 'owner', oldValue: null, newValue: 'Ann' },
      { field: 'name', oldValue: 'Bot', newValue: 'Bot 2' },
    ]);
  });

  it('treats empty text and null as the same (no change)', () => {
    expect(diffFields(before, { note: null as unknown as string }, ['note'])).toEqual([]);
  });

  it('ignores fields that the new values do not mention', () => {
    expect(diffFields(before, {}, ['name', 'owner'])).toEqual([]);
  });
});
