import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { MonthlyResult } from '../../src/results/monthly-result.entity';
import { PilotReadiness } from '../../src/readiness/pilot-readiness.entity';
import { ChannelResult } from '../../src/results/channel-result.entity';
import { User } from '../../src/accounts/user.entity';
import { addMonths, formatMonth } from '../../src/common/months';
import {
  channelIds,
  findPilot,
  PROVEN_RATES,
  provenPilot,
  setCostRates,
} from '../support/factories';
import {
  csrfToken,
  encodeForm,
  FormFields,
  renderedForm,
  submit,
  unescapeHtml,
} from '../support/forms';
import { Agent, createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

// Forms submitted as the page renders them, and the links the pages really have (issue 12):
// the month form and its links, readiness evidence, saves that change nothing, buttons only
// for those who may press them. On SQLite, and on PostgreSQL with TEST_DATABASE_URL.

describe('Round trips through the rendered pages (HTTP)', () => {
  let t: TestApp;
  let admin: Agent;
  // Two pilots with every form filled in: plan, 3 months of history and 6 of results,
  // readiness with evidence, IT committed (see provenPilot). The first is the test owner's.
  const movers = 'movers-whatsapp';
  const billing = 'chatbot-billing';
  let startMonth: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.agent('admin');
    await setCostRates(t, PROVEN_RATES);
    const [phone] = await channelIds(t.dataSource, 'phone');
    const first = await provenPilot(t, 'WhatsApp for customers who are moving', {
      // Purposes in another order than the form lists them.
      fields: {
        slug: movers,
        purposes: ['operational_relief', 'marketing'],
        ownerUserId: t.users.owner.id,
      },
      figures: { [`follow_ups_${phone}`]: 150 },
    });
    startMonth = first.startMonth!;
    await provenPilot(t, 'Billing chatbot', {
      fields: { slug: billing, ownerUserId: t.users.owner.id },
    });
  });
  afterAll(() => t.close());

  const post = (agent: Agent, action: string, fields: FormFields, page: string) =>
    agent
      .post(action)
      .type('form')
      .send(encodeForm({ ...fields, _csrf: csrfToken(page) }));

  const auditCount = () => t.dataSource.getRepository(AuditEntry).count();

  it('the results list links each month to its form, and the form saves what it shows', async () => {
    const list = await admin.get(`/pilots/${movers}/results`).expect(200);
    const links = [
      ...list.text.matchAll(/href="(\/pilots\/movers-whatsapp\/results\/[^"]*)"/g),
    ].map((m) => m[1]);
    expect(links.length).toBe(9); // 3 months of history, 6 of results
    for (const link of links) expect(link).toMatch(/\/results\/\d{4}-(0[1-9]|1[0-2])$/);

    // The newest month is a month of the pilot (older ones are the channels' history).
    const month = links[0].slice(-7);
    const page = await admin.get(links[0]).expect(200);
    const action = `/pilots/${movers}/results/${month}`;
    const shown = renderedForm(page.text, action);
    const before = await t.dataSource.getRepository(MonthlyResult).find({ order: { id: 'ASC' } });
    const channelsBefore = await t.dataSource.getRepository(ChannelResult).count();
    const audit = await auditCount();

    // Unchanged: answered as saved, nothing stored, nothing in the history.
    const same = await post(admin, action, shown, page.text);
    expect(same.status).toBe(303);
    expect(await t.dataSource.getRepository(MonthlyResult).find({ order: { id: 'ASC' } })).toEqual(
      before,
    );
    expect(await t.dataSource.getRepository(ChannelResult).count()).toBe(channelsBefore);
    expect(await auditCount()).toBe(audit);

    // One change: exactly that figure is stored.
    const changed = await post(admin, action, { ...shown, contacts: '4321' }, page.text);
    expect(changed.status).toBe(303);
    const pilot = await findPilot(t.dataSource, movers);
    const row = await t.dataSource.getRepository(MonthlyResult).findOneByOrFail({
      pilotId: pilot.id,
      month,
    });
    expect(row.contacts).toBe(4321);
    expect(await auditCount()).toBe(audit + 1);
  });

  it('the business case links each month to its results form', async () => {
    const page = await admin.get(`/pilots/${movers}/business-case`).expect(200);
    const links = [...page.text.matchAll(/href="(\/pilots\/movers-whatsapp\/results\/[^"]*)"/g)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, link] of links) {
      expect(link).toMatch(/\/results\/\d{4}-\d{2}$/);
      await admin.get(link).expect(200);
    }
  });

  it('readiness evidence is shown as stored, and changing only the status keeps it', async () => {
    const page = await admin.get(`/pilots/${movers}/readiness`).expect(200);
    expect(page.text).not.toContain('[object Object]');
    const action = /action="(\/pilots\/movers-whatsapp\/readiness\/\d+)"/.exec(page.text)![1];
    const itemId = Number(action.split('/').pop());
    const pilot = await findPilot(t.dataSource, movers);
    const stored = await t.dataSource
      .getRepository(PilotReadiness)
      .findOneByOrFail({ pilotId: pilot.id, itemId });
    expect(stored.evidence).toBeTruthy();
    const shown = renderedForm(page.text, action);
    expect(shown.evidence).toBe(stored.evidence);

    const res = await post(admin, action, { ...shown, status: 'in_progress' }, page.text);
    expect(res.status).toBe(303);
    const after = await t.dataSource
      .getRepository(PilotReadiness)
      .findOneByOrFail({ pilotId: pilot.id, itemId });
    expect(after).toMatchObject({ status: 'in_progress', evidence: stored.evidence });
  });

  it('a pilot saved unchanged stores nothing (purposes in any order are the same purposes)', async () => {
    const before = await findPilot(t.dataSource, movers);
    const audit = await auditCount();
    const page = await admin.get(`/pilots/${movers}/edit`).expect(200);
    const res = await post(
      admin,
      `/pilots/${movers}`,
      renderedForm(page.text, `/pilots/${movers}`),
      page.text,
    );
    expect(res.status).toBe(303);
    const after = await findPilot(t.dataSource, movers);
    expect(after.version).toBe(before.version);
    expect(after.purposes).toEqual(before.purposes);
    expect(await auditCount()).toBe(audit);
  });

  it.each([
    [`/pilots/${movers}/plan`, `/pilots/${movers}/plan`],
    [`/pilots/${movers}/it`, `/pilots/${movers}/it`],
    ['/admin/gate-settings', '/admin/gate-settings'],
  ])('%s saved unchanged stores nothing', async (pageUrl, action) => {
    const audit = await auditCount();
    const page = await admin.get(pageUrl).expect(200);
    const res = await post(admin, action, renderedForm(page.text, action), page.text);
    expect(res.status).toBe(303);
    expect(await auditCount()).toBe(audit);
    // The same page again: the version the form carries has not moved.
    const again = await admin.get(pageUrl).expect(200);
    expect(renderedForm(again.text, action).version).toBe(renderedForm(page.text, action).version);
  });

  it('shows "Register a pilot" only to those who may register one', async () => {
    for (const role of ['viewer', 'board', 'finance'] as const) {
      const agent = await t.agent(role);
      for (const url of ['/pilots', '/dashboard']) {
        const page = await agent.get(url).expect(200);
        expect(page.text).not.toContain('href="/pilots/new"');
      }
      await agent.get('/pilots/new').expect(403);
    }
    const owner = await t.agent('owner');
    expect((await owner.get('/pilots').expect(200)).text).toContain('Register a pilot');
  });

  it('says "1 pilot matches the filter"', async () => {
    const page = await admin.get('/pilots?q=whatsapp').expect(200);
    expect(unescapeHtml(page.text)).toContain('1 pilot matches the filter.');
  });

  it('answers /favicon.ico, signed in or not', async () => {
    const res = await (await t.agent(null)).get('/favicon.ico').expect(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('shows the channel-switch rate per month and in total on the business case', async () => {
    const page = unescapeHtml(
      (await admin.get(`/pilots/${movers}/business-case`).expect(200)).text,
    );
    expect(page).toMatch(/Channel switch rate<\/span><span class="kpi-value">\d+\.\d%/);
    expect(page).toContain('<th scope="col" class="num">Switch rate</th>');
    expect(page).toMatch(/<td class="num">\d+\.\d%<\/td>\s*<td>/);
  });

  it('imports what Dutch Excel saves: reordered columns, Excel months, decimal commas; the preview in months and euros', async () => {
    const owner = await t.agent('admin');
    // The month after the pilot's six of results, as Dutch Excel writes it: "nov-26", "1-11-2026".
    const month = addMonths(startMonth, 6);
    const [year, mm] = month.split('-');
    const abbr = [
      'jan',
      'feb',
      'mar',
      'apr',
      'may',
      'jun',
      'jul',
      'aug',
      'sep',
      'oct',
      'nov',
      'dec',
    ][Number(mm) - 1];
    const excelMonth = `${abbr}-${year.slice(2)}`;
    const file = [
      'month;Pilot;Metric;Channel;Value',
      `${excelMonth};${movers};fixed_cost;;3.000,50`,
      `1-${Number(mm)}-${year};${movers};volume;phone;10.250`,
      `${excelMonth};${movers};csat;;82,5`,
      `${excelMonth};${movers};fcr;;72,0`,
    ].join('\r\n');
    const page = await owner.get('/results/import').expect(200);
    const token = /action="\/results\/import\?_csrf=([^"]+)"/.exec(page.text)![1];
    const preview = await owner
      .post(`/results/import?_csrf=${token}`)
      .attach('file', Buffer.from(`\uFEFF${file}`), 'excel.csv');
    expect(preview.status).toBe(200);
    const html = unescapeHtml(preview.text);
    expect(html).toMatch(
      new RegExp(
        `<td>${formatMonth(month)}</td><td>fixed_cost</td><td>—</td><td class="num">[^<]*</td><td class="num">€3,000\\.50</td>`,
      ),
    );
    expect(html).not.toContain('300050');
    const confirmed = await owner
      .post(/action="(\/results\/import\/[0-9a-f-]+\/confirm)"/.exec(preview.text)![1])
      .type('form')
      .send({ _csrf: csrfToken(preview.text) });
    expect(confirmed.status).toBe(303);
    const pilot = await findPilot(t.dataSource, movers);
    const row = await t.dataSource
      .getRepository(MonthlyResult)
      .findOneByOrFail({ pilotId: pilot.id, month });
    expect(Number(row.fixedCostCents)).toBe(300050);
    expect([row.csat, row.fcr]).toEqual([82.5, 72]);
  });

  it('takes CSAT and FCR with a decimal on the month form and in the plan, and shows them back', async () => {
    const list = await admin.get(`/pilots/${billing}/results`).expect(200);
    const link = /href="(\/pilots\/chatbot-billing\/results\/\d{4}-\d{2})"/.exec(list.text)![1];
    const page = await admin.get(link).expect(200);
    const saved = await post(
      admin,
      link,
      { ...renderedForm(page.text, link), csat: '82,5', fcr: '71.5' },
      page.text,
    );
    expect(saved.status).toBe(303);
    const again = renderedForm((await admin.get(link).expect(200)).text, link);
    expect([again.csat, again.fcr]).toEqual(['82,5', '71,5']);
    const refused = await post(admin, link, { ...again, csat: '82,55' }, page.text);
    expect(refused.status).toBe(422);
    expect(unescapeHtml(refused.text)).toContain(
      'A percentage is kept to one decimal, such as 82.5.',
    );

    const planUrl = `/pilots/${billing}/plan`;
    const plan = await admin.get(planUrl).expect(200);
    const planSaved = await post(
      admin,
      planUrl,
      { ...renderedForm(plan.text, planUrl), targetCsat: '80,5' },
      plan.text,
    );
    expect(planSaved.status).toBe(303);
    expect(renderedForm((await admin.get(planUrl).expect(200)).text, planUrl).targetCsat).toBe(
      '80,5',
    );
  });

  it("shows the history in the forms' words and in euros, not column names and cents", async () => {
    const page = await admin.get(`/pilots/${movers}/plan`).expect(200);
    const action = `/pilots/${movers}/plan`;
    const res = await post(
      admin,
      action,
      { ...renderedForm(page.text, action), fixedCostAtScaleCents: '12.500' },
      page.text,
    );
    expect(res.status).toBe(303);
    const html = unescapeHtml((await admin.get(`/pilots/${movers}`).expect(200)).text);
    expect(html).toMatch(
      /<td>Monthly fixed cost at full scale<\/td>\s*<td class="prewrap">[^<]*<\/td>\s*<td class="prewrap">€12,500\.00<\/td>/,
    );
    expect(html).not.toContain('fixedCostAtScaleCents');
  });

  it.each([
    [`/pilots/${billing}/edit`, `/pilots/${billing}`, 'sponsor', 'Mine', 'Theirs'],
    [`/pilots/${billing}/plan`, `/pilots/${billing}/plan`, 'minMonthlyVolume', '700', '900'],
    [`/pilots/${billing}/it`, `/pilots/${billing}/it`, 'itOwner', 'Mine', 'Theirs'],
  ])(
    'a stale edit on %s keeps what the user typed, shows what is stored beside it, and saves on a second try',
    async (pageUrl, action, field, mine, theirs) => {
      const me = await t.agent('admin');
      const other = await t.agent('admin');
      const myPage = await me.get(pageUrl).expect(200);
      const theirPage = await other.get(pageUrl).expect(200);
      const saved = await post(
        other,
        action,
        { ...renderedForm(theirPage.text, action), [field]: theirs },
        theirPage.text,
      );
      expect(saved.status).toBe(303);

      const refused = await post(
        me,
        action,
        { ...renderedForm(myPage.text, action), [field]: mine },
        myPage.text,
      );
      expect(refused.status).toBe(409);
      const again = renderedForm(refused.text, action);
      expect(again[field]).toBe(mine);
      expect(unescapeHtml(refused.text)).toContain('your changes were not saved yet');
      expect(refused.text).toMatch(
        new RegExp(`Stored now: <strong class="prewrap">${theirs}</strong>`),
      );

      // Saving the form as it came back replaces theirs with mine, knowingly.
      const second = await post(me, action, again, refused.text);
      expect(second.status).toBe(303);
      const reread = renderedForm((await me.get(pageUrl).expect(200)).text, action);
      expect(reread[field]).toBe(mine);
    },
  );

  /** A second channel owner's account, made on the admin's page, and signed in. */
  async function secondOwner(): Promise<{ agent: Agent; id: number }> {
    const email = 'lotte@test.example';
    const made = await submit(admin, '/admin/users', '/admin/users', {
      email,
      name: 'Lotte Visser',
      password: TEST_PASSWORD,
      roles: ['owner'],
    });
    expect(made.status).toBe(303);
    const agent = await t.agent(null);
    const page = await agent.get('/sign-in').expect(200);
    const res = await post(agent, '/sign-in', { email, password: TEST_PASSWORD }, page.text);
    expect(res.status).toBe(303);
    const { id } = await t.dataSource.getRepository(User).findOneByOrFail({ email });
    return { agent, id };
  }

  it('the owner is an account: an admin hands a pilot over, the history says so, the rights move with it', async () => {
    const owner = await t.freshAgent('owner');
    const { agent: lotte, id: lotteId } = await secondOwner();
    const url = `/pilots/${movers}`;
    await owner.get(`${url}/edit`).expect(200);
    await lotte.get(`${url}/edit`).expect(403);

    // The owner sees who owns it, not a choice; what a hand-made post says is ignored.
    const own = await owner.get(`${url}/edit`).expect(200);
    expect(own.text).not.toContain('name="ownerUserId"');
    await post(
      owner,
      url,
      { ...renderedForm(own.text, url), ownerUserId: String(lotteId) },
      own.text,
    );
    expect((await findPilot(t.dataSource, movers)).ownerName).toBe('Test owner');

    // An admin chooses from the channel owners' accounts.
    const page = await admin.get(`${url}/edit`).expect(200);
    const options = [...page.text.matchAll(/<option value="(\d+)"[^>]*>([^<]+)<\/option>/g)].map(
      (m) => m[2],
    );
    expect(options).toEqual(expect.arrayContaining(['Lotte Visser', 'Test owner']));
    expect(options).not.toContain('Test viewer');
    const shown = renderedForm(page.text, url);
    const handed = await post(admin, url, { ...shown, ownerUserId: String(lotteId) }, page.text);
    expect(handed.status).toBe(303);
    const pilot = await findPilot(t.dataSource, movers);
    expect([pilot.ownerUserId, pilot.ownerName]).toEqual([lotteId, 'Lotte Visser']);
    const history = unescapeHtml((await admin.get(url).expect(200)).text);
    expect(history).toMatch(
      /<td>Owner<\/td>\s*<td class="prewrap">Test owner<\/td>\s*<td class="prewrap">Lotte Visser<\/td>/,
    );
    await lotte.get(`${url}/edit`).expect(200);
    await owner.get(`${url}/edit`).expect(403);
  });

  it.each([
    ['/admin/users', /action="(\/admin\/users\/\d+)"/, 'name', 'X'],
    ['/admin/readiness-items', /action="(\/admin\/readiness-items\/\d+)"/, 'title', 'Ab'],
  ])(
    'a refused row on %s comes back with what was typed',
    async (pageUrl, pattern, field, typed) => {
      const page = await admin.get(pageUrl).expect(200);
      const action = pattern.exec(page.text)![1];
      const res = await post(
        admin,
        action,
        { ...renderedForm(page.text, action), [field]: typed },
        page.text,
      );
      expect(res.status).toBe(422);
      expect(renderedForm(res.text, action)[field]).toBe(typed);
      expect(res.text).toContain('field-error');
    },
  );
});
