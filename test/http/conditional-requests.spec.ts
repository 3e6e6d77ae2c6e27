import request from 'supertest';
import { DashboardsPresenter } from '../../src/dashboards/dashboards.presenter';
import { Writer } from '../../src/database/writer.service';
import { apiClient, loadOpenApi, makeToken } from '../support/api-client';
import { editFields, findPilot, registerPilot } from '../support/factories';
import { encodeForm, renderedForm, submit } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

// Conditional requests (issue 19): pages and API answers carry an ETag made from the data
// version; a repeat with If-None-Match is answered 304 without being rendered, until a write of
// data moves the version on. Answers are compressed when the client asks.
describe('Conditional requests and compression (HTTP)', () => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await createTestApp();
    slug = (await registerPilot(t, 'Cached chatbot', ['phone'])).slug;
    await loadOpenApi(t);
  });

  /** Changes the pilot's description through its edit form, as an admin. */
  async function editPilot(agent: Awaited<ReturnType<TestApp['agent']>>, description: string) {
    const pilot = await findPilot(t.dataSource, slug);
    const saved = await submit(agent, `/pilots/${slug}/edit`, `/pilots/${slug}`, {
      ...editFields(pilot),
      description,
    });
    expect(saved.status).toBe(303);
    return saved.headers.location as string;
  }
  afterAll(() => t.close());

  it('answers a repeated page 304 without rendering it, until the data changes', async () => {
    const viewer = await t.agent('viewer');
    const first = await viewer.get('/pilots').expect(200);
    const tag = first.headers.etag;
    expect(tag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const rendered = jest.spyOn(t.app.get(DashboardsPresenter), 'pilotList');
    try {
      const again = await viewer.get('/pilots').set('If-None-Match', tag);
      expect([again.status, again.text]).toEqual([304, '']);
      expect(rendered).not.toHaveBeenCalled();

      // Another person's copy is not this one's; another page has its own tag.
      const board = await t.agent('board');
      expect((await board.get('/pilots').set('If-None-Match', tag)).status).toBe(200);
      expect((await viewer.get('/pilots?stage=idea').set('If-None-Match', tag)).status).toBe(200);
      // A refusal carries no tag from the data version (only Express's own, of its bytes).
      const missing = await viewer.get('/pilots/nobody-here');
      expect(missing.status).toBe(404);
      expect(missing.headers.etag).not.toMatch(/^W\/"[\w-]{27}"$/);

      // A session signing in is not data: still 304.
      await t.freshAgent('finance');
      expect((await viewer.get('/pilots').set('If-None-Match', tag)).status).toBe(304);

      // An edit of a pilot is: the page is sent again, with a new tag.
      await editPilot(await t.agent(), 'Changed, so the portfolio is another page now.');
      rendered.mockClear();
      const changed = await viewer.get('/pilots').set('If-None-Match', tag);
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(tag);
      expect(rendered).toHaveBeenCalledTimes(1);
    } finally {
      rendered.mockRestore();
    }
  });

  it('sends a page with a one-time message whole, without a tag from the data version', async () => {
    const admin = await t.freshAgent('admin');
    const shown = await admin.get(await editPilot(admin, 'Changed again.')).expect(200);
    expect(shown.text).toContain('class="flash"');
    // No tag from the data version: Express's own, from the bytes, is all it gets.
    expect(shown.headers.etag).not.toMatch(/^W\/"[\w-]{27}"$/);
  });

  it('gives the API the same: 304 for a repeat, 200 once a month is written', async () => {
    const token = await makeToken(await t.agent('admin'), 'cache test', 'write');
    const api = apiClient(t, token);
    const first = await api.get('/api/v1/pilots');
    const again = await request(t.app.getHttpServer())
      .get('/api/v1/pilots')
      .set({ Authorization: `Bearer ${token}`, 'If-None-Match': first.headers.etag });
    expect(again.status).toBe(304);
    // The token's own bookkeeping (its rate count) does not change the data.
    const third = await request(t.app.getHttpServer())
      .get('/api/v1/pilots')
      .set({ Authorization: `Bearer ${token}`, 'If-None-Match': first.headers.etag });
    expect(third.status).toBe(304);
    // A write through the API is data.
    const month = await api.get(`/api/v1/pilots/${slug}/results/2025-12`);
    await api.put(`/api/v1/pilots/${slug}/results/2025-12`, {
      version: month.body.version,
      channels: { phone: { volume: 900 } },
    });
    const after = await request(t.app.getHttpServer())
      .get('/api/v1/pilots')
      .set({ Authorization: `Bearer ${token}`, 'If-None-Match': first.headers.etag });
    expect(after.status).toBe(200);
  });

  it('sends a repeat without If-None-Match the answer rendered before, until the data changes', async () => {
    const owner = await t.freshAgent('owner');
    // (A first page, which sets the forms' CSRF cookie, is not kept: it sends a cookie.)
    await owner.get('/pilots').expect(200);
    const first = await owner.get('/pilots').expect(200);
    const rendered = jest.spyOn(t.app.get(DashboardsPresenter), 'pilotList');
    try {
      const again = await owner.get('/pilots').expect(200);
      expect(again.text).toBe(first.text);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.headers['content-type']).toBe(first.headers['content-type']);
      expect(rendered).not.toHaveBeenCalled();
      // Gzipped for a client that takes it, the same page once unpacked.
      const gzipped = await owner.get('/pilots').set('Accept-Encoding', 'gzip').expect(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.text).toBe(first.text);
      expect(rendered).not.toHaveBeenCalled();

      // Another person, or the same person signed in elsewhere, gets a page of their own.
      const other = await t.freshAgent('owner');
      expect((await other.get('/pilots').expect(200)).text).toContain('Cached chatbot');
      expect(rendered).toHaveBeenCalledTimes(1);

      // A change of data: rendered again, showing it.
      await editPilot(await t.agent(), 'Seen by the owner at once.');
      await owner.get('/pilots').expect(200);
      expect(rendered).toHaveBeenCalledTimes(2);
    } finally {
      rendered.mockRestore();
    }
  });

  it('keeps an exported file whole, and the forms of a page sent again still save', async () => {
    const finance = await t.freshAgent('finance');
    const csv = await finance.get('/finance/dashboard.csv').expect(200);
    const again = await finance.get('/finance/dashboard.csv').expect(200);
    expect(again.text).toBe(csv.text);
    expect(again.headers['content-disposition']).toBe(csv.headers['content-disposition']);
    expect(again.headers['content-type']).toBe(csv.headers['content-type']);

    // The edit form twice (the second from the answers kept), then submitted as shown.
    const admin = await t.freshAgent('admin');
    await admin.get(`/pilots/${slug}/edit`).expect(200);
    const form = await admin.get(`/pilots/${slug}/edit`).expect(200);
    const fields = renderedForm(form.text, `/pilots/${slug}`);
    const saved = await admin
      .post(`/pilots/${slug}`)
      .type('form')
      .send(encodeForm({ ...fields, description: 'Saved from a page sent again.' }));
    expect(saved.status).toBe(303);
    expect((await findPilot(t.dataSource, slug)).description).toBe('Saved from a page sent again.');
  });

  it('keeps no answer rendered while a write was open, in case it rolls back', async () => {
    const viewer = await t.freshAgent('viewer');
    await viewer.get(`/pilots/${slug}`).expect(200); // sets the CSRF cookie
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const unit = t.app.get(Writer).write(async (em) => {
      await em.query(
        t.dialect === 'postgres'
          ? 'UPDATE pilot SET description = $1 WHERE slug = $2'
          : 'UPDATE pilot SET description = ? WHERE slug = ?',
        ['Written, never committed.', slug],
      );
      await gate;
      throw new Error('rolled back');
    });
    // On SQLite the app's one connection sees the open write; on PostgreSQL it does not.
    await viewer.get(`/pilots/${slug}`).expect(200);
    release();
    await expect(unit).rejects.toThrow('rolled back');
    const after = await viewer.get(`/pilots/${slug}`).expect(200);
    expect(after.text).not.toContain('Written, never committed.');
  });

  it('compresses a page when the client asks', async () => {
    const viewer = await t.agent('viewer');
    const plain = await viewer.get('/pilots').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzipped = await viewer.get('/pilots').set('Accept-Encoding', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.text).toContain('Cached chatbot');
    expect(Number(gzipped.headers['content-length'] ?? 0)).toBeLessThan(plain.text.length);
  });
});
