import { AccountsService } from '../../src/accounts/accounts.service';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { PilotStageChange } from '../../src/pilots/pilot-stage-change.entity';
import { Pilot } from '../../src/pilots/pilot.entity';
import { channelIds, editFields, findPilot, pilotFields } from '../support/factories';
import { csrfToken, encodeForm, submit, unescapeHtml } from '../support/forms';
import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

describe('Pilots (HTTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function create(fields = pilotFields()) {
    const res = await submit(await t.agent(), '/pilots/new', '/pilots', fields);
    expect(res.status).toBe(303);
    return findPilot(t.dataSource, res.headers.location.replace('/pilots/', ''));
  }

  /** A channel owner's account, for a pilot to be owned by (admins choose it on the form). */
  let accounts = 0;
  async function ownerAccount(name: string): Promise<number> {
    accounts += 1;
    const user = await t.app.get(AccountsService).create(
      {
        email: `owner-${accounts}@test.example`,
        name,
        password: TEST_PASSWORD,
        roles: ['owner'],
      },
      'test',
    );
    return user.id;
  }

  describe('creating', () => {
    it('registers a pilot as an idea, with its affected channels and a history entry', async () => {
      const [phone, email] = await channelIds(t.dataSource, 'phone', 'email');
      const agent = await t.agent();
      const res = await submit(agent, '/pilots/new', '/pilots', {
        ...pilotFields({
          name: 'WhatsApp for movers',
          purposes: ['operational_relief', 'marketing'],
        }),
        affectedChannelIds: [phone, email],
        ownerUserId: await ownerAccount('Sanne de Vries'),
        nextReviewDate: '2027-01-15',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/pilots/whatsapp-for-movers');

      const page = await agent.get('/pilots/whatsapp-for-movers').expect(200);
      expect(page.text).toContain('Pilot &quot;WhatsApp for movers&quot; registered as an idea.');
      expect(page.text).toContain('Phone, E-mail');
      expect(page.text).toContain('15 Jan 2027');
      expect(page.text).toMatch(/Stage: Registered/);

      const pilot = await findPilot(t.dataSource, 'whatsapp-for-movers');
      expect(pilot).toMatchObject({
        stage: 'idea',
        version: 1,
        ownerName: 'Sanne de Vries',
        purposes: ['marketing', 'operational_relief'], // in the model's order
      });
      expect(pilot.affectedChannels.map((c) => c.key).sort()).toEqual(['email', 'phone']);
      const changes = await t.dataSource
        .getRepository(PilotStageChange)
        .findBy({ pilotId: pilot.id });
      expect(changes).toEqual([
        expect.objectContaining({
          fromStage: null,
          toStage: 'idea',
          actor: 'Test admin <admin@test.example>',
        }),
      ]);
    });

    it('shows the form again with a message beside each wrong field and the input kept', async () => {
      const before = await t.dataSource.getRepository(Pilot).count();
      const res = await submit(await t.agent(), '/pilots/new', '/pilots', {
        name: 'X',
        description: 'Kept <description>',
        channelType: 'carrier-pigeon',
        purposes: ['world_domination'],
        serviceStrategy: 'standard',
        nextReviewDate: '2026-02-30',
        slug: 'Not A Slug',
      });
      expect(res.status).toBe(422);
      const html = unescapeHtml(res.text);
      expect(html).toContain('Name must be 3 to 120 characters.');
      expect(html).toContain('Choose a channel type from the list.');
      expect(html).toContain('Choose purposes from the list.');
      expect(html).toContain('Give the next review date as a real date (YYYY-MM-DD).');
      expect(html).toContain('The URL name may hold only lower-case letters');
      expect(res.text).toContain('Kept &lt;description&gt;</textarea>');
      expect(res.text).toContain('value="Not A Slug"');
      expect(res.text).toMatch(/<title>New pilot/);
      expect(await t.dataSource.getRepository(Pilot).count()).toBe(before);
    });

    it('refuses a URL name that another pilot has', async () => {
      await create(pilotFields({ slug: 'taken-name' }));
      const res = await submit(
        await t.agent(),
        '/pilots/new',
        '/pilots',
        pilotFields({ slug: 'taken-name' }),
      );
      expect(res.status).toBe(422);
      expect(unescapeHtml(res.text)).toContain(
        'The URL name "taken-name" is taken by another pilot',
      );
    });

    it('refuses an unknown affected channel', async () => {
      const res = await submit(
        await t.agent(),
        '/pilots/new',
        '/pilots',
        pilotFields({ affectedChannelIds: [99999] }),
      );
      expect(res.status).toBe(422);
      expect(res.text).toContain('Choose affected channels from the list of active channels.');
    });

    it('refuses a post without the CSRF token', async () => {
      const agent = await t.agent();
      await agent.get('/pilots/new').expect(200);
      const res = await agent
        .post('/pilots')
        .type('form')
        .send(encodeForm(pilotFields({ name: 'No token pilot' })));
      expect(res.status).toBe(403);
      expect(res.text).toContain('The form had expired');
      expect(await t.dataSource.getRepository(Pilot).countBy({ name: 'No token pilot' })).toBe(0);
    });
  });

  describe('editing', () => {
    it('saves changes and records each changed field, old → new', async () => {
      const pilot = await create();
      const [chat] = await channelIds(t.dataSource, 'chat');
      const res = await submit(
        await t.agent(),
        `/pilots/${pilot.slug}/edit`,
        `/pilots/${pilot.slug}`,
        editFields(pilot, {
          ownerUserId: await ownerAccount('Joost Bakker'),
          description: 'Better description',
          affectedChannelIds: [chat],
        }),
      );
      expect(res.status).toBe(303);
      const saved = await findPilot(t.dataSource, pilot.slug);
      expect(saved).toMatchObject({
        ownerName: 'Joost Bakker',
        description: 'Better description',
        version: 2,
      });
      expect(saved.affectedChannels.map((c) => c.key)).toEqual(['chat']);

      const entries = await t.dataSource
        .getRepository(AuditEntry)
        .findBy({ pilotId: pilot.id, action: 'update' });
      expect(entries.map((e) => [e.field, e.oldValue, e.newValue]).sort()).toEqual(
        [
          ['affectedChannels', null, 'Chat'],
          ['description', 'A pilot made by a test.', 'Better description'],
          ['ownerName', null, 'Joost Bakker'], // an admin handed it to Joost's account
        ].sort(),
      );
      const page = await (await t.agent()).get(`/pilots/${pilot.slug}`).expect(200);
      expect(page.text).toContain('Better description');
      expect(page.text).toMatch(
        /<td>Owner<\/td>\s*<td class="prewrap">—<\/td>\s*<td class="prewrap">Joost Bakker<\/td>/,
      );
    });

    it('refuses a stale edit with a clear message and overwrites nothing', async () => {
      const pilot = await create();
      const alice = await t.agent();
      const bob = await t.agent();
      const alicePage = await alice.get(`/pilots/${pilot.slug}/edit`).expect(200);
      const bobPage = await bob.get(`/pilots/${pilot.slug}/edit`).expect(200);

      await bob
        .post(`/pilots/${pilot.slug}`)
        .type('form')
        .send(
          encodeForm({
            ...editFields(pilot, { description: 'Bob was first' }),
            _csrf: csrfToken(bobPage.text),
          }),
        )
        .expect(303);
      const res = await alice
        .post(`/pilots/${pilot.slug}`)
        .type('form')
        .send(
          encodeForm({
            ...editFields(pilot, { description: 'Alice was late' }),
            _csrf: csrfToken(alicePage.text),
          }),
        );

      expect(res.status).toBe(409);
      expect(res.text).toContain(
        'Someone else saved this after you opened the form, so your changes were not saved yet.',
      );
      expect(res.text).toContain('Alice was late</textarea>');
      const saved = await findPilot(t.dataSource, pilot.slug);
      expect(saved).toMatchObject({ description: 'Bob was first', version: 2 });
      const entries = await t.dataSource
        .getRepository(AuditEntry)
        .findBy({ pilotId: pilot.id, field: 'description' });
      expect(entries.map((e) => e.newValue)).toEqual(['Bob was first']);
    });

    it('keeps the owner required from the incubation on', async () => {
      const pilot = await create(pilotFields({ ownerUserId: await ownerAccount('Owner One') }));
      await t.dataSource.getRepository(Pilot).update(pilot.id, { stage: 'incubation' });
      const res = await submit(
        await t.agent(),
        `/pilots/${pilot.slug}/edit`,
        `/pilots/${pilot.slug}`,
        editFields(pilot, { ownerUserId: '' }),
      );
      expect(res.status).toBe(422);
      expect(res.text).toContain('A pilot in incubation or later must have an owner');
      expect((await findPilot(t.dataSource, pilot.slug)).ownerName).toBe('Owner One');
      // Only a channel owner's active account can own a pilot.
      const viewer = await submit(
        await t.agent(),
        `/pilots/${pilot.slug}/edit`,
        `/pilots/${pilot.slug}`,
        editFields(pilot, { ownerUserId: t.users.viewer.id }),
      );
      expect(viewer.status).toBe(422);
      expect(viewer.text).toContain('Choose the owner from the list of channel owners.');
    });

    it('answers unknown pilots with a 404 page', async () => {
      const res = await (await t.agent()).get('/pilots/no-such-pilot').expect(404);
      expect(res.text).toContain('The pilot &quot;no-such-pilot&quot; was not found.');
      await (await t.agent()).get('/pilots/no-such-pilot/edit').expect(404);
      await (await t.agent()).get('/no/such/page').expect(404);
    });
  });

  describe('stage changes', () => {
    it('moves idea → proof of concept → incubation when each gate holds, and records who, when, from, to', async () => {
      const [phone] = await channelIds(t.dataSource, 'phone');
      const pilot = await create(
        pilotFields({
          ownerUserId: await ownerAccount('Lotte Visser'),
          affectedChannelIds: [phone],
        }),
      );
      const agent = await t.agent();
      let res = await submit(agent, `/pilots/${pilot.slug}`, `/pilots/${pilot.slug}/stage`, {
        fromStage: 'idea',
        toStage: 'proof_of_concept',
      });
      expect(res.status).toBe(303);

      // The incubation gate wants the business-case plan filled in.
      res = await submit(agent, `/pilots/${pilot.slug}`, `/pilots/${pilot.slug}/stage`, {
        fromStage: 'proof_of_concept',
        toStage: 'incubation',
      });
      expect(res.status).toBe(422);
      expect(res.text).toContain('Not yet: business-case plan filled in.');
      res = await submit(agent, `/pilots/${pilot.slug}/plan`, `/pilots/${pilot.slug}/plan`, {
        startMonth: '2026-01',
        expectedMonthlyContacts: 1000,
        monthlyFixedCostCents: '2000',
        variableCostPerContactCents: '0.40',
        minMonthlyVolume: 300,
        horizonMonths: 36,
        [`share_${phone}`]: '50',
        version: 0,
      });
      expect(res.status).toBe(303);

      res = await submit(agent, `/pilots/${pilot.slug}`, `/pilots/${pilot.slug}/stage`, {
        fromStage: 'proof_of_concept',
        toStage: 'incubation',
      });
      expect(res.status).toBe(303);
      const page = await agent.get(`/pilots/${pilot.slug}`).expect(200);
      expect(page.text).toContain('Moved to incubation.');

      const saved = await findPilot(t.dataSource, pilot.slug);
      expect(saved.stage).toBe('incubation');
      const changes = await t.dataSource
        .getRepository(PilotStageChange)
        .find({ where: { pilotId: pilot.id }, order: { id: 'ASC' } });
      expect(changes.map((c) => [c.fromStage, c.toStage])).toEqual([
        [null, 'idea'],
        ['idea', 'proof_of_concept'],
        ['proof_of_concept', 'incubation'],
      ]);
    });

    it('refuses a step whose gate fails, naming the failing criterion, and leaves no trace', async () => {
      const pilot = await create(pilotFields({ ownerUserId: '' }));
      await submit(await t.agent(), `/pilots/${pilot.slug}`, `/pilots/${pilot.slug}/stage`, {
        fromStage: 'idea',
        toStage: 'proof_of_concept',
      }).then((res) => expect(res.status).toBe(303));

      const res = await submit(
        await t.agent(),
        `/pilots/${pilot.slug}`,
        `/pilots/${pilot.slug}/stage`,
        {
          fromStage: 'proof_of_concept',
          toStage: 'incubation',
        },
      );
      expect(res.status).toBe(422);
      expect(res.text).toContain('Not yet: owner named; business-case plan filled in.');
      expect(res.text).toMatch(/Not met<\/span>\s*<span class="criterion-label">Owner named/);
      const saved = await findPilot(t.dataSource, pilot.slug);
      expect(saved).toMatchObject({ stage: 'proof_of_concept', version: 2 });
      expect(
        await t.dataSource.getRepository(PilotStageChange).countBy({ pilotId: pilot.id }),
      ).toBe(2);
    });

    it('refuses a jump that is not the owner’s next step', async () => {
      const pilot = await create();
      const res = await submit(
        await t.agent(),
        `/pilots/${pilot.slug}`,
        `/pilots/${pilot.slug}/stage`,
        {
          fromStage: 'idea',
          toStage: 'scaled',
        },
      );
      expect(res.status).toBe(422);
      expect(res.text).toContain('cannot be moved to Scaled by its owner');
      expect((await findPilot(t.dataSource, pilot.slug)).stage).toBe('idea');
    });

    it('refuses a step from a page that is out of date', async () => {
      const pilot = await create();
      const res = await submit(
        await t.agent(),
        `/pilots/${pilot.slug}`,
        `/pilots/${pilot.slug}/stage`,
        {
          fromStage: 'proof_of_concept',
          toStage: 'incubation',
        },
      );
      expect(res.status).toBe(409);
      expect(res.text).toContain('moved to another stage since the page was loaded');
    });

    it('stops a pilot from any stage with a reason and lessons learned', async () => {
      const pilot = await create();
      const invalid = await submit(
        await t.agent(),
        `/pilots/${pilot.slug}`,
        `/pilots/${pilot.slug}/stop`,
        {
          fromStage: 'idea',
          reason: 'short',
          lessonsLearned: '',
        },
      );
      expect(invalid.status).toBe(422);
      expect(invalid.text).toContain('Say why the pilot stops, in 10 to 2000 characters.');
      expect(invalid.text).toContain('Write down the lessons learned');
      expect((await findPilot(t.dataSource, pilot.slug)).stage).toBe('idea');

      const res = await submit(
        await t.agent(),
        `/pilots/${pilot.slug}`,
        `/pilots/${pilot.slug}/stop`,
        {
          fromStage: 'idea',
          reason: 'The vendor went bankrupt.',
          lessonsLearned: 'Check the vendor’s finances before a pilot.',
        },
      );
      expect(res.status).toBe(303);
      const saved = await findPilot(t.dataSource, pilot.slug);
      expect(saved).toMatchObject({
        stage: 'stopped',
        lessonsLearned: 'Check the vendor’s finances before a pilot.',
      });
      const last = await t.dataSource
        .getRepository(PilotStageChange)
        .findOne({ where: { pilotId: pilot.id }, order: { id: 'DESC' } });
      expect(last).toMatchObject({
        fromStage: 'idea',
        toStage: 'stopped',
        reason: 'The vendor went bankrupt.',
      });
      const page = await (await t.agent()).get(`/pilots/${pilot.slug}`).expect(200);
      expect(page.text).toContain('Lessons learned');
      expect(page.text).not.toContain('action="/pilots/' + pilot.slug + '/stop"');
    });
  });

  describe('portfolio', () => {
    it('groups pilots by stage and filters by stage, type, department, owner and text', async () => {
      await create(
        pilotFields({
          name: 'Filter video pilot',
          channelType: 'video',
          ownerUserId: await ownerAccount('Vera Video'),
          ownerDepartment: 'Sales',
        }),
      );
      await create(
        pilotFields({
          name: 'Filter bot pilot',
          channelType: 'chatbot',
          ownerUserId: await ownerAccount('Bert Bot'),
          ownerDepartment: 'Billing',
        }),
      );

      const all = await (await t.agent()).get('/pilots').expect(200);
      expect(all.text).toContain('Filter video pilot');
      expect(all.text).toContain('Filter bot pilot');
      expect(all.text).toContain('id="stage-incubation"');

      const byType = await (await t.agent()).get('/pilots?channelType=video').expect(200);
      expect(byType.text).toContain('Filter video pilot');
      expect(byType.text).not.toContain('Filter bot pilot');

      const byDepartment = await (await t.agent()).get('/pilots?department=Billing').expect(200);
      expect(byDepartment.text).toContain('Filter bot pilot');
      expect(byDepartment.text).not.toContain('Filter video pilot');

      const byOwner = await (await t.agent()).get('/pilots?owner=Vera%20Video').expect(200);
      expect(byOwner.text).toContain('Filter video pilot');
      expect(byOwner.text).not.toContain('Filter bot pilot');

      const byText = await (await t.agent()).get('/pilots?q=VIDEO%20pil').expect(200);
      expect(byText.text).toContain('Filter video pilot');
      expect(byText.text).not.toContain('Filter bot pilot');

      const byStage = await (await t.agent()).get('/pilots?stage=scaled').expect(200);
      expect(byStage.text).not.toContain('Filter video pilot');

      const wildcard = await (await t.agent()).get('/pilots?q=%25').expect(200);
      expect(wildcard.text).not.toContain('Filter video pilot');
    });

    it('redirects the home page to the dashboard', async () => {
      await (await t.agent()).get('/').expect(302).expect('Location', '/dashboard');
    });
  });
});
