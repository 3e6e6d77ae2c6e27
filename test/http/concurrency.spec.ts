import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { PilotStageChange } from '../../src/pilots/pilot-stage-change.entity';
import { Pilot } from '../../src/pilots/pilot.entity';
import { editFields, findPilot, pilotFields } from '../support/factories';
import { csrfToken, encodeForm, FormFields, submit } from '../support/forms';
import { Agent, createTestApp, TestApp } from '../support/test-app';

const PILOTS = 12;

interface Shot {
  kind: 'edit' | 'stale-edit' | 'invalid-edit' | 'step' | 'bad-step' | 'create' | 'racing-create';
  pilot?: string;
  token?: string;
  status?: number;
  fields: FormFields;
  action: string;
  page: string;
}

/**
 * Many writes at once, some failing on purpose (stale versions, invalid input, refused steps,
 * two creates racing for one URL name). Every write answered as successful must be stored;
 * no failed one may leave a trace; nobody sees a 500 or a "database is locked".
 */
describe('Concurrent writes (HTTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('stores every acknowledged write and nothing of the failed ones', async () => {
    const slugs: string[] = [];
    for (let i = 0; i < PILOTS; i += 1) {
      const res = await submit(
        await t.agent(),
        '/pilots/new',
        '/pilots',
        pilotFields({ name: `Race pilot ${i}`, ownerName: `Owner ${i}` }),
      );
      expect(res.status).toBe(303);
      slugs.push(`race-pilot-${i}`);
    }
    const pilotsBefore = await t.dataSource.getRepository(Pilot).count();
    const auditBefore = await t.dataSource.getRepository(AuditEntry).count();

    const shots: Shot[] = [];
    for (const [i, slug] of slugs.entries()) {
      const pilot = await findPilot(t.dataSource, slug);
      const page = `/pilots/${slug}`;
      shots.push(
        {
          kind: 'edit',
          pilot: slug,
          page,
          action: page,
          fields: editFields(pilot, { description: `edit-ok-${i}` }),
        },
        {
          kind: 'stale-edit',
          pilot: slug,
          page,
          action: page,
          fields: editFields(pilot, { description: `edit-stale-${i}`, version: 0 }),
        },
        {
          kind: 'invalid-edit',
          pilot: slug,
          page,
          action: page,
          fields: editFields(pilot, { name: 'x', description: `edit-invalid-${i}` }),
        },
        {
          kind: 'step',
          pilot: slug,
          page,
          action: `${page}/stage`,
          fields: { fromStage: 'idea', toStage: 'proof_of_concept' },
        },
        {
          kind: 'bad-step',
          pilot: slug,
          page,
          action: `${page}/stage`,
          fields: { fromStage: 'idea', toStage: 'incubation' },
        },
        {
          kind: 'create',
          page: '/pilots/new',
          action: '/pilots',
          fields: pilotFields({ name: `Fresh pilot ${i}` }),
        },
        {
          kind: 'racing-create',
          page: '/pilots/new',
          action: '/pilots',
          fields: pilotFields({ name: `Contested ${i % 3}`, slug: `contested-${i % 3}` }),
        },
      );
    }

    // Four browsers of their own, each with many requests in flight: the writes overlap as
    // much as with one browser per request, without a sign-in (an argon2 hash) per request.
    // Each signs in and opens a page first, as a browser does after signing in, so that its
    // form token is its session's before its many pages load at once.
    const browsers: Agent[] = [];
    for (let i = 0; i < 4; i += 1) {
      const browser = await t.freshAgent();
      await browser.get('/pilots/new').expect(200);
      browsers.push(browser);
    }
    // Every client first loads its page (for the token), then all posts go out at once.
    const agents = shots.map((_, n) => browsers[n % browsers.length]);
    await Promise.all(
      shots.map(async (shot, n) => (shot.token = csrfToken((await agents[n].get(shot.page)).text))),
    );
    await Promise.all(
      shots.map(async (shot, n) => {
        const res = await agents[n]
          .post(shot.action)
          .type('form')
          .send(encodeForm({ ...shot.fields, _csrf: shot.token }));
        shot.status = res.status;
      }),
    );

    const statuses = shots.map((shot) => shot.status);
    expect(statuses.every((status) => [303, 409, 422].includes(status!))).toBe(true);
    const ok = (kind: Shot['kind']) =>
      shots.filter((shot) => shot.kind === kind && shot.status === 303);
    expect(
      shots.filter(
        (shot) =>
          ['stale-edit', 'invalid-edit', 'bad-step'].includes(shot.kind) && shot.status === 303,
      ),
    ).toEqual([]);

    const audit = await t.dataSource.getRepository(AuditEntry).find();
    const values = audit.map((entry) => entry.newValue ?? '');
    expect(values.filter((value) => /edit-(stale|invalid)/.test(value))).toEqual([]);

    for (const shot of shots.filter((s) => s.kind === 'edit')) {
      const pilot = await findPilot(t.dataSource, shot.pilot!);
      const wanted = String(shot.fields.description);
      if (shot.status === 303) {
        expect(pilot.description).toBe(wanted);
        expect(values).toContain(wanted);
      } else {
        expect(shot.status).toBe(409); // lost the race against the stage step on the same version
        expect(pilot.description).not.toBe(wanted);
        expect(values).not.toContain(wanted);
      }
    }

    const stageChanges = await t.dataSource.getRepository(PilotStageChange).find();
    for (const shot of shots.filter((s) => s.kind === 'step')) {
      const pilot = await findPilot(t.dataSource, shot.pilot!);
      const moved = stageChanges.filter(
        (c) => c.pilotId === pilot.id && c.toStage === 'proof_of_concept',
      );
      expect(moved).toHaveLength(shot.status === 303 ? 1 : 0);
      expect(pilot.stage).toBe(shot.status === 303 ? 'proof_of_concept' : 'idea');
    }
    expect(stageChanges.filter((c) => c.toStage === 'incubation')).toEqual([]);

    // Racing creates: exactly one winner per contested name.
    for (let k = 0; k < 3; k += 1) {
      const racers = shots.filter(
        (s) => s.kind === 'racing-create' && s.fields.slug === `contested-${k}`,
      );
      expect(racers.filter((s) => s.status === 303)).toHaveLength(1);
      expect(racers.filter((s) => s.status === 422)).toHaveLength(racers.length - 1);
    }
    const created = ok('create').length + ok('racing-create').length;
    expect(ok('create')).toHaveLength(PILOTS);
    expect(await t.dataSource.getRepository(Pilot).count()).toBe(pilotsBefore + created);

    // One audit row per acknowledged create, per field of each acknowledged edit, per stage step.
    expect(audit.length - auditBefore).toBe(created + ok('edit').length + ok('step').length);
  });
});
