#!/usr/bin/env node
// npm run security-scan: starts the built app on a scratch database with the demo data, signs
// in, and runs sqlmap (Debian's package) against the forms, the filters, the sorting and the
// API's parameters. Fails on any injection point found. Plain JavaScript on dist/.
// On SQLite by default; with SCAN_DATABASE_URL (a PostgreSQL URL whose role may create
// databases) on a scratch PostgreSQL database, which it drops afterwards.
'use strict';
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { ROOT, browserSession, signIn, startServer } = require('../support/live-server');

const PASSWORD = 'security-scan-password-1';
const log = (...args) => console.log('[scan]', ...args);

const output_ = (run) => `${run.stdout}\n${run.stderr}`;

async function main() {
  if (spawnSync('sqlmap', ['--version']).error) {
    console.error('sqlmap is not installed: apt-get install -y sqlmap');
    process.exit(2);
  }
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'pilot-scan-'));
  const postgres = await scratchPostgres(process.env.SCAN_DATABASE_URL);
  log(`on ${postgres ? 'PostgreSQL' : 'SQLite'}`);
  const env = {
    ...process.env,
    ...(postgres ? { DATABASE_URL: postgres.url } : { SQLITE_FILE: join(dir, 'scan.sqlite') }),
    DEMO_DATA: 'on',
    SESSION_SECRET: 'security-scan-session-secret-0123456789',
    // sqlmap sends thousands of requests with one token: the rate limit would answer them all.
    API_RATE_LIMIT: '100000',
    NODE_ENV: '',
  };
  // An admin (every route open to it) and an API token, through the app's own command line.
  const { runCli } = require(join(ROOT, 'dist/src/cli'));
  const { loadConfig } = require(join(ROOT, 'dist/src/config/app-config'));
  const config = loadConfig(env, ROOT);
  const silent = { out: () => {}, err: (s) => console.error(s), password: async () => PASSWORD };
  if (
    (await runCli(
      ['create-user', 'scan@scan.example', 'Scanner', 'admin,finance,board'],
      config,
      silent,
    )) !== 0
  )
    throw new Error('could not create the scan account');

  const server = await startServer({ env });
  const base = server.base;
  const session = browserSession(base);
  await signIn(session, 'scan@scan.example', PASSWORD);
  const tokenPage = await (await session.get('/account/tokens')).text();
  const made = await (
    await session.post(
      '/account/tokens',
      new URLSearchParams({ _csrf: session.token(tokenPage), name: 'scan' }),
    )
  ).text();
  const cookie = session.cookie;
  const apiToken = /(cpt_[A-Za-z0-9_-]{20,})/.exec(made)?.[1];
  if (!apiToken) throw new Error('no API token was shown');

  // What sqlmap attacks: every parameter that reaches a query, and the path segments (marked *).
  const targets = [
    {
      name: 'portfolio filters',
      url: `${base}/pilots?q=chat&stage=incubation&channelType=chatbot&department=Sales&owner=Pieter`,
    },
    {
      name: 'finance filters and sorting',
      url: `${base}/finance/dashboard?stage=incubation&department=Sales&channelType=chatbot&from=2025-01&to=2026-06&sort=net&dir=desc`,
    },
    {
      name: 'finance export',
      url: `${base}/finance/dashboard.csv?stage=incubation&department=Sales&from=2025-01&sort=claimed&dir=asc`,
    },
    {
      name: 'audit filters',
      url: `${base}/admin/audit?type=pilot&actor=demo&pilot=whatsapp-movers&from=2025-01-01&to=2026-12-31&page=1`,
    },
    { name: 'a pilot by its URL name', url: `${base}/pilots/whatsapp-movers*/business-case` },
    { name: 'a month of results', url: `${base}/pilots/whatsapp-movers/results/2026-01*` },
    {
      name: 'API path',
      url: `${base}/api/v1/pilots/whatsapp-movers*/business-case`,
      headers: [`Authorization: Bearer ${apiToken}`],
    },
    {
      name: 'register-a-pilot form',
      url: `${base}/pilots`,
      data: 'name=Scan+pilot&description=Made+by+the+scan&channelType=chatbot&purposes=operational_relief&serviceStrategy=standard&ownerName=Scan&ownerDepartment=Sales&_csrf=x',
      csrf: `${base}/pilots/new`,
      skip: '_csrf',
    },
    {
      name: 'sign-in form',
      url: `${base}/sign-in`,
      data: 'email=nobody%40scan.example&password=wrong-password-1&_csrf=x',
      csrf: `${base}/sign-in`,
      skip: '_csrf',
    },
  ];

  const findings = [];
  for (const target of targets) {
    const t0 = Date.now();
    const args = [
      '-u',
      target.url,
      // Level 3, risk 2: the wider payload sets, on the parameters named (-p) and the marked path
      // segments; not the session cookie, which sqlmap would only spoil.
      '--batch',
      '--level=3',
      '--risk=2',
      `--dbms=${postgres ? 'PostgreSQL' : 'SQLite'}`,
      '--flush-session',
      `--output-dir=${join(dir, 'sqlmap')}`,
      '--disable-coloring',
      '--timeout=20',
      `--cookie=${cookie()}`,
      '--ignore-code=400,403,404,413,422,429',
    ];
    if (target.data) args.push(`--data=${target.data}`);
    if (target.skip) args.push(`--skip=${target.skip}`);
    const params = [
      ...new URL(target.url.replace('*', '')).searchParams.keys(),
      ...new URLSearchParams(target.data ?? '').keys(),
    ].filter((name) => name !== '_csrf');
    if (params.length) args.push(`-p`, params.join(','));
    if (target.csrf) args.push('--csrf-token=_csrf', `--csrf-url=${target.csrf}`);
    for (const header of target.headers ?? []) args.push(`--header=${header}`);
    // A fresh token per request where a form needs one (sqlmap then runs single-threaded).
    if (!target.csrf) args.push('--threads=4');
    const run = spawnSync('sqlmap', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (process.env.SCAN_VERBOSE) console.log(output_(run));
    const output = `${run.stdout}\n${run.stderr}`;
    const found = /identified the following injection point|is vulnerable/i.test(output);
    const tested = (output.match(/testing '/g) ?? []).length;
    log(
      `${target.name}: ${found ? 'INJECTION FOUND' : 'nothing found'} (${tested} tests, ${Math.round((Date.now() - t0) / 1000)} s)`,
    );
    if (found)
      findings.push({
        target: target.name,
        output: output
          .split('\n')
          .filter((l) => /Parameter:|Type:|Payload:/.test(l))
          .join('\n'),
      });
    if (run.status !== 0 && !found) {
      const critical = output.split('\n').filter((l) => /\[CRITICAL\]/.test(l));
      // "all tested parameters do not appear to be injectable" is sqlmap's way to say: clean.
      if (critical.some((l) => !/do not appear to be injectable|not injectable/.test(l))) {
        findings.push({ target: target.name, output: critical.join('\n') });
        log(`  sqlmap could not test it: ${critical.join(' | ')}`);
      }
    }
  }
  await server.stop();
  await postgres?.drop();
  rmSync(dir, { recursive: true, force: true });
  log(
    `done in ${Math.round((Date.now() - started) / 1000)} s: ${findings.length ? `${findings.length} problem(s)` : 'no injection found'}`,
  );
  if (findings.length) {
    for (const f of findings) console.error(`\n${f.target}:\n${f.output}`);
    process.exit(1);
  }
}

/** A new database next to `adminUrl`'s, with a way to drop it; null without a URL. */
async function scratchPostgres(adminUrl) {
  if (!adminUrl) return null;
  const { Client } = require('pg');
  const name = `pilot_scan_${Date.now().toString(36)}`;
  const run = async (sql) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
