import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/demo-accounts';
import { BrowserRig, startRig } from './support/browser';
import { crawl, CrawlResult } from './support/crawl';
import { FORMS } from './support/form-catalogue';

// Every link on every page, as each demo role sees them: no link may lead to a 4xx/5xx page,
// no page may log a console error or fail a request, and axe finds nothing serious on any page
// reached. The POST forms met on the way must each be in the round-trip catalogue
// (forms.spec.ts), so a new form cannot land without its round trip.

jest.setTimeout(600_000);

describe('Every link on every page, as each role', () => {
  let rig: BrowserRig;
  const results = new Map<string, CrawlResult>();
  const axeSeen = new Set<string>();

  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  // Once in each language the interface speaks: the browser asks for it (Accept-Language).
  it.each(
    (['nl', 'en'] as const).flatMap((language) =>
      DEMO_ACCOUNTS.map((a) => [language, a.roles.join('+'), a.email] as const),
    ),
  )(
    'in %s, as %s (%s): every link lands in that language, no console error, no serious accessibility finding',
    async (language, _role, email) => {
      const result = await crawl(rig, email, DEMO_PASSWORD, { axeSeen, language });
      results.set(`${language} ${email}`, result);
      expect(result.visited.length).toBeGreaterThan(20);
      expect(result.problems).toEqual([]);
    },
  );

  it('every POST form met on the way is in the round-trip catalogue', () => {
    const met = new Map<string, string>();
    for (const result of results.values())
      for (const form of result.forms) met.set(form.action, form.page);
    const catalogued = new Set(FORMS.map((f) => f.action));
    const missing = [...met].filter(([action]) => !catalogued.has(action));
    expect(missing.map(([action, page]) => `${action} (on ${page})`)).toEqual([]);
    // And the catalogue names no form that no page shows.
    // (Forms shown only after another form ran, such as an upload's preview, are exempt.)
    expect(FORMS.filter((f) => !f.after && !met.has(f.action)).map((f) => f.action)).toEqual([]);
  });
});
