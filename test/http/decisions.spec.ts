import { Decision, DecisionCondition } from '../../src/lifecycle/decision.entity';
import { GatesService } from '../../src/lifecycle/gates.service';
import { PilotsService } from '../../src/pilots/pilots.service';
import { PilotReadiness } from '../../src/readiness/pilot-readiness.entity';
import { addDays, todayIso } from '../../src/common/dates';
import {
  findPilot,
  pilotInStage,
  PROVEN_RATES,
  provenPilot,
  setCostRates,
} from '../support/factories';
import { csrfToken, fillAndSubmit, submit, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html).replace(/\u00a0/g, ' ');

describe('Board reviews and decisions (HTTP)', () => {
  let t: TestApp;
  // Before the board with a proven case, failing one criterion: a critical readiness item.
  const slug = 'outage-voicebot';
  const [review, decide] = [`/pilots/${slug}/review`, `/pilots/${slug}/decisions`];
  beforeAll(async () => {
    t = await createTestApp();
    await setCostRates(t, PROVEN_RATES);
    await provenPilot(t, 'Voicebot for outage reports', {
      stage: 'scale_up_review',
      openReadiness: ['Routing and hand-over'],
      fields: { slug },
    });
  });
  afterAll(() => t.close());

  it('lists the pilots due for review on the agenda', async () => {
    const today = todayIso();
    await pilotInStage(t, 'Billing chatbot', 'incubation', ['phone'], {
      nextReviewDate: addDays(today, -5),
    });
    await pilotInStage(t, 'Reviewed in two weeks', 'incubation', ['phone'], {
      nextReviewDate: addDays(today, 14),
    });
    await pilotInStage(t, 'Self-service meter readings', 'incubation', ['phone'], {
      nextReviewDate: addDays(today, 15),
    });
    const page = text((await (await t.agent('board')).get('/board').expect(200)).text);
    expect(page).toContain('Voicebot for outage reports'); // in the scale-up review
    expect(page).toContain('Billing chatbot'); // review date passed
    expect(page).toContain('Reviewed in two weeks'); // within 14 days
    expect(page).not.toContain('Self-service meter readings');
  });

  it('requires a written reason for each failed criterion before advancing, then scales the pilot with a snapshot', async () => {
    const board = await t.agent('board');
    const bare = await fillAndSubmit(board, review, decide, {
      outcome: 'advance',
      rationale: 'Proven savings for a year.',
      members: 'Marieke Smit, Hanneke Vermeulen',
    });
    expect(bare.status).toBe(422);
    expect(text(bare.text)).toContain(
      '"Readiness at least 80%, every critical item done" is not met: write why the board decides against it',
    );

    const ok = await fillAndSubmit(board, review, decide, {
      outcome: 'advance',
      rationale: 'Proven savings for a year.',
      members: 'Marieke Smit, Hanneke Vermeulen',
      override_readiness: 'Routing hand-over goes live with the platform migration next month.',
      conditions: 'Routing and hand-over done by the next review',
      lessonsLearned: 'A control group made the savings undeniable.',
    });
    expect(ok.status).toBe(303);
    const pilot = await findPilot(t.dataSource, slug);
    expect(pilot.stage).toBe('scaled');
    const decision = await t.dataSource
      .getRepository(Decision)
      .findOneByOrFail({ pilotId: pilot.id });
    expect(decision).toMatchObject({
      outcome: 'advance',
      fromStage: 'scale_up_review',
      toStage: 'scaled',
      recordedBy: 'Test board <board@test.example>',
    });
    expect(decision.overrides).toEqual([
      expect.objectContaining({
        key: 'readiness',
        reason: 'Routing hand-over goes live with the platform migration next month.',
      }),
    ]);
    expect(decision.snapshot.businessCase?.proven).toBe(true);
    const before = JSON.stringify(decision.snapshot);

    // Later data changes do not rewrite why the decision was taken.
    await t.dataSource
      .getRepository(PilotReadiness)
      .update({ pilotId: pilot.id }, { status: 'done' });
    const again = await t.dataSource.getRepository(Decision).findOneByOrFail({ id: decision.id });
    expect(JSON.stringify(again.snapshot)).toBe(before);
    const page = text((await board.get(review)).text);
    expect(page).toContain(`#${decision.id}`);
    expect(page).toContain('Decided against:');
  });

  it('offers no way to change or delete a recorded decision; a correction is a new decision', async () => {
    const pilot = await findPilot(t.dataSource, slug);
    const decision = await t.dataSource
      .getRepository(Decision)
      .findOneByOrFail({ pilotId: pilot.id });
    const admin = await t.agent('admin');
    const board = await t.agent('board');
    for (const agent of [admin, board]) {
      const token = csrfToken((await agent.get(review)).text);
      for (const method of ['put', 'patch', 'delete'] as const) {
        expect(
          (
            await agent[method](`/pilots/${slug}/decisions/${decision.id}`).send({
              _csrf: token,
            })
          ).status,
        ).toBeGreaterThanOrEqual(403);
      }
      expect(
        (
          await agent
            .post(`/pilots/${slug}/decisions/${decision.id}`)
            .type('form')
            .send({ _csrf: token, outcome: 'stop' })
        ).status,
      ).toBe(404);
      expect(
        (
          await agent
            .post(`/pilots/${slug}/decisions/${decision.id}/delete`)
            .type('form')
            .send({ _csrf: token })
        ).status,
      ).toBe(404);
    }
    const unchanged = await t.dataSource
      .getRepository(Decision)
      .findOneByOrFail({ id: decision.id });
    expect(unchanged.rationale).toBe('Proven savings for a year.');

    const correction = await fillAndSubmit(board, review, decide, {
      outcome: 'extend',
      rationale: 'Correction: scaling waits for the routing migration.',
      members: 'Marieke Smit',
      conditions: 'Routing migration live',
      nextReviewDate: '2027-03-01',
      correctsId: decision.id,
    });
    expect(correction.status).toBe(303);
    const latest = await t.dataSource
      .getRepository(Decision)
      .findOne({ where: { pilotId: pilot.id }, order: { id: 'DESC' } });
    expect(latest).toMatchObject({
      correctsId: decision.id,
      outcome: 'extend',
      fromStage: 'scaled',
      toStage: 'incubation',
    });
  });

  it('tracks conditions until cleared; open ones fail the next review', async () => {
    const pilot = await t.app.get(PilotsService).get(slug);
    const open = await t.dataSource.getRepository(DecisionCondition).findBy({ pilotId: pilot.id });
    expect(open.filter((c) => !c.clearedAt)).toHaveLength(2);
    const { subject } = await t.app.get(GatesService).subjectFor(pilot);
    expect(subject.openConditions).toHaveLength(2);

    const board = await t.agent('board');
    const noNote = await fillAndSubmit(
      board,
      review,
      `/pilots/${slug}/conditions/${open[0].id}/clear`,
      { note: '' },
    );
    expect(noNote.status).toBe(422);
    const cleared = await fillAndSubmit(
      board,
      review,
      `/pilots/${slug}/conditions/${open[0].id}/clear`,
      {
        note: 'Hand-over live since 1 December',
      },
    );
    expect(cleared.status).toBe(303);
    expect(
      await t.dataSource.getRepository(DecisionCondition).findOneByOrFail({ id: open[0].id }),
    ).toMatchObject({
      clearedBy: 'Test board <board@test.example>',
      clearNote: 'Hand-over live since 1 December',
    });
    const owner = await t.agent('owner');
    // The owner is shown no such form: post what a hand-made request would.
    const refused = await submit(owner, review, `/pilots/${slug}/conditions/${open[1].id}/clear`, {
      note: 'done it',
    });
    expect(refused.status).toBe(403);
  });

  it('stops a pilot only with lessons learned, which the portfolio search then finds', async () => {
    const pilot = await pilotInStage(t, 'Statement chatbot', 'incubation');
    const [review, decide] = [`/pilots/${pilot.slug}/review`, `/pilots/${pilot.slug}/decisions`];
    const board = await t.agent('board');
    const missing = await fillAndSubmit(board, review, decide, {
      outcome: 'stop',
      rationale: 'The waterbed ate the savings.',
      members: 'Marieke Smit',
    });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('A stopped pilot keeps its lessons learned');
    const ok = await fillAndSubmit(board, review, decide, {
      outcome: 'stop',
      rationale: 'The waterbed ate the savings.',
      members: 'Marieke Smit',
      lessonsLearned: 'Annual statement questions need a person; the bot only deferred the calls.',
    });
    expect(ok.status).toBe(303);
    expect((await findPilot(t.dataSource, pilot.slug)).stage).toBe('stopped');
    const search = text((await board.get('/pilots?q=deferred%20the%20calls')).text);
    expect(search).toContain('Statement chatbot');
    expect(search).not.toContain('Voicebot for outage reports');
  });

  it('lets only the board decide', async () => {
    const pilot = await pilotInStage(t, 'Undecided pilot', 'incubation');
    for (const role of ['owner', 'finance', 'admin', 'viewer'] as const) {
      const agent = await t.agent(role);
      const res = await submit(
        agent,
        `/pilots/${pilot.slug}/review`,
        `/pilots/${pilot.slug}/decisions`,
        {
          outcome: 'extend',
          rationale: 'x',
          members: 'x',
        },
      );
      expect(res.status).toBe(403);
      expect((await agent.get(`/pilots/${pilot.slug}/review`)).text).not.toContain(
        'Record the board’s decision',
      );
    }
    expect(await t.dataSource.getRepository(Decision).countBy({ pilotId: pilot.id })).toBe(0);
  });
});
