import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { RemindersService } from '../../../src/reminders/reminders.service';
import { createTestApp, TEST_PASSWORD, TestApp } from '../../support/test-app';

// Real Chromium (Debian's, never a downloaded one) against the real app on a loopback port.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', 'artifacts');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface BrowserRig {
  t: TestApp;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startRig(): Promise<BrowserRig> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  // Reminders on, as on a real server: the demo's meeting rings the board's bell.
  const t = await createTestApp({ demo: true, env: { REMINDERS: 'on' } });
  // The test accounts are made after start-up, so the scheduler's first tick (5 s later) would
  // give them their reminders in the middle of the first test, whose snapshot then sees a row
  // it did not write. Make theirs now, as that tick would: the tick then finds nothing new.
  await t.app.get(RemindersService).makeDue();
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    t,
    base: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * A fresh browser session whose page records every console error, uncaught exception and
 * failed request, so each step can assert there were none.
 */
export async function newSession(
  rig: BrowserRig,
  language: 'nl' | 'en' = 'en',
): Promise<{ page: Page; problems: string[] }> {
  // The browser's language: what its Accept-Language asks the app for.
  const context = await rig.browser.newContext({
    baseURL: rig.base,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    locale: language === 'nl' ? 'nl-NL' : 'en-GB',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation cancels what the previous page still loaded (its icon, say): not a fault.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  return { page, problems };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * Runs axe-core on the page as it stands. The script goes in through the DevTools protocol
 * (page.evaluate), which the app's content-security policy rightly does not allow a page to do.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe;
    return axe.run({
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
  });
  return (result as { violations: AxeViolation[] }).violations;
}

/** Serious and critical violations, described for a failing assertion. */
export async function seriousViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${page.url()}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** Every chart canvas on the page, and whether Chart.js drew it with a size. */
export async function drawnCharts(page: Page): Promise<Array<{ id: string; drawn: boolean }>> {
  return page.evaluate(() => {
    const Chart = (window as unknown as { Chart?: { getChart(c: HTMLCanvasElement): unknown } })
      .Chart;
    return [...document.querySelectorAll('canvas')].map((canvas) => ({
      id: canvas.id,
      drawn: Boolean(Chart?.getChart(canvas)) && canvas.width > 0 && canvas.height > 0,
    }));
  });
}

/** Signs in on the sign-in page in whichever language it shows (by the fields' ids). */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
    page.locator('form[action="/sign-in"] button[type="submit"]').click(),
  ]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
