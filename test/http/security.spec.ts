import request from 'supertest';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { SessionRecord } from '../../src/sessions/session-record.entity';
import { SESSION_ABSOLUTE_MS } from '../../src/sessions/session-policy';
import { csrfToken, submit, unescapeHtml } from '../support/forms';
import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

// OWASP ASVS 5, level 2: the items that apply to this app, each checked here or in the test
// named beside it (see the README's security section).

const SECRET = 'a-test-session-secret-of-at-least-32-chars';

describe('Security (ASVS L2) in production behind a TLS proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { NODE_ENV: 'production', SESSION_SECRET: SECRET, TRUST_PROXY: 'loopback' },
    });
  });
  afterAll(() => t.close());

  /** A browser on https: a cookie jar that keeps Secure cookies (supertest's would not send them over the test's http). */
  function browser() {
    const jar = new Map<string, string>();
    const send = async (req: request.Test) => {
      const res = await req
        .set('X-Forwarded-Proto', 'https')
        .set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
      for (const header of (res.headers['set-cookie'] as unknown as string[] | undefined) ?? []) {
        const [pair] = header.split(';');
        const [name, ...value] = pair.split('=');
        jar.set(name, value.join('='));
      }
      return res;
    };
    const server = t.app.getHttpServer();
    return {
      jar,
      get: (url: string) => send(request(server).get(url)),
      post: (url: string, form: Record<string, string>) =>
        send(request(server).post(url).type('form').send(new URLSearchParams(form).toString())),
    };
  }

  it('sets the session cookie __Host-, Secure, HttpOnly, SameSite=Lax, for the whole host only', async () => {
    const b = browser();
    const page = await b.get('/sign-in');
    const csrfCookie = (page.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('__Host-pilot.csrf='),
    )!;
    expect(csrfCookie).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    const res = await b.post('/sign-in', {
      email: 'viewer@test.example',
      password: TEST_PASSWORD,
      _csrf: csrfToken(page.text),
    });
    expect(res.status).toBe(303);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('__Host-pilot.sid='),
    )!;
    expect(cookie).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookie).not.toMatch(/Domain=|Expires=|Max-Age=/); // a browser-session cookie
    expect((await b.get('/dashboard')).status).toBe(200);
  });

  it('sends HSTS for a year, subdomains included', async () => {
    const res = await browser().get('/sign-in');
    const hsts = res.headers['strict-transport-security'];
    expect(hsts).toMatch(/max-age=(\d+); includeSubDomains/);
    expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(31536000);
  });
});

describe('Security (ASVS L2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('sends a strict content-security policy, nosniff and a referrer policy on every page', async () => {
    for (const url of ['/sign-in', '/health', '/static/css/app.css', '/no-such-page']) {
      const res = await (await t.agent(null)).get(url);
      const csp = parseCsp(res.headers['content-security-policy']);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['base-uri']).toEqual(["'none'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('changes nothing on any GET: every GET route crawled as admin leaves the data as it was', async () => {
    const admin = await t.agent('admin');
    const before = await snapshot(t);
    const routes = getRoutes(t);
    expect(routes.length).toBeGreaterThan(30);
    const statuses: Record<string, number> = {};
    for (const route of routes) statuses[route] = (await admin.get(route)).status;
    expect(Object.values(statuses).filter((s) => s >= 500)).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
    // And the one action that looks like a link is a form: GET /sign-out signs nobody out.
    expect((await admin.get('/sign-out')).status).toBe(404);
    expect((await admin.get('/dashboard')).status).toBe(200);
  });

  it('ends a session after an hour without requests (idle time-out, server-side)', async () => {
    const agent = await t.freshAgent('viewer');
    await agent.get('/dashboard').expect(200);
    const sessions = t.dataSource.getRepository(SessionRecord);
    const [session] = await sessions.find({ where: { userId: t.users.viewer.id } });
    await sessions.update({ id: session.id }, { expiresAt: new Date(Date.now() - 1000) });
    const res = await agent.get('/dashboard');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fdashboard');
  });

  it('ends a session 12 hours after sign-in however active (absolute time-out)', async () => {
    const agent = await t.freshAgent('board');
    await agent.get('/dashboard').expect(200);
    const sessions = t.dataSource.getRepository(SessionRecord);
    const [session] = await sessions.find({ where: { userId: t.users.board.id } });
    const data = JSON.parse(session.data);
    data.signedInAt = Date.now() - SESSION_ABSOLUTE_MS - 1000;
    await sessions.update({ id: session.id }, { data: JSON.stringify(data) });
    const res = await agent.get('/dashboard');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fdashboard');
    const page = await agent.get('/sign-in').expect(200);
    expect(unescapeHtml(page.text)).toContain(
      'Your session ended 12 hours after you signed in. Please sign in again.',
    );
    // The old session no longer signs anyone in.
    expect((await agent.get('/dashboard')).status).toBe(303);
  });

  it('takes the CSRF token from the URL only for the file upload, from the form body elsewhere', async () => {
    const agent = await t.agent('admin');
    const page = await agent.get('/account/tokens').expect(200);
    const token = encodeURIComponent(csrfToken(page.text));
    const inUrl = await agent
      .post(`/account/tokens?_csrf=${token}`)
      .type('form')
      .send('name=from+the+url');
    expect(inUrl.status).toBe(403);
    expect(inUrl.text).toContain('The form had expired');
    const inBody = await agent
      .post('/account/tokens')
      .type('form')
      .send(`name=from+the+body&_csrf=${token}`);
    expect(inBody.status).toBe(200);
  });

  describe('refusals: a page for people, JSON for the API', () => {
    it('403 — a role that may not', async () => {
      const viewer = await t.agent('viewer');
      const page = await submit(viewer, '/pilots', '/pilots', { name: 'x' });
      expect(page.status).toBe(403);
      expect(page.text).toContain('Your role does not allow this.');
      expect(page.headers['content-type']).toMatch(/html/);
    });

    it('404 — no such page or pilot', async () => {
      const agent = await t.agent('viewer');
      const page = await agent.get('/pilots/nobody-here').expect(404);
      expect(page.headers['content-type']).toMatch(/html/);
      expect(page.text).toContain('Page not found');
      const api = await agent.get('/api/v1/pilots/nobody-here/business-case').expect(404);
      expect(api.body).toMatchObject({ status: 404, title: 'Page not found' });
    });

    it('413 — a body or upload over the limit', async () => {
      const agent = await t.agent('admin');
      const page = await agent.get('/pilots/new');
      const big = await agent
        .post('/pilots')
        .type('form')
        .send(
          `_csrf=${encodeURIComponent(csrfToken(page.text))}&description=${'x'.repeat(300_000)}`,
        );
      expect(big.status).toBe(413);
      expect(big.text).toContain('Too large');
      const api = await agent
        .post('/api/v1/pilots')
        .set('Accept', 'application/json')
        .type('json')
        .send({ description: 'x'.repeat(300_000) });
      expect(api.status).toBe(413);
      expect(api.body).toMatchObject({ status: 413 });
      // The import's own limit: 20 MB, with what to do about it.
      const importPage = await agent.get('/results/import');
      const token = /action="\/results\/import\?_csrf=([^"]+)"/.exec(importPage.text)![1];
      const upload = await agent
        .post(`/results/import?_csrf=${token}`)
        .attach('file', Buffer.alloc(21 * 1024 * 1024, 'a'), 'huge.csv');
      expect(upload.status).toBe(413);
      expect(unescapeHtml(upload.text)).toContain('The file is larger than 20 MB');
    });

    it('422 — a file that is not CSV is refused by its type, with a message', async () => {
      const agent = await t.agent('admin');
      const importPage = await agent.get('/results/import');
      const token = /action="\/results\/import\?_csrf=([^"]+)"/.exec(importPage.text)![1];
      const upload = await agent
        .post(`/results/import?_csrf=${token}`)
        .attach('file', Buffer.from('%PDF-1.7 binary'), {
          filename: 'report.pdf',
          contentType: 'application/pdf',
        });
      expect(upload.status).toBe(422);
      expect(unescapeHtml(upload.text)).toContain('"report.pdf" is not a CSV file.');
    });

    it('422 — input that cannot be used, each field with its reason', async () => {
      const agent = await t.agent('admin');
      const page = await submit(agent, '/pilots/new', '/pilots', { name: '', description: '' });
      expect(page.status).toBe(422);
      expect(page.text).toContain('aria-invalid="true"');
    });

    it('429 — too many failed sign-ins', async () => {
      const agent = await t.agent(null);
      let res;
      for (let i = 0; i < 6; i += 1) {
        const page = await agent.get('/sign-in');
        res = await agent
          .post('/sign-in')
          .type('form')
          .send({
            email: 'finance@test.example',
            password: `wrong-${i}`,
            _csrf: csrfToken(page.text),
          });
      }
      expect(res!.status).toBe(429);
      expect(res!.text).toContain('Too many failed sign-ins for this address');
    });
  });
});

function parseCsp(header: string): Record<string, string[]> {
  return Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** Every table's rows, except those a read may touch by design (sessions, sign-in counts, the summary cache). */
async function snapshot(t: TestApp): Promise<Record<string, unknown[]>> {
  const skip = new Set(['session', 'business_case_cache', 'sign_in_attempt', 'migrations']);
  const result: Record<string, unknown[]> = {};
  for (const entity of t.dataSource.entityMetadatas) {
    if (skip.has(entity.tableName)) continue;
    result[entity.tableName] = await t.dataSource.query(
      `SELECT * FROM ${entity.tableName} ORDER BY 1`,
    );
  }
  result.audit_count = [await t.dataSource.getRepository(AuditEntry).count()];
  return result;
}

/** The app's GET routes, with demo values for their parameters. */
function getRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  };
  const values: Record<string, string> = {
    slug: 'whatsapp-movers',
    month: '2026-01',
    id: '1',
  };
  return express.router.stack
    .filter((layer) => layer.route?.methods.get)
    .map((layer) => layer.route!.path)
    .map((path) => path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? '1'));
}
