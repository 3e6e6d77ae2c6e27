import { SessionRecord } from '../../src/sessions/session-record.entity';
import { createTestApp, TestApp } from '../support/test-app';

describe('Health and session upkeep (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers /health without sign-in, uncached', async () => {
    const res = await (await t.agent(null)).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('writes a session’s idle expiry at most once a minute, not on every request', async () => {
    const agent = await t.agent('viewer');
    await agent.get('/dashboard').expect(200); // the first page with a form marks the session
    const sessions = t.dataSource.getRepository(SessionRecord);
    const [session] = await sessions.find({ where: { userId: t.users.viewer.id } });
    // Pretend the last write was 30 s ago: the next requests leave it alone.
    const recent = new Date(session.expiresAt.getTime() - 30_000);
    await sessions.update({ id: session.id }, { expiresAt: recent });
    await agent.get('/dashboard').expect(200);
    await agent.get('/health').expect(200);
    expect((await sessions.findOneByOrFail({ id: session.id })).expiresAt).toEqual(recent);
    // Two minutes behind: the next request moves it forward.
    const stale = new Date(session.expiresAt.getTime() - 120_000);
    await sessions.update({ id: session.id }, { expiresAt: stale });
    await agent.get('/dashboard').expect(200);
    // The touch is written after the response: polled for, not slept for (a busy machine is slow).
    let moved = stale.getTime();
    for (let waited = 0; moved <= stale.getTime() + 60_000 && waited < 30_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      moved = (await sessions.findOneByOrFail({ id: session.id })).expiresAt.getTime();
    }
    expect(moved).toBeGreaterThan(stale.getTime() + 60_000);
  });
});
