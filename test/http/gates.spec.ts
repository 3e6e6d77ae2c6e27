import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { GateSettings } from '../../src/lifecycle/gate-settings.entity';
import { GatesService } from '../../src/lifecycle/gates.service';
import { PilotStageChange } from '../../src/pilots/pilot-stage-change.entity';
import { PilotsService } from '../../src/pilots/pilots.service';
import { ItCommitment, ItIntegration } from '../../src/readiness/it-commitment.entity';
import { PilotReadiness } from '../../src/readiness/pilot-readiness.entity';
import { ReadinessItem } from '../../src/readiness/readiness-item.entity';
import { addMonths } from '../../src/common/months';
import { todayIso } from '../../src/common/dates';
import {
  findPilot,
  pilotInStage,
  PROVEN_RATES,
  provenPilot,
  registerPilot,
  setCostRates,
  workedExamplePilot,
  WORKED_RATES,
} from '../support/factories';
import { csrfToken, encodeForm, fillAndSubmit, submit, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html).replace(/\u00a0/g, ' ');

describe('Readiness, IT commitment and gates (HTTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await setCostRates(t, { ...WORKED_RATES, ...PROVEN_RATES });
  });
  afterAll(() => t.close());

  const item = (title: string) =>
    t.dataSource.getRepository(ReadinessItem).findOneByOrFail({ title });

  it('updates a checklist item with evidence, records who and when, and refuses bad input', async () => {
    const raci = await item('Ownership and roles (RACI) agreed');
    const pilot = await registerPilot(t, 'Checklist pilot', ['phone']);
    const routing = await item('Routing and hand-over');
    const page = `/pilots/${pilot.slug}/readiness`;
    const action = `${page}/${routing.id}`;

    const missingEvidence = await submit(await t.agent(), page, action, {
      status: 'done',
      evidence: '',
      version: 0,
    });
    expect(missingEvidence.status).toBe(422);
    expect(missingEvidence.text).toContain('Say what shows it is done');
    const badStatus = await submit(await t.agent(), page, action, {
      status: 'finished',
      version: 0,
    });
    expect(badStatus.status).toBe(422);
    expect(badStatus.text).toContain('Choose a status from the list.');
    const rows = t.dataSource.getRepository(PilotReadiness);
    expect(await rows.findOneBy({ pilotId: pilot.id, itemId: routing.id })).toBeNull();

    // An item never touched starts at version 0.
    const fresh = await submit(await t.agent(), page, action, {
      status: 'in_progress',
      version: 0,
    });
    expect(fresh.status).toBe(303);
    const row = await rows.findOneByOrFail({ pilotId: pilot.id, itemId: routing.id });
    expect(row).toMatchObject({ status: 'in_progress', version: 1 });

    const ok = await submit(await t.agent(), page, action, {
      status: 'done',
      evidence: 'Hand-over to chat agents live since March',
      version: row.version,
    });
    expect(ok.status).toBe(303);
    const saved = await rows.findOneByOrFail({ pilotId: pilot.id, itemId: routing.id });
    expect(saved).toMatchObject({
      status: 'done',
      changedBy: 'Test admin <admin@test.example>',
      version: row.version + 1,
    });
    const shown = text((await (await t.agent()).get(page).expect(200)).text);
    expect(shown).toContain('Routing and hand-over: status');
    expect(shown).toContain('Hand-over to chat agents live since March');

    // A stale page (the version it showed is gone) overwrites nothing.
    const stale = await submit(await t.agent(), page, action, {
      status: 'in_progress',
      version: row.version,
    });
    expect(stale.status).toBe(409);
    expect((await rows.findOneByOrFail({ id: saved.id })).status).toBe('done');
    expect(raci.critical).toBe(true);
  });

  it('saves the IT commitment with its integrations, insisting that committed means committed', async () => {
    // Seven months in incubation on the vendor's own tool: the portfolio says IT is stuck.
    const since = new Date(`${addMonths(todayIso().slice(0, 7), -7)}-01T09:00:00Z`);
    const pilot = await pilotInStage(t, 'WhatsApp for movers', 'incubation', ['phone'], {}, since);
    const url = `/pilots/${pilot.slug}/it`;
    const first = await fillAndSubmit(await t.agent(), url, url, { level: 'vendor_standalone' });
    expect(first.status).toBe(303);
    const stuck = "7 months in incubation and still on the vendor's stand-alone tool.";
    expect(text((await (await t.agent()).get('/pilots').expect(200)).text)).toContain(stuck);
    const it = await t.dataSource
      .getRepository(ItCommitment)
      .findOneByOrFail({ pilotId: pilot.id });
    const half = await submit(await t.agent(), url, url, {
      level: 'committed',
      itOwner: '',
      budget: 'lots',
      targetDate: '2027-02-30',
      version: it.version,
      integration_crm: 'in_progress',
    });
    expect(half.status).toBe(422);
    const html = text(half.text);
    expect(html).toContain('A committed IT needs a named IT owner.');
    expect(html).toContain('A committed IT needs the committed budget.');
    expect(html).toContain('A committed IT needs a roadmap slot.');
    expect(html).toContain('Give the target date as YYYY-MM-DD.');
    expect(html).toContain('Choose a status from the list.'); // integrations not posted
    expect(
      (await t.dataSource.getRepository(ItCommitment).findOneByOrFail({ id: it.id })).level,
    ).toBe('vendor_standalone');

    const integrations = {
      integration_crm: 'in_progress',
      integration_knowledge_base: 'done',
      integration_routing: 'not_started',
      integration_identity: 'not_applicable',
      integration_reporting: 'not_started',
      integration_privacy_security: 'done',
    };
    const ok = await submit(await t.agent(), url, url, {
      level: 'committed',
      itOwner: 'Bas Mulder',
      budget: '85.000,00',
      roadmapSlot: 'Q3 2027',
      targetDate: '2027-09-01',
      version: it.version,
      ...integrations,
    });
    expect(ok.status).toBe(303);
    expect(
      await t.dataSource.getRepository(ItCommitment).findOneByOrFail({ id: it.id }),
    ).toMatchObject({
      level: 'committed',
      budgetCommittedCents: 8_500_000,
      targetDate: '2027-09-01',
    });
    // Items still "not started" need no row.
    expect(await t.dataSource.getRepository(ItIntegration).countBy({ pilotId: pilot.id })).toBe(4);
    const trail = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ pilotId: pilot.id, entityType: 'it' });
    expect(trail.map((e) => [e.field, e.oldValue, e.newValue])).toEqual(
      expect.arrayContaining([
        ['IT level', 'vendor_standalone', 'committed'],
        ['IT integration crm', 'not_started', 'in_progress'],
      ]),
    );
    // No longer stuck on the vendor's tool.
    const page = text((await (await t.agent()).get('/pilots').expect(200)).text);
    expect(page).not.toContain(stuck);
  });

  it('refuses the step to the scale-up review while criteria fail, naming them, and allows it when all hold', async () => {
    const young = await pilotInStage(t, 'Billing chatbot', 'incubation');
    const refused = await submit(
      await t.agent(),
      `/pilots/${young.slug}`,
      `/pilots/${young.slug}/stage`,
      {
        fromStage: 'incubation',
        toStage: 'scale_up_review',
      },
    );
    expect(refused.status).toBe(422);
    const reason = text(refused.text);
    expect(reason).toMatch(/Not yet: at least 6 months in incubation; [^.]*business case proven/);
    expect((await findPilot(t.dataSource, young.slug)).stage).toBe('incubation');

    const proven = await provenPilot(t, 'Click-to-call on the test-drive page');
    const ready = await t.app
      .get(GatesService)
      .nextGate(await t.app.get(PilotsService).get(proven.slug));
    expect(ready.next?.criteria.filter((c) => c.status !== 'met')).toEqual([]);
    const allowed = await submit(
      await t.agent(),
      `/pilots/${proven.slug}`,
      `/pilots/${proven.slug}/stage`,
      {
        fromStage: 'incubation',
        toStage: 'scale_up_review',
      },
    );
    expect(allowed.status).toBe(303);
    const pilot = await findPilot(t.dataSource, proven.slug);
    expect(pilot.stage).toBe('scale_up_review');
    const last = await t.dataSource
      .getRepository(PilotStageChange)
      .findOne({ where: { pilotId: pilot.id }, order: { id: 'DESC' } });
    expect(last).toMatchObject({ fromStage: 'incubation', toStage: 'scale_up_review' });
    const page = text((await (await t.agent()).get(`/pilots/${proven.slug}`)).text);
    expect(page).toContain('Scale-up review: the board decides');
  });

  it('lets an admin change a threshold, which the gates then apply', async () => {
    const settings = await t.dataSource.getRepository(GateSettings).findOneByOrFail({ id: 1 });
    const bad = await submit(await t.agent(), '/admin/gate-settings', '/admin/gate-settings', {
      minIncubationMonths: 0,
      readinessPct: 120,
      minItLevel: 'hopeful',
      maxWaterbedPct: 50,
      vendorStandaloneMonths: 3,
      maxMonthsInStage: 12,
      version: settings.version,
    });
    expect(bad.status).toBe(422);
    expect(text(bad.text)).toContain('A whole number of months from 1 to 60.');
    expect(text(bad.text)).toContain('A percentage from 0 to 100.');

    // The worked example's waterbed is 49,1 % of its claimed savings: high only below that.
    const worked = await workedExamplePilot(t, 'Waterbed pilot');
    const incubating = await pilotInStage(t, 'Incubating pilot', 'incubation');
    const waterbedSignal = async () => {
      const signals = await t.app
        .get(GatesService)
        .signals([await findPilot(t.dataSource, worked.slug)]);
      return signals.get(worked.id)?.signals.find((s) => s.key === 'waterbed_high') ?? null;
    };
    expect(await waterbedSignal()).toBeNull();
    const save = async (maxWaterbedPct: number) => {
      const { version } = await t.dataSource.getRepository(GateSettings).findOneByOrFail({ id: 1 });
      const res = await submit(await t.agent(), '/admin/gate-settings', '/admin/gate-settings', {
        minIncubationMonths: 6,
        readinessPct: 80,
        minItLevel: 'committed',
        maxWaterbedPct,
        vendorStandaloneMonths: 3,
        maxMonthsInStage: 12,
        version,
      });
      expect(res.status).toBe(303);
    };
    await save(40);
    expect((await waterbedSignal())?.reason).toBe(
      '49.1% of the claimed savings reappear in other channels (threshold 40%).',
    );
    await save(90);
    expect(await waterbedSignal()).toBeNull();
    const page = text((await (await t.agent()).get(`/pilots/${incubating.slug}`).expect(200)).text);
    expect(page).toContain('Waterbed ratio at most 90%');
  });

  it('adds a checklist item to the template, which every checklist then shows', async () => {
    const bad = await submit(await t.agent(), '/admin/readiness-items', '/admin/readiness-items', {
      title: 'x',
    });
    expect(bad.status).toBe(422);
    const ok = await submit(await t.agent(), '/admin/readiness-items', '/admin/readiness-items', {
      title: 'Accessibility of the channel checked',
      critical: true,
      position: 12,
    });
    expect(ok.status).toBe(303);
    const pilot = await registerPilot(t, 'Any pilot', ['phone']);
    const page = (await (await t.agent()).get(`/pilots/${pilot.slug}/readiness`).expect(200)).text;
    expect(page).toContain(
      'Accessibility of the channel checked <span class="badge badge--critical">critical</span>',
    );
  });

  it('records the board accepting a strategy conflict', async () => {
    const concierge = await registerPilot(
      t,
      'Concierge chatbot for premium subscribers',
      ['phone'],
      {
        channelType: 'chatbot',
        serviceStrategy: 'platinum',
      },
    );
    const plain = await registerPilot(t, 'A standard chatbot', ['phone']);
    const agent = await t.agent('board');
    const before = await agent.get(`/pilots/${concierge.slug}`).expect(200);
    expect(text(before.text)).toContain('Conflict: a chatbot replaces the personal contact');
    const short = await agent
      .post(`/pilots/${concierge.slug}/strategy-conflict`)
      .type('form')
      .send(encodeForm({ note: 'ok', _csrf: csrfToken(before.text) }));
    expect(short.status).toBe(422);
    expect(short.text).toContain('Say why the board accepts the conflict');
    const ok = await submit(
      agent,
      `/pilots/${concierge.slug}`,
      `/pilots/${concierge.slug}/strategy-conflict`,
      {
        note: 'Premium subscribers asked for 24/7 answers; humans stay one tap away.',
      },
    );
    expect(ok.status).toBe(303);
    const pilot = await findPilot(t.dataSource, concierge.slug);
    expect(pilot.conflictAcceptedBy).toBe('Test board <board@test.example>');
    const noConflict = await submit(
      await t.agent('board'),
      `/pilots/${plain.slug}`,
      `/pilots/${plain.slug}/strategy-conflict`,
      {
        note: 'Nothing to accept here at all.',
      },
    );
    expect(noConflict.status).toBe(422);
  });
});
