#!/usr/bin/env node
// npm run bench: builds a large portfolio, starts the app in production mode on it, and measures
// the pages people use against the app's own trivial route, the 100 000-row import against the
// sqlite3 CLI's .import, the server's peak memory and the page queries' plans. Prints a table
// and writes bench-results.json (into BENCH_OUT, default the system's temp directory).
// Plain JavaScript on the built app (dist/), so it runs with Node alone after `nest build`.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
  rmSync,
  statSync,
} = require('node:fs');
const { cpus, totalmem, tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const Database = require('better-sqlite3');
const { ROOT, browserSession, signIn, startServer } = require('../support/live-server');

// The sizes measured: the first in full (import, plans, the upload), the others' pages, first
// requests, fairness and memory. BENCH_PILOTS=200 measures one size only; BENCH_BUILD_ONLY=1
// builds the first size's database, keeps it and stops (to profile a page by hand).
const SIZES = (process.env.BENCH_PILOTS ?? '200,2000').split(',').map(Number);
const MONTHS = 36; // results after the start, and as many months of history before it
const CHANNELS = 6;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const START = '2023-11';
const PASSWORD = 'bench-password-2026';
const SECRET = 'bench-session-secret-0123456789abcdef0123456789';

const month = (base, offset) => {
  const [y, m] = base.split('-').map(Number);
  const i = y * 12 + m - 1 + offset;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const log = (...args) => console.error('[bench]', ...args);
const ms = (start) => Number((performance.now() - start).toFixed(1));

/** The portfolio, through the app's own services: pilots, plans, rates. */
async function buildPortfolio(dbFile, PILOTS, full) {
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(join(ROOT, 'dist/src/app.module'));
  const { loadConfig } = require(join(ROOT, 'dist/src/config/app-config'));
  const { AccountsService } = require(join(ROOT, 'dist/src/accounts/accounts.service'));
  const { ApiTokensService } = require(join(ROOT, 'dist/src/accounts/api-tokens.service'));
  const { PilotsService } = require(join(ROOT, 'dist/src/pilots/pilots.service'));
  const { PlanService } = require(join(ROOT, 'dist/src/business-case/plan.service'));
  const { FinanceService } = require(join(ROOT, 'dist/src/finance/finance.service'));
  const { ChannelsService } = require(join(ROOT, 'dist/src/channels/channels.service'));
  const { MetricsImportService } = require(
    join(ROOT, 'dist/src/results/import/metrics-import.service'),
  );
  const { DataSource } = require('typeorm');

  const config = loadConfig({ SQLITE_FILE: dbFile, DEMO_DATA: 'off' }, ROOT);
  const app = await NestFactory.createApplicationContext(AppModule.register(config), {
    logger: ['error'],
  });
  const actor = 'bench';
  const user = await app.get(AccountsService).create(
    {
      email: 'bench@bench.example',
      name: 'Bench',
      password: PASSWORD,
      roles: ['admin', 'finance', 'board', 'owner'],
    },
    actor,
  );
  const token = await app
    .get(ApiTokensService)
    .create(user, { name: 'bench', validFor: 365 }, actor);
  const channels = (await app.get(ChannelsService).list()).slice(0, CHANNELS);
  if (channels.length < CHANNELS) throw new Error(`Only ${channels.length} channels seeded`);
  const finance = app.get(FinanceService);
  // As the forms' DTOs hand them over: cents per contact, and the rate in basis points. (Until
  // 3 Dec 2026 the bench passed the typed text, which stored no usable rate: every business case
  // was computed without money, and the finance figures were all "—".)
  for (const [i, channel] of channels.entries())
    await finance.setCostRate(
      { channelId: channel.id, effectiveFrom: '2020-01', amount: 450 + i * 100 },
      actor,
    );
  await finance.setDiscountRate({ effectiveFrom: '2020-01', rate: 800 }, actor);

  const pilots = app.get(PilotsService);
  const plans = app.get(PlanService);
  const types = ['chatbot', 'messaging', 'voicebot', 'video', 'in_app', 'click_to_call'];
  const departments = ['Customer Service', 'Operations', 'Billing', 'Sales', 'Marketing'];
  const slugs = [];
  const started = performance.now();
  for (let p = 0; p < PILOTS; p += 1) {
    const pilot = await pilots.create(
      {
        name: `Bench pilot ${String(p + 1).padStart(3, '0')}`,
        slug: null,
        description: 'A generated pilot for the benchmark.',
        channelType: types[p % types.length],
        purposes: ['operational_relief'],
        targetContactTypes: 'Billing questions',
        scope: 'Customers in one region',
        controlScope: null,
        ownerName: `Owner ${p % 17}`,
        ownerDepartment: departments[p % departments.length],
        sponsor: null,
        itContact: null,
        operationsLead: null,
        financeController: null,
        serviceStrategy: 'standard',
        nextReviewDate: month('2026-11', p % 4) + '-15',
        affectedChannelIds: channels.map((c) => c.id),
        version: 0,
      },
      actor,
      user.id,
    );
    await plans.save(
      pilot,
      {
        startMonth: START,
        expectedMonthlyContacts: 2000,
        investmentCents: 5_000_000,
        monthlyFixedCostCents: 300_000,
        variableCostPerContactCents: 50,
        expectedMonthlyMarginCents: null,
        horizonMonths: 60,
        coverageBp: 2000,
        fixedCostAtScaleCents: 1_500_000,
        minMonthlyVolume: 500,
        targetCsat: 70,
        targetFcr: 60,
        targetResponseSeconds: 30,
        version: 0,
      },
      channels.map((c, i) => ({ channelId: c.id, shareBp: 500 + i * 300, baselineMethod: null })),
      actor,
    );
    slugs.push(pilot.slug);
  }
  const setup = ms(started);
  // Spread the portfolio over the stages (bench data only: the gates are not what is measured).
  const dataSource = app.get(DataSource);
  const stages = [
    'idea',
    'proof_of_concept',
    'incubation',
    'incubation',
    'scale_up_review',
    'scaled',
    'stopped',
  ];
  for (const [i, stage] of stages.entries())
    await dataSource.query(`UPDATE pilot SET stage = ? WHERE id % ${stages.length} = ${i}`, [
      stage,
    ]);

  // The results: ≥ 100 000 rows, in the import's own format, imported by the app's importer.
  const lines = ['pilot,month,metric,channel,value'];
  // The organisation's totals per channel and month (the channel ledger's input): every pilot's
  // scope without its pilot, plus contacts outside every scope, less most of what the pilots move.
  const totals = new Map();
  slugs.forEach((slug, p) => {
    for (let m = -MONTHS; m < MONTHS; m += 1) {
      const mo = month(START, m);
      const contacts = m >= 0 ? 1500 + ((p * 37 + m * 53) % 900) : 0;
      if (m >= 0) {
        lines.push(`${slug},${mo},contacts,,${contacts}`);
        lines.push(`${slug},${mo},fixed_cost,,${3000 + (m % 5) * 25}.00`);
        lines.push(`${slug},${mo},csat,,${70 + ((p + m) % 10)}`);
      }
      channels.forEach((c, i) => {
        // Noise from a hash, so the baselines have a real spread (and intervals) to fit.
        const noise = Math.abs((p * 73856093) ^ ((m + 100) * 19349663) ^ (i * 83492791)) % 400;
        const base = 4000 + i * 1500 + noise - 200;
        const moved = m >= 0 ? Math.round(contacts * (0.05 + i * 0.03) * 0.6) : 0;
        lines.push(`${slug},${mo},volume,${c.key},${base - moved}`);
        const key = `${mo},${c.key}`;
        totals.set(key, (totals.get(key) ?? 50_000) + base - Math.round(moved * 0.7));
      });
    }
  });
  for (const [key, volume] of totals)
    lines.push(`,${key.split(',')[0]},total_volume,${key.split(',')[1]},${volume}`);
  const csv = lines.join('\n') + '\n';
  const csvFile = join(dirname(dbFile), 'results.csv');
  writeFileSync(csvFile, csv);
  const imports = app.get(MetricsImportService);
  // One import takes at most 500 000 figures: a larger portfolio comes in parts of whole pilots.
  const perPilot = (lines.length - 1 - totals.size) / PILOTS;
  const pilotsPerPart = Math.max(1, Math.floor(400_000 / perPilot));
  const importStarted = performance.now();
  for (let first = 0; first < PILOTS; first += pilotsPerPart) {
    const last = Math.min(first + pilotsPerPart, PILOTS);
    const part = lines.slice(1 + first * perPilot, 1 + last * perPilot);
    if (last === PILOTS) part.push(...lines.slice(1 + PILOTS * perPilot));
    const preview = await imports.apply([lines[0], ...part].join('\n') + '\n', actor);
    if (preview.errors.length)
      throw new Error(`Import refused: ${JSON.stringify(preview.errors.slice(0, 3))}`);
  }
  const importMs = ms(importStarted);
  const scaling = full ? await importScaling(imports, slugs, channels) : null;
  await app.close();
  return {
    token,
    slugs,
    csvFile,
    rows: lines.length - 1,
    bytes: Buffer.byteLength(csv),
    importMs,
    scaling,
    setupMs: setup,
  };
}

/**
 * The import's check (parse, validate, compare with what is stored: what an upload does before
 * its preview) at 40 000, 80 000 and 160 000 rows of channel history. Linear means the time per
 * 1 000 rows stays about the same; the audit found it quadratic (1.7 s, 4.8 s, 51.7 s).
 */
async function importScaling(imports, slugs, channels) {
  const sizes = [40_000, 80_000, 160_000];
  // 160 000 figures of history need the full portfolio (else they reach back before 2000).
  if (slugs.length * channels.length < 1000) {
    log('import check at 40k/80k/160k rows: skipped, too few pilots for that much history');
    return null;
  }
  const results = [];
  for (const size of sizes) {
    const lines = ['pilot,month,metric,channel,value'];
    // Months going back from before the pilots' start: history, as a first import brings it.
    for (let back = 1; lines.length <= size; back += 1)
      for (const slug of slugs)
        for (const c of channels)
          if (lines.length <= size)
            lines.push(`${slug},${month(START, -back)},volume,${c.key},${4000 + back}`);
    const started = performance.now();
    const preview = await imports.preview(lines.join('\n') + '\n');
    const elapsed = ms(started);
    if (preview.errors.length)
      throw new Error(`Scaling import refused: ${JSON.stringify(preview.errors.slice(0, 3))}`);
    results.push({
      rows: size,
      ms: elapsed,
      msPer1000Rows: Number(((elapsed / size) * 1000).toFixed(2)),
    });
    log(`import check of ${size} rows: ${elapsed} ms`);
  }
  return {
    results,
    // 4× the rows: linear is about 4, quadratic about 16.
    growth160kOver40k: Number((results[2].ms / results[0].ms).toFixed(2)),
  };
}

/** Fetches the URL every 25 ms until stdin closes, then prints the latencies (ms) as JSON. */
const PROBE = `
const urls = JSON.parse(process.argv[1]);
const headers = JSON.parse(process.argv[2] ?? '{}');
const latencies = [];
let done = false;
process.stdin.on('data', () => {}).on('end', () => (done = true));
(async () => {
  // One untimed request first: a new process's first fetch loads and warms its HTTP client.
  await fetch(urls[0], { headers }).then((r) => r.arrayBuffer());
  process.stdout.write('probing\\n');
  for (let i = 0; !done; i += 1) {
    const started = performance.now();
    const res = await fetch(urls[i % urls.length], { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(urls[i % urls.length] + ' answered ' + res.status);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  process.stdout.write(JSON.stringify(latencies));
})();
`;

/**
 * /health's latency, probed every 25 ms, while the server takes an upload of the whole results
 * file (every figure changed, so the confirm writes them all) and then its confirmation.
 */
async function healthDuringImport(csvFile) {
  const base = `http://127.0.0.1:${PORT}`;
  const changed =
    readFileSync(csvFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line, i) => {
        if (i === 0) return line;
        const at = line.lastIndexOf(',');
        return `${line.slice(0, at)},${Math.floor(Number(line.slice(at + 1))) + 1}`;
      })
      .join('\n') + '\n';
  // The probe is a small process of its own: timed from this one, whose heap holds the whole
  // portfolio, the client's own garbage collection would show up as the server's latency.
  const probe = async (work) => {
    const started = performance.now();
    const [result, latencies] = await probing([`${base}/health`], {}, work);
    return { result, phase: { ms: ms(started), ...latencies } };
  };
  // A browser's session: its cookies (the session's and the CSRF cookie) kept between requests.
  const session = browserSession(base, { 'x-forwarded-proto': 'https' });
  await signIn(session, 'bench@bench.example', PASSWORD);
  const page = await (await session.get('/results/import')).text();
  const token = /action="\/results\/import\?_csrf=([^"]+)"/.exec(page)[1];
  const upload = await probe(async () => {
    const form = new FormData();
    form.append('file', new Blob([changed], { type: 'text/csv' }), 'results.csv');
    const res = await session.post(`/results/import?_csrf=${token}`, form);
    const html = await res.text();
    if (res.status !== 200) throw new Error(`Upload answered ${res.status}: ${html.slice(0, 300)}`);
    return html;
  });
  const id = /action="\/results\/import\/([0-9a-f-]+)\/confirm"/.exec(upload.result)[1];
  const confirm = await probe(async () => {
    const res = await session.post(
      `/results/import/${id}/confirm`,
      new URLSearchParams({ _csrf: session.token(upload.result) }),
    );
    await res.arrayBuffer();
    if (res.status !== 303) throw new Error(`Confirm answered ${res.status}`);
  });
  return { rows: changed.split('\n').length - 2, upload: upload.phase, confirm: confirm.phase };
}

/**
 * Runs `work` while a small process of its own fetches the URLs in turn every 25 ms: timed from
 * this one, whose heap holds the whole portfolio, the client's own garbage collection would show
 * up as the server's latency. Resolves to the work's result and the probes' p99 and maximum.
 */
async function probing(urls, headers, work) {
  const child = spawn(
    process.execPath,
    ['-e', PROBE, JSON.stringify(urls), JSON.stringify(headers)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  await new Promise((resolve) => child.stdout.once('data', resolve)); // probing has begun
  const result = await work();
  child.stdin.end();
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`The probe of ${urls[0]} failed`);
  const latencies = JSON.parse(out.slice(out.indexOf('\n') + 1)).sort((a, b) => a - b);
  const at = (q) =>
    Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1));
  return [result, { probes: latencies.length, p99Ms: at(0.99), maxMs: at(1) }];
}

/** What any write does to the data version, without changing any pilot's inputs. */
function moveDataVersionOn(db) {
  db.prepare('UPDATE data_version SET version = version + 1 WHERE id = 1').run();
}

/**
 * A first request after a write: the data version moved on (as any write does), so nothing
 * per version is kept; the business cases' own cache (per pilot) stays. Median of five, ms.
 */
async function firstRequest(dbFile, path, headers) {
  const db = new Database(dbFile);
  const times = [];
  for (let i = 0; i < 5; i += 1) {
    moveDataVersionOn(db);
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    times.push(ms(started));
  }
  db.close();
  return times.sort((a, b) => a - b)[2];
}

/**
 * Fairness: one user's 20 connections hammer `path` for the bench's duration, with the
 * instance's default limits, while a second client probes /health and, in another process,
 * pilots' pages (each in turn, so most are rendered afresh). The server has served each kind of
 * page once, as a running server has; then the data version moves on, as any write moves it, so
 * the hammered overview is computed afresh under the hammer (a server's very first start, which
 * also parses every cached business case, is measured by the first-request figures instead).
 */
async function fairness(server, data, dbFile, path) {
  const hammerer = await signInCookie(server);
  const other = await signInCookie(server);
  const base = `http://127.0.0.1:${PORT}`;
  const pages = data.slugs.map((slug) => `${base}/pilots/${slug}`);
  for (const url of [`${base}${path}`, pages[0], pages[1]]) {
    const res = await fetch(url, { headers: { cookie: other, 'x-forwarded-proto': 'https' } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  }
  const db = new Database(dbFile);
  moveDataVersionOn(db);
  db.close();
  const [[hammer, health], page] = await probing(
    pages,
    { cookie: other, 'x-forwarded-proto': 'https' },
    () =>
      probing([`${base}/health`], {}, () =>
        load(path, { cookie: hammerer, 'x-forwarded-proto': 'https' }),
      ),
  );
  return {
    path,
    hammer: {
      requestsPerSecond: Math.round(hammer.requests.average),
      answered200: hammer['2xx'],
      refused503: hammer.non2xx,
      errors: hammer.errors + hammer.timeouts,
    },
    health,
    pilotPage: page,
  };
}

function dirname(path) {
  return path.slice(0, path.lastIndexOf('/'));
}

/** The sqlite3 CLI's .import of the same CSV into a bare table: the yardstick. */
function sqliteImport(csvFile, dir) {
  const probe = spawnSync('sqlite3', ['-version']);
  if (probe.error || probe.status !== 0) return null;
  const db = join(dir, 'yardstick.sqlite');
  const started = performance.now();
  const run = spawnSync('sqlite3', [db], {
    input: `CREATE TABLE r(pilot TEXT, month TEXT, metric TEXT, channel TEXT, value TEXT);\n.mode csv\n.import --skip 1 ${csvFile} r\n`,
  });
  const elapsed = ms(started);
  if (run.status !== 0) throw new Error(`sqlite3 .import failed: ${run.stderr}`);
  return { ms: elapsed, version: probe.stdout.toString().split(' ')[0] };
}

/** The app in production mode behind a (simulated) TLS proxy, on the bench database. */
function startBenchServer(dbFile, extraEnv = {}) {
  return startServer({
    port: PORT,
    env: {
      NODE_ENV: 'production',
      SESSION_SECRET: SECRET,
      SQLITE_FILE: dbFile,
      DEMO_DATA: 'off',
      TRUST_PROXY: 'loopback',
      ...extraEnv,
    },
  });
}

/** Signs in through the form, as a browser would behind the TLS proxy; returns its cookies. */
async function signInCookie(server) {
  const session = browserSession(server.base, { 'x-forwarded-proto': 'https' });
  await signIn(session, 'bench@bench.example', PASSWORD);
  // A first page, as a browser shows after signing in: it sets the CSRF cookie of the session.
  await (await session.get('/dashboard')).arrayBuffer();
  return session.cookie();
}

function load(path, headers) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${PORT}${path}`,
        connections: CONNECTIONS,
        duration: DURATION,
        headers,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]);
  return Math.round(kb / 1024);
}

/** Every statement the pages ran (LOG_SQL=on), with its SQLite query plan. */
function queryPlans(dbFile, logged) {
  const db = new Database(dbFile, { readonly: true });
  const seen = new Map();
  for (const line of logged.split('\n')) {
    const match = /query: (SELECT .*?)(?: -- PARAMETERS: (\[.*\]))?$/.exec(
      line.replace(/\x1b\[[0-9;]*m/g, ''),
    );
    if (!match) continue;
    const [, sql, params] = match;
    if (seen.has(sql)) continue;
    const values = params ? JSON.parse(params) : [];
    let plan;
    try {
      plan = db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...values.map((v) => (typeof v === 'boolean' ? Number(v) : v)));
    } catch (error) {
      plan = [{ detail: `(not explained: ${error.message})` }];
    }
    seen.set(
      sql,
      plan.map((row) => row.detail),
    );
  }
  db.close();
  return [...seen.entries()].map(([sql, plan]) => ({ sql, plan }));
}

/** One size: build it, load its pages, time first requests and fairness; the first size in full. */
async function measure(pilots, full) {
  const dir = mkdtempSync(join(tmpdir(), 'pilot-bench-'));
  const dbFile = join(dir, 'bench.sqlite');
  log(
    `building ${pilots} pilots × ${MONTHS} months × ${CHANNELS} channels (+${MONTHS} months of history) in ${dir}`,
  );
  const data = await buildPortfolio(dbFile, pilots, full);
  log(`imported ${data.rows} rows (${(data.bytes / 1e6).toFixed(1)} MB) in ${data.importMs} ms`);
  if (process.env.BENCH_BUILD_ONLY) {
    // For profiling by hand: the database is kept, nothing is measured.
    log(`built: ${dbFile} (signed in as bench@bench.example / ${PASSWORD})`);
    process.exit(0);
  }
  const yardstick = full ? sqliteImport(data.csvFile, dir) : null;
  const slug = data.slugs[Math.floor(data.slugs.length / 2)];
  const routes = [
    { name: 'trivial route (/health)', path: '/health' },
    { name: 'portfolio (/pilots)', path: '/pilots', wide: true },
    { name: 'dashboard (/dashboard)', path: '/dashboard', wide: true },
    { name: 'business-case page', path: `/pilots/${slug}/business-case` },
    { name: 'finance dashboard', path: '/finance/dashboard', wide: true },
    // A month range sums other months than the cached totals.
    {
      name: 'finance, month range',
      path: '/finance/dashboard?from=2025-01&to=2025-12',
      wide: true,
    },
    { name: 'business-case JSON', path: `/api/v1/pilots/${slug}/business-case`, api: true },
    // The channel ledger: every pilot's business case per channel and month.
    { name: 'channel ledger', path: '/ledger', wide: true },
  ];

  // 1. One request per page with SQL logging on: the statements and their plans.
  let plans = null;
  if (full) {
    const logging = await startBenchServer(dbFile, { LOG_SQL: 'on' });
    const cookie = await signInCookie(logging);
    const before = logging.output().length;
    for (const route of routes.slice(1)) {
      const res = await fetch(`http://127.0.0.1:${PORT}${route.path}`, {
        headers: route.api
          ? { authorization: `Bearer ${data.token}` }
          : { cookie, 'x-forwarded-proto': 'https' },
      });
      if (res.status !== 200) throw new Error(`${route.path} answered ${res.status}`);
      await res.arrayBuffer();
    }
    plans = queryPlans(dbFile, logging.output().slice(before));
    await logging.stop();
  }

  // 2. The load: each route in turn, 20 connections, after a warm-up request; then each route's
  // first request after a write. The 20 connections are one user, which the heavy-request limits
  // would turn away (503) beyond two at once: here they are raised, to measure what a page
  // costs, not how the limit answers. So is the API token's rate limit (per minute).
  const server = await startBenchServer(dbFile, {
    HEAVY_PER_USER: String(CONNECTIONS),
    HEAVY_PER_INSTANCE: String(CONNECTIONS),
    API_RATE_LIMIT: '100000',
    // The reminders' runs are not a page: they would add their own load to what is measured.
    REMINDERS: 'off',
  });
  const cookie = await signInCookie(server);
  const results = [];
  for (const route of routes) {
    const headers = route.api
      ? { authorization: `Bearer ${data.token}` }
      : { cookie, 'x-forwarded-proto': 'https' };
    await fetch(`http://127.0.0.1:${PORT}${route.path}`, { headers }).then((r) => r.arrayBuffer());
    log(`loading ${route.path} for ${DURATION} s`);
    const r = await load(route.path, headers);
    results.push({
      route: route.name,
      path: route.path,
      wide: Boolean(route.wide),
      requestsPerSecond: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      errors: r.errors + r.timeouts + r.non2xx,
      firstRequestMs:
        route.path === '/health' ? null : await firstRequest(dbFile, route.path, headers),
      peakRssMbSoFar: peakRssMb(server.child.pid),
    });
  }
  let duringImport = null;
  if (full) {
    log('uploading and confirming the whole results file while probing /health');
    duringImport = await healthDuringImport(data.csvFile);
  }
  const loadPeakMb = peakRssMb(server.child.pid);
  await server.stop();

  // 3. Fairness, with the instance's default limits.
  const fair = await startBenchServer(dbFile, { REMINDERS: 'off' });
  log(
    `fairness: hammering the month range for ${DURATION} s while probing /health and pilot pages`,
  );
  const fairnessResult = await fairness(fair, data, dbFile, routes[5].path);
  // The floor: the same probes while the trivial route itself is hammered. On a machine whose
  // cores the load generator and the probes share with the server, no route can do better.
  log(`fairness baseline: hammering /health for ${DURATION} s with the same probes`);
  fairnessResult.baseline = await fairness(fair, data, dbFile, routes[0].path);
  const peakMb = Math.max(loadPeakMb, peakRssMb(fair.child.pid));
  await fair.stop();

  const trivial = results[0].requestsPerSecond;
  for (const r of results) r.ratioToTrivial = Number((r.requestsPerSecond / trivial).toFixed(3));
  const db = new Database(dbFile, { readonly: true });
  const channelResultRows = db.prepare('SELECT count(*) AS n FROM channel_result').get().n;
  db.close();
  const databaseMb = Math.round(statSync(dbFile).size / 2 ** 20);
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  return {
    dataset: {
      pilots,
      months: MONTHS,
      historyMonths: MONTHS,
      channels: CHANNELS,
      channelResultRows,
      databaseMb,
    },
    load: { connections: CONNECTIONS, seconds: DURATION, results },
    import: full
      ? {
          rows: data.rows,
          ms: data.importMs,
          sqlite3CliMs: yardstick?.ms ?? null,
          ratioToSqlite3: yardstick ? Number((data.importMs / yardstick.ms).toFixed(2)) : null,
          scaling: data.scaling,
          healthDuringImport: duringImport,
        }
      : null,
    fairness: fairnessResult,
    serverPeakRssMb: peakMb,
    queryPlans: plans && {
      statements: plans.length,
      fullScansOfLargestTables: plans.filter((p) =>
        p.plan.some((d) => /^SCAN (channel_result|monthly_result)\b(?!.*USING)/.test(d)),
      ),
      plans,
    },
  };
}

async function main() {
  const sizes = [];
  for (const [i, pilots] of SIZES.entries()) sizes.push(await measure(pilots, i === 0));
  const [base, ...larger] = sizes;
  const growth = larger.map((size) => ({
    pilots: size.dataset.pilots,
    routes: size.load.results
      .filter((r) => r.wide)
      .map((r) => {
        const small = base.load.results.find((b) => b.path === r.path);
        return {
          route: r.route,
          // Time per request under the load (1 / throughput), and of a first request after a write.
          underLoad: Number((small.requestsPerSecond / r.requestsPerSecond).toFixed(2)),
          firstRequest: Number((r.firstRequestMs / small.firstRequestMs).toFixed(2)),
        };
      }),
  }));
  const fairnessMet = (size) =>
    size.fairness.health.p99Ms < 100 && size.fairness.pilotPage.p99Ms < 100;
  const summary = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    sizes,
    growth,
    targets: {
      everyPageAtLeast25PercentOfTrivial: base.load.results
        .slice(1)
        .every((r) => r.ratioToTrivial >= 0.25),
      p99Under250Ms: base.load.results.every((r) => r.p99Ms < 250),
      portfolioWideAtMost2xUnderLoad: growth.length
        ? growth.every((g) => g.routes.every((r) => r.underLoad <= 2))
        : null,
      portfolioWideFirstRequestAtMost2x: growth.length
        ? growth.every((g) => g.routes.every((r) => r.firstRequest <= 2))
        : null,
      fairnessUnder100Ms: sizes.every(fairnessMet),
      importWithin3xSqlite3:
        base.import.sqlite3CliMs !== null ? base.import.ms <= 3 * base.import.sqlite3CliMs : null,
      importCheckLinear: base.import.scaling ? base.import.scaling.growth160kOver40k <= 5 : null,
      healthUnder100MsDuringImport:
        base.import.healthDuringImport.upload.maxMs < 100 &&
        base.import.healthDuringImport.confirm.maxMs < 100,
      memoryUnder300MbAt200: base.serverPeakRssMb < 300,
      memoryUnder400MbAtLarger: larger.length ? larger.every((s) => s.serverPeakRssMb < 400) : null,
      noFullScanOfLargestTable: base.queryPlans.fullScansOfLargestTables.length === 0,
    },
  };

  const outDir = process.env.BENCH_OUT ?? tmpdir();
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, 'bench-results.json');
  writeFileSync(out, JSON.stringify(summary, null, 2));
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(
    `\nMachine: ${summary.machine.cpus} × ${summary.machine.cpuModel}, ${summary.machine.memoryGb} GiB, Node ${summary.machine.node}`,
  );
  console.log(`Load: ${CONNECTIONS} connections, ${DURATION} s a route, production mode`);
  for (const size of sizes) {
    const d = size.dataset;
    console.log(
      `\n${d.pilots} pilots, ${MONTHS} + ${MONTHS} months, ${CHANNELS} channels each: ${d.channelResultRows} channel rows, ${d.databaseMb} MB`,
    );
    console.log(
      `${pad('route', 28)}${lpad('req/s', 8)}${lpad('p50 ms', 9)}${lpad('p99 ms', 9)}${lpad('× trivial', 11)}${lpad('errors', 8)}${lpad('first ms', 10)}${lpad('peak MB', 9)}`,
    );
    for (const r of size.load.results)
      console.log(
        `${pad(r.route, 28)}${lpad(r.requestsPerSecond, 8)}${lpad(r.p50Ms, 9)}${lpad(r.p99Ms, 9)}${lpad(r.ratioToTrivial.toFixed(2), 11)}${lpad(r.errors, 8)}${lpad(r.firstRequestMs ?? '', 10)}${lpad(r.peakRssMbSoFar, 9)}`,
      );
    const f = size.fairness;
    console.log(
      `Fairness: ${f.path} hammered by ${CONNECTIONS} connections of one user (${f.hammer.requestsPerSecond} req/s: ${f.hammer.answered200} answered, ${f.hammer.refused503} refused 503, ${f.hammer.errors} errors); meanwhile /health p99 ${f.health.p99Ms} ms (max ${f.health.maxMs}, ${f.health.probes} probes), pilot pages p99 ${f.pilotPage.p99Ms} ms (max ${f.pilotPage.maxMs}, ${f.pilotPage.probes} probes)`,
    );
    const b = f.baseline;
    console.log(
      `  the floor, /health itself hammered (${b.hammer.requestsPerSecond} req/s): /health p99 ${b.health.p99Ms} ms (max ${b.health.maxMs}), pilot pages p99 ${b.pilotPage.p99Ms} ms (max ${b.pilotPage.maxMs}); the month range × ${(f.health.p99Ms / b.health.p99Ms).toFixed(2)} and × ${(f.pilotPage.p99Ms / b.pilotPage.p99Ms).toFixed(2)} of it`,
    );
    console.log(`Server peak memory (VmHWM): ${size.serverPeakRssMb} MB`);
  }
  for (const g of growth) {
    console.log(`\nGrowth from ${base.dataset.pilots} to ${g.pilots} pilots (time per request):`);
    for (const r of g.routes)
      console.log(
        `  ${pad(r.route, 28)} under load × ${r.underLoad}, first request × ${r.firstRequest}`,
      );
  }
  const imp = base.import;
  console.log(
    `\nImport of ${imp.rows} rows: ${imp.ms} ms` +
      (imp.sqlite3CliMs !== null
        ? `; sqlite3 .import: ${imp.sqlite3CliMs} ms (× ${imp.ratioToSqlite3})`
        : '; sqlite3 CLI not installed'),
  );
  if (imp.scaling)
    console.log(
      `Import check: ${imp.scaling.results.map((r) => `${r.rows} rows ${r.ms} ms (${r.msPer1000Rows} ms/1000)`).join(', ')}; 160k/40k × ${imp.scaling.growth160kOver40k} (linear ≈ 4)`,
    );
  const hi = imp.healthDuringImport;
  console.log(
    `/health during an upload of ${hi.rows} figures (${hi.upload.ms} ms): p99 ${hi.upload.p99Ms} ms, max ${hi.upload.maxMs} ms over ${hi.upload.probes} probes; during its confirm (${hi.confirm.ms} ms): p99 ${hi.confirm.p99Ms} ms, max ${hi.confirm.maxMs} ms over ${hi.confirm.probes} probes`,
  );
  const qp = base.queryPlans;
  console.log(
    `Query plans: ${qp.statements} statements; full scans of channel_result/monthly_result: ${qp.fullScansOfLargestTables.length}`,
  );
  for (const scan of qp.fullScansOfLargestTables)
    console.log(`  ${scan.plan.join(' / ')} :: ${scan.sql.slice(0, 160)}`);
  console.log('\nTargets:');
  for (const [target, met] of Object.entries(summary.targets))
    console.log(`  ${met === null ? 'n/a ' : met ? 'met ' : 'MISS'} ${target}`);
  console.log(`\nWritten: ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
