import { computeBusinessCase } from '../../../src/business-case/business-case.math';
import { type LoggedVolume, methodRefusal } from '../../../src/business-case/baseline.math';
import { pinErrors } from '../../../src/business-case/plan-rules';
import { workedExample } from './fixtures';
import { said, say } from '../../../src/common/phrase';
import { inLanguage } from '../../../src/i18n/language';

// A pin the data does not allow is refused on the plan form with the reason; a pin that later
// data makes inapplicable is shown with the method used instead (business-case.md).

const rows = (count: number, withControl = count): LoggedVolume[] =>
  Array.from({ length: count }, (_, i) => ({
    channelId: 7,
    month: `2025-${String(i + 1).padStart(2, '0')}`,
    volume: 1000 + i,
    controlVolume: i < withControl ? 2000 : null,
  }));

describe('a pinned baseline method on the plan form', () => {
  it.each([
    ['trend', 5, 5, 'Trend needs 6 months of history; there are 5 before the start month.'],
    ['mean', 2, 2, 'Mean needs 3 months of history; there are 2 before the start month.'],
    [
      'control',
      6,
      2,
      'Control needs 3 months of history with a control volume; there are 2 before the start month.',
    ],
    ['mean', 1, 1, 'Mean needs 3 months of history; there is 1 before the start month.'],
  ] as const)('refuses %s with %i months of history (%i with control)', (method, n, c, message) => {
    const errors = pinErrors('2026-01', [{ channelId: 7, baselineMethod: method }], rows(n, c));
    expect(errors.method_7[0]).toBe(
      `${message} Choose a method the history allows, or leave it to the default.`,
    );
  });

  it.each([
    ['trend', 6, 0],
    ['mean', 3, 0],
    ['control', 3, 3],
  ] as const)('allows %s at its minimum (%i months, %i with control)', (method, n, c) => {
    expect(pinErrors('2026-01', [{ channelId: 7, baselineMethod: method }], rows(n, c))).toEqual(
      {},
    );
  });

  it('counts only the months before the start month, and leaves unpinned channels alone', () => {
    expect(
      Object.keys(pinErrors('2025-04', [{ channelId: 7, baselineMethod: 'mean' }], rows(6))),
    ).toEqual([]);
    expect(
      pinErrors('2025-03', [{ channelId: 7, baselineMethod: 'mean' }], rows(6)).method_7,
    ).toHaveLength(1);
    expect(pinErrors('2025-03', [{ channelId: 7, baselineMethod: null }], rows(1))).toEqual({});
  });

  it('words each method’s minimum', () => {
    const history = rows(3).map((r) => ({ month: r.month, volume: 1, control: null }));
    expect(methodRefusal(history, 'mean')).toBeNull();
    expect(say(methodRefusal(history, 'trend')!)).toBe(
      'trend needs 6 months of history; there are 3',
    );
    expect(inLanguage('nl', () => say(methodRefusal(history, 'trend')!))).toBe(
      'trend heeft 6 maanden historie nodig; er zijn er 3',
    );
  });
});

describe('a pin that the data no longer allows', () => {
  it('is shown with the reason and the method used instead', () => {
    const input = workedExample(); // three months of history
    input.channels[0].pinnedMethod = 'trend';
    const [phone] = said(computeBusinessCase(input).channels);
    expect(phone).toMatchObject({
      pinned: 'trend',
      method: 'mean',
      pinNote: 'trend needs 6 months of history; there are 3',
    });
  });

  it('a pinned control without any control volume in the pilot’s months says so', () => {
    const input = workedExample(); // its one month logs no control volume
    input.channels[0].pinnedMethod = 'control';
    input.channels[0].history = input.channels[0].history.map((h) => ({ ...h, control: 20000 }));
    const [phone] = said(computeBusinessCase(input).channels);
    expect(phone).toMatchObject({
      pinned: 'control',
      method: 'mean',
      pinNote: 'no month of the pilot has the control volume it needs',
    });
  });

  it('a pin that applies leaves no note', () => {
    const input = workedExample();
    input.channels[0].pinnedMethod = 'mean';
    expect(computeBusinessCase(input).channels[0]).toMatchObject({ method: 'mean', pinNote: null });
  });
});
