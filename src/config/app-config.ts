import { DEFAULT_EARLIEST_YEAR } from '../common/months';
import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../common/time-zone';
import { isLanguage, type Language } from '../i18n/language';

export type DatabaseConfig = (
  { type: 'sqlite'; file: string } | { type: 'postgres'; url: string }
) & {
  /** Log every SQL statement with its parameters (LOG_SQL=on): for query plans, not for production. */
  logSql?: boolean;
};

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  demoData: boolean;
  production: boolean;
  sessionSecret: string;
  /** True when the session secret was generated at start-up (sessions end on restart). */
  sessionSecretGenerated: boolean;
  /**
   * Express's "trust proxy" (TRUST_PROXY): behind a TLS-terminating load balancer the app sees
   * plain HTTP, and must believe its X-Forwarded-Proto to send the Secure session cookie.
   */
  trustProxy: string | false;
  /** The organisation's time zone (TZ): "today", months of timestamps and every time shown. */
  timeZone: string;
  /**
   * The interface's language (LANGUAGE, nl or en) for whoever has not chosen one and whose
   * browser asks for neither.
   */
  language: Language;
  /** The first year a month may be in (EARLIEST_YEAR, default 2000): older ones are typos. */
  earliestYear: number;
  /** Heavy requests (portfolio overviews) in flight at once per user and per instance. */
  heavyPerUser: number;
  heavyPerInstance: number;
  /** Requests one API token may make a minute (API_RATE_LIMIT), counted in the database. */
  apiRateLimit: number;
  /** Megabytes of rendered answers kept per instance (ANSWER_CACHE_MB; 0: none), see answer-cache. */
  answerCacheMb: number;
  /** Reminders: the scheduler (REMINDERS on/off), its interval, and e-mail when SMTP_URL is set. */
  reminders: {
    enabled: boolean;
    intervalMinutes: number;
    smtpUrl: string | null;
    mailFrom: string | null;
    /** The app's address as people open it (PUBLIC_URL), for the links in e-mails. */
    publicUrl: string;
  };
}

/** The organisations this is for meet in Dutch: Dutch unless LANGUAGE says otherwise. */
const DEFAULT_LANGUAGE: Language = 'nl';

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration once; a bad value stops the app naming the variable. */
export function loadConfig(env: Env = process.env, root = process.cwd()): AppConfig {
  const problems: string[] = [];

  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    problems.push(`PORT must be a whole number from 1 to 65535, got "${portText}"`);
  }

  let database: DatabaseConfig;
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      problems.push('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
    }
    database = { type: 'postgres', url };
  } else {
    const file = env.SQLITE_FILE?.trim() || 'data/tracker.sqlite';
    database = {
      type: 'sqlite',
      file: file === ':memory:' || isAbsolute(file) ? file : resolve(root, file),
    };
  }

  const demoText = (env.DEMO_DATA ?? 'on').toLowerCase();
  if (!['on', 'off'].includes(demoText)) {
    problems.push(`DEMO_DATA must be "on" or "off", got "${env.DEMO_DATA}"`);
  }

  const production = env.NODE_ENV === 'production';
  let sessionSecret = env.SESSION_SECRET ?? '';
  const sessionSecretGenerated = !sessionSecret;
  if (sessionSecret && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters');
  }
  if (!sessionSecret) {
    if (production) {
      // Several instances must share one secret, so production never invents one.
      problems.push('SESSION_SECRET is required when NODE_ENV=production');
    }
    sessionSecret = randomBytes(32).toString('hex');
  }

  const trustProxy = env.TRUST_PROXY?.trim() || false;
  if (trustProxy && !/^(loopback|linklocal|uniquelocal|\d+|[\d.:a-fA-F/, ]+)$/.test(trustProxy)) {
    problems.push(
      'TRUST_PROXY must be a hop count, loopback, linklocal, uniquelocal or addresses (e.g. 10.0.0.0/8)',
    );
  }
  const logSqlText = (env.LOG_SQL ?? 'off').toLowerCase();
  if (!['on', 'off'].includes(logSqlText)) {
    problems.push(`LOG_SQL must be "on" or "off", got "${env.LOG_SQL}"`);
  }

  const timeZone = env.TZ?.trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    problems.push(`TZ must be a time zone such as Europe/Amsterdam, got "${env.TZ}"`);
  }

  const languageText = env.LANGUAGE?.trim().toLowerCase() || DEFAULT_LANGUAGE;
  if (!isLanguage(languageText))
    problems.push(`LANGUAGE must be "nl" or "en", got "${env.LANGUAGE}"`);

  const earliestText = env.EARLIEST_YEAR?.trim() || String(DEFAULT_EARLIEST_YEAR);
  const earliestYear = Number(earliestText);
  if (!/^\d{4}$/.test(earliestText) || earliestYear < 1900 || earliestYear > 2100) {
    problems.push(`EARLIEST_YEAR must be a year from 1900 to 2100, got "${env.EARLIEST_YEAR}"`);
  }

  const count = (name: string, fallback: number, most = 1000) => {
    const raw = env[name]?.trim() || String(fallback);
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > most)
      problems.push(`${name} must be a whole number from 1 to ${most}, got "${env[name]}"`);
    return value;
  };
  const heavyPerUser = count('HEAVY_PER_USER', 2);
  const heavyPerInstance = count('HEAVY_PER_INSTANCE', 6);
  const apiRateLimit = count('API_RATE_LIMIT', 300, 100_000);
  const cacheText = env.ANSWER_CACHE_MB?.trim() || '32';
  if (!/^\d+$/.test(cacheText) || Number(cacheText) > 1024)
    problems.push(
      `ANSWER_CACHE_MB must be a whole number from 0 to 1024, got "${env.ANSWER_CACHE_MB}"`,
    );
  const answerCacheMb = Number(cacheText);

  const remindersText = (env.REMINDERS ?? 'on').toLowerCase();
  if (!['on', 'off'].includes(remindersText))
    problems.push(`REMINDERS must be "on" or "off", got "${env.REMINDERS}"`);
  const intervalMinutes = count('REMINDER_INTERVAL_MINUTES', 15, 1440);
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
    problems.push(
      'SMTP_URL must be an smtp:// or smtps:// URL, such as smtp://user:pass@mail.example:587',
    );
  const mailFrom = env.MAIL_FROM?.trim() || null;
  if (smtpUrl && !mailFrom)
    problems.push(
      'MAIL_FROM must be set when SMTP_URL is, such as "Channel pilots <pilots@example.org>"',
    );
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${portText}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(publicUrl))
    problems.push(`PUBLIC_URL must be an http(s) URL, got "${env.PUBLIC_URL}"`);

  if (problems.length) {
    throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  }
  return {
    port,
    database: { ...database!, logSql: logSqlText === 'on' },
    demoData: demoText === 'on',
    production,
    sessionSecret,
    sessionSecretGenerated,
    trustProxy: trustProxy && /^\d+$/.test(trustProxy) ? String(Number(trustProxy)) : trustProxy,
    timeZone,
    language: languageText as Language,
    earliestYear,
    heavyPerUser,
    heavyPerInstance,
    apiRateLimit,
    answerCacheMb,
    reminders: {
      enabled: remindersText === 'on',
      intervalMinutes,
      smtpUrl,
      mailFrom,
      publicUrl,
    },
  };
}
