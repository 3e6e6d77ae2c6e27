import { Investment } from '../../src/results/investment.entity';
import { findPilot } from '../support/factories';
import { csrfToken } from '../support/forms';
import { Agent, createTestApp, TestApp } from '../support/test-app';
import { loadOpenApi } from '../support/api-client';

// Issue 13, finding 8: NUL characters and ids of 2^31 or more reached PostgreSQL and came back as
// 500s (SQLite answered 4xx). Every route of the app, read from its router, gets both in its
// path, its query and its form; none may answer 5xx, on either database.

interface Route {
  method: 'get' | 'post';
  path: string;
}

function routesOf(t: TestApp): Route[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: {
      stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
    };
  };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? (['get', 'post'] as const)
          .filter((m) => layer.route!.methods[m])
          .map((method) => ({ method, path: layer.route!.path }))
      : [],
  );
}

/** A route's path with its parameters filled: `ok` values that exist, or the hostile one. */
function fill(path: string, hostile: string | null): string {
  const ok: Record<string, string> = { slug: 'whatsapp-movers', month: '2026-01', key: 'phone' };
  return path.replace(/:(\w+)/g, (_all, name: string) =>
    encodeURIComponent(hostile ?? ok[name] ?? '1'),
  );
}

describe('NUL characters and huge ids on every route (HTTP)', () => {
  let t: TestApp;
  let admin: Agent;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    admin = await t.agent('admin');
    token = csrfToken((await admin.get('/account/tokens').expect(200)).text);
    await loadOpenApi(t);
  });
  afterAll(() => t.close());

  it('reads the routes from the router', () => {
    const routes = routesOf(t);
    expect(routes.length).toBeGreaterThan(50);
    expect(routes).toContainEqual({ method: 'post', path: '/pilots/:slug/results/:month' });
  });

  it('answers no 5xx to a NUL character or a huge id in a path, a query or a form', async () => {
    const failures: string[] = [];
    const send = async (method: 'get' | 'post', url: string, form: Record<string, string>) => {
      const res =
        method === 'get'
          ? await admin.get(url)
          : await admin
              .post(url)
              .type('form')
              .send({ _csrf: token, ...form });
      if (res.status >= 500)
        failures.push(`${method.toUpperCase()} ${url} ${JSON.stringify(form)}: ${res.status}`);
      return res.status;
    };
    for (const { method, path } of routesOf(t)) {
      if (path === '/sign-out') continue; // would end the agent's session for the rest
      const hasParams = path.includes(':');
      if (hasParams) {
        await send(method, fill(path, 'x\0y'), {});
        await send(method, fill(path, '99999999999'), {});
        await send(method, fill(path, '2147483648'), {});
      }
      await send(method, `${fill(path, null)}?q=a%00b&page=99999999999&stage=%00`, {});
      if (method === 'post')
        await send(method, fill(path, null), {
          name: 'a\0b',
          description: 'x\0',
          note: '\0',
          version: '99999999999',
          ownerUserId: '99999999999',
          email: 'a\0@b.example',
          password: 'p\0assword-long-enough',
        });
    }
    expect(failures).toEqual([]);
  });

  it('says what is wrong, as a page and as JSON', async () => {
    const page = await admin.get('/pilots?q=a%00b').expect(400);
    expect(page.text).toContain('The request holds a NUL character');
    await admin.get('/pilots/whatsapp-movers/readiness/99999999999').expect(404);
    const json = await admin.get('/api/v1/pilots/x%00y/business-case').expect(400);
    expect(json.body.detail).toContain('NUL character');
    expect(json).toSatisfyApiSpec();
  });

  it('a payback projected beyond the plan horizon is "not within the horizon", and the pages still answer', async () => {
    // Issue 13, finding 6: a €80 M investment and a small run rate gave "10454-02", and the
    // business case and board pack answered 500 for everyone.
    const pilot = await findPilot(t.dataSource, 'meter-reading-portal');
    await t.dataSource.getRepository(Investment).insert({
      pilotId: pilot.id,
      investedOn: '2026-01-15',
      amountCents: 8_000_000_000,
      description: 'A very large licence',
      createdBy: 'test',
      createdAt: new Date(),
    });
    for (const url of [
      '/pilots/meter-reading-portal/business-case',
      '/pilots/meter-reading-portal/board-pack',
    ])
      await admin.get(url).expect(200);
    const json = await admin.get('/api/v1/pilots/meter-reading-portal/business-case').expect(200);
    expect(json).toSatisfyApiSpec();
    expect(json.body.result.payback).toEqual({
      status: 'not_yet',
      reason: expect.stringMatching(
        /^not within the horizon \(\w+ \d{4}\) at the current run rate$/,
      ),
    });
  });
});
