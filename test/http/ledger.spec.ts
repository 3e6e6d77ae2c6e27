import { In } from 'typeorm';
import { Channel } from '../../src/channels/channel.entity';
import { ChannelTotal } from '../../src/channels/channel-total.entity';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { Pilot } from '../../src/pilots/pilot.entity';
import { addMonths } from '../../src/common/months';
import { todayIso } from '../../src/common/dates';
import { loadOpenApi } from '../support/api-client';
import { channelIds, logMonth, pilotInStage, savePlan, setCostRates } from '../support/factories';
import { csrfToken, fillAndSubmit, renderedForm, unescapeHtml } from '../support/forms';
import { type Agent, createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const ago = (back: number) => addMonths(todayIso().slice(0, 7), -back);

// The channel ledger (issue 16, channel-ledger.md): the organisation's totals per channel, entered
// by finance or an admin, and the ledger that sets them against the pilots' claims.
describe('Channel ledger (HTTP)', () => {
  let t: TestApp;
  let phone: number;
  let email: number;

  beforeAll(async () => {
    t = await createTestApp();
    [phone, email] = await channelIds(t.dataSource, 'phone', 'email');
    await loadOpenApi(t);
  });

  /** A JSON API answer, checked against the generated OpenAPI document. */
  const apiGet = async (agent: Agent, path: string, status?: number) => {
    const res = await agent.get(path);
    if (status !== undefined) expect(res.status).toBe(status);
    expect(res).toSatisfyApiSpec();
    return res;
  };
  afterAll(() => t.close());

  const stored = () =>
    t.dataSource.getRepository(ChannelTotal).find({ order: { month: 'ASC', channelId: 'ASC' } });

  it('finance enters a month of totals on the form as rendered, changes it and empties a channel', async () => {
    const finance = await t.agent('finance');
    const list = text((await finance.get('/ledger/totals').expect(200)).text);
    expect(list).toContain(`Totals by month`);
    const url = `/ledger/totals/${ago(2)}`;
    const form = renderedForm((await finance.get(url).expect(200)).text, url);
    expect(form[`total_volume_${phone}`]).toBe('');
    const saved = await fillAndSubmit(finance, url, url, {
      [`total_volume_${phone}`]: '52.000',
      [`total_desired_${phone}`]: '30000',
      [`total_undesired_${phone}`]: '15000',
      [`total_volume_${email}`]: '8000',
    });
    expect(saved.status).toBe(303);
    expect(
      (await stored()).map((r) => [r.channelId, r.month, r.volume, r.desired, r.unnecessary]),
    ).toEqual([
      [phone, ago(2), 52000, 30000, null],
      [email, ago(2), 8000, null, null],
    ]);
    // As rendered again, the stored figures; saved unchanged, nothing changes.
    const again = renderedForm((await finance.get(url)).text, url);
    expect(again[`total_volume_${phone}`]).toBe('52000');
    const before = await t.dataSource.getRepository(AuditEntry).count();
    expect((await fillAndSubmit(finance, url, url, {})).status).toBe(303);
    expect(await t.dataSource.getRepository(AuditEntry).count()).toBe(before);

    // Emptying e-mail removes its total; the audit trail keeps both changes.
    await fillAndSubmit(finance, url, url, { [`total_volume_${email}`]: '' });
    expect((await stored()).map((r) => r.channelId)).toEqual([phone]);
    const audit = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ entityType: 'channel_total', entityId: email });
    expect(audit.map((a) => [a.field, a.oldValue, a.newValue])).toEqual(
      expect.arrayContaining([
        [`${ago(2)} email total_volume`, null, '8000'],
        [`${ago(2)} email total_volume`, '8000', null],
      ]),
    );
    expect(text((await finance.get('/ledger/totals')).text)).toContain('52,000');
  });

  it('refuses bad totals next to their fields and saves nothing of the month', async () => {
    const admin = await t.agent('admin');
    const url = `/ledger/totals/${ago(3)}`;
    const bad = await fillAndSubmit(admin, url, url, {
      [`total_volume_${phone}`]: '-5',
      [`total_desired_${email}`]: '100',
    });
    expect(bad.status).toBe(422);
    const page = text(bad.text);
    expect(page).toContain('A count cannot be negative.');
    expect(renderedForm(bad.text, url)[`total_volume_${phone}`]).toBe('-5');
    const split = await fillAndSubmit(admin, url, url, {
      [`total_volume_${phone}`]: '1000',
      [`total_desired_${phone}`]: '800',
      [`total_unnecessary_${phone}`]: '300',
      [`total_desired_${email}`]: '100',
    });
    expect(split.status).toBe(422);
    expect(text(split.text)).toContain(
      'The split adds up to 1,100, more than the volume of 1,000.',
    );
    expect(text(split.text)).toContain('Give the channel’s volume: the split is part of it.');
    expect((await stored()).filter((r) => r.month === ago(3))).toEqual([]);
    // A month in the future, or not a month, has no form.
    await admin.get(`/ledger/totals/${ago(-1)}`).expect(404);
    await admin.get('/ledger/totals/2026-13').expect(404);
  });

  it('reproduces the worked example of channel-ledger.md through the forms, on the page', async () => {
    await setCostRates(t, { phone: '6,00' });
    const finance = await t.agent('finance');
    for (const [month, volume] of [
      ['2025-10', 50000],
      ['2025-11', 50400],
      ['2025-12', 49600],
      ['2026-01', 48800],
    ] as const) {
      const url = `/ledger/totals/${month}`;
      expect(
        (await fillAndSubmit(finance, url, url, { [`total_volume_${phone}`]: String(volume) }))
          .status,
      ).toBe(303);
    }
    // Chatbot: N = 5 000, s = 0,5, its own baseline 20 000 and 17 900 calls: D = 2 100.
    // WhatsApp: N = 1 000, s = 0,6, its own baseline 8 000 and 7 400 calls: D = 600.
    for (const [name, share, contacts, history, during] of [
      ['Ledger chatbot', '50', 5000, [20000, 20100, 19900], 17900],
      ['Ledger WhatsApp', '60', 1000, [8000, 8050, 7950], 7400],
    ] as const) {
      // Past the idea stage: only such pilots can overlap.
      const pilot = await pilotInStage(t, name, 'proof_of_concept', ['phone']);
      await savePlan(
        t,
        pilot,
        {
          startMonth: '2026-01',
          expectedMonthlyContacts: contacts,
          investmentCents: '0',
          monthlyFixedCostCents: '0',
          variableCostPerContactCents: '0',
        },
        { phone: share },
      );
      for (const [i, month] of ['2025-10', '2025-11', '2025-12'].entries())
        await logMonth(t, pilot, month, {}, { phone: history[i] });
      await logMonth(t, pilot, '2026-01', { contacts }, { phone: during });
    }
    const page = text(
      (await (await t.agent('viewer')).get('/ledger?from=2026-01&to=2026-01').expect(200)).text,
    );
    expect(page).toContain(
      'Organisation’s displacement 1,200 ± 1,349 contacts · €7,200.00 ± €8,092.10',
    );
    expect(page).toContain('Claimed by the pilots 3,100 contacts · €18,600.00');
    expect(page).toContain('2,700 contacts · €16,200.00 (their own waterbed €2,400.00, 12.9%)');
    expect(page).toContain('Portfolio waterbed 1,900 contacts · €11,400.00 · 61.3% of the claim');
    expect(page).toContain('Attribution gap 1,500 contacts · €9,000.00 — flagged');
    expect(page).toMatch(/Ledger chatbot segment \(not described\) 2,500 2,100 933/);
    expect(page).toMatch(/Ledger WhatsApp segment \(not described\) 600 600 267/);
    expect(page).not.toContain('count the same contacts');

    // The plan page asks for the segment; WhatsApp's owner says it serves the whole channel.
    const admin = await t.agent();
    const plan = '/pilots/ledger-whatsapp/plan';
    expect(text((await admin.get(plan)).text)).toContain('Describe the segment');
    const saved = await fillAndSubmit(admin, plan, plan, { [`scope_${phone}`]: 'whole' });
    expect(saved.status).toBe(303);
    const chatbotPlan = '/pilots/ledger-chatbot/plan';
    await fillAndSubmit(admin, chatbotPlan, chatbotPlan, {
      [`scopeText_${phone}`]: 'billing calls',
    });
    const after = text((await admin.get('/ledger?from=2026-01&to=2026-01')).text);
    expect(after).toContain(
      'Ledger WhatsApp and Ledger chatbot overlap on Phone in January 2026: one of them has the whole channel as its scope.',
    );
    expect(after).toMatch(/Ledger chatbot segment: billing calls 2,500/);
    expect(after).toMatch(/Ledger WhatsApp the whole channel 600/);
    expect(text((await admin.get(plan)).text)).not.toContain('Describe the segment');

    // Both pilots carry the overlap as a signal, naming the other, the channel and the month;
    // the portfolio, the review and the board pack show it.
    const sentence =
      'Counts the same Phone contacts as Ledger chatbot in January 2026: one of the two has the whole channel as its scope.';
    expect(text((await admin.get('/pilots/ledger-whatsapp')).text)).toContain(sentence);
    expect(text((await admin.get('/pilots/ledger-chatbot')).text)).toContain(
      'Counts the same Phone contacts as Ledger WhatsApp in January 2026',
    );
    expect(text((await admin.get('/pilots')).text)).toContain('Overlaps another pilot');
    expect(text((await admin.get('/pilots/ledger-whatsapp/review')).text)).toContain(sentence);
    expect(text((await admin.get('/pilots/ledger-whatsapp/board-pack')).text)).toContain(sentence);

    // The finance dashboard sets the organisation's own relief beside the pilots' sum.
    const financeAgent = await t.agent('finance');
    const dashboard = text(
      (await financeAgent.get('/finance/dashboard?from=2026-01&to=2026-01').expect(200)).text,
    );
    expect(dashboard).toContain(
      'Organisation’s own relief €7,200 ± €8,092.10 (90%) from the channel totals of phone, January 2026 – January 2026; attribution gap €9,000 flagged',
    );
    expect(dashboard).toContain('Overlaps Ledger chatbot on Phone');
    const csv = (
      await financeAgent.get('/finance/dashboard.csv?from=2026-01&to=2026-01').expect(200)
    ).text
      .trim()
      .split('\n');
    const header = csv[0].split(',');
    expect(header.slice(-6)).toEqual([
      'overlaps_with',
      'organisation_channels',
      'organisation_realised_savings_eur',
      'organisation_realised_half_width_eur',
      'attribution_gap_eur',
      'attribution_gap_flagged',
    ]);
    // One row per pilot; the organisation's figure repeated on each.
    expect(csv.length).toBe(1 + (await t.dataSource.getRepository(Pilot).count()));
    const whatsapp = csv.find((line) => line.startsWith('Ledger WhatsApp'))!.split(',');
    expect(whatsapp.length).toBe(header.length);
    expect(whatsapp.slice(-6)).toEqual([
      'Ledger chatbot on Phone',
      'phone',
      '7200',
      '8092.1',
      '9000',
      'yes',
    ]);

    // The JSON API gives the same figures, unrounded, in the shape OpenAPI documents.
    const viewer = await t.agent('viewer');
    const json = (await apiGet(viewer, '/api/v1/ledger?from=2026-01&to=2026-01&channel=phone', 200))
      .body;
    const [c] = json.channels;
    expect([c.key, c.method, c.n, c.orgDisplaced.value, c.claimed, c.measured]).toEqual([
      'phone',
      'mean',
      3,
      1200,
      3100,
      2700,
    ]);
    expect(c.orgDisplaced.halfWidth).toBeCloseTo(1348.68, 2);
    expect(c.orgDisplacedEuros.halfWidth).toBeCloseTo(8092.1, 2);
    expect([c.waterbedEuros, c.gapEuros, c.gapFlagged]).toEqual([11400, 9000, true]);
    expect(json.overlaps).toEqual([
      {
        channel: 'phone',
        pilots: ['ledger-whatsapp', 'ledger-chatbot'],
        months: ['2026-01'],
        reason: 'whole_channel',
      },
    ]);
    const documented = (await viewer.get('/api/openapi.json').expect(200)).body.components.schemas;
    expect(Object.keys(c).filter((k) => !(k in documented.LedgerChannel.properties))).toEqual([]);
    expect(Object.keys(json).filter((k) => !(k in documented.Ledger.properties))).toEqual([]);

    // Bad input: a 400 naming the parameter and the reason.
    const bad = await apiGet(viewer, '/api/v1/ledger?from=2026-13&to=2026-01', 400);
    expect(bad.body.fields).toEqual({
      from: ['Give the month as YYYY-MM, such as ' + ago(1) + '.'],
    });
    const backwards = await apiGet(viewer, '/api/v1/ledger?from=2026-03&to=2026-01', 400);
    expect(backwards.body.fields.from[0]).toContain('starts after it ends');
    const future = await viewer.get(`/api/v1/ledger?to=${ago(-2)}`).expect(400);
    expect(future.body.fields.to[0]).toContain('lies in the future');
    const unknown = await apiGet(viewer, '/api/v1/ledger?channel=fax', 400);
    expect(unknown.body.fields.channel[0]).toContain('Unknown channel; known: phone');

    // A total below the pilots' segments together is accepted, and the overlap is shown: WhatsApp
    // back to a segment, January's phone total corrected to 25 000 (17 900 + 7 400 = 25 300).
    await fillAndSubmit(admin, plan, plan, {
      [`scope_${phone}`]: 'segment',
      [`scopeText_${phone}`]: 'calls from movers',
    });
    const january = '/ledger/totals/2026-01';
    expect(
      (await fillAndSubmit(financeAgent, january, january, { [`total_volume_${phone}`]: '25000' }))
        .status,
    ).toBe(303);
    const segments = text((await admin.get('/ledger?from=2026-01&to=2026-01')).text);
    expect(segments).toContain(
      'Ledger WhatsApp and Ledger chatbot overlap on Phone in January 2026: their segments together hold more contacts than the channel has.',
    );
  });

  /** Uploads a CSV on the import page as `agent`; returns the preview page. */
  async function upload(agent: Agent, content: string) {
    const page = await agent.get('/results/import').expect(200);
    const token = csrfToken(
      page.text.replace(/action="\/results\/import\?_csrf=([^"]+)"/, 'name="_csrf" value="$1"'),
    );
    return agent
      .post(`/results/import?_csrf=${encodeURIComponent(token)}`)
      .attach('file', Buffer.from(content), 'totals.csv');
  }
  async function confirm(agent: Agent, html: string) {
    const id = /action="\/results\/import\/([0-9a-f-]+)\/confirm"/.exec(html)![1];
    return agent
      .post(`/results/import/${id}/confirm`)
      .type('form')
      .send({ _csrf: csrfToken(html) });
  }

  it('imports the organisation’s totals from rows with an empty pilot, all or nothing, audited', async () => {
    const finance = await t.agent('finance');
    const good = [
      'pilot,month,metric,channel,value',
      `,${ago(6)},total_volume,phone,41000`,
      `,${ago(6)},total_desired,phone,30000`,
      `,${ago(6)},total_volume,email,7000`,
      `,${ago(5)},total_volume,phone,40500`,
    ].join('\n');
    const preview = await upload(finance, good);
    expect(preview.status).toBe(200);
    expect(text(preview.text)).toMatch(/The organisation’s channel totals 4 0 0/);
    const done = await confirm(finance, preview.text);
    expect(done.status).toBe(303);
    const rows = (await stored()).filter((r) => r.month === ago(6) || r.month === ago(5));
    expect(rows.map((r) => [r.month, r.channelId, r.volume, r.desired])).toEqual([
      [ago(6), phone, 41000, 30000],
      [ago(6), email, 7000, null],
      [ago(5), phone, 40500, null],
    ]);
    const audit = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ entityType: 'channel_total', field: `${ago(5)} phone total_volume (import)` });
    expect(audit.map((a) => [a.oldValue, a.newValue])).toEqual([[null, '40500']]);

    // One bad line and nothing is saved; each problem named on its line.
    const before = await stored();
    const bad = [
      'pilot,month,metric,channel,value',
      `,${ago(5)},total_volume,phone,40600`,
      `,${ago(5)},total_volume,fax,10`,
      `,${ago(-1)},total_volume,phone,10`,
      `,${ago(4)},total_volume,email,-3`,
      `,${ago(4)},total_volume,phone,100`,
      `,${ago(4)},total_desired,phone,150`,
      `ledger-chatbot,${ago(4)},total_volume,phone,100`,
    ].join('\n');
    const refused = text((await upload(finance, bad)).text);
    expect(refused).toContain('unknown channel "fax"');
    expect(refused).toContain('is after');
    expect(refused).toContain('a count cannot be negative');
    expect(refused).toContain(
      `phone ${ago(4)}: the split adds up to 150, more than the volume of 100.`,
    );
    expect(refused).toContain(
      "total_volume is the organisation's total of a channel, no pilot's; leave the pilot empty",
    );
    expect(await stored()).toEqual(before);

    // A channel owner may import results, not the organisation's totals.
    const owner = text((await upload(await t.agent('owner'), good)).text);
    expect(owner).toContain(
      "you may not give the organisation's channel totals; finance or an admin can",
    );
  });

  it('lets only finance and admins enter totals; everyone reads them', async () => {
    for (const role of ['viewer', 'owner', 'board'] as const) {
      const agent = await t.agent(role);
      const list = await agent.get('/ledger/totals').expect(200);
      expect(list.text).not.toContain('action="/ledger/totals/baselines"');
      await agent.get(`/ledger/totals/${ago(1)}`).expect(403);
      await agent
        .post('/ledger/totals/baselines')
        .type('form')
        .send({ _csrf: csrfToken(list.text), [`ledgerMethod_${phone}`]: 'mean' })
        .expect(403);
    }
  });

  it('pins the organisation baseline per channel on the form as rendered; refuses what the totals do not allow', async () => {
    // After the worked example: phone has 3 months of totals before the pilots' start (January 2026).
    const finance = await t.agent('finance');
    const list = '/ledger/totals';
    const action = '/ledger/totals/baselines';
    const form = renderedForm((await finance.get(list).expect(200)).text, action);
    expect([form[`ledgerMethod_${phone}`], form[`ledgerMethod_${email}`]]).toEqual(['', '']);
    const pins = () =>
      t.dataSource
        .getRepository(Channel)
        .findBy({ id: In([phone, email]) })
        .then((rows) => rows.map((c) => [c.key, c.ledgerMethod]).sort());

    const refused = await fillAndSubmit(finance, list, action, {
      [`ledgerMethod_${phone}`]: 'trend',
      [`ledgerMethod_${email}`]: 'mean',
    });
    expect(refused.status).toBe(422);
    const page = text(refused.text);
    expect(page).toContain('Nothing was saved: the totals do not allow a method marked below.');
    expect(page).toContain(
      'Trend needs 6 months of history; there are 3 before January 2026, when the first pilot on this channel started.',
    );
    // No pilot on e-mail: every total counts, and there are too few.
    expect(page).toMatch(/Mean needs 3 months of history; there (are none|is 1|are 2)\./);
    // The form comes back with what was chosen, and nothing is stored.
    expect(renderedForm(refused.text, action)[`ledgerMethod_${phone}`]).toBe('trend');
    expect(await pins()).toEqual([
      ['email', null],
      ['phone', null],
    ]);
    const unknown = await fillAndSubmit(finance, list, action, {
      [`ledgerMethod_${phone}`]: 'control',
    });
    expect(unknown.status).toBe(422);
    expect(text(unknown.text)).toContain('Choose trend, mean, or the default.');

    // Mean is allowed: stored, audited, and the ledger, its API and the CLI's JSON say so.
    const saved = await fillAndSubmit(finance, list, action, { [`ledgerMethod_${phone}`]: 'mean' });
    expect(saved.status).toBe(303);
    expect(await pins()).toEqual([
      ['email', null],
      ['phone', 'mean'],
    ]);
    const audit = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ entityType: 'channel', entityId: phone, field: 'ledger baseline method' });
    expect(audit.map((a) => [a.oldValue, a.newValue, a.actor])).toEqual([
      ['default (trend, else mean)', 'mean', expect.stringContaining('finance')],
    ]);
    expect(renderedForm((await finance.get(list)).text, action)[`ledgerMethod_${phone}`]).toBe(
      'mean',
    );
    const viewer = await t.agent('viewer');
    const ledger = text((await viewer.get('/ledger?from=2026-01&to=2026-01').expect(200)).text);
    expect(ledger).toContain(
      'Organisation baseline: mean (pinned) over 3 months before January 2026.',
    );
    const api = (await apiGet(viewer, '/api/v1/ledger?from=2026-01&to=2026-01&channel=phone')).body;
    expect([api.channels[0].method, api.channels[0].pinned, api.channels[0].pinNote]).toEqual([
      'mean',
      'mean',
      null,
    ]);

    // Six months of totals before the start allow a trend; a pin later data makes impossible
    // (a pilot on phone that started earlier) is shown on the ledger with the method used.
    for (const [month, volume] of [
      ['2025-07', 51200],
      ['2025-08', 50800],
      ['2025-09', 50400],
    ] as const) {
      const url = `/ledger/totals/${month}`;
      await fillAndSubmit(finance, url, url, { [`total_volume_${phone}`]: String(volume) });
    }
    expect(
      (await fillAndSubmit(finance, list, action, { [`ledgerMethod_${phone}`]: 'trend' })).status,
    ).toBe(303);
    expect(text((await viewer.get('/ledger?from=2026-01&to=2026-01')).text)).toContain(
      'Organisation baseline: trend (pinned) over 6 months before January 2026.',
    );
    const early = await pilotInStage(t, 'Ledger early IVR', 'proof_of_concept', ['phone']);
    await savePlan(
      t,
      early,
      {
        startMonth: '2025-10',
        expectedMonthlyContacts: 1000,
        investmentCents: '0',
        monthlyFixedCostCents: '0',
        variableCostPerContactCents: '0',
      },
      { phone: '10' },
    );
    await logMonth(t, early, '2025-10', { contacts: 100 }, { phone: 3000 });
    const shifted = text((await viewer.get('/ledger?from=2026-01&to=2026-01')).text);
    expect(shifted).toContain(
      'Trend is pinned for this channel, but trend needs 6 months of history; there are 3: mean is used instead.',
    );
    expect(shifted).toContain('Organisation baseline: mean over 3 months before October 2025.');
  });
});
