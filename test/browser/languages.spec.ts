import { DEMO_PASSWORD } from '../../src/demo/demo-accounts';
import {
  BrowserRig,
  drawnCharts,
  newSession,
  screenshot,
  seriousViolations,
  signIn,
  startRig,
} from './support/browser';

// The interface in Dutch and in English, as a person sees it: the main pages in each language
// (the page's lang, its words, axe clean, the charts drawn; a screenshot of each in the
// artifacts), and the switch in the header and on the sign-in page.

jest.setTimeout(300_000);

const PAGES: Array<[string, string, Record<'nl' | 'en', string>]> = [
  [
    'dashboard',
    '/dashboard',
    { nl: 'Het portfolio in één oogopslag', en: 'The portfolio at a glance' },
  ],
  ['portfolio', '/pilots', { nl: 'Zoeken', en: 'Search' }],
  ['pilot', '/pilots/whatsapp-movers', { nl: 'Over de pilot', en: 'About' }],
  [
    'business-case',
    '/pilots/whatsapp-movers/business-case',
    { nl: 'Hoe dit is berekend', en: 'How this was computed' },
  ],
  ['finance', '/finance/dashboard', { nl: 'Financieel dashboard', en: 'Finance dashboard' }],
  ['ledger', '/ledger', { nl: 'Kanaalgrootboek', en: 'Channel ledger' }],
  [
    'board-pack',
    '/pilots/voicebot-outages/board-pack',
    { nl: 'Voor het besluit', en: 'For the decision' },
  ],
  [
    'results',
    '/pilots/whatsapp-movers/results',
    { nl: 'Maandresultaten en historie', en: 'Monthly results and history' },
  ],
];

describe('Dutch and English in the browser', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it.each(['nl', 'en'] as const)(
    'shows the main pages in %s, accessible and drawn',
    async (language) => {
      const { page, problems } = await newSession(rig, language);
      await signIn(page, 'finance@demo.example', DEMO_PASSWORD);
      for (const [name, path, words] of PAGES) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        await expect(page.locator('main').innerText()).resolves.toContain(words[language]);
        if (await page.locator('canvas').count())
          expect((await drawnCharts(page)).filter((c) => !c.drawn)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `language-${language}-${name}`);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );

  it('switches from the header, and keeps the choice on the account', async () => {
    const { page, problems } = await newSession(rig, 'en');
    await signIn(page, 'owner@demo.example', DEMO_PASSWORD);
    await page.goto('/pilots');
    await expect(page.locator('h1').innerText()).resolves.toBe('Portfolio');
    await Promise.all([
      page.waitForURL('**/pilots'),
      page.getByRole('button', { name: 'Language: Nederlands' }).click(),
    ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await expect(page.locator('main').innerText()).resolves.toContain('Pilot registreren');
    await screenshot(page, 'language-switched-to-nl');
    // A new browser of the same person, asking for English, gets Dutch: the account's choice.
    const other = await newSession(rig, 'en');
    await signIn(other.page, 'owner@demo.example', DEMO_PASSWORD);
    expect(await other.page.evaluate(() => document.documentElement.lang)).toBe('nl');
    // And back, from the other browser's header.
    await other.page.getByRole('button', { name: 'Taal: English' }).click();
    await other.page.waitForLoadState();
    expect(await other.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect([...problems, ...other.problems]).toEqual([]);
    await page.context().close();
    await other.page.context().close();
  });

  it('switches on the sign-in page before anyone signs in', async () => {
    const { page, problems } = await newSession(rig, 'nl');
    await page.goto('/sign-in');
    await expect(page.locator('h1').innerText()).resolves.toBe('Inloggen');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'language-nl-sign-in');
    await page.getByRole('button', { name: 'Taal: English' }).click();
    await page.waitForURL('**/sign-in');
    await expect(page.locator('h1').innerText()).resolves.toBe('Sign in');
    await screenshot(page, 'language-en-sign-in');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
