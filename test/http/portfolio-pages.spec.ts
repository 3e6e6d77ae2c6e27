import { registerPilot } from '../support/factories';
import { unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

// The portfolio a page at a time (issue 19): 50 pilots a page, the filters and the order kept in
// the links the page shows.
describe('The portfolio in pages (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // Every chatbot has its review in ten days: the dashboard lists the first 20 of them.
    const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 1; i <= 55; i++)
      await registerPilot(t, `Bot ${String(i).padStart(2, '0')}`, ['phone'], {
        channelType: 'chatbot',
        nextReviewDate: inTenDays,
      });
    for (const name of ['Video A', 'Video B'])
      await registerPilot(t, name, ['phone'], { channelType: 'video' });
  });
  afterAll(() => t.close());

  const names = (html: string) =>
    [...html.matchAll(/<td><a href="\/pilots\/[^"]+">([^<]+)<\/a><\/td>/g)].map((m) => m[1]);
  const link = (html: string, rel: string) =>
    unescapeHtml(new RegExp(`<a href="([^"]+)" rel="${rel}">`).exec(html)?.[1] ?? '');

  it('shows page 2 of a sorted, filtered list through the links the page gives', async () => {
    const viewer = await t.agent('viewer');
    const first = (await viewer.get('/pilots?channelType=chatbot&sort=name&dir=desc').expect(200))
      .text;
    expect(names(first)).toHaveLength(50);
    expect(names(first).slice(0, 2)).toEqual(['Bot 55', 'Bot 54']);
    expect(unescapeHtml(first)).toContain('55 pilots match the filter; 1–50 shown, page 1 of 2.');
    expect(link(first, 'prev')).toBe('');

    const next = link(first, 'next');
    expect(next).toBe('/pilots?channelType=chatbot&sort=name&dir=desc&page=2');
    const second = (await viewer.get(next).expect(200)).text;
    expect(names(second)).toEqual(['Bot 05', 'Bot 04', 'Bot 03', 'Bot 02', 'Bot 01']);
    expect(unescapeHtml(second)).toContain('51–55 shown, page 2 of 2.');
    expect(link(second, 'prev')).toBe('/pilots?channelType=chatbot&sort=name&dir=desc');
    // The stage's count is all of the filter's pilots, not the page's.
    expect(second).toMatch(/badge--idea">Idea<\/span> <span class="count">55<\/span>/);
    // The headings sort the filtered list again, from its first page (by name A–Z: the default).
    expect(unescapeHtml(second)).toContain('href="/pilots?channelType=chatbot">Pilot ▼');
    expect(unescapeHtml(second)).toContain('href="/pilots?channelType=chatbot&sort=days&dir=asc"');
    expect(second).toContain('aria-sort="descending"');
    expect(names(second)).not.toContain('Video A');
  });

  it('shows every pilot on one page when they fit, with each stage', async () => {
    const videos = (await (await t.agent('viewer')).get('/pilots?channelType=video').expect(200))
      .text;
    expect(names(videos)).toEqual(['Video A', 'Video B']);
    expect(videos).not.toContain('rel="next"');
    // A page past the last shows the last.
    const far = (await (await t.agent('viewer')).get('/pilots?page=99').expect(200)).text;
    expect(unescapeHtml(far)).toContain('51–57 shown, page 2 of 2.');
  });

  it('shows the finance table a page at a time, the totals of every pilot filtered', async () => {
    const finance = await t.agent('finance');
    const financeNames = (html: string) =>
      [
        ...html.matchAll(/<th scope="row"><a href="\/pilots\/[^"]+\/business-case">([^<]+)<\/a>/g),
      ].map((m) => m[1]);
    const first = (
      await finance.get('/finance/dashboard?channelType=chatbot&sort=name&dir=desc').expect(200)
    ).text;
    expect(financeNames(first)).toHaveLength(50);
    expect(financeNames(first).slice(0, 2)).toEqual(['Bot 55', 'Bot 54']);
    expect(unescapeHtml(first)).toContain('Pilots 1–50 of 55; the totals are all 55.');
    expect(first).toContain('Total (55 pilots)');

    const next = link(first, 'next');
    expect(next).toBe('/finance/dashboard?channelType=chatbot&sort=name&dir=desc&page=2');
    const second = (await finance.get(next).expect(200)).text;
    expect(financeNames(second)).toEqual(['Bot 05', 'Bot 04', 'Bot 03', 'Bot 02', 'Bot 01']);
    expect(second).toContain('Total (55 pilots)');
    expect(link(second, 'prev')).toBe('/finance/dashboard?channelType=chatbot&sort=name&dir=desc');
    // The export is the whole filter, not the page.
    const csv = (await finance.get('/finance/dashboard.csv?channelType=chatbot').expect(200)).text;
    expect(csv.match(/Bot \d\d/g)).toHaveLength(55);
  });

  it('shows the pilots of the dashboard a page at a time, and the first 20 reviews', async () => {
    const board = await t.agent('board');
    const glance = (html: string) =>
      [
        ...html.matchAll(
          /<tr>\s*<th scope="row"><a href="\/pilots\/[^"]+">([^<]+)<\/a><\/th>\s*<td><span class="badge/g,
        ),
      ].map((m) => m[1]);
    const first = (await board.get('/dashboard').expect(200)).text;
    expect(unescapeHtml(first)).toContain('Pilots 1–50 of 57.');
    expect(first).toContain('And 35 more reviews in the next 60 days');
    const next = link(first, 'next');
    expect(next).toBe('/dashboard?page=2');
    const second = (await board.get(next).expect(200)).text;
    expect(unescapeHtml(second)).toContain('Pilots 51–57 of 57.');
    expect(glance(second)).toHaveLength(7);
    expect(link(second, 'prev')).toBe('/dashboard');
  });
});
