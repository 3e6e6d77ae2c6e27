import { ConfigError, loadConfig } from '../../src/config/app-config';

describe('loadConfig', () => {
  it('defaults to port 3000, SQLite in data/ and demo data on', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 3000,
      demoData: true,
      production: false,
      database: { type: 'sqlite', file: '/srv/app/data/tracker.sqlite' },
    });
    expect(config.sessionSecretGenerated).toBe(true);
  });

  it('selects PostgreSQL with a postgres:// DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/pilots' }).database).toEqual({
      type: 'postgres',
      url: 'postgres://u:p@db:5432/pilots',
      logSql: false,
    });
  });

  it('trusts a proxy only when told, and logs SQL only when asked', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe('1');
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow('TRUST_PROXY must be');
    expect(loadConfig({ LOG_SQL: 'on' }).database.logSql).toBe(true);
    expect(() => loadConfig({ LOG_SQL: 'yes' })).toThrow('LOG_SQL must be "on" or "off"');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535, got "abc"'],
    [{ PORT: '70000' }, 'PORT must be a whole number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres://'],
    [{ DEMO_DATA: 'yes' }, 'DEMO_DATA must be "on" or "off", got "yes"'],
    [
      { NODE_ENV: 'production', DEMO_DATA: 'off' },
      'SESSION_SECRET is required when NODE_ENV=production',
    ],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET must be at least 32 characters'],
    [{ EARLIEST_YEAR: '99' }, 'EARLIEST_YEAR must be a year from 1900 to 2100'],
  ])('stops on %p naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('takes months from 2000 unless EARLIEST_YEAR says otherwise', () => {
    expect(loadConfig({}).earliestYear).toBe(2000);
    expect(loadConfig({ EARLIEST_YEAR: '2015' }).earliestYear).toBe(2015);
  });

  it('speaks Dutch unless LANGUAGE says English, and refuses another language', () => {
    expect(loadConfig({}).language).toBe('nl');
    expect(loadConfig({ LANGUAGE: 'EN' }).language).toBe('en');
    expect(() => loadConfig({ LANGUAGE: 'fr' })).toThrow('LANGUAGE must be "nl" or "en", got "fr"');
  });

  it('reports every bad variable at once', () => {
    expect(() => loadConfig({ PORT: '0', DEMO_DATA: 'maybe' })).toThrow(/PORT[\s\S]*DEMO_DATA/);
  });

  it('e-mails reminders only with an SMTP URL and a sender, and limits API tokens per minute', () => {
    expect(loadConfig({}).reminders).toEqual({
      enabled: true,
      intervalMinutes: 15,
      smtpUrl: null,
      mailFrom: null,
      publicUrl: 'http://localhost:3000',
    });
    expect(loadConfig({}).apiRateLimit).toBe(300);
    const mail = loadConfig({
      SMTP_URL: 'smtp://u:p@mail.example:587',
      MAIL_FROM: 'Pilots <p@example.org>',
      PUBLIC_URL: 'https://pilots.example.org/',
      REMINDERS: 'off',
    }).reminders;
    expect(mail).toMatchObject({ enabled: false, publicUrl: 'https://pilots.example.org' });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example' })).toThrow(/MAIL_FROM must be set/);
    expect(() => loadConfig({ SMTP_URL: 'mail.example', MAIL_FROM: 'x' })).toThrow(
      /SMTP_URL must be an smtp/,
    );
    expect(() => loadConfig({ API_RATE_LIMIT: '0', REMINDERS: 'sometimes' })).toThrow(
      /REMINDERS must be "on" or "off"[\s\S]*API_RATE_LIMIT|API_RATE_LIMIT[\s\S]*REMINDERS/,
    );
  });
});
