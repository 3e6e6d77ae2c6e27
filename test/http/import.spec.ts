import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { ChannelResult } from '../../src/results/channel-result.entity';
import { MonthlyResult } from '../../src/results/monthly-result.entity';
import { MetricsImportService } from '../../src/results/import/metrics-import.service';
import { channelIds, pilotFields } from '../support/factories';
import { csrfToken, submit, unescapeHtml } from '../support/forms';
import { Agent, createTestApp, TestApp } from '../support/test-app';

describe('CSV import (HTTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const [phone, email] = await channelIds(t.dataSource, 'phone', 'email');
    for (const name of ['Import one', 'Import two']) {
      const res = await submit(
        await t.agent(),
        '/pilots/new',
        '/pilots',
        pilotFields({ name, affectedChannelIds: [phone, email] }),
      );
      const slug = res.headers.location.replace('/pilots/', '');
      await submit(await t.agent(), `/pilots/${slug}/plan`, `/pilots/${slug}/plan`, {
        startMonth: '2026-01',
        horizonMonths: 36,
        [`share_${phone}`]: '50',
        version: 0,
      }).then((r) => expect(r.status).toBe(303));
    }
  });
  afterAll(() => t.close());

  async function upload(content: string | Buffer, name = 'results.csv') {
    const agent = await t.agent();
    const page = await agent.get('/results/import').expect(200);
    const token = csrfToken(
      page.text.replace(/action="\/results\/import\?_csrf=([^"]+)"/, 'name="_csrf" value="$1"'),
    );
    const res = await agent
      .post(`/results/import?_csrf=${encodeURIComponent(token)}`)
      .attach('file', Buffer.from(content), name);
    return { agent, res };
  }

  async function confirm(agent: Agent, html: string) {
    const id = /action="\/results\/import\/([0-9a-f-]+)\/confirm"/.exec(html)![1];
    return agent
      .post(`/results/import/${id}/confirm`)
      .type('form')
      .send({ _csrf: csrfToken(html) });
  }

  const counts = async () => ({
    monthly: await t.dataSource.getRepository(MonthlyResult).count(),
    channel: await t.dataSource.getRepository(ChannelResult).count(),
    audit: await t.dataSource.getRepository(AuditEntry).count(),
  });

  const good = [
    'pilot,month,metric,channel,value',
    'import-one,2025-11,volume,phone,10000',
    'import-one,2025-12,volume,phone,10400',
    'import-one,2025-12,control_volume,phone,8000',
    'import-one,2026-01,contacts,,2000',
    'import-one,2026-01,fixed_cost,,3000.00',
    'import-one,2026-01,volume,phone,9300',
    'import-one,2026-01,follow_ups,email,120',
    'import-two,2026-01,contacts,,50',
  ].join('\n');

  it('previews a good file, saves nothing until confirmed, then imports it whole', async () => {
    const before = await counts();
    const { agent, res } = await upload(good);
    expect(res.status).toBe(200);
    const html = unescapeHtml(res.text);
    expect(html).toContain('8 lines read');
    expect(html).toMatch(
      /<strong>8 new<\/strong> figures, <strong>0 changed<\/strong>, 0 unchanged/,
    );
    expect(await counts()).toEqual(before);

    const done = await confirm(agent, res.text);
    expect(done.status).toBe(303);
    const after = await counts();
    expect(after.monthly - before.monthly).toBe(2);
    expect(after.channel - before.channel).toBe(4);
    expect(after.audit - before.audit).toBe(8);
    const month = await t.dataSource
      .getRepository(MonthlyResult)
      .findOneByOrFail({ month: '2026-01', contacts: 2000 });
    expect(month.fixedCostCents).toBe(300000);
    expect((await agent.get('/results/import')).text).toContain('8 new and 0 changed figures');
  });

  it('re-importing the same file changes nothing; a corrected file updates only what it names', async () => {
    const before = await counts();
    const again = await upload(good);
    expect(unescapeHtml(again.res.text)).toMatch(
      /<strong>0 new<\/strong> figures, <strong>0 changed<\/strong>, 8 unchanged/,
    );
    await confirm(again.agent, again.res.text);
    expect(await counts()).toEqual(before);

    const corrected = await upload(
      'pilot,month,metric,channel,value\nimport-one,2026-01,volume,phone,9350\n',
    );
    expect(unescapeHtml(corrected.res.text)).toMatch(
      /<strong>0 new<\/strong> figures, <strong>1 changed<\/strong>/,
    );
    await confirm(corrected.agent, corrected.res.text);
    const phone = (await channelIds(t.dataSource, 'phone'))[0];
    const row = await t.dataSource
      .getRepository(ChannelResult)
      .findOneByOrFail({ month: '2026-01', channelId: phone, volume: 9350 });
    expect(row.volume).toBe(9350);
    const month = await t.dataSource
      .getRepository(MonthlyResult)
      .findOneByOrFail({ month: '2026-01', contacts: 2000 });
    expect(month.fixedCostCents).toBe(300000); // not named in the corrected file: kept
  });

  it('reads semicolons, decimal commas and a BOM', async () => {
    const content =
      '\uFEFFpilot;month;metric;channel;value\r\nimport-two;2026-02;contacts;;1.250\r\nimport-two;2026-02;margin;;-1.234,56\r\n';
    const { agent, res } = await upload(content);
    expect(res.status).toBe(200);
    await confirm(agent, res.text);
    const month = await t.dataSource
      .getRepository(MonthlyResult)
      .findOneByOrFail({ month: '2026-02', contacts: 1250 });
    expect(month.marginCents).toBe(-123456);
  });

  it('saves nothing from a file with bad rows and lists each with line, column and reason', async () => {
    const before = await counts();
    const { res } = await upload(
      [
        'pilot,month,metric,channel,value',
        'import-one,2026-03,contacts,,10',
        'nobody,2026-03,contacts,,10',
        'import-one,2026-03,volume,fax,10',
        'import-one,2026-03,volume,chat,10',
        'import-one,2025-06,contacts,,10',
        'import-one,Q1 2026,volume,phone,10',
        'import-one,2026-03,volume,phone,-5',
      ].join('\n'),
    );
    expect(res.status).toBe(422);
    const html = unescapeHtml(res.text);
    expect(html).toContain('Nothing was imported: 6 problems');
    for (const [line, reason] of [
      [3, 'unknown pilot "nobody"'],
      [4, 'unknown channel "fax"'],
      [5, 'chat is not an affected channel of import-one'],
      [6, "2025-06 is before the pilot's start month 2026-01"],
      [7, '"Q1 2026" is not a month (write 2026-11, nov-26 or 1-11-2026)'],
      [8, 'a count cannot be negative'],
    ] as const) {
      expect(html).toMatch(
        new RegExp(
          `<td class="num">${line}</td><td>[a-z—]+</td><td>[^<]*${reason.replace(/[()"]/g, '.')}`,
        ),
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses what is not a CSV, an empty upload, an oversized file and a post without its token', async () => {
    expect((await upload('%PDF-1.4', 'report.pdf')).res.status).toBe(422);
    const oversized = await upload(Buffer.alloc(21 * 1024 * 1024, 'a'));
    expect(oversized.res.status).toBe(413);
    expect(oversized.res.text).toContain('The file is larger than 20 MB');
    const agent = await t.agent();
    await agent.get('/results/import');
    const res = await agent
      .post('/results/import')
      .attach('file', Buffer.from(good), 'results.csv');
    expect(res.status).toBe(403);
  });

  it('looks up a file of 70 000 unknown pilots in chunks and lists them, with no server error', async () => {
    const lines = ['pilot,month,metric,channel,value'];
    for (let i = 0; i < 70_000; i += 1) lines.push(`nobody-${i},2026-01,contacts,,1`);
    const before = await counts();
    const { res } = await upload(lines.join('\n'));
    expect(res.status).toBe(422);
    expect(unescapeHtml(res.text)).toContain('unknown pilot "nobody-0"');
    expect(await counts()).toEqual(before);
  });

  it('runs one import at a time on an instance: a second one is told to wait (503, Retry-After)', async () => {
    const service = t.app.get(MetricsImportService);
    // Hold the first import in its parsing until the second has been answered.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const parse = jest.spyOn(service as unknown as { parse(c: string): Promise<unknown> }, 'parse');
    parse.mockImplementationOnce(async () => {
      await held;
      return { rows: [], errors: [], delimiter: ',' };
    });
    const first = service.preview('pilot,month,metric,channel,value\n');
    const { res } = await upload(good);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.text).toContain('Another import is running on this server');
    release();
    await first;
    parse.mockRestore();
    expect((await upload(good)).res.status).toBe(200);
  });

  it('offers a template to download', async () => {
    const res = await (await t.agent()).get('/results/import/template.csv').expect(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="?results-template\.csv"?$/,
    );
    expect(res.text.split('\n')[0]).toBe('pilot,month,metric,channel,value');
  });
});
