import { createTestApp, TestApp } from '../support/test-app';
import { CATALOGUES } from '../../src/i18n/translate';
import { flattenCatalogue } from '../support/catalogues';

// Every page that has moved to the catalogues, rendered in Dutch and in English with the demo
// portfolio: each in its own language, with no key left untranslated and no text of the
// other language's catalogue. (Names, descriptions and other data people typed stay as typed.)

/** Pages by the views they render; the views still to move (issue 20) are not here yet. */
const PAGES = [
  '/sign-in',
  '/dashboard',
  '/pilots',
  '/pilots?stage=incubation&sort=review',
  '/finance/dashboard',
  '/finance/dashboard?from=2026-01&to=2026-06',
  '/pilots/whatsapp-movers',
  '/pilots/voicebot-outages',
  '/pilots/billing-chatbot',
  '/pilots/premium-video',
  '/pilots/whatsapp-movers/business-case',
  '/pilots/voicebot-outages/business-case',
  '/pilots/billing-chatbot/business-case',
  '/pilots/premium-video/business-case',
  '/pilots/new',
  '/pilots/whatsapp-movers/edit',
  '/pilots/whatsapp-movers/copy',
  '/lessons',
  '/api/docs',
  '/notifications',
  '/account/reminders',
  '/admin/gate-settings',
  '/admin/audit',
  '/admin/users',
  '/account/tokens',
  '/board/meetings',
  '/board/meetings/1',
  '/board/meetings/1/pack',
  '/pilots/whatsapp-movers/results/2025-12',
  '/ledger/totals',
  '/ledger/totals/2026-01',
  '/board',
  '/results/import',
  '/pilots/whatsapp-movers/results',
  '/pilots/whatsapp-movers/results/2026-01',
  '/pilots/whatsapp-movers/investments',
  '/finance/rates',
  '/channels',
  '/channels/phone/edit',
  '/pilots/whatsapp-movers/readiness',
  '/pilots/whatsapp-movers/it',
  '/admin/readiness-items',
  '/pilots/whatsapp-movers/history',
  '/pilots/whatsapp-movers/review',
  '/pilots/voicebot-outages/review',
  '/pilots/whatsapp-movers/plan',
  '/pilots/whatsapp-movers/board-pack',
  '/pilots/voicebot-outages/board-pack',
  '/ledger',
  '/ledger?from=2026-01&to=2026-06',
  '/ledger?from=2030-01',
  '/account',
  '/no-such-page',
];

/**
 * What a reader sees in `language`: the text outside tags, scripts and styles, and the attributes
 * read out; passages marked as another language (the API reference's, in English) left out.
 */
function visibleText(html: string, language: string): string {
  html = html.replace(
    new RegExp(`<(\\w+)\\b[^>]*\\slang="(?!${language}")[a-z]+"[^>]*>[\\s\\S]*?<\\/\\1>`, 'g'),
    ' ',
  );
  const attributes = [...html.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map(
    (m) => m[1],
  );
  const body = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .concat(' ', attributes.join(' '));
  return body
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/\s+/g, ' ');
}

/** The texts of `language` that are sentences of their own (placeholders cut out), not shared. */
function sentencesOf(language: 'nl' | 'en'): string[] {
  const own = flattenCatalogue(CATALOGUES[language]);
  const other = flattenCatalogue(CATALOGUES[language === 'nl' ? 'en' : 'nl']);
  return Object.entries(own)
    .filter(([key, text]) => other[key] !== text)
    .flatMap(([, text]) => text.replace(/<[^>]+>/g, '').split(/\{\{[^}]*\}\}/))
    .map((part) => part.trim())
    .filter((part) => part.split(/\s+/).length >= 3 && !Object.values(other).includes(part));
}

/** The labels of `language` (stages, channel types …) that the other language writes otherwise. */
function labelsOf(language: 'nl' | 'en'): Set<string> {
  const own = flattenCatalogue(CATALOGUES[language]);
  const other = flattenCatalogue(CATALOGUES[language === 'nl' ? 'en' : 'nl']);
  const otherValues = new Set(Object.values(other));
  return new Set(
    Object.entries(own)
      .filter(([key, text]) => other[key] !== text && !otherValues.has(text))
      .map(([, text]) => text),
  );
}

describe('every page in both languages (HTTP)', () => {
  let t: TestApp;
  const topKeys = new Set(Object.keys(CATALOGUES.en));
  beforeAll(async () => {
    t = await createTestApp({ demo: true, env: { LANGUAGE: 'nl' } });
  });
  afterAll(() => t.close());

  for (const [language, other] of [
    ['nl', 'en'],
    ['en', 'nl'],
  ] as const) {
    it(`renders each page in ${language === 'nl' ? 'Dutch' : 'English'}, with nothing of the other language`, async () => {
      const foreign = sentencesOf(other);
      const foreignLabels = labelsOf(other);
      expect(foreign.length).toBeGreaterThan(100);
      const agent = await t.agent('admin');
      const visitor = await t.agent(null);
      const problems: string[] = [];
      for (const path of PAGES) {
        const client = path === '/sign-in' ? visitor : agent;
        const res = await client.get(path).set('Accept-Language', language);
        if (res.status !== (path === '/no-such-page' ? 404 : 200))
          problems.push(`${path}: status ${res.status}`);
        if (!res.text.includes(`<html lang="${language}">`))
          problems.push(`${path}: not lang=${language}`);
        const text = visibleText(res.text, language);
        // A key as code (`pilot.contacts`, a JSON field the API reference names) is no missing text.
        for (const m of text.matchAll(/(?<!`)\b([a-z][A-Za-z]*)\.[A-Za-z_][\w.]*\b/g))
          if (topKeys.has(m[1]) && !/^\d/.test(m[0].split('.')[1]))
            problems.push(`${path}: untranslated key ${m[0]}`);
        for (const sentence of foreign)
          if (text.includes(sentence)) problems.push(`${path}: "${sentence}"`);
        // Labels are short: a choice or a badge in the other language means a list made once.
        for (const m of res.text.matchAll(
          /<option\b[^>]*>([^<]+)<\/option>|class="badge[^"]*">([^<]+)</g,
        )) {
          const label = (m[1] ?? m[2]).trim();
          if (foreignLabels.has(label)) problems.push(`${path}: label "${label}"`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
