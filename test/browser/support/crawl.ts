import type { Page } from 'playwright-core';
import { BrowserRig, newSession, seriousViolations, signIn } from './browser';

// Follows every link a signed-in user is shown, page by page, as the browser does.

export interface CrawledForm {
  /** The page the form was found on. */
  page: string;
  /** The form's action, as a pattern (`/pilots/:slug/plan`). */
  action: string;
  /** The action as rendered. */
  href: string;
}

export interface CrawlResult {
  /** Every URL visited, with the status it answered. */
  visited: Array<{ url: string; status: number }>;
  /** 4xx/5xx answers, console errors, failed requests and serious accessibility findings. */
  problems: string[];
  forms: CrawledForm[];
}

/**
 * A URL's shape, for bounding the crawl: numbers become `:id`, months `:month`, a pilot's slug
 * `:slug`, and the query keeps only its parameter names. The crawl visits at most
 * `perPattern` URLs of one shape (a pilot's 36 month links are one shape); every pilot's own
 * pages are visited, since pilots in different stages show different things.
 */
export function urlPattern(url: string, keepSlug = false): string {
  const parsed = new URL(url, 'http://x');
  const segments = parsed.pathname.split('/').map((segment, i, all) => {
    if (/^\d+$/.test(segment) || /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(segment)) return ':id';
    if (/^\d{4}-\d{2}$/.test(segment)) return ':month';
    if (!keepSlug && i === 2 && all[1] === 'pilots' && segment !== 'new') return ':slug';
    if (!keepSlug && i === 2 && all[1] === 'channels') return ':key';
    return segment;
  });
  const keys = [...new Set(parsed.searchParams.keys())].sort();
  return segments.join('/') + (keys.length ? `?${keys.join('&')}` : '');
}

/** Links that are not pages to read: downloads and the JSON API. */
function isDownload(path: string): boolean {
  // The API's reference is a page like any other; the API itself answers JSON.
  return /\.(csv|xlsx|json)(\?|$)/.test(path) || (path.startsWith('/api/') && path !== '/api/docs');
}

export async function crawl(
  rig: BrowserRig,
  email: string,
  password: string,
  options: {
    perPattern?: number;
    start?: string;
    /** Pages axe has checked already (by URL and the forms shown): shared between roles. */
    axeSeen?: Set<string>;
    /** The language the browser asks for. */
    language?: 'nl' | 'en';
  } = {},
): Promise<CrawlResult> {
  const perPattern = options.perPattern ?? 2;
  const language = options.language ?? 'en';
  const { page, problems: browserProblems } = await newSession(rig, language);
  await signIn(page, email, password);
  const result: CrawlResult = { visited: [], problems: [], forms: [] };
  const seen = new Set<string>();
  const perShape = new Map<string, number>();
  const queue: Array<{ url: string; from: string }> = [
    { url: options.start ?? '/dashboard', from: '(start)' },
  ];

  const admit = (url: string): boolean => {
    if (seen.has(url)) return false;
    const shape = urlPattern(url, true);
    const count = perShape.get(shape) ?? 0;
    if (count >= perPattern) return false;
    perShape.set(shape, count + 1);
    seen.add(url);
    return true;
  };

  while (queue.length) {
    const { url, from } = queue.shift()!;
    if (!admit(url)) continue;
    if (isDownload(url)) {
      const response = await page.request.get(url);
      result.visited.push({ url, status: response.status() });
      if (response.status() >= 400)
        result.problems.push(`${url} (linked from ${from}) answered ${response.status()}`);
      continue;
    }
    const response = await page.goto(url);
    const status = response?.status() ?? 0;
    result.visited.push({ url, status });
    if (status >= 400 || status === 0)
      result.problems.push(`${url} (linked from ${from}) answered ${status}`);
    for (const problem of browserProblems.splice(0)) result.problems.push(`${url}: ${problem}`);
    // Text only a rendering defect prints: a helper or partial that met the wrong value.
    const text = await page.evaluate(() => document.body.innerText);
    for (const sign of [
      '[object Object]',
      'Stored now:',
      'Nu opgeslagen:',
      'NaN',
      'undefined',
      'Invalid Date',
    ])
      if (text.includes(sign)) result.problems.push(`${url} shows "${sign}"`);
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== language) result.problems.push(`${url} is in "${lang}", not "${language}"`);
    const found = await pageLinksAndForms(page);
    // The same URL showing the same forms is the same page for axe (about 0.7 s a run here);
    // a role that sees other forms there gets its own run.
    const axeKey = `${language} ${url} ${found.forms.join(' ')}`;
    if (!options.axeSeen?.has(axeKey)) {
      options.axeSeen?.add(axeKey);
      result.problems.push(...(await seriousViolations(page)));
    }
    for (const form of found.forms)
      result.forms.push({ page: url, action: urlPattern(form), href: form });
    for (const link of found.links) queue.push({ url: link, from: url });
  }
  await page.context().close();
  return result;
}

/** Same-site links (path and query, without the fragment) and POST forms' actions on the page. */
async function pageLinksAndForms(page: Page): Promise<{ links: string[]; forms: string[] }> {
  return page.evaluate(() => {
    const here = location.origin;
    const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .map((a) => new URL(a.getAttribute('href') ?? '', location.href))
      .filter((u) => u.origin === here && u.pathname !== '/sign-out')
      .map((u) => u.pathname + u.search);
    const forms = [...document.querySelectorAll<HTMLFormElement>('form')]
      .filter((f) => f.method.toLowerCase() === 'post')
      .map((f) => new URL(f.getAttribute('action') ?? '', location.href))
      .map((u) => u.pathname);
    return { links: [...new Set(links)], forms: [...new Set(forms)] };
  });
}
