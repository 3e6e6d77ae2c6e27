import jestOpenAPI from 'jest-openapi';
import request from 'supertest';
import { encodeForm, renderedForm } from './forms';
import type { Agent, TestApp } from './test-app';

/**
 * Registers the app's generated OpenAPI document with jest-openapi, so that every answer of an
 * `apiClient` is checked against it: its status must be documented for the route, and its body
 * must match the schema. Returns the document.
 */
export async function loadOpenApi(t: TestApp): Promise<Record<string, unknown>> {
  const document = (await (await t.agent('viewer')).get('/api/openapi.json').expect(200))
    .body as Record<string, unknown>;
  jestOpenAPI(document as Parameters<typeof jestOpenAPI>[0]);
  return document;
}

type Headers = Record<string, string>;

/** A JSON API client with a bearer token whose every answer must satisfy the document. */
export function apiClient(t: TestApp, token: string) {
  const server = t.app.getHttpServer();
  const auth = { Authorization: `Bearer ${token}` };
  const checked = async (pending: request.Test) => {
    const res = await pending;
    expect(res).toSatisfyApiSpec();
    return res;
  };
  return {
    get: (path: string, headers: Headers = {}) =>
      checked(
        request(server)
          .get(path)
          .set({ ...auth, ...headers }),
      ),
    put: (path: string, body: unknown, headers: Headers = {}) =>
      checked(
        request(server)
          .put(path)
          .set({ ...auth, ...headers })
          .send(body as object),
      ),
    post: (path: string, body: unknown, headers: Headers = {}) =>
      checked(
        request(server)
          .post(path)
          .set({ ...auth, ...headers })
          .send(body as object),
      ),
    delete: (path: string, headers: Headers = {}) =>
      checked(
        request(server)
          .delete(path)
          .set({ ...auth, ...headers }),
      ),
  };
}

/** Makes a personal token on the tokens page as rendered, choosing what it may do. */
export async function makeToken(
  agent: Agent,
  name: string,
  scope: 'read' | 'write',
): Promise<string> {
  const page = await agent.get('/account/tokens').expect(200);
  const shown = renderedForm(page.text, '/account/tokens');
  expect(shown.scope).toBe('read');
  const res = await agent
    .post('/account/tokens')
    .type('form')
    .send(encodeForm({ ...shown, name, scope }));
  expect(res.status).toBe(200);
  return /<code class="token">(cpt_[A-Za-z0-9_-]+)<\/code>/.exec(res.text)![1];
}
