import { say } from './common/phrase';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFileSync, statSync } from 'node:fs';
import { AccountsService } from './accounts/accounts.service';
import { AppModule } from './app.module';
import { businessCaseJson } from './business-case/business-case.export';
import { restsOn } from './business-case/evidence-words';
import { BusinessCaseService } from './business-case/business-case.service';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { monthOf, setEarliestYear } from './common/months';
import { ledgerJson } from './ledger/ledger.export';
import { ledgerRange } from './ledger/ledger-rules';
import { LedgerService } from './ledger/ledger.service';
import { setTimeZone } from './common/time-zone';
import { setDefaultLanguage } from './i18n/language';
import { DomainError } from './common/domain-error';
import { readForm } from './common/forms';
import { NewUserDto } from './accounts/dto/user-forms.dto';
import { PilotsService } from './pilots/pilots.service';
import { MAX_UPLOAD_BYTES } from './results/import/import-page';
import { MetricsImportService } from './results/import/metrics-import.service';
import { BackupFacts, backupSqlite, checkBackup, restoreSqlite } from './database/backup';
import { migrations } from '../migrations';

const USAGE = `Usage: npm run --silent cli -- <command>
  import-metrics FILE [--dry-run]   import results and history from a CSV (all or nothing)
  business-case SLUG [--json]       a pilot's business case (--json: the same JSON as the API)
  ledger [--from M] [--to M] [--json]
                                    the channel ledger for the months M (YYYY-MM) from…to
                                    (default the 12 up to the last full month; --json as the API)
  create-user EMAIL NAME ROLES      an account; ROLES comma-separated (viewer,owner,board,finance,admin);
                                    the password is read from NEW_USER_PASSWORD or the first line of stdin
  backup FILE                       a consistent copy of the SQLite database, taken while the app runs
  restore FILE                      replace the SQLite database with a backup (stop the app first)`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The password for create-user (never a command-line argument, which shells keep in history). */
  password?: () => Promise<string>;
}

/** The command line on the app's own modules; returns the exit code. */
export async function runCli(args: string[], config: AppConfig, io: CliIo): Promise<number> {
  const [command, target, ...flags] = args;
  if (
    !command ||
    (!target && command !== 'ledger') ||
    !['import-metrics', 'business-case', 'create-user', 'backup', 'restore', 'ledger'].includes(
      command,
    )
  ) {
    io.err(USAGE);
    return 2;
  }
  if (command === 'backup' || command === 'restore')
    return backupCommand(command, target, config, io);
  // The same calendar as the server: its time zone and the earliest month it takes.
  setTimeZone(config.timeZone);
  // The command line is an operator's tool, written in English whatever LANGUAGE the pages use.
  setDefaultLanguage('en');
  setEarliestYear(config.earliestYear);
  // The CLI works on the database as it is: it never seeds demo data, nor runs the reminders.
  const app = await NestFactory.createApplicationContext(
    AppModule.register({
      ...config,
      demoData: false,
      reminders: { ...config.reminders, enabled: false },
    }),
    { logger: ['error'] },
  );
  try {
    if (command === 'import-metrics')
      return await importMetrics(
        app.get(MetricsImportService),
        target,
        flags.includes('--dry-run'),
        io,
      );
    if (command === 'create-user') {
      const [name, roles] = flags;
      const password = io.password ? await io.password() : '';
      const input = await readForm(NewUserDto, {
        email: target,
        name: name ?? '',
        password,
        roles: (roles ?? '').split(',').filter(Boolean),
      });
      const user = await app.get(AccountsService).create(input, 'command line');
      io.out(`Created ${user.email} (${user.roles.join(', ')}).`);
      return 0;
    }
    if (command === 'ledger') return await ledgerCommand(app.get(LedgerService), args.slice(1), io);
    const pilot = await app.get(PilotsService).get(target);
    const report = await app.get(BusinessCaseService).report(pilot);
    if (flags.includes('--json')) {
      io.out(JSON.stringify(businessCaseJson(report), null, 2));
    } else if (!report.result) {
      io.out(`${pilot.name}: not computed yet; missing ${report.missing.map(say).join(', ')}`);
    } else {
      const { totals, verdict } = report.result;
      const eur = (v: number | null | undefined) =>
        v === null || v === undefined ? 'no data' : `EUR ${v.toFixed(2)}`;
      io.out(
        [
          `${pilot.name} (${pilot.slug}), ${totals.months} months`,
          `claimed savings   ${eur(totals.claimedSavings)}`,
          `realised savings  ${eur(totals.realisedSavings?.value)} +/- ${eur(totals.realisedSavings?.halfWidth)} (${restsOn(totals.realisedEvidence)})`,
          `waterbed          ${eur(totals.waterbed)}${totals.waterbedRatio === null ? '' : ` (${(totals.waterbedRatio * 100).toFixed(1)} %)`}`,
          `net benefit       ${eur(totals.netBenefit)}`,
          `proven            ${verdict.proven ? 'yes' : `no: ${verdict.reasons.map(say).join('; ')}`}`,
        ].join('\n'),
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(
        [
          error.message,
          ...Object.entries(error.fieldErrors).map(
            ([field, messages]) => `${field}: ${messages.join(' ')}`,
          ),
        ].join('\n'),
      );
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}

/** The ledger's figures per channel, or its JSON (the API's). */
async function ledgerCommand(ledgers: LedgerService, flags: string[], io: CliIo): Promise<number> {
  const option = (name: string) => {
    const at = flags.indexOf(name);
    return at === -1 ? undefined : (flags[at + 1] ?? '');
  };
  const range = ledgerRange({ from: option('--from'), to: option('--to') }, monthOf(new Date()));
  const problems = Object.entries(range.errors);
  if (problems.length) {
    io.err(problems.map(([name, message]) => `--${name}: ${message}`).join('\n'));
    return 1;
  }
  const ledger = await ledgers.ledger(range.from, range.to);
  if (flags.includes('--json')) {
    io.out(JSON.stringify(ledgerJson(ledger), null, 2));
    return 0;
  }
  const n = (v: number | null | undefined) =>
    v === null || v === undefined ? 'no data' : v.toFixed(0);
  const eur = (v: number | null | undefined) =>
    v === null || v === undefined ? 'no data' : `EUR ${v.toFixed(2)}`;
  const lines = [`Channel ledger ${range.from} to ${range.to}`];
  for (const c of ledger.channels) {
    lines.push('', `${c.name} (${c.key})`);
    if (c.pinNote) lines.push(`  ${c.pinned} is pinned, but ${c.pinNote}`);
    if (!c.orgDisplaced) {
      lines.push(`  ${c.noBaseline ?? "no month of the range has the organisation's total"}`);
      continue;
    }
    lines.push(
      `  organisation baseline     ${c.method}${c.pinned === c.method ? ' (pinned)' : ''} over ${c.n} months`,
      `  organisation displacement ${n(c.orgDisplaced.value)} +/- ${n(c.orgDisplaced.halfWidth)} contacts, ${eur(c.orgDisplacedEuros?.value)} +/- ${eur(c.orgDisplacedEuros?.halfWidth)}`,
      `  claimed by the pilots     ${n(c.claimed)} contacts, ${eur(c.claimedEuros)}`,
      `  measured by the pilots    ${n(c.measured)} contacts, ${eur(c.measuredEuros)}`,
      `  portfolio waterbed        ${n(c.waterbed)} contacts, ${eur(c.waterbedEuros)}${c.waterbedRatio === null ? '' : ` (${(c.waterbedRatio * 100).toFixed(1)} %)`}`,
      `  attribution gap           ${n(c.gap)} contacts, ${eur(c.gapEuros)}${c.gapFlagged ? ' FLAGGED' : ''}`,
    );
    if (c.missingTotals.length) lines.push(`  no total for ${c.missingTotals.join(', ')}`);
  }
  for (const o of ledger.overlaps)
    lines.push('', `overlap on ${o.channel}: ${o.pilots.join(' and ')} in ${o.months.join(', ')}`);
  io.out(lines.join('\n'));
  return 0;
}

async function importMetrics(
  imports: MetricsImportService,
  file: string,
  dryRun: boolean,
  io: CliIo,
): Promise<number> {
  let content: string;
  try {
    if (statSync(file).size > MAX_UPLOAD_BYTES) {
      io.err(
        `${file} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; split it into smaller files.`,
      );
      return 1;
    }
    content = readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const started = Date.now();
  const result = dryRun
    ? await imports.preview(content)
    : await imports.apply(content, 'command line');
  if (result.errors.length) {
    io.err(`Nothing was imported: ${result.errors.length} problem(s) in ${file}`);
    for (const e of result.errors)
      io.err(`line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.reason}`);
    return 1;
  }
  io.out(
    `${dryRun ? 'Dry run, nothing saved' : 'Imported'}: ${result.rows} lines, ${result.inserted} new, ${result.updated} changed, ` +
      `${result.unchanged} unchanged figures for ${result.pilots.length} pilot(s) in ${Date.now() - started} ms.`,
  );
  return 0;
}

/** backup and restore work on the database file itself, without booting the app. */
function backupCommand(
  command: 'backup' | 'restore',
  file: string,
  config: AppConfig,
  io: CliIo,
): number {
  if (config.database.type === 'postgres') {
    io.err(
      command === 'backup'
        ? 'The app runs on PostgreSQL: back it up with pg_dump, e.g. pg_dump --format=custom --file=FILE "$DATABASE_URL".'
        : 'The app runs on PostgreSQL: restore with pg_restore, e.g. pg_restore --clean --if-exists --dbname="$DATABASE_URL" FILE (stop the app first).',
    );
    return 2;
  }
  const known = migrations.map((m) => new m().name as string);
  const describe = (facts: BackupFacts) =>
    `${(facts.bytes / 1024 / 1024).toFixed(1)} MB, ${facts.pilots} pilots, ${facts.monthlyResults} monthly results, ${facts.migrations.length} migrations`;
  try {
    if (command === 'backup') {
      const started = Date.now();
      backupSqlite(config.database.file, file);
      const check = checkBackup(file, known);
      if (!check.ok) {
        io.err(`The backup ${file} fails its check: ${check.problems.join('; ')}`);
        return 1;
      }
      io.out(
        `Backed up to ${file} in ${Date.now() - started} ms: ${describe(check.facts)}; integrity ok.`,
      );
      return 0;
    }
    const { facts, keptAs } = restoreSqlite(config.database.file, file, known);
    io.out(
      `Restored ${config.database.file} from ${file}: ${describe(facts)}.` +
        (keptAs ? ` The database it replaced is kept as ${keptAs}.` : ''),
    );
    return 0;
  } catch (error) {
    io.err((error as Error).message);
    return 1;
  }
}

if (require.main === module) {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  }
  const password = async () => {
    if (process.env.NEW_USER_PASSWORD) return process.env.NEW_USER_PASSWORD;
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    return input.split(/\r?\n/)[0];
  };
  runCli(process.argv.slice(2), config, {
    out: (t) => console.log(t),
    err: (t) => console.error(t),
    password,
  }).then(
    // Piped output is written asynchronously: exit only once all of it is out (a business
    // case as JSON is larger than a pipe's buffer).
    (code) => process.stdout.write('', () => process.exit(code)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
