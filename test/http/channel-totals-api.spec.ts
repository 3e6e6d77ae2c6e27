import request from 'supertest';
import { ApiToken } from '../../src/accounts/api-token.entity';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { ChannelTotal } from '../../src/channels/channel-total.entity';
import { todayIso } from '../../src/common/dates';
import { addMonths } from '../../src/common/months';
import { channelIds } from '../support/factories';
import { apiClient, loadOpenApi, makeToken } from '../support/api-client';
import { encodeForm, renderedForm } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

const ago = (back: number) => addMonths(todayIso().slice(0, 7), -back);

// The organisation's channel totals through the JSON API (issue 16), with tokens that carry the
// scope chosen when they were made: a read token reads, a write token writes within the roles.
describe('Channel totals through the JSON API (HTTP)', () => {
  let t: TestApp;
  let phone: number;
  let api: ReturnType<TestApp['app']['getHttpServer']>;
  const tokens: Record<string, string> = {};

  // Every answer is checked against the generated OpenAPI document (apiClient).
  const via = (name: string) => apiClient(t, tokens[name]);
  const expectStatus = async <R extends { status: number }>(
    pending: Promise<R>,
    status: number,
  ) => {
    const res = await pending;
    expect(res.status).toBe(status);
    return res;
  };
  const stored = () =>
    t.dataSource
      .getRepository(ChannelTotal)
      .find({ order: { month: 'ASC', channelId: 'ASC' } })
      .then((rows) => rows.map((r) => [r.channelId, r.month, r.volume, r.desired, r.unnecessary]));
  let documented: Record<string, { properties: Record<string, unknown> }>;

  beforeAll(async () => {
    t = await createTestApp();
    api = t.app.getHttpServer();
    [phone] = await channelIds(t.dataSource, 'phone');
    const finance = await t.agent('finance');
    tokens.financeWrite = await makeToken(finance, 'contact-centre feed', 'write');
    tokens.financeRead = await makeToken(finance, 'reporting', 'read');
    tokens.ownerWrite = await makeToken(await t.agent('owner'), 'results feed', 'write');
    documented = ((await loadOpenApi(t)) as { components: { schemas: typeof documented } })
      .components.schemas;
  });
  afterAll(() => t.close());

  it('keeps the scope chosen on the tokens page, and shows it in the list', async () => {
    const rows = await t.dataSource.getRepository(ApiToken).find({ order: { id: 'ASC' } });
    expect(rows.map((r) => [r.name, r.scope])).toEqual([
      ['contact-centre feed', 'write'],
      ['reporting', 'read'],
      ['results feed', 'write'],
    ]);
    const list = (await (await t.agent('finance')).get('/account/tokens')).text;
    expect(list).toMatch(/contact-centre feed[\s\S]*?read and write/);
    const audit = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ entityType: 'user', entityId: t.users.finance.id });
    expect(audit.map((a) => a.newValue)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^contact-centre feed \(cpt_.{6}…\), read and write, valid until /),
        expect.stringMatching(/^reporting \(cpt_.{6}…\), read only, valid until /),
      ]),
    );
    // A scope the form does not offer is refused next to its field.
    const finance = await t.agent('finance');
    const page = await finance.get('/account/tokens');
    const bad = await finance
      .post('/account/tokens')
      .type('form')
      .send(
        encodeForm({ ...renderedForm(page.text, '/account/tokens'), name: 'all', scope: 'admin' }),
      );
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Choose what the token may do: read, or read and write.');
  });

  it('writes a month’s total with a write token, audited, and reads it back', async () => {
    const month = ago(2);
    const put = await via('financeWrite').put(`/api/v1/channel-totals/${month}/phone`, {
      volume: 52000,
      desired: 30000,
      undesired: 15000,
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      month,
      channel: 'phone',
      volume: 52000,
      desired: 30000,
      undesired: 15000,
      unnecessary: null,
      changed: 3,
    });
    expect(await stored()).toEqual([[phone, month, 52000, 30000, null]]);
    const audit = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ entityType: 'channel_total', entityId: phone });
    expect(audit.map((a) => [a.field, a.newValue])).toEqual(
      expect.arrayContaining([
        [`${month} phone total_volume`, '52000'],
        [`${month} phone total_desired`, '30000'],
      ]),
    );
    expect(audit[0].actor).toContain('finance');

    // The same again changes nothing; a PUT replaces the whole total, so the split left out goes.
    const again = await via('financeWrite').put(`/api/v1/channel-totals/${month}/phone`, {
      volume: 52000,
      desired: 30000,
      undesired: 15000,
    });
    expect(again.body.changed).toBe(0);
    const replaced = await via('financeWrite').put(`/api/v1/channel-totals/${month}/phone`, {
      volume: 51000,
    });
    expect(replaced.body.changed).toBe(3);
    expect(await stored()).toEqual([[phone, month, 51000, null, null]]);

    // Read with a read token; the month form shows what the API wrote.
    const list = await expectStatus(
      via('financeRead').get(`/api/v1/channel-totals?from=${ago(3)}&to=${ago(1)}`),
      200,
    );
    expect(list.body.totals).toEqual([
      expect.objectContaining({ month, channel: 'phone', volume: 51000, desired: null }),
    ]);
    expect(
      Object.keys(list.body.totals[0]).filter((k) => !(k in documented.ChannelTotal.properties)),
    ).toEqual([]);
    const form = `/ledger/totals/${month}`;
    const shown = renderedForm((await (await t.agent('finance')).get(form)).text, form);
    expect(shown[`total_volume_${phone}`]).toBe('51000');

    // Removed through the API: the ledger then names the month as missing.
    await expectStatus(via('financeWrite').delete(`/api/v1/channel-totals/${month}/phone`), 204);
    expect(await stored()).toEqual([]);
  });

  it('refuses a read token, another role, and a session without a CSRF token on a write', async () => {
    const month = ago(1);
    const readOnly = await via('financeRead').put(`/api/v1/channel-totals/${month}/phone`, {
      volume: 100,
    });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.detail).toBe(
      'This token may only read. Make a token that may read and write for this.',
    );
    const owner = await via('ownerWrite').put(`/api/v1/channel-totals/${month}/phone`, {
      volume: 100,
    });
    expect(owner.status).toBe(403);
    await request(api)
      .put(`/api/v1/channel-totals/${month}/phone`)
      .send({ volume: 100 })
      .expect(401);
    // A signed-in browser session is not a token: its writes still need the CSRF token.
    const session = await (
      await t.agent('finance')
    )
      .put(`/api/v1/channel-totals/${month}/phone`)
      .send({ volume: 100 });
    expect(session.status).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it('refuses bad input with a 422 problem naming the field and why, and saves nothing', async () => {
    const put = (path: string, body: unknown) =>
      via('financeWrite').put(`/api/v1/channel-totals/${path}`, body as object);
    const cases: Array<[string, unknown, Record<string, string[]>]> = [
      [
        `${ago(1)}/fax`,
        { volume: 100 },
        { channel: [expect.stringMatching(/^Unknown channel "fax"; known: phone, /)] },
      ],
      [
        `${ago(-1)}/phone`,
        { volume: 100 },
        {
          month: [
            `Totals cannot be given: ${ago(-1)} is after ${ago(0)}, the latest month that can be given here.`,
          ],
        },
      ],
      [`2026-13/phone`, { volume: 100 }, { month: ['Give the month as YYYY-MM.'] }],
      [
        `${ago(1)}/phone`,
        { volume: -5 },
        { volume: ['A whole number of contacts, 0 or more, as a JSON number (52000).'] },
      ],
      [
        `${ago(1)}/phone`,
        { volume: 10.5 },
        { volume: ['A whole number of contacts, 0 or more, as a JSON number (52000).'] },
      ],
      [
        `${ago(1)}/phone`,
        { volume: '52.000' },
        { volume: ['A whole number of contacts, 0 or more, as a JSON number (52000).'] },
      ],
      [
        `${ago(1)}/phone`,
        { volume: 1000, desired: 800, unnecessary: 300 },
        { desired: ['The split adds up to 1,100, more than the volume of 1,000.'] },
      ],
      [
        `${ago(1)}/phone`,
        { volumne: 1000 },
        expect.objectContaining({ volumne: ['Not a field of this request.'] }),
      ],
    ];
    for (const [path, body, fields] of cases) {
      const res = await put(path, body);
      expect([path, res.status, res.body.fields]).toEqual([path, 422, fields]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toBe('The total is not saved.');
    }
    const notObject = await put(`${ago(1)}/phone`, [1, 2]);
    expect(notObject.status).toBe(400);
    expect(notObject.body.detail).toBe('The total is not saved. The body must be a JSON object.');
    expect(await stored()).toEqual([]);
    // A bad range on the list is a 400 too.
    const range = await via('financeRead').get('/api/v1/channel-totals?from=2026-13');
    expect([range.status, Object.keys(range.body.fields)]).toEqual([400, ['from']]);
  });
});
