#!/usr/bin/env node
// npm run bench: builds a large portfolio, starts the app in production mode on it, and measures
// the pages people use against the app's own trivial route, the 100 000-row import against the
// sqlite3 CLI's .import, the server's peak memory and the page queries' plans. Prints a table
// and writes bench-results.json (into BENCH_OUT, default the system's temp directory).
// Plain JavaScript on the built app (dist/), so it runs with Node alone after `nest build`.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, writeFileSync, rmSync, statSync } = require('node:fs');
const { cpus, totalmem, tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const Database = require('better-sqlite3');
const { ROOT, browserSession, signIn, startServer } = require('../support/live-server');

const PILOTS = Number(process.env.BENCH_PILOTS ?? 200);
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
async function buildPortfolio(dbFile) {
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
  for (const [i, channel] of channels.entries())
    await finance.setCostRate(
      { channelId: String(channel.id), effectiveFrom: '2020-01', amount: `${4 + i},50` },
      actor,
    );
  await finance.setDiscountRate({ effectiveFrom: '2020-01', rate: '8' }, actor);

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
  const importStarted = performance.now();
  const preview = await imports.apply(csv, actor);
  const importMs = ms(importStarted);
  if (preview.errors.length)
    throw new Error(`Import refused: ${JSON.stringify(preview.errors.slice(0, 3))}`);
  const scaling = await importScaling(imports, slugs, channels);
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
const url = process.argv[1];
const latencies = [];
let done = false;
process.stdin.on('data', () => {}).on('end', () => (done = true));
(async () => {
  // One untimed request first: a new process's first fetch loads and warms its HTTP client.
  await fetch(url).then((r) => r.arrayBuffer());
  process.stdout.write('probing\\n');
  while (!done) {
    const started = performance.now();
    await fetch(url).then((r) => r.arrayBuffer());
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
    const child = spawn(process.execPath, ['-e', PROBE, `${base}/health`], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    await new Promise((resolve) => child.stdout.once('data', resolve)); // probing has begun
    const started = performance.now();
    const result = await work();
    const elapsed = ms(started);
    child.stdin.end();
    await new Promise((resolve) => child.once('exit', resolve));
    const latencies = JSON.parse(out.slice(out.indexOf('\n') + 1)).sort((a, b) => a - b);
    const at = (q) =>
      Number(
        latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1),
      );
    return {
      result,
      phase: { ms: elapsed, probes: latencies.length, p99Ms: at(0.99), maxMs: at(1) },
    };
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

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'pilot-bench-'));
  const dbFile = join(dir, 'bench.sqlite');
  log(
    `building ${PILOTS} pilots × ${MONTHS} months × ${CHANNELS} channels (+${MONTHS} months of history) in ${dir}`,
  );
  const data = await buildPortfolio(dbFile);
  log(`imported ${data.rows} rows (${(data.bytes / 1e6).toFixed(1)} MB) in ${data.importMs} ms`);
  const yardstick = sqliteImport(data.csvFile, dir);
  const slug = data.slugs[Math.floor(data.slugs.length / 2)];
  const routes = [
    { name: 'trivial route (/health)', path: '/health' },
    { name: 'portfolio (/pilots)', path: '/pilots' },
    { name: 'dashboard (/dashboard)', path: '/dashboard' },
    { name: 'business-case page', path: `/pilots/${slug}/business-case` },
    { name: 'finance dashboard', path: '/finance/dashboard' },
    // A month range sums other months than the cached totals: every pilot computed per request.
    { name: 'finance, month range', path: '/finance/dashboard?from=2025-01&to=2025-12' },
    { name: 'business-case JSON', path: `/api/v1/pilots/${slug}/business-case`, api: true },
    // The channel ledger: every pilot's business case per channel and month, per request.
    { name: 'channel ledger', path: '/ledger' },
  ];

  // 1. One request per page with SQL logging on: the statements and their plans.
  const logging = await startBenchServer(dbFile, { LOG_SQL: 'on' });
  let cookie = await signInCookie(logging);
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
  const plans = queryPlans(dbFile, logging.output().slice(before));
  await logging.stop();

  // 2. The load: each route in turn, 20 connections, after a short warm-up. The 20 connections
  // are one user, which the heavy-request limits would turn away (503) beyond two at once:
  // here they are raised, to measure what a page costs, not how the limit answers. So is the
  // API token's rate limit (per minute), which the JSON route's load would pass in a second.
  const server = await startBenchServer(dbFile, {
    HEAVY_PER_USER: String(CONNECTIONS),
    HEAVY_PER_INSTANCE: String(CONNECTIONS),
    API_RATE_LIMIT: '100000',
    // The reminders' runs are not a page: they would add their own load to what is measured.
    REMINDERS: 'off',
  });
  cookie = await signInCookie(server);
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
      requestsPerSecond: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      errors: r.errors + r.timeouts + r.non2xx,
      peakRssMbSoFar: peakRssMb(server.child.pid),
    });
  }
  log('uploading and confirming the whole results file while probing /health');
  const duringImport = await healthDuringImport(data.csvFile);
  const peakMb = peakRssMb(server.child.pid);
  await server.stop();

  const trivial = results[0].requestsPerSecond;
  for (const r of results) r.ratioToTrivial = Number((r.requestsPerSecond / trivial).toFixed(3));
  const channelResultRows = new Database(dbFile, { readonly: true })
    .prepare('SELECT count(*) AS n FROM channel_result')
    .get().n;
  const fullScans = plans.filter((p) =>
    p.plan.some((d) => /^SCAN (channel_result|monthly_result)\b(?!.*USING)/.test(d)),
  );
  const summary = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    dataset: {
      pilots: PILOTS,
      months: MONTHS,
      historyMonths: MONTHS,
      channels: CHANNELS,
      channelResultRows,
      databaseMb: Math.round(statSync(dbFile).size / 2 ** 20),
    },
    load: { connections: CONNECTIONS, seconds: DURATION, results },
    import: {
      rows: data.rows,
      ms: data.importMs,
      sqlite3CliMs: yardstick?.ms ?? null,
      ratioToSqlite3: yardstick ? Number((data.importMs / yardstick.ms).toFixed(2)) : null,
      scaling: data.scaling,
      healthDuringImport: duringImport,
    },
    serverPeakRssMb: peakMb,
    queryPlans: { statements: plans.length, fullScansOfLargestTables: fullScans, plans },
    targets: {
      everyPageAtLeast25PercentOfTrivial: results.slice(1).every((r) => r.ratioToTrivial >= 0.25),
      p99Under250Ms: results.every((r) => r.p99Ms < 250),
      importWithin3xSqlite3: yardstick ? data.importMs <= 3 * yardstick.ms : null,
      importCheckLinear: data.scaling ? data.scaling.growth160kOver40k <= 5 : null,
      healthUnder100MsDuringImport:
        duringImport.upload.maxMs < 100 && duringImport.confirm.maxMs < 100,
      memoryUnder300Mb: peakMb < 300,
      noFullScanOfLargestTable: fullScans.length === 0,
    },
  };

  const out = join(process.env.BENCH_OUT ?? tmpdir(), 'bench-results.json');
  writeFileSync(out, JSON.stringify(summary, null, 2));
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(
    `\nMachine: ${summary.machine.cpus} × ${summary.machine.cpuModel}, ${summary.machine.memoryGb} GiB, Node ${summary.machine.node}`,
  );
  console.log(
    `Data: ${PILOTS} pilots, ${MONTHS} + ${MONTHS} months, ${CHANNELS} channels each: ${channelResultRows} channel rows, ${summary.dataset.databaseMb} MB`,
  );
  console.log(`Load: ${CONNECTIONS} connections, ${DURATION} s a route, production mode\n`);
  console.log(
    `${pad('route', 28)}${lpad('req/s', 8)}${lpad('p50 ms', 9)}${lpad('p99 ms', 9)}${lpad('× trivial', 11)}${lpad('errors', 8)}${lpad('peak MB', 9)}`,
  );
  for (const r of results)
    console.log(
      `${pad(r.route, 28)}${lpad(r.requestsPerSecond, 8)}${lpad(r.p50Ms, 9)}${lpad(r.p99Ms, 9)}${lpad(r.ratioToTrivial.toFixed(2), 11)}${lpad(r.errors, 8)}${lpad(r.peakRssMbSoFar, 9)}`,
    );
  console.log(
    `\nImport of ${data.rows} rows: ${data.importMs} ms` +
      (yardstick
        ? `; sqlite3 ${yardstick.version} .import: ${yardstick.ms} ms (× ${summary.import.ratioToSqlite3})`
        : '; sqlite3 CLI not installed'),
  );
  if (data.scaling)
    console.log(
      `Import check: ${data.scaling.results.map((r) => `${r.rows} rows ${r.ms} ms (${r.msPer1000Rows} ms/1000)`).join(', ')}; 160k/40k × ${data.scaling.growth160kOver40k} (linear ≈ 4)`,
    );
  console.log(
    `/health during an upload of ${duringImport.rows} figures (${duringImport.upload.ms} ms): p99 ${duringImport.upload.p99Ms} ms, max ${duringImport.upload.maxMs} ms over ${duringImport.upload.probes} probes; during its confirm (${duringImport.confirm.ms} ms): p99 ${duringImport.confirm.p99Ms} ms, max ${duringImport.confirm.maxMs} ms over ${duringImport.confirm.probes} probes`,
  );
  console.log(`Server peak memory (VmHWM): ${peakMb} MB`);
  console.log(
    `Query plans: ${plans.length} statements; full scans of channel_result/monthly_result: ${fullScans.length}`,
  );
  for (const scan of fullScans)
    console.log(`  ${scan.plan.join(' / ')} :: ${scan.sql.slice(0, 160)}`);
  console.log('\nTargets:');
  for (const [target, met] of Object.entries(summary.targets))
    console.log(`  ${met === null ? 'n/a ' : met ? 'met ' : 'MISS'} ${target}`);
  console.log(`\nWritten: ${out}`);
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
