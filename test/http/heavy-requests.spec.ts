import { DashboardsService } from '../../src/dashboards/dashboards.service';
import { Agent, createTestApp, TestApp } from '../support/test-app';

/**
 * Finding 7 of the audit: twenty connections on the finance overview made everyone else wait
 * seconds. The heavy routes now take a bounded number at once, per user and per instance; the
 * rest are told to come back (503, Retry-After) at once, and light pages are not held up.
 */
const HEAVY_PER_USER = 2;
const HEAVY_PER_INSTANCE = 6;

describe('Limits on heavy requests (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      demo: true,
      env: {
        HEAVY_PER_USER: String(HEAVY_PER_USER),
        HEAVY_PER_INSTANCE: String(HEAVY_PER_INSTANCE),
      },
    });
  });
  afterAll(() => t.close());

  it('answers a user beyond their share, and everyone beyond the instance limit, 503 with Retry-After', async () => {
    // The overview is held in its computation until released, so the counts are certain.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const service = t.app.get(DashboardsService);
    const finance = service.finance.bind(service);
    const spy = jest.spyOn(service, 'finance').mockImplementation(async (...args) => {
      await held;
      return finance(...args);
    });
    const started = async (n: number) => {
      while (spy.mock.calls.length < n) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    try {
      const viewer = await t.agent('viewer');
      const mine = Array.from({ length: HEAVY_PER_USER }, () => viewer.get('/finance/dashboard'));
      mine.forEach((request) => void request.then(() => undefined));
      await started(HEAVY_PER_USER);
      const beyondMine = await viewer.get('/finance/dashboard');
      expect(beyondMine.status).toBe(503);
      expect(beyondMine.headers['retry-after']).toBe('5');
      expect(beyondMine.text).toContain('large overviews loading already');
      // A light page of the same user is answered meanwhile.
      await viewer.get('/pilots').expect(200);

      // The instance's remaining slots go to other users, two each (one account per role).
      const roles = ['finance', 'board', 'owner', 'admin'] as const;
      const others: Agent[] = [];
      for (let i = 0; i < HEAVY_PER_INSTANCE - HEAVY_PER_USER; i += 1)
        others.push(await t.agent(roles[Math.floor(i / HEAVY_PER_USER)]));
      const theirs = others.map((agent) => agent.get('/finance/dashboard'));
      theirs.forEach((request) => void request.then(() => undefined));
      await started(HEAVY_PER_INSTANCE);
      const last = await t.agent(roles[roles.length - 1]);
      const beyondAll = await last.get('/finance/dashboard');
      expect(beyondAll.status).toBe(503);
      expect(beyondAll.text).toContain('busy computing large overviews');

      release();
      for (const res of await Promise.all([...mine, ...theirs])) expect(res.status).toBe(200);
      // Once they are done, the slots are free again.
      await viewer.get('/finance/dashboard').expect(200);
    } finally {
      release();
      spy.mockRestore();
    }
  });
});
