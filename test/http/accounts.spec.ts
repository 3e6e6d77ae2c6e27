import request from 'supertest';
import { AccountsService, SIGN_IN_LIMITS } from '../../src/accounts/accounts.service';
import { SignInAttempt, User } from '../../src/accounts/user.entity';
import { SessionRecord } from '../../src/sessions/session-record.entity';
import { csrfToken, encodeForm, renderedForm, submit } from '../support/forms';
import { ApiToken } from '../../src/accounts/api-token.entity';
import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

describe('Sign-in and sessions (HTTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function signIn(email: string, password: string, next = '/pilots') {
    const agent = await t.agent(null);
    const page = await agent.get(`/sign-in?next=${encodeURIComponent(next)}`).expect(200);
    const sidBefore = /pilot\.sid=([^;]+)/.exec(String(page.headers['set-cookie']))?.[1];
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ email, password, next, _csrf: csrfToken(page.text) });
    return { agent, res, sidBefore };
  }

  it('signs in with e-mail and password, gives a new session id, and goes where the user was heading', async () => {
    const { agent, res, sidBefore } = await signIn(
      'OWNER@test.example',
      TEST_PASSWORD,
      '/channels',
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/channels');
    const sidAfter = /pilot\.sid=([^;]+)/.exec(String(res.headers['set-cookie']))?.[1];
    expect(sidAfter).toBeDefined();
    expect(sidAfter).not.toBe(sidBefore);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Lax/i);
    const page = await agent.get('/pilots').expect(200);
    expect(page.text).toContain('Test owner');
  });

  it('refuses a wrong password without saying whether the address exists, and keeps only the e-mail', async () => {
    const wrong = await signIn('viewer@test.example', 'not the password');
    expect(wrong.res.status).toBe(422);
    expect(wrong.res.text).toContain('The e-mail address or password is not right');
    expect(wrong.res.text).toContain('value="viewer@test.example"');
    expect(wrong.res.text).not.toContain('not the password');
    const unknown = await signIn('nobody@test.example', 'whatever');
    expect(unknown.res.text).toContain('The e-mail address or password is not right');
  });

  it('refuses further attempts after five failures for an address, even with the right password', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await signIn('board@test.example', `wrong ${i}`)).res.status).toBe(422);
    const locked = await signIn('board@test.example', TEST_PASSWORD);
    expect(locked.res.status).toBe(429);
    expect(locked.res.text).toContain('Too many failed sign-ins for this address');
  });

  it('shows the sign-in page to visitors without storing a session for them', async () => {
    const sessions = t.dataSource.getRepository(SessionRecord);
    const before = await sessions.count();
    for (let i = 0; i < 20; i += 1) {
      const page = await request(t.app.getHttpServer()).get('/sign-in').expect(200);
      expect(String(page.headers['set-cookie'])).not.toContain('pilot.sid=');
    }
    expect(await sessions.count()).toBe(before);
    // The form still works: its token is bound to a visitor cookie instead.
    expect((await signIn('finance@test.example', TEST_PASSWORD)).res.status).toBe(303);
    expect(await sessions.count()).toBe(before + 1);
  });

  it('prunes sign-in attempts older than a day', async () => {
    const attempts = t.dataSource.getRepository(SignInAttempt);
    const now = new Date();
    await attempts.insert([
      {
        email: 'old@test.example',
        ip: '10.0.0.1',
        succeeded: false,
        at: new Date(now.getTime() - 25 * 3600_000),
      },
      {
        email: 'recent@test.example',
        ip: '10.0.0.1',
        succeeded: false,
        at: new Date(now.getTime() - 23 * 3600_000),
      },
    ]);
    expect(await t.app.get(AccountsService).pruneSignInAttempts(now)).toBeGreaterThanOrEqual(1);
    expect(await attempts.countBy({ email: 'old@test.example' })).toBe(0);
    expect(await attempts.countBy({ email: 'recent@test.example' })).toBe(1);
  });

  it('never redirects to another site after sign-in', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const { res } = await signIn('finance@test.example', TEST_PASSWORD, next);
      expect(res.headers.location).toBe('/dashboard');
    }
  });

  it('signs out, ending the session on the server', async () => {
    const { agent } = await signIn('finance@test.example', TEST_PASSWORD);
    const page = await agent.get('/pilots').expect(200);
    const sessions = await t.dataSource.getRepository(SessionRecord).count();
    const res = await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfToken(page.text) });
    expect(res.status).toBe(303);
    expect(await t.dataSource.getRepository(SessionRecord).count()).toBe(sessions - 1);
    expect((await agent.get('/pilots')).status).toBe(303);
  });
});

describe('Sign-in page in demo mode', () => {
  it('lists a demo account for every role, and they work', async () => {
    const t = await createTestApp({ demo: true });
    try {
      const agent = await t.agent(null);
      const page = await agent.get('/sign-in').expect(200);
      for (const role of ['Channel owner', 'Board member', 'Finance', 'Admin', 'Viewer'])
        expect(page.text).toContain(role);
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({
          email: 'owner@demo.example',
          password: 'demo-password-2026',
          _csrf: csrfToken(page.text),
        });
      expect(res.status).toBe(303);
      const pilot = (await agent.get('/pilots/whatsapp-movers').expect(200)).text;
      expect(pilot).toContain('>Edit</a>');
      const other = (await agent.get('/pilots/voicebot-outages').expect(200)).text;
      expect(other).not.toContain('>Edit</a>');
    } finally {
      await t.close();
    }
  });
});

describe('Accounts admin and audit trail (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates an account, changes its roles, and deactivating it ends its sessions at once', async () => {
    const admin = await t.agent('admin');
    const bad = await submit(admin, '/admin/users', '/admin/users', {
      email: 'not-an-address',
      name: 'N',
      password: 'short',
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Give a valid e-mail address.');
    expect(bad.text).toContain('The password must be 12 to 200 characters.');
    expect(bad.text).toContain('Give one or more roles of');

    const ok = await submit(admin, '/admin/users', '/admin/users', {
      email: 'new.owner@test.example',
      name: 'New Owner',
      password: 'a long enough password',
      roles: ['owner'],
    });
    expect(ok.status).toBe(303);
    const user = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'new.owner@test.example' });

    // The new owner signs in and works.
    const owner = await t.agent(null);
    const page = await owner.get('/sign-in');
    await owner
      .post('/sign-in')
      .type('form')
      .send({
        email: 'new.owner@test.example',
        password: 'a long enough password',
        _csrf: csrfToken(page.text),
      });
    await owner.get('/pilots/new').expect(200);

    const roles = await submit(admin, '/admin/users', `/admin/users/${user.id}`, {
      name: 'New Owner',
      roles: ['owner', 'finance'],
      active: true,
      version: 1,
    });
    expect(roles.status).toBe(303);
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).roles).toEqual(
      ['owner', 'finance'],
    );

    const off = await submit(admin, '/admin/users', `/admin/users/${user.id}`, {
      name: 'New Owner',
      roles: ['owner'],
      version: 2,
    });
    expect(off.status).toBe(303);
    expect(await t.dataSource.getRepository(SessionRecord).countBy({ userId: user.id })).toBe(0);
    expect((await owner.get('/pilots')).status).toBe(303);

    const self = await submit(admin, '/admin/users', `/admin/users/${t.users.admin.id}`, {
      name: 'Test admin',
      roles: ['viewer'],
      active: true,
      version: 1,
    });
    expect(self.status).toBe(422);
    expect(self.text).toContain('You cannot take away your own admin role');
  });

  it('shows the organisation-wide audit trail to admins, filtered by what, who and date', async () => {
    const admin = await t.agent('admin');
    const all = await admin.get('/admin/audit').expect(200);
    expect(all.text).toContain('new.owner@test.example roles');
    const users = await admin.get('/admin/audit?type=user&actor=test%20admin').expect(200);
    expect(users.text).toContain('new.owner@test.example active');
    const none = await admin
      .get('/admin/audit?type=channel&from=2001-01-01&to=2001-01-02')
      .expect(200);
    expect(none.text).toContain('Nothing matches the filter.');
    // Filters are parameters, never SQL.
    await admin
      .get('/admin/audit?actor=%27%20OR%201%3D1%20--&pilot=x%27%3B%20DROP%20TABLE%20pilot')
      .expect(200);
    await (await t.agent('board')).get('/admin/audit').expect(403);
  });
});

describe('Sign-in limits per client (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it(`refuses a client after ${SIGN_IN_LIMITS.client} failures over many addresses (password spraying)`, async () => {
    const server = t.app.getHttpServer();
    const attempt = async (email: string, password: string) => {
      const agent = request.agent(server);
      const page = await agent.get('/sign-in').expect(200);
      return agent
        .post('/sign-in')
        .type('form')
        .send({ email, password, _csrf: csrfToken(page.text) });
    };
    for (let i = 0; i < SIGN_IN_LIMITS.client; i += 1)
      expect((await attempt(`person${i}@test.example`, 'Summer2026!')).status).toBe(422);
    const refused = await attempt('admin@test.example', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Too many failed sign-ins from your network');
  });
});

describe('Personal API tokens (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates a token shown once and stored hashed, which opens the JSON API until revoked', async () => {
    const finance = await t.agent('finance');
    const bad = await submit(finance, '/account/tokens', '/account/tokens', { name: '' });
    expect(bad.status).toBe(422);
    const res = await submit(finance, '/account/tokens', '/account/tokens', {
      name: 'nightly export',
    });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const token = /<code class="token">(cpt_[A-Za-z0-9_-]+)<\/code>/.exec(res.text)![1];
    const stored = await t.dataSource.query('SELECT token_hash, prefix FROM api_token');
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await finance.get('/account/tokens')).text).not.toContain(token);

    const api = t.app.getHttpServer();
    await request(api).get('/api/openapi.json').set('Authorization', `Bearer ${token}`).expect(200);
    await request(api)
      .get('/api/openapi.json')
      .set('Authorization', 'Bearer cpt_thisisnotarealtokenatallreally')
      .expect(401);
    // A token is for the API only, not for the pages.
    expect((await request(api).get('/pilots').set('Authorization', `Bearer ${token}`)).status).toBe(
      303,
    );

    const list = await finance.get('/account/tokens');
    const id = /action="\/account\/tokens\/(\d+)\/revoke"/.exec(list.text)![1];
    const revoked = await finance
      .post(`/account/tokens/${id}/revoke`)
      .type('form')
      .send({ _csrf: csrfToken(list.text) });
    expect(revoked.status).toBe(303);
    await request(api).get('/api/openapi.json').set('Authorization', `Bearer ${token}`).expect(401);
    // Another user cannot revoke it (it is not theirs to see).
    const admin = await t.agent('admin');
    const adminPage = await admin.get('/account/tokens');
    const other = await admin
      .post(`/account/tokens/${id}/revoke`)
      .type('form')
      .send({ _csrf: csrfToken(adminPage.text) });
    expect(other.status).toBe(404);
  });

  it('gives every token an expiry (90 days unless chosen) and refuses it once passed', async () => {
    const owner = await t.agent('owner');
    const page = await owner.get('/account/tokens').expect(200);
    const shown = renderedForm(page.text, '/account/tokens');
    expect(shown.validFor).toBe('90');
    const res = await owner
      .post('/account/tokens')
      .type('form')
      .send(encodeForm({ ...shown, name: 'quarterly report' }));
    expect(res.status).toBe(200);
    const token = /<code class="token">(cpt_[A-Za-z0-9_-]+)<\/code>/.exec(res.text)![1];
    const stored = await t.dataSource
      .getRepository(ApiToken)
      .findOneByOrFail({ name: 'quarterly report' });
    const days = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 86_400_000;
    expect(days).toBe(90);
    const api = t.app.getHttpServer();
    await request(api).get('/api/openapi.json').set('Authorization', `Bearer ${token}`).expect(200);

    await t.dataSource
      .getRepository(ApiToken)
      .update({ id: stored.id }, { expiresAt: new Date(Date.now() - 1000) });
    await request(api).get('/api/openapi.json').set('Authorization', `Bearer ${token}`).expect(401);
    const list = (await owner.get('/account/tokens')).text;
    expect(list).toMatch(/quarterly report[\s\S]*?expired/);

    const wrong = await submit(owner, '/account/tokens', '/account/tokens', {
      name: 'forever',
      validFor: '10000',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('Choose how long it stays valid');
  });

  it('revokes the tokens of a deactivated account, so that reactivating it revives none', async () => {
    const viewer = await t.agent('viewer');
    const made = await submit(viewer, '/account/tokens', '/account/tokens', { name: 'dashboard' });
    const token = /<code class="token">(cpt_[A-Za-z0-9_-]+)<\/code>/.exec(made.text)![1];
    const api = t.app.getHttpServer();
    await request(api).get('/api/openapi.json').set('Authorization', `Bearer ${token}`).expect(200);
    const admin = await t.agent('admin');
    const id = t.users.viewer.id;
    const form = (html: string) => renderedForm(html, `/admin/users/${id}`);
    const page = await admin.get('/admin/users').expect(200);
    const off = await admin
      .post(`/admin/users/${id}`)
      .type('form')
      .send(encodeForm({ ...form(page.text), active: false }));
    expect(off.status).toBe(303);
    const again = await admin.get('/admin/users').expect(200);
    const on = await admin
      .post(`/admin/users/${id}`)
      .type('form')
      .send(encodeForm({ ...form(again.text), active: 'on' }));
    expect(on.status).toBe(303);
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ id })).active).toBe(true);
    await request(api).get('/api/openapi.json').set('Authorization', `Bearer ${token}`).expect(401);
  });
});
