import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli';
import { MonthlyResult } from '../../src/results/monthly-result.entity';
import { channelIds, pilotFields } from '../support/factories';
import { submit } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

describe('Command line', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'pilot-cli-'));

  beforeAll(async () => {
    t = await createTestApp();
    const [phone] = await channelIds(t.dataSource, 'phone');
    const res = await submit(
      await t.agent(),
      '/pilots/new',
      '/pilots',
      pilotFields({ name: 'Cli pilot', affectedChannelIds: [phone] }),
    );
    expect(res.status).toBe(303);
    await submit(await t.agent(), '/pilots/cli-pilot/plan', '/pilots/cli-pilot/plan', {
      startMonth: '2026-01',
      horizonMonths: 24,
      monthlyFixedCostCents: '1000',
      variableCostPerContactCents: '0',
      [`share_${phone}`]: '40',
      version: 0,
    });
    await submit(await t.agent('finance'), '/finance/rates', '/finance/rates', {
      channelId: phone,
      effectiveFrom: '2025-01',
      amount: '6',
    });
  });
  afterAll(() => t.close());

  async function cli(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, t.config, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('imports metrics, with --dry-run saving nothing', async () => {
    const path = file(
      'good.csv',
      [
        'pilot,month,metric,channel,value',
        'cli-pilot,2025-10,volume,phone,1000',
        'cli-pilot,2025-11,volume,phone,1040',
        'cli-pilot,2025-12,volume,phone,960',
        'cli-pilot,2026-01,contacts,,500',
        'cli-pilot,2026-01,volume,phone,900',
      ].join('\n'),
    );
    const dry = await cli('import-metrics', path, '--dry-run');
    expect(dry).toMatchObject({ code: 0, err: '' });
    expect(dry.out).toMatch(
      /^Dry run, nothing saved: 5 lines, 5 new, 0 changed, 0 unchanged figures for 1 pilot\(s\)/,
    );
    expect(await t.dataSource.getRepository(MonthlyResult).count()).toBe(0);

    const real = await cli('import-metrics', path);
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/^Imported: 5 lines, 5 new/);
    expect(await t.dataSource.getRepository(MonthlyResult).count()).toBe(1);
  });

  it('reports each bad line and exits 1, saving nothing', async () => {
    const path = file(
      'bad.csv',
      'pilot,month,metric,channel,value\ncli-pilot,2026-02,contacts,,10\nghost,2026-02,contacts,,1\ncli-pilot,2026-02,volume,phone,x\n',
    );
    const result = await cli('import-metrics', path);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Nothing was imported: 2 problem(s)');
    expect(result.err).toContain('line 3, pilot: unknown pilot "ghost"');
    expect(result.err).toContain('line 4, value: "x" is not a whole number');
    expect(await t.dataSource.getRepository(MonthlyResult).countBy({ month: '2026-02' })).toBe(0);
  });

  it('prints the business case as the same JSON the API returns', async () => {
    const result = await cli('business-case', 'cli-pilot', '--json');
    expect(result.code).toBe(0);
    const fromCli = JSON.parse(result.out);
    const fromApi = (
      await (await t.agent()).get('/api/v1/pilots/cli-pilot/business-case').expect(200)
    ).body;
    delete fromCli.computedAt;
    delete fromApi.computedAt;
    expect(fromCli).toEqual(fromApi);
    // D = 1 000 − 900 = 100 contacts · €6 = €600 realised; claimed 500 · 0.4 · 6 = €1 200.
    expect(fromApi.result.months[0]).toMatchObject({
      month: '2026-01',
      claimedSavings: 1200,
      realisedSavings: 600,
      waterbed: 600,
    });
    expect(fromApi.inputs.channels[0]).toMatchObject({
      key: 'phone',
      share: 0.4,
      rates: [{ from: '2025-01', euros: 6 }],
    });
  });

  it('prints the channel ledger, and as the same JSON the API returns', async () => {
    const json = await cli('ledger', '--from', '2026-01', '--to', '2026-01', '--json');
    expect(json.code).toBe(0);
    const fromCli = JSON.parse(json.out);
    const fromApi = (
      await (await t.agent()).get('/api/v1/ledger?from=2026-01&to=2026-01').expect(200)
    ).body;
    delete fromCli.computedAt;
    delete fromApi.computedAt;
    expect(fromCli).toEqual(fromApi);
    // Without totals the month has the pilot's claim and no sum: the sums cover months with one.
    expect(fromApi.channels[0]).toMatchObject({ key: 'phone', coveredMonths: 0, claimed: 0 });
    expect(fromApi.channels[0].months[0]).toMatchObject({ total: null, claimed: 200 });
    const printed = await cli('ledger', '--from', '2026-01', '--to', '2026-01');
    expect(printed.out).toContain('Channel ledger 2026-01 to 2026-01');
    expect(printed.out).toContain(
      'Phone (phone)\n  No totals before January 2026, when the first pilot on this channel started',
    );
    expect(await cli('ledger', '--from', 'someday')).toMatchObject({
      code: 1,
      err: expect.stringContaining('--from: Give the month as YYYY-MM'),
    });
  });

  it('answers an unknown pilot and a bad command clearly', async () => {
    expect(await cli('business-case', 'nobody')).toMatchObject({
      code: 1,
      err: 'The pilot "nobody" was not found.',
    });
    expect((await cli('explode')).code).toBe(2);
  });
});

describe('Command line: create-user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const run = async (args: string[], password: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, t.config, {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
      password: async () => password,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('creates the first admin, who can then sign in; the password is stored only as a hash', async () => {
    const result = await run(
      ['create-user', 'Chief@Example.org', 'Chief Admin', 'admin,board'],
      'a long enough password',
    );
    expect(result).toMatchObject({ code: 0, out: 'Created chief@example.org (admin, board).' });
    const stored = await t.dataSource.query(
      'SELECT password_hash, roles FROM app_user WHERE email = $1'.replace(
        '$1',
        t.dialect === 'postgres' ? '$1' : '?',
      ),
      ['chief@example.org'],
    );
    expect(stored[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(stored[0].password_hash).not.toContain('a long enough password');
    const agent = await t.agent(null);
    const page = await agent.get('/sign-in');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: 'chief@example.org', password: 'a long enough password', _csrf: token });
    expect(res.status).toBe(303);
  });

  it('refuses a short password, unknown roles and a taken address, saying which', async () => {
    const bad = await run(['create-user', 'x@example.org', 'X Person', 'admin,wizard'], 'short');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('password: The password must be 12 to 200 characters.');
    expect(bad.err).toContain(
      'roles: Give one or more roles of: viewer, owner, board, finance, admin.',
    );
    const taken = await run(
      ['create-user', 'admin@test.example', 'Again', 'viewer'],
      'a long enough password',
    );
    expect(taken.err).toContain('There is already an account for admin@test.example.');
  });
});
