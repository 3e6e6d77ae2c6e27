import { loadConfig } from '../../src/config/app-config';
import { todayIso } from '../../src/common/dates';
import { hbsHelpers } from '../../src/hbs-helpers';
import { monthOf } from '../../src/common/months';
import { DEFAULT_TIME_ZONE, setTimeZone } from '../../src/common/time-zone';

// Times are shown, and "today" is taken, in the organisation's zone (TZ), not the server's UTC.

describe('the organisation time zone', () => {
  afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

  it('is Europe/Amsterdam unless TZ says otherwise, and a wrong TZ stops the app', () => {
    expect(loadConfig({}).timeZone).toBe('Europe/Amsterdam');
    expect(loadConfig({ TZ: 'Europe/Brussels' }).timeZone).toBe('Europe/Brussels');
    expect(() => loadConfig({ TZ: 'Mars/Olympus' })).toThrow(/TZ must be a time zone/);
  });

  it('shows times in local time, summer and winter', () => {
    const format = (iso: string) => hbsHelpers.formatDateTime(new Date(iso), undefined);
    expect(format('2026-12-02T23:30:00Z')).toBe('3 Dec 2026 00:30');
    expect(format('2026-07-01T22:05:00Z')).toBe('2 Jul 2026 00:05');
    setTimeZone('UTC');
    expect(format('2026-12-02T23:30:00Z')).toBe('2 Dec 2026 23:30');
  });

  it('takes today and a timestamp month in local time', () => {
    const lateOnNewYearsEve = new Date('2026-12-31T23:30:00Z');
    expect(todayIso(lateOnNewYearsEve)).toBe('2027-01-01');
    expect(monthOf(lateOnNewYearsEve)).toBe('2027-01');
    setTimeZone('UTC');
    expect(todayIso(lateOnNewYearsEve)).toBe('2026-12-31');
  });
});
