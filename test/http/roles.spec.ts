import { Role, ROLES } from '../../src/accounts/permissions';
import { Pilot } from '../../src/pilots/pilot.entity';
import { pilotFields } from '../support/factories';
import { csrfToken, encodeForm, FormFields, submit } from '../support/forms';
import { Agent, createTestApp, TestApp } from '../support/test-app';
import { loadOpenApi } from '../support/api-client';

/**
 * Every mutating route (and every page that shows a form) against every role: what a role may
 * do passes (a success, or a validation message that proves the request got past the role
 * check), what it may not is refused with 403, and nobody signed out gets anywhere.
 * Destructive requests carry invalid bodies, so the table can run in any order.
 */
describe('Roles on every route (HTTP)', () => {
  let t: TestApp;
  const agents = {} as Record<Role, Agent>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) agents[role] = await t.agent(role);
    // "mine" is owned by the owner account; "theirs" by nobody.
    expect(
      (
        await submit(
          agents.owner,
          '/pilots/new',
          '/pilots',
          pilotFields({ name: 'Mine', serviceStrategy: 'platinum' }),
        )
      ).status,
    ).toBe(303);
    expect(
      (await submit(agents.admin, '/pilots/new', '/pilots', pilotFields({ name: 'Theirs' })))
        .status,
    ).toBe(303);
    expect(await t.dataSource.getRepository(Pilot).findOneByOrFail({ slug: 'mine' })).toMatchObject(
      { ownerUserId: t.users.owner.id },
    );
  });
  afterAll(() => t.close());

  const OWNERS: Role[] = ['admin', 'owner'];
  type Case = [method: 'GET' | 'POST', path: string, allowed: Role[], body?: FormFields];
  const cases: Case[] = [
    ['GET', '/pilots/new', OWNERS],
    ['POST', '/pilots', OWNERS, { name: 'x' }],
    ['GET', '/pilots/mine/edit', OWNERS],
    ['GET', '/pilots/theirs/edit', ['admin']],
    ['POST', '/pilots/mine', OWNERS, { name: 'x', version: 1 }],
    ['POST', '/pilots/theirs', ['admin'], { name: 'x', version: 1 }],
    ['POST', '/pilots/mine/stage', OWNERS, { fromStage: 'idea', toStage: 'scaled' }],
    ['POST', '/pilots/theirs/stage', ['admin'], { fromStage: 'idea', toStage: 'scaled' }],
    ['POST', '/pilots/mine/stop', ['admin', 'owner', 'board'], { fromStage: 'idea', reason: 'x' }],
    ['POST', '/pilots/theirs/stop', ['admin', 'board'], { fromStage: 'idea', reason: 'x' }],
    ['POST', '/pilots/mine/strategy-conflict', ['board'], { note: 'x' }],
    ['GET', '/pilots/mine/plan', OWNERS],
    ['POST', '/pilots/mine/plan', OWNERS, { horizonMonths: 0, version: 0 }],
    ['POST', '/pilots/theirs/plan', ['admin'], { horizonMonths: 0, version: 0 }],
    ['GET', '/pilots/mine/results/2026-01', OWNERS],
    ['POST', '/pilots/mine/results/2026-01', OWNERS, { contacts: '-1' }],
    ['POST', '/pilots/theirs/results/2026-01', ['admin'], { contacts: '-1' }],
    ['POST', '/pilots/mine/investments', OWNERS, { amount: 'x' }],
    ['POST', '/pilots/mine/investments/999/delete', OWNERS],
    ['POST', '/pilots/mine/readiness/1', OWNERS, { status: 'bogus', version: 0 }],
    ['POST', '/pilots/theirs/readiness/1', ['admin'], { status: 'bogus', version: 0 }],
    ['GET', '/pilots/mine/it', OWNERS],
    ['POST', '/pilots/mine/it', OWNERS, { level: 'bogus', version: 0 }],
    ['POST', '/channels', ['admin'], { name: 'x' }],
    ['GET', '/channels/phone/edit', ['admin']],
    ['POST', '/channels/phone', ['admin'], { name: 'x', version: 1 }],
    ['POST', '/finance/rates', ['finance'], { channelId: '' }],
    ['POST', '/finance/discount-rate', ['finance'], { rate: 'x' }],
    ['GET', '/admin/readiness-items', ['admin']],
    ['POST', '/admin/readiness-items', ['admin'], { title: 'x' }],
    ['POST', '/admin/readiness-items/1', ['admin'], { title: 'x', version: 1 }],
    ['GET', '/admin/gate-settings', ['admin']],
    ['POST', '/admin/gate-settings', ['admin'], { readinessPct: 'x' }],
    ['GET', '/results/import', [...OWNERS, 'finance']],
    ['POST', '/results/import', [...OWNERS, 'finance']],
    ['POST', '/account/tokens', [...ROLES], { name: '' }],
    ['POST', '/account/tokens/999/revoke', [...ROLES]],
    ['GET', '/admin/users', ['admin']],
    ['POST', '/admin/users', ['admin'], { email: 'x' }],
    ['POST', '/admin/users/999', ['admin'], { name: 'x' }],
    ['GET', '/admin/audit', ['admin']],
    ['POST', '/pilots/mine/decisions', ['board'], { outcome: 'extend', rationale: 'x' }],
    ['POST', '/pilots/mine/sign-offs', ['finance'], { fromMonth: 'x' }],
    ['POST', '/pilots/mine/conditions/999/clear', ['board', 'admin'], { note: 'met it all' }],
    [
      'POST',
      '/results/import/00000000-0000-0000-0000-000000000000/confirm',
      [...OWNERS, 'finance'],
    ],
    ['GET', '/pilots/mine/history', OWNERS],
    ['GET', '/pilots/theirs/history', ['admin']],
    ['POST', '/pilots/mine/history', OWNERS, { toStage: 'scaled', month: 'x', version: 1 }],
    ['POST', '/pilots/theirs/history', ['admin'], { toStage: 'scaled', month: 'x', version: 1 }],
    ['POST', '/pilots/mine/history/start', OWNERS, { startedIn: 'x', version: 1 }],
    ['GET', '/ledger/totals', [...ROLES]],
    ['GET', '/ledger/totals/2026-01', ['finance', 'admin']],
    ['POST', '/ledger/totals/2026-01', ['finance', 'admin'], { total_volume_1: '-1' }],
    ['POST', '/ledger/totals/baselines', ['finance', 'admin'], { ledgerMethod_1: 'x' }],
    ['GET', '/lessons', [...ROLES]],
    ['GET', '/pilots/theirs/copy', ['owner', 'admin']],
    ['GET', '/board/meetings', [...ROLES]],
    ['POST', '/board/meetings', ['board'], { heldOn: 'x', members: '' }],
    ['POST', '/pilots/theirs/copy', ['owner', 'admin'], { name: '' }],
    ['POST', '/pilots/mine/comments', ['owner', 'board', 'finance', 'admin'], { text: '' }],
    ['POST', '/pilots/theirs/comments', ['board', 'finance', 'admin'], { text: '' }],
  ];

  const rows = cases.flatMap(([method, path, allowed, body]) =>
    ROLES.map((role) => [method, path, role, allowed.includes(role), body] as const),
  );

  it.each(rows)('%s %s as %s: allowed %s', async (method, path, role, allowed, body) => {
    const agent = agents[role];
    let status: number;
    if (method === 'GET') {
      status = (await agent.get(path)).status;
    } else {
      // Any page of the app gives this agent's session a CSRF token.
      const token = csrfToken((await agent.get('/pilots/mine')).text);
      status = (
        await agent
          .post(path)
          .type('form')
          .send(encodeForm({ ...(body ?? {}), _csrf: token }))
      ).status;
    }
    if (allowed) {
      expect([200, 303, 404, 409, 422]).toContain(status);
    } else {
      expect(status).toBe(403);
    }
  });

  it('refuses everyone who is not signed in: pages redirect to sign-in, posts are refused, the API answers 401', async () => {
    const anonymous = await t.agent(null);
    for (const path of [
      '/pilots',
      '/pilots/mine',
      '/pilots/new',
      '/channels',
      '/finance/rates',
      '/admin/gate-settings',
      '/results/import',
      '/lessons',
    ]) {
      const res = await anonymous.get(path);
      expect([res.status, res.headers.location]).toEqual([
        303,
        `/sign-in?next=${encodeURIComponent(path)}`,
      ]);
    }
    const api = await anonymous.get('/api/v1/pilots/mine/business-case');
    expect(api.status).toBe(401);
    expect(api.body).toMatchObject({ status: 401, detail: 'Please sign in first.' });
    await loadOpenApi(t);
    expect(api).toSatisfyApiSpec();
    const page = await anonymous.get('/sign-in');
    const post = await anonymous
      .post('/pilots')
      .type('form')
      .send(encodeForm({ ...pilotFields(), _csrf: csrfToken(page.text) }));
    expect(post.status).toBe(401);
    expect(await t.dataSource.getRepository(Pilot).count()).toBe(2);
  });

  it('shows no button a role may not press', async () => {
    const viewer = (await agents.viewer.get('/pilots/mine')).text;
    expect(viewer).not.toContain('href="/pilots/new"');
    expect(viewer).not.toContain('/finance/rates" aria');
    expect(viewer).not.toContain('>Edit</a>');
    expect(viewer).not.toContain('action="/pilots/mine/stop"');
    expect(viewer).not.toContain('Accept the conflict');
    const owner = (await agents.owner.get('/pilots/mine')).text;
    expect(owner).toContain('>Edit</a>');
    expect(owner).toContain('action="/pilots/mine/stop"');
    const businessCase = (await agents.viewer.get('/pilots/mine/business-case')).text;
    expect(businessCase).not.toContain('href="/pilots/mine/plan"');
    const channels = (await agents.owner.get('/channels')).text;
    expect(channels).not.toContain('Add a channel');
    const rates = (await agents.board.get('/finance/rates')).text;
    expect(rates).not.toContain('action="/finance/rates"');
    expect((await agents.finance.get('/finance/rates')).text).toContain('action="/finance/rates"');
    const board = (await agents.board.get('/pilots/mine')).text;
    expect(board).toContain('Accept the conflict');
    expect(board).not.toContain('>Edit</a>');
  });
});
