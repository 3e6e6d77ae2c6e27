import { channelMix, MixPoint } from '../../../src/business-case/contact-mix.math';

const point = (
  month: string,
  desired: number | null,
  undesired: number | null,
  unnecessary: number | null,
): MixPoint => ({
  month,
  desired,
  undesired,
  unnecessary,
});

describe('channelMix', () => {
  it('compares the mix before and during the pilot', () => {
    const mix = channelMix(
      'phone',
      [
        point('2025-11', 300, 500, 200),
        point('2025-12', 300, 500, 200),
        point('2026-01', 290, 300, 110),
        point('2026-02', 310, 300, 90),
      ],
      '2026-01',
    )!;
    // Before: 300/500/200 a month = 30/50/20 %. During: 300/300/100 = 42.9/42.9/14.3 %.
    expect(mix.before.shares).toEqual({ desired: 0.3, undesired: 0.5, unnecessary: 0.2 });
    expect(mix.during.perMonth).toEqual({ desired: 300, undesired: 300, unnecessary: 100 });
    expect(mix.drop).toEqual({ desired: 0, undesired: 200, unnecessary: 100 });
    expect(mix.mostlyDesired).toBe(false);
  });

  it('flags a pilot that took away mostly desired contacts', () => {
    // Desired fell by 150 of the 200 contacts that fell: 75 % > half.
    const mix = channelMix(
      'phone',
      [point('2025-12', 400, 300, 100), point('2026-01', 250, 250, 100)],
      '2026-01',
    )!;
    expect(mix.drop).toEqual({ desired: 150, undesired: 50, unnecessary: 0 });
    expect(mix.mostlyDesired).toBe(true);
  });

  it('needs counts before and during; incomplete months are left out', () => {
    expect(channelMix('phone', [point('2026-01', 1, 1, 1)], '2026-01')).toBeNull();
    expect(
      channelMix('phone', [point('2025-12', 1, null, 1), point('2026-01', 1, 1, 1)], '2026-01'),
    ).toBeNull();
  });
});
