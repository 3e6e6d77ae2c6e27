import { execFileSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import { runCli } from '../../src/cli';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/data-source-options';
import {
  browserSession,
  LiveServer,
  ROOT,
  signIn as signInAs,
  startServer,
} from '../support/live-server';
import { scratchDatabase } from '../support/test-app';

// The real server, killed with SIGKILL in the middle of writing, then started again: every
// write it answered as done is there, an import is whole or absent, and the database is sound.

jest.setTimeout(180_000);
const PASSWORD = 'durability-password-1';

describe('Durability: SIGKILL in the middle of writes', () => {
  let env: Record<string, string>;
  let config: AppConfig;
  let cleanup: () => Promise<void>;
  let server: LiveServer | null = null;

  beforeAll(async () => {
    execFileSync('npx', ['nest', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const scratch = await scratchDatabase();
    cleanup = scratch.cleanup;
    env = {
      ...scratch.env,
      DEMO_DATA: 'off',
      SESSION_SECRET: 'durability-secret-of-32-characters!!',
    };
    config = loadConfig(env);
    const made = await runCli(
      ['create-user', 'admin@durability.example', 'Dura Admin', 'admin'],
      config,
      {
        out: () => undefined,
        err: (s) => console.error(s),
        password: async () => PASSWORD,
      },
    );
    expect(made).toBe(0);
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await cleanup();
  });

  async function start(): Promise<void> {
    server = await startServer({ env: { ...env, NODE_ENV: '' } });
  }

  async function kill(): Promise<void> {
    await server!.stop('SIGKILL');
    server = null;
  }

  /** A signed-in browser: cookies kept, CSRF token read from a page. */
  async function signIn() {
    const session = browserSession(server!.base);
    await signInAs(session, 'admin@durability.example', PASSWORD);
    return session;
  }

  async function query<T>(sql: string): Promise<T[]> {
    const ds = new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false });
    await ds.initialize();
    try {
      return (await ds.query(sql)) as T[];
    } finally {
      await ds.destroy();
    }
  }

  it('keeps every acknowledged form post of a burst cut short, and each whole', async () => {
    await start();
    const browser = await signIn();
    const token = browser.token(await (await browser.get('/pilots/new')).text());
    const acknowledged: string[] = [];
    let killing: Promise<void> | null = null;
    const posts = Array.from(
      { length: 60 },
      (_, i) =>
        browser
          .post(
            '/pilots',
            new URLSearchParams({
              _csrf: token,
              name: `Burst pilot ${i}`,
              description: 'Posted in a burst the server does not survive.',
              channelType: 'chatbot',
              purposes: 'operational_relief',
              serviceStrategy: 'standard',
            }),
          )
          .then((res) => {
            if (res.status === 303)
              acknowledged.push(res.headers.get('location')!.replace('/pilots/', ''));
            if (acknowledged.length === 15 && !killing) killing = kill();
          })
          .catch(() => undefined), // cut off by the kill: not acknowledged
    );
    await Promise.all(posts);
    await killing;
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);

    await start(); // the lock of the killed server is stale: the new one takes over
    await kill();
    const pilots = await query<{ slug: string; id: number }>('SELECT id, slug FROM pilot');
    const slugs = new Set(pilots.map((p) => p.slug));
    for (const slug of acknowledged) expect(slugs).toContain(slug);
    // Each pilot stored is whole: its first stage and its audit entry came in the same transaction.
    const firstStages = await query<{ pilot_id: number }>(
      'SELECT DISTINCT pilot_id FROM pilot_stage_change',
    );
    expect(new Set(firstStages.map((r) => Number(r.pilot_id)))).toEqual(
      new Set(pilots.map((p) => Number(p.id))),
    );
    await expectSound();
  });

  it('keeps an import whole or leaves no trace of it, wherever the kill lands', async () => {
    const outcomes: string[] = [];
    // Twelve pilots that take results from January 2000 on.
    await start();
    const setup = await signIn();
    const formToken = setup.token(await (await setup.get('/pilots/new')).text());
    const slugs: string[] = [];
    // 48 pilots × 300 months × 7 figures: 100 800 figures, all in the past (months are bounded).
    for (let i = 0; i < 48; i += 1) {
      const res = await setup.post(
        '/pilots',
        new URLSearchParams({
          _csrf: formToken,
          name: `Import pilot ${i}`,
          description: 'Takes a large import.',
          channelType: 'chatbot',
          purposes: 'operational_relief',
          serviceStrategy: 'standard',
        }),
      );
      expect(res.status).toBe(303);
      slugs.push(res.headers.get('location')!.replace('/pilots/', ''));
    }
    await kill();
    await query(`UPDATE pilot SET start_month = '2000-01' WHERE slug LIKE 'import-pilot-%'`);
    // Killed 50 ms and 400 ms into the confirmation, and once just after it was answered.
    for (const delay of [50, 400, 0]) {
      await start();
      const browser = await signIn();
      const lines = ['pilot,month,metric,channel,value'];
      for (const slug of slugs)
        for (let year = 2001; year < 2026; year += 1)
          for (let m = 1; m <= 12; m += 1) {
            const month = `${year}-${String(m).padStart(2, '0')}`;
            lines.push(
              `${slug},${month},contacts,,${delay + m}`,
              `${slug},${month},csat,,${70 + (m % 9)}`,
            );
            lines.push(`${slug},${month},fcr,,${60 + (m % 7)}`, `${slug},${month},resolved,,${m}`);
            lines.push(
              `${slug},${month},response_time,,${20 + m}`,
              `${slug},${month},fixed_cost,,${1000 + delay}.00`,
            );
            lines.push(`${slug},${month},margin,,${delay + 1}.00`);
          }
      const importPage = await (await browser.get('/results/import')).text();
      const token = /action="\/results\/import\?_csrf=([^"]+)"/.exec(importPage)![1];
      const form = new FormData();
      form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'big.csv');
      const preview = await browser.post(`/results/import?_csrf=${token}`, form);
      const html = await preview.text();
      expect(preview.status).toBe(200);
      const id = /action="\/results\/import\/([0-9a-f-]+)\/confirm"/.exec(html)![1];
      const confirm = browser
        .post(`/results/import/${id}/confirm`, new URLSearchParams({ _csrf: browser.token(html) }))
        .then((res) => res.status)
        .catch(() => 'cut off');
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      else expect(await confirm).toBe(303);
      await kill();
      const answered = await confirm;

      await start();
      await kill();
      const [{ n }] = await query<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM monthly_result WHERE margin_cents = ${(delay + 1) * 100}`,
      );
      const stored = Number(n);
      const expected = slugs.length * 300;
      expect(expected).toBe(14_400);
      // All of it or none of it; and if the server said it was done, all of it.
      expect([0, expected]).toContain(stored);
      if (answered === 303) expect(stored).toBe(expected);
      outcomes.push(
        `${delay ? `${delay} ms in` : 'once answered'}: ${stored === expected ? 'whole' : 'absent'} (answered ${answered})`,
      );
      await expectSound();
    }
    // The three kills land at different points; the log says where.
    console.log(`Import killed after ${outcomes.join('; ')}`);
  });

  async function expectSound(): Promise<void> {
    if (config.database.type !== 'sqlite') return; // PostgreSQL checks its pages itself
    const [{ integrity_check }] = await query<{ integrity_check: string }>(
      'PRAGMA integrity_check',
    );
    expect(integrity_check).toBe('ok');
  }
});
