import { SignInAttempt } from '../../src/accounts/user.entity';
import { SIGN_IN_LIMITS } from '../../src/accounts/accounts.service';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { Decision } from '../../src/lifecycle/decision.entity';
import { GateSettings } from '../../src/lifecycle/gate-settings.entity';
import { ItCommitment } from '../../src/readiness/it-commitment.entity';
import { PilotReadiness } from '../../src/readiness/pilot-readiness.entity';
import { findPilot, pilotFields, pilotInStage } from '../support/factories';
import { csrfToken, encodeForm, FormFields, renderedForm, submit } from '../support/forms';
import { Agent, createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';
import type { Role } from '../../src/accounts/permissions';

/**
 * Requests that race for the same row. On PostgreSQL they go to two instances of the app on one
 * database, as behind a load balancer; on SQLite (one server per file) to one. Every form is
 * opened first, so all of them carry the same version, and then all are sent at once: exactly
 * one may be saved, the others must be told (409), none may be half-stored or a 500.
 */
const postgres = Boolean(process.env.TEST_DATABASE_URL);

describe(`Races between requests${postgres ? ' on two app instances' : ''} (HTTP)`, () => {
  let t: TestApp;
  let other: { agent(role?: Role | null): Promise<Agent>; close(): Promise<void> };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    // Each racing client is a browser of its own: a fresh sign-in, not the suite's shared agent.
    other = postgres ? await t.secondInstance() : { agent: t.freshAgent, close: async () => {} };
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  /**
   * `n` signed-in clients of the role, alternating between the instances; signed in one after
   * another, as sign-ins in flight count against the limit until their password is proven.
   */
  async function clients(role: Role, n: number): Promise<Agent[]> {
    const agents: Agent[] = [];
    for (let i = 0; i < n; i += 1)
      agents.push(await (i % 2 ? other.agent(role) : t.freshAgent(role)));
    return agents;
  }

  /** Opens the page on every client, then posts each one's form with its changes at once. */
  async function race(
    agents: Agent[],
    page: string,
    action: string,
    changes: (i: number) => FormFields,
  ): Promise<number[]> {
    const forms = await Promise.all(
      agents.map(async (agent) => {
        const html = (await agent.get(page).expect(200)).text;
        return renderedForm(html, action);
      }),
    );
    const responses = await Promise.all(
      agents.map((agent, i) =>
        agent
          .post(action)
          .type('form')
          .send(encodeForm({ ...forms[i], ...changes(i) })),
      ),
    );
    return responses.map((r) => r.status).sort();
  }

  it('records one of six board decisions taken at once; the others are told the pilot changed', async () => {
    const outcomes = ['stop', 'pivot', 'extend', 'stop', 'pivot', 'extend'];
    const { slug } = await pilotInStage(t, 'Raced pilot', 'incubation');
    const statuses = await race(
      await clients('board', 6),
      `/pilots/${slug}/review`,
      `/pilots/${slug}/decisions`,
      (i) => ({
        outcome: outcomes[i],
        rationale: `Decision number ${i}`,
        members: 'Marieke Smit, Joost de Boer',
        conditions: 'Routing agreed with operations',
        nextReviewDate: '2027-06-01',
        lessonsLearned: 'Annual statement questions need a person.',
      }),
    );
    expect(statuses).toEqual([303, 409, 409, 409, 409, 409]);
    const pilot = await findPilot(t.dataSource, slug);
    const decisions = await t.dataSource.getRepository(Decision).findBy({ pilotId: pilot.id });
    expect(decisions).toHaveLength(1);
    expect(decisions[0].fromStage).toBe('incubation');
    expect(pilot.stage).toBe(decisions[0].toStage);
    const audited = await t.dataSource
      .getRepository(AuditEntry)
      .countBy({ pilotId: pilot.id, field: 'board decision' });
    expect(audited).toBe(1);
  });

  it('saves one of four threshold changes made at once, and audits only that one', async () => {
    const settingsBefore = await t.dataSource
      .getRepository(GateSettings)
      .findOneByOrFail({ id: 1 });
    const auditBefore = await t.dataSource
      .getRepository(AuditEntry)
      .countBy({ entityType: 'gate_settings' });
    const statuses = await race(
      await clients('admin', 4),
      '/admin/gate-settings',
      '/admin/gate-settings',
      (i) => ({ minIncubationMonths: String(7 + i) }),
    );
    expect(statuses).toEqual([303, 409, 409, 409]);
    const settings = await t.dataSource.getRepository(GateSettings).findOneByOrFail({ id: 1 });
    expect(settings.version).toBe(settingsBefore.version + 1);
    const audits = await t.dataSource
      .getRepository(AuditEntry)
      .find({ where: { entityType: 'gate_settings' }, order: { id: 'ASC' } });
    expect(audits).toHaveLength(auditBefore + 1);
    expect(audits[audits.length - 1].newValue).toBe(String(settings.minIncubationMonths));
  });

  it('stores one of several first saves of a checklist item and of the IT status, the rest 409', async () => {
    const admin = await t.agent();
    expect(
      (
        await submit(
          admin,
          '/pilots/new',
          '/pilots',
          pilotFields({ name: 'Race first saves', ownerName: 'Owner R' }),
        )
      ).status,
    ).toBe(303);
    const pilot = await findPilot(t.dataSource, 'race-first-saves');
    const checklist = (await admin.get('/pilots/race-first-saves/readiness').expect(200)).text;
    const itemAction = /action="(\/pilots\/race-first-saves\/readiness\/\d+)"/.exec(checklist)![1];

    const items = await race(
      await clients('admin', 4),
      '/pilots/race-first-saves/readiness',
      itemAction,
      (i) => ({ status: 'done', evidence: `Process description v${i}` }),
    );
    expect(items).toEqual([303, 409, 409, 409]);
    expect(await t.dataSource.getRepository(PilotReadiness).countBy({ pilotId: pilot.id })).toBe(1);

    const it = await race(
      await clients('admin', 4),
      '/pilots/race-first-saves/it',
      '/pilots/race-first-saves/it',
      (i) => ({ level: 'assessed', itOwner: `IT lead ${i}` }),
    );
    expect(it).toEqual([303, 409, 409, 409]);
    expect(await t.dataSource.getRepository(ItCommitment).countBy({ pilotId: pilot.id })).toBe(1);
  });

  it(`checks at most ${SIGN_IN_LIMITS.addressFromClient} of 100 wrong passwords sent at once, then refuses even the right one`, async () => {
    const email = 'viewer@test.example';
    const visitors = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const agent = await (i % 2 ? other : t).agent(null);
        const page = await agent.get('/sign-in').expect(200);
        return { agent, token: csrfToken(page.text) };
      }),
    );
    const responses = await Promise.all(
      visitors.map(({ agent, token }, i) =>
        agent
          .post('/sign-in')
          .type('form')
          .send(encodeForm({ email, password: `wrong-password-${i}`, _csrf: token })),
      ),
    );
    const checked = responses.filter((r) => r.status === 422).length;
    const refused = responses.filter((r) => r.status === 429).length;
    expect(checked + refused).toBe(100);
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.addressFromClient);

    const agent = await t.agent(null);
    const page = await agent.get('/sign-in').expect(200);
    const right = await agent
      .post('/sign-in')
      .type('form')
      .send(encodeForm({ email, password: TEST_PASSWORD, _csrf: csrfToken(page.text) }));
    expect(right.status).toBe(429);
    expect(
      await t.dataSource.getRepository(SignInAttempt).countBy({ email, succeeded: true }),
    ).toBe(0);
  });
});
