import { ApiToken } from '../../src/accounts/api-token.entity';
import { ApiLimitsService, RateLimited } from '../../src/api/api-limits.service';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { ChannelResult } from '../../src/results/channel-result.entity';
import { MonthlyResult } from '../../src/results/monthly-result.entity';
import { apiClient, loadOpenApi, makeToken } from '../support/api-client';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pushMonth } = require('../../src/api/examples/push-month.js');
import {
  findPilot,
  registerPilot,
  savePlan,
  setCostRates,
  WORKED_RATES,
  workedExamplePilot,
} from '../support/factories';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';

const postgres = Boolean(process.env.TEST_DATABASE_URL);

// The JSON API v1 (issue 18): every read a page gives, the writes an integration needs, tokens
// with a scope, problem documents, Idempotency-Key and a rate limit; each answer is checked
// against the OpenAPI document the app generates.
describe('JSON API v1 (HTTP)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (name: string) => apiClient(t, tokens[name]);
  let mine: string;
  let others: string;

  beforeAll(async () => {
    t = await createTestApp();
    await setCostRates(t, WORKED_RATES);
    mine = (
      await workedExamplePilot(t, 'Chatbot for movers', ['2026-01', '2026-02'], {
        ownerUserId: t.users.owner.id,
      })
    ).slug;
    others = (await registerPilot(t, 'Video for insurers', ['phone'], { channelType: 'video' }))
      .slug;
    tokens.viewer = await makeToken(await t.agent('viewer'), 'dashboard', 'read');
    tokens.ownerRead = await makeToken(await t.agent('owner'), 'reader', 'read');
    tokens.owner = await makeToken(await t.agent('owner'), 'platform feed', 'write');
    tokens.admin = await makeToken(await t.agent('admin'), 'admin feed', 'write');
    await loadOpenApi(t);
  });
  afterAll(() => t.close());

  const stored = async (slug: string, month: string) => {
    const pilot = await findPilot(t.dataSource, slug);
    const monthly = await t.dataSource
      .getRepository(MonthlyResult)
      .findOneBy({ pilotId: pilot.id, month });
    const channels = await t.dataSource
      .getRepository(ChannelResult)
      .findBy({ pilotId: pilot.id, month });
    return {
      contacts: monthly?.contacts ?? null,
      fixedCost: monthly?.fixedCostCents ?? null,
      volumes: channels.map((c) => c.volume).filter((v) => v !== null),
    };
  };

  it('lists the portfolio with its filters, a page at a time, and names a filter it cannot use', async () => {
    const all = await as('viewer').get('/api/v1/pilots');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, perPage: 50, total: 2, next: null });
    expect(all.body.pilots.map((p: { slug: string }) => p.slug)).toEqual([mine, others]);

    const first = await as('viewer').get('/api/v1/pilots?perPage=1');
    expect(first.body).toMatchObject({ total: 2, next: '/api/v1/pilots?perPage=1&page=2' });
    const second = await as('viewer').get(first.body.next);
    expect(second.body.pilots.map((p: { slug: string }) => p.slug)).toEqual([others]);
    expect(second.body.next).toBeNull();

    const video = await as('viewer').get('/api/v1/pilots?channelType=video&q=insur');
    expect(video.body.pilots).toEqual([
      expect.objectContaining({
        slug: others,
        channelType: 'video',
        channels: ['phone'],
        stage: 'idea',
      }),
    ]);

    const bad = await as('viewer').get('/api/v1/pilots?stage=dreaming&perPage=500');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.fields).toEqual({
      stage: [expect.stringContaining('Unknown stage; known: idea, proof_of_concept')],
      perPage: ['A whole number from 1 to 200.'],
    });
  });

  it('reads a pilot, its readiness, IT status, decisions, results, business case and finance', async () => {
    const pilot = await as('viewer').get(`/api/v1/pilots/${mine}`);
    expect(pilot.body).toMatchObject({
      slug: mine,
      name: 'Chatbot for movers',
      channels: ['phone', 'email'],
      startMonth: '2026-01',
    });
    expect(Array.isArray(pilot.body.signals)).toBe(true);

    const readiness = await as('viewer').get(`/api/v1/pilots/${mine}/readiness`);
    expect(readiness.body.items.length).toBeGreaterThan(0);
    expect(readiness.body.done).toBe(0);

    const it = await as('viewer').get(`/api/v1/pilots/${mine}/it`);
    expect(it.body).toMatchObject({ level: 'none', budgetCommitted: null });

    expect((await as('viewer').get(`/api/v1/pilots/${mine}/decisions`)).body).toEqual([]);

    const results = await as('viewer').get(`/api/v1/pilots/${mine}/results`);
    expect(results.body.months.map((m: { month: string }) => m.month)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(results.body.months[3]).toMatchObject({
      mode: 'result',
      pilot: { contacts: 2000, fixed_cost: 3000 },
      channels: { phone: { volume: 9300 }, email: { volume: 2950 } },
    });
    expect(results.body.months[0]).toMatchObject({ mode: 'history', pilot: null });

    // The worked example of business-case.md: €8 600 claimed, €4 375 realised a month.
    const finance = await as('viewer').get(`/api/v1/pilots/${mine}/finance`);
    expect(finance.body).toMatchObject({ months: 2, claimed: 17200, waterbed: 8450, signoffs: [] });
    const businessCase = await as('viewer').get(`/api/v1/pilots/${mine}/business-case`);
    expect(businessCase.body.result.totals.claimedSavings).toBe(17200);

    const missing = await as('viewer').get('/api/v1/pilots/nobody/finance');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('The pilot "nobody" was not found.');
  });

  it('replaces a month whole with the version read, and refuses a stale version with 409', async () => {
    const url = `/api/v1/pilots/${mine}/results/2026-02`;
    const read = await as('owner').get(url);
    const body = {
      version: read.body.version,
      pilot: { contacts: 2100, resolved: 1500, fixed_cost: 2999.5 },
      channels: { phone: { volume: 9200 } },
    };
    const saved = await as('owner').put(url, body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      changed: expect.any(Number),
      pilot: { contacts: 2100, resolved: 1500, fixed_cost: 2999.5 },
      // Left out, so emptied: the e-mail volume of the month.
      channels: { phone: { volume: 9200 }, email: { volume: null } },
    });
    expect(saved.body.version).not.toBe(read.body.version);
    expect(await stored(mine, '2026-02')).toEqual({
      contacts: 2100,
      fixedCost: 299950,
      volumes: [9200],
    });
    const audit = await t.dataSource.getRepository(AuditEntry).findBy({ entityType: 'results' });
    expect(audit.map((a) => [a.field, a.newValue])).toEqual(
      expect.arrayContaining([['2026-02 contacts', '2100']]),
    );

    // The same body again: its version is no longer the month's.
    const stale = await as('owner').put(url, { ...body, pilot: { contacts: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain(`its version is now ${saved.body.version}`);
    expect((await stored(mine, '2026-02')).contacts).toBe(2100);
  });

  it('refuses a bad figure with 422 naming each field, and saves nothing', async () => {
    const url = `/api/v1/pilots/${mine}/results/2026-01`;
    const before = await stored(mine, '2026-01');
    const { version } = (await as('owner').get(url)).body;
    const bad = await as('owner').put(url, {
      version,
      pilot: { contacts: -5, csat: 101, fcr: '80', speed: 1 },
      channels: { phone: { volume: 1.5 }, chat: { volume: 3 } },
      note: 'x',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.fields).toEqual({
      note: ['Not a field of this request.'],
      'pilot.contacts': ['A count cannot be negative.'],
      'pilot.csat': ['A percentage cannot be above 100.'],
      'pilot.fcr': ['A number, as a JSON number (1250 or 82.5), or null.'],
      'pilot.speed': [expect.stringContaining('Not a metric of this month; it takes contacts')],
      'channels.chat': ['Not a channel this pilot affects; it affects phone, email.'],
      'channels.phone.volume': ['"1.5" is not a whole number.'],
    });
    const history = await as('owner').put(`/api/v1/pilots/${mine}/results/2025-10`, {
      version: 'x',
      pilot: { contacts: 5 },
    });
    expect(history.body.fields.pilot[0]).toContain("before the pilot's start month (2026-01)");
    const noVersion = await as('owner').put(url, { pilot: { contacts: 5 } });
    expect(Object.keys(noVersion.body.fields)).toEqual(['version']);
    const huge = await as('owner').put(url, { version, note: 'x'.repeat(300_000) });
    expect([huge.status, huge.body.detail]).toEqual([
      413,
      'What you sent is larger than this form accepts.',
    ]);
    const unreadable = await as('owner').put(url, '{"version": ', {
      'Content-Type': 'application/json',
    });
    expect([unreadable.status, unreadable.body.detail]).toEqual([
      400,
      'The request could not be read.',
    ]);
    expect(await stored(mine, '2026-01')).toEqual(before);
  });

  it('applies each token’s scope and its holder’s role', async () => {
    const url = `/api/v1/pilots/${mine}/results/2026-01`;
    const { version } = (await as('ownerRead').get(url)).body;
    const body = { version, pilot: { contacts: 10 } };
    const readOnly = await as('ownerRead').put(url, body);
    expect([readOnly.status, readOnly.body.detail]).toEqual([
      403,
      'This token may only read. Make a token that may read and write for this.',
    ]);
    const notHers = `/api/v1/pilots/${others}/results/2026-01`;
    const otherVersion = (await as('owner').get(notHers)).body.version;
    expect((await as('owner').put(notHers, { version: otherVersion })).status).toBe(403);
    expect((await as('viewer').post('/api/v1/figures', { rows: [] })).status).toBe(403);
    const unknown = await apiClient(t, 'cpt_notarealtokenatall_notarealtoken').get(
      '/api/v1/pilots',
    );
    expect([unknown.status, unknown.headers['www-authenticate']]).toEqual([401, 'Bearer']);
    expect((await stored(mine, '2026-01')).contacts).toBe(2000);
  });

  it('takes a batch of figures as JSON or CSV, previews it, and answers a retried key as the first time', async () => {
    const rows = [
      { pilot: mine, month: '2026-03', metric: 'contacts', channel: null, value: 2400 },
      { pilot: mine, month: '2026-03', metric: 'volume', channel: 'phone', value: 9100 },
      { pilot: mine, month: '2026-03', metric: 'fixed_cost', channel: null, value: 3000.25 },
    ];
    const preview = await as('owner').post('/api/v1/figures?dry_run=true', { rows });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, rows: 3, inserted: 3, updated: 0 });
    expect((await stored(mine, '2026-03')).contacts).toBeNull();

    const key = { 'Idempotency-Key': 'push-2026-03-a' };
    const first = await as('owner').post('/api/v1/figures', { rows }, key);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      dryRun: false,
      inserted: 3,
      pilots: [expect.objectContaining({ slug: mine, months: ['2026-03'] })],
    });
    expect(await stored(mine, '2026-03')).toEqual({
      contacts: 2400,
      fixedCost: 300025,
      volumes: [9100],
    });
    const audited = await t.dataSource.getRepository(AuditEntry).countBy({ entityType: 'results' });

    const again = await as('owner').post('/api/v1/figures', { rows }, key);
    expect([again.status, again.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(again.body).toEqual(first.body);
    expect(await t.dataSource.getRepository(AuditEntry).countBy({ entityType: 'results' })).toBe(
      audited,
    );

    const reused = await as('owner').post('/api/v1/figures', { rows: rows.slice(1) }, key);
    expect([reused.status, Object.keys(reused.body.fields)]).toEqual([422, ['Idempotency-Key']]);

    // The same figures as the platform's CSV export, with Dutch decimals: unchanged now.
    const csv = await as('owner').post(
      '/api/v1/figures',
      `pilot;month;metric;channel;value\n${mine};2026-03;fixed_cost;;3000,25\n`,
      { 'Content-Type': 'text/csv' },
    );
    expect(csv.body).toMatchObject({ rows: 1, unchanged: 1, inserted: 0 });
  });

  it('saves nothing of a batch with one bad figure, and remembers that refusal for its key', async () => {
    const rows = [
      { pilot: mine, month: '2026-04', metric: 'contacts', channel: null, value: 2400 },
      { pilot: mine, month: '2026-04', metric: 'volume', channel: 'phone', value: -3 },
      { pilot: others, month: '2026-04', metric: 'volume', channel: 'phone', value: 3 },
    ];
    const key = { 'Idempotency-Key': 'push-2026-04' };
    const refused = await as('owner').post('/api/v1/figures', { rows }, key);
    expect(refused.status).toBe(422);
    expect(refused.body.fields).toEqual({
      'rows[1].value': ['A count cannot be negative.'],
      'rows[2].pilot': [expect.stringContaining(`You may not log results for ${others}`)],
    });
    expect((await stored(mine, '2026-04')).contacts).toBeNull();
    const replay = await as('owner').post('/api/v1/figures', { rows }, key);
    expect([replay.status, replay.headers['content-type']]).toEqual([
      422,
      expect.stringMatching(/^application\/problem\+json/),
    ]);
    expect(replay.body).toEqual(refused.body);

    const shape = await as('owner').post('/api/v1/figures', {
      rows: [{ pilot: mine, value: '3' }],
    });
    expect(shape.body.fields).toEqual({
      'rows[0].month': ['Text, as a JSON string.'],
      'rows[0].metric': ['Text, as a JSON string.'],
      'rows[0].value': ['A number, as a JSON number (52000 or 82.5).'],
    });
  });
  it(`applies a key once when its request reaches ${postgres ? 'two instances' : 'the app'} several times at once`, async () => {
    const other = postgres ? await t.secondInstance() : null;
    try {
      const here = request(t.app.getHttpServer());
      const there = other ? await other.agent(null) : here;
      const rows = [
        { pilot: mine, month: '2026-05', metric: 'contacts', channel: null, value: 1000 },
      ];
      const send = (client: typeof here) =>
        client
          .post('/api/v1/figures')
          .set({ Authorization: `Bearer ${tokens.owner}`, 'Idempotency-Key': 'race-2026-05' })
          .send({ rows });
      const answers = await Promise.all([send(here), send(there), send(here), send(there)]);
      const statuses = answers.map((a) => a.status);
      expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
      const saved = answers.filter((a) => a.status === 200);
      expect(saved.length).toBeGreaterThanOrEqual(1);
      for (const answer of saved) expect(answer.body).toEqual(saved[0].body);
      expect(saved[0].body.inserted).toBe(1);
      expect(
        await t.dataSource
          .getRepository(AuditEntry)
          .countBy({ entityType: 'results', field: '2026-05 contacts (import)' }),
      ).toBe(1);
    } finally {
      await other?.close();
    }
  });
});

describe('JSON API rate limit (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { API_RATE_LIMIT: '3' } });
    await loadOpenApi(t);
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After beyond the token’s requests a minute, counted per token', async () => {
    const one = apiClient(t, await makeToken(await t.agent('viewer'), 'one', 'read'));
    const two = apiClient(t, await makeToken(await t.agent('finance'), 'two', 'read'));
    // Counted per clock minute: a run that straddles two minutes gets a few more through.
    const statuses: number[] = [];
    let limited = await one.get('/api/v1/pilots');
    while (limited.status !== 429 && statuses.length < 8) {
      statuses.push(limited.status);
      limited = await one.get('/api/v1/pilots');
    }
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    expect(statuses.length).toBeLessThanOrEqual(6);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body.detail).toContain('more requests this minute than the limit allows');
    expect((await two.get('/api/v1/pilots')).status).toBe(200);
  });

  it('counts each minute apart, and says how many seconds are left in it', async () => {
    const limits = t.app.get(ApiLimitsService);
    const [token] = await t.dataSource.getRepository(ApiToken).find({ order: { id: 'ASC' } });
    // Minutes ahead of the clock, past those the requests above were counted in.
    const minute = (Math.floor(Date.now() / 60_000) + 1000) * 60_000;
    for (let i = 0; i < 3; i++) await limits.count(token.id, minute + 1000);
    const refused = await limits.count(token.id, minute + 45_500).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimited);
    expect((refused as RateLimited).retryAfter).toBe(15);
    await expect(limits.count(token.id, minute + 60_000)).resolves.toBeUndefined();
    // The minutes before are cleared by the first request of a new one.
    const kept = await t.dataSource.query(
      `SELECT window_start FROM api_request_count WHERE token_id = ${token.id}`,
    );
    expect(kept.map((row: { window_start: number }) => Number(row.window_start))).toEqual([
      minute / 60_000 + 1,
    ]);
  });
});

// The README's sample integration, run against the app: a platform's daily export in, a month
// of figures saved once, even when the push is retried.
describe('The sample integration script (HTTP)', () => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
  });
  afterAll(() => t.close());

  it('pushes a month from a contact-centre export, and a retry saves nothing twice', async () => {
    const pilot = await registerPilot(t, 'WhatsApp for movers', ['phone', 'email'], {
      ownerUserId: t.users.owner.id,
    });
    await savePlan(t, pilot, { startMonth: '2026-01' }, { phone: '50', email: '10' });
    const token = await makeToken(await t.agent('owner'), 'platform export', 'write');
    const csvText = [
      'Date;Queue;Handled;Resolved_first_contact',
      '2026-02-28;WhatsApp;999;999',
      '2026-03-01;WhatsApp;400;300',
      '2026-03-02;WhatsApp;412;310',
      '2026-03-01;Phone NL;4000;',
      '2026-03-02;Phone NL;4100;',
      '2026-03-01;E-mail NL;700;',
    ].join('\n');
    const month = {
      baseUrl,
      token,
      csvText,
      month: '2026-03',
      pilot: pilot.slug,
      newQueue: 'WhatsApp',
      channels: { phone: 'Phone NL', email: 'E-mail NL' },
    };
    const first = await pushMonth(month);
    expect(first).toMatchObject({ inserted: 4, updated: 0 });
    const again = await pushMonth(month);
    expect(again).toEqual(first);
    const stored = await t.dataSource
      .getRepository(MonthlyResult)
      .findOneByOrFail({ pilotId: pilot.id, month: '2026-03' });
    expect([stored.contacts, stored.resolved]).toEqual([812, 610]);
    const volumes = await t.dataSource
      .getRepository(ChannelResult)
      .find({ where: { pilotId: pilot.id, month: '2026-03' }, order: { channelId: 'ASC' } });
    expect(volumes.map((v) => v.volume).sort((a, b) => a! - b!)).toEqual([700, 8100]);
    await expect(pushMonth({ ...month, newQueue: 'Chat' })).rejects.toThrow(
      'The export has no rows of "Chat" in 2026-03',
    );
  });
});
