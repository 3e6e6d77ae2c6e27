import { addMonths, formatMonth } from '../../src/common/months';
import { todayIso } from '../../src/common/dates';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { Decision } from '../../src/lifecycle/decision.entity';
import { GatesService } from '../../src/lifecycle/gates.service';
import { PilotStageChange } from '../../src/pilots/pilot-stage-change.entity';
import { Pilot } from '../../src/pilots/pilot.entity';
import { PilotsService } from '../../src/pilots/pilots.service';
import { findPilot, pilotFields } from '../support/factories';
import { fillAndSubmit, renderedForm, unescapeHtml } from '../support/forms';
import { createTestApp, type Agent, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

/** The month `back` months before this one. */
const ago = (back: number) => addMonths(todayIso().slice(0, 7), -back);

/** How the test's channel owner is named in histories. */
const OWNER = 'Test owner <owner@test.example>';

// Pilots that began before the app (issue 15, lifecycle.md): registered with their start month,
// their past stage changes and board decisions recorded through the history page's forms, kept as
// recorded, and counted like any other by the incubation months and the gates.
describe('Recorded history (HTTP)', () => {
  let t: TestApp;
  let owner: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.agent('owner');
  });
  afterAll(() => t.close());

  const history = (slug: string) => `/pilots/${slug}/history`;
  const stageRows = async (slug: string) => {
    const pilot = await findPilot(t.dataSource, slug);
    return t.dataSource
      .getRepository(PilotStageChange)
      .find({ where: { pilotId: pilot.id }, order: { changedAt: 'ASC', id: 'ASC' } });
  };
  /** Registers a running pilot through the form as rendered, as its channel owner. */
  const registerRunning = async (name: string, startedIn: string) => {
    const res = await fillAndSubmit(owner, '/pilots/new', '/pilots', {
      ...pilotFields({ name }),
      startedIn,
    });
    expect(res.status).toBe(303);
    const slug = res.headers.location.replace(/^\/pilots\/|\/history$/g, '');
    expect(res.headers.location).toBe(history(slug));
    return slug;
  };
  const recordMove = (slug: string, fields: Record<string, string>) =>
    fillAndSubmit(owner, history(slug), history(slug), fields);

  it('brings in a running pilot: its start, its stages in their months, counted by the gate', async () => {
    const blank = (await owner.get('/pilots/new').expect(200)).text;
    expect(text(blank)).toContain('Already running? Started in (month)');
    expect(blank).not.toMatch(/\[object Object\]|Stored now/);
    const slug = await registerRunning('Chat for business customers', ago(11));
    let page = text((await owner.get(history(slug)).expect(200)).text);
    expect(page).toContain(`${formatMonth(ago(11))} Idea`);
    expect(page).toContain(`afterwards, by ${OWNER}`);

    // The form as rendered offers the next stage first.
    const form = renderedForm((await owner.get(history(slug))).text, history(slug));
    expect(form.toStage).toBe('proof_of_concept');
    const poc = await recordMove(slug, {
      month: ago(9),
      decidedBy: 'Head of customer service',
      why: 'The vendor demo convinced the service desk',
    });
    expect(poc.status).toBe(303);
    const inc = await recordMove(slug, {
      toStage: 'incubation',
      month: ago(7),
      decidedBy: 'Management team',
      why: 'Proof of concept answered 60 % of questions',
    });
    expect(inc.status).toBe(303);

    const pilot = await findPilot(t.dataSource, slug);
    expect(pilot.stage).toBe('incubation');
    expect(pilot.stageEnteredOn).toBe(`${ago(7)}-01`);
    const rows = await stageRows(slug);
    expect(rows.map((r) => [r.toStage, r.changedAt.toISOString().slice(0, 7), r.actor])).toEqual([
      ['idea', ago(11), OWNER],
      ['proof_of_concept', ago(9), 'Head of customer service'],
      ['incubation', ago(7), 'Management team'],
    ]);
    expect(rows.every((r) => r.recordedBy === OWNER && r.recordedAt !== null)).toBe(true);

    // The gate counts the real months in incubation.
    const gate = await t.app.get(GatesService).nextGate(await t.app.get(PilotsService).get(slug));
    expect(gate.next?.criteria.find((c) => c.key === 'incubation_time')).toMatchObject({
      status: 'met',
      detail: '7 months',
    });
    page = text((await owner.get(`/pilots/${slug}`).expect(200)).text);
    expect(page).toMatch(/At least 6 months in incubation[^.]*7 months/);
    expect(page).toContain(`(recorded afterwards by ${OWNER},`);
    expect(page).toContain(
      `${formatMonth(ago(7))} Management team Stage: Proof of concept answered`,
    );

    const pack = text((await owner.get(`/pilots/${slug}/board-pack`).expect(200)).text);
    expect(pack).toContain(`${formatMonth(ago(7))} (recorded afterwards by ${OWNER},`);

    // The audit trail has each entry, by who recorded it, naming the month.
    const audit = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ pilotId: pilot.id, actor: OWNER });
    expect(audit.map((a) => a.field)).toEqual(
      expect.arrayContaining([`stage, recorded for ${ago(9)}`, `stage, recorded for ${ago(7)}`]),
    );
  });

  it('refuses a change before the previous one, in the future or skipping a stage, saving nothing', async () => {
    const slug = await registerRunning('Voicebot for outages', ago(6));
    expect(
      (await recordMove(slug, { month: ago(4), decidedBy: 'Owner', why: 'Works in the lab' }))
        .status,
    ).toBe(303);
    const before = await stageRows(slug);

    const early = await recordMove(slug, {
      toStage: 'incubation',
      month: ago(5),
      decidedBy: 'Owner',
      why: 'Ready for real customers',
    });
    expect(early.status).toBe(422);
    expect(text(early.text)).toContain(
      `The pilot has been in proof of concept since ${formatMonth(ago(4))}; a later change cannot be before that month.`,
    );
    // The user's input stays in the form.
    expect(renderedForm(early.text, history(slug))).toMatchObject({
      toStage: 'incubation',
      month: ago(5),
      why: 'Ready for real customers',
    });

    const future = await recordMove(slug, {
      toStage: 'incubation',
      month: ago(-1),
      decidedBy: 'Owner',
      why: 'Ready for real customers',
    });
    expect(future.status).toBe(422);
    expect(text(future.text)).toContain(`${formatMonth(ago(-1))} lies in the future.`);

    const skipping = await recordMove(slug, {
      toStage: 'scale_up_review',
      month: ago(1),
      decidedBy: 'Owner',
      why: 'Ready for the board',
    });
    expect(skipping.status).toBe(422);
    expect(text(skipping.text)).toContain(
      'A pilot in proof of concept cannot move to scale-up review',
    );

    const vague = await recordMove(slug, { toStage: 'incubation', month: ago(2) });
    expect(vague.status).toBe(422);
    expect(text(vague.text)).toContain('Say why (at least 10 characters).');

    const stale = await owner
      .post(history(slug))
      .type('form')
      .send({
        ...renderedForm((await owner.get(history(slug))).text, history(slug)),
        version: 1,
        toStage: 'incubation',
        month: ago(2),
        decidedBy: 'Owner',
        why: 'Ready for real customers',
      });
    expect(stale.status).toBe(409);

    expect(await stageRows(slug)).toEqual(before);
    expect((await findPilot(t.dataSource, slug)).stage).toBe('proof_of_concept');
  });

  it('records past board decisions from the incubation on, with their rationale, shown as recorded', async () => {
    const slug = await registerRunning('Messaging for invoices', ago(12));
    for (const [toStage, back] of [
      ['proof_of_concept', 11],
      ['incubation', 10],
    ] as const)
      await recordMove(slug, { toStage, month: ago(back), decidedBy: 'Owner', why: 'It worked.' });
    const extend = await recordMove(slug, {
      toStage: 'incubation',
      month: ago(3),
      decidedBy: 'Board: CFO, COO',
      why: 'Volumes too low in the summer; extend to see the autumn.',
    });
    expect(extend.status).toBe(303);
    const review = await recordMove(slug, {
      toStage: 'scale_up_review',
      month: ago(1),
      decidedBy: 'Board: CFO, COO',
      why: 'Six months of steady deflection.',
    });
    expect(review.status).toBe(303);

    const pilot = await findPilot(t.dataSource, slug);
    const decisions = await t.dataSource
      .getRepository(Decision)
      .find({ where: { pilotId: pilot.id }, order: { id: 'ASC' } });
    expect(decisions.map((d) => [d.outcome, d.decidedOn, d.fromStage, d.toStage])).toEqual([
      ['extend', `${ago(3)}-01`, 'incubation', 'incubation'],
      ['advance', `${ago(1)}-01`, 'incubation', 'scale_up_review'],
    ]);
    expect(decisions[0]).toMatchObject({
      members: 'Board: CFO, COO',
      rationale: 'Volumes too low in the summer; extend to see the autumn.',
      recordedBy: OWNER,
      snapshot: { criteria: [], businessCase: null, recordedAfterwards: true },
    });
    // The incubation counts from its first month, not from the extension.
    const summary = await t.app.get(PilotsService).incubationStarts([pilot.id]);
    expect(summary.get(pilot.id)?.toISOString().slice(0, 7)).toBe(ago(10));

    const page = text((await owner.get(`/pilots/${slug}/review`).expect(200)).text);
    expect(page).toContain(`${formatMonth(ago(3))} (recorded afterwards) · extend`);
    expect(page).toContain('the criteria and figures as they were then are not known here');
    expect(page).toContain(`recorded by ${OWNER}`);
  });

  it('records the start month later while the registration is the whole history, not after a move', async () => {
    const res = await fillAndSubmit(owner, '/pilots/new', '/pilots', pilotFields({}));
    const slug = res.headers.location.replace('/pilots/', '');
    const pilotPage = (await owner.get(`/pilots/${slug}`).expect(200)).text;
    expect(pilotPage).toContain(`href="${history(slug)}"`);

    const start = await fillAndSubmit(owner, history(slug), `${history(slug)}/start`, {
      startedIn: ago(5),
    });
    expect(start.status).toBe(303);
    expect((await stageRows(slug))[0].changedAt.toISOString().slice(0, 7)).toBe(ago(5));
    expect((await findPilot(t.dataSource, slug)).stageEnteredOn).toBe(`${ago(5)}-01`);

    await recordMove(slug, { month: ago(4), decidedBy: 'Owner', why: 'Prototype approved' });
    const page = (await owner.get(history(slug)).expect(200)).text;
    expect(page).not.toContain(`action="${history(slug)}/start"`);
    const late = await owner
      .post(`${history(slug)}/start`)
      .type('form')
      .send({
        ...renderedForm(page, history(slug)),
        startedIn: ago(8),
      });
    expect(late.status).toBe(422);
    expect(text(late.text)).toContain(
      'The start month can be recorded only before any stage change',
    );
  });

  it('refuses a start month in the future on the registration form, next to the field', async () => {
    const res = await fillAndSubmit(owner, '/pilots/new', '/pilots', {
      ...pilotFields({ name: 'Video for claims' }),
      startedIn: ago(-2),
    });
    expect(res.status).toBe(422);
    expect(text(res.text)).toContain(`${formatMonth(ago(-2))} lies in the future`);
    expect(res.text).toMatch(/id="f-startedIn-error"/);
    expect(renderedForm(res.text, '/pilots')).toMatchObject({ startedIn: ago(-2) });
    expect(await t.dataSource.getRepository(Pilot).countBy({ name: 'Video for claims' })).toBe(0);
  });

  it('lets only the owner or an admin record history', async () => {
    const slug = await registerRunning('Co-browsing for mortgages', ago(3));
    for (const role of ['viewer', 'board', 'finance'] as const)
      await (await t.agent(role)).get(history(slug)).expect(403);
    await (await t.agent('admin')).get(history(slug)).expect(200);
  });

  it('keeps the owner rule: a pilot without an owner cannot be recorded into incubation', async () => {
    const admin = await t.agent('admin');
    const res = await fillAndSubmit(admin, '/pilots/new', '/pilots', {
      ...pilotFields({ name: 'Ownerless web form' }),
      startedIn: ago(4),
    });
    const slug = res.headers.location.replace(/^\/pilots\/|\/history$/g, '');
    const url = history(slug);
    const at = (fields: Record<string, string>) => fillAndSubmit(admin, url, url, fields);
    expect(
      (await at({ month: ago(3), decidedBy: 'Admin', why: 'Prototype approved' })).status,
    ).toBe(303);
    const refused = await at({
      toStage: 'incubation',
      month: ago(2),
      decidedBy: 'Admin',
      why: 'Ready for customers',
    });
    expect(refused.status).toBe(422);
    expect(text(refused.text)).toContain('name the owner on the pilot’s form first');
    expect((await findPilot(t.dataSource, slug)).stage).toBe('proof_of_concept');
  });
});
