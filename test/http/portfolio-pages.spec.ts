import { registerPilot } from '../support/factories';
import { unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

// The portfolio a page at a time (issue 19): 50 pilots a page, the filters and the order kept in
// the links the page shows.
describe('The portfolio in pages (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 1; i <= 55; i++)
      await registerPilot(t, `Bot ${String(i).padStart(2, '0')}`, ['phone'], {
        channelType: 'chatbot',
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
});
