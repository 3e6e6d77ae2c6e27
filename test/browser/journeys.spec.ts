import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { todayIso } from '../../src/common/dates';
import { addMonths, formatMonth } from '../../src/common/months';
import {
  ARTIFACTS,
  BrowserRig,
  drawnCharts,
  newSession,
  screenshot,
  seriousViolations,
  signIn,
  startRig,
} from './support/browser';

// The main journeys as a new user walks them, in real Chromium: every page visited is checked
// for console errors, failed requests and serious or critical accessibility violations.

jest.setTimeout(120_000);

/** The form control labelled exactly so (a required field's label ends in an asterisk). */
const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?\\s*$`));

/** Waits until the text is on the page and visible. */
const visible = (page: Page, text: string) =>
  page.getByText(text).first().waitFor({ state: 'visible', timeout: 5000 });

describe('Journeys in a real browser', () => {
  let rig: BrowserRig;
  const violations: string[] = [];

  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  /** After each page: no console errors, no failed requests, no serious accessibility issue. */
  async function checkPage(page: Page, problems: string[], expected?: RegExp): Promise<void> {
    // A refused form answers 4xx on purpose; the browser logs that as a failed resource.
    const unexpected = problems.filter((p) => !expected?.test(p));
    problems.length = 0;
    expect(unexpected).toEqual([]);
    violations.push(...(await seriousViolations(page)));
    expect(violations).toEqual([]);
  }

  it('an owner registers a pilot, plans it, imports results, reads the business case and moves the stage', async () => {
    const { page, problems } = await newSession(rig);
    await signIn(page, 'owner@test.example');
    await checkPage(page, problems);

    await page.getByRole('link', { name: 'New pilot' }).click();
    await checkPage(page, problems);
    await field(page, 'Name').fill('Browser journey chatbot');
    await field(page, 'Description').fill(
      'A chatbot for billing questions, walked by the browser test.',
    );
    await field(page, 'Channel type').selectOption('chatbot');
    await field(page, 'Operational relief').check();
    await field(page, 'Contact types and customer segments').fill('Billing questions');
    await field(page, 'Scope: which customers get the channel').fill(
      'Customers in the north region',
    );
    // The owner who registers a pilot owns it (an admin can hand it over later).
    await visible(page, 'You, as the channel owner who registers it');
    await field(page, 'Phone').check();
    await field(page, 'E-mail').check();
    await page.getByRole('button', { name: 'Register pilot' }).click();
    await page.waitForURL('**/pilots/browser-journey-chatbot');
    await checkPage(page, problems);

    // The plan: start month, volumes, costs and the deflection shares.
    await page.getByRole('link', { name: 'Plan' }).first().click();
    await checkPage(page, problems);
    await field(page, 'Start month').fill('2026-01');
    await field(page, 'Expected monthly contacts in the new channel').fill('2000');
    await field(page, 'Minimum monthly volume').fill('500');
    await field(page, 'Planned one-off investment (€)').fill('20.000');
    await field(page, 'Monthly fixed cost (€)').fill('3.000');
    await field(page, 'Variable cost per new-channel contact (€)').fill('0,50');
    await page.locator('input[name^="share_"]').nth(0).fill('60');
    await page.locator('input[name^="share_"]').nth(1).fill('20');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);
    expect(await page.locator('.form-summary').count()).toBe(0);

    // Results: a year of history and six months of the pilot, from a CSV file.
    const lines = ['pilot,month,metric,channel,value'];
    for (let m = 1; m <= 12; m += 1) {
      const month = `2025-${String(m).padStart(2, '0')}`;
      lines.push(`browser-journey-chatbot,${month},volume,phone,${10000 + (m % 3) * 150}`);
      lines.push(`browser-journey-chatbot,${month},volume,email,${3000 + (m % 2) * 60}`);
    }
    for (let m = 1; m <= 6; m += 1) {
      const month = `2026-${String(m).padStart(2, '0')}`;
      lines.push(`browser-journey-chatbot,${month},contacts,,${1800 + m * 100}`);
      lines.push(`browser-journey-chatbot,${month},volume,phone,${9400 - m * 60}`);
      lines.push(`browser-journey-chatbot,${month},volume,email,${2950 - m * 10}`);
    }
    await page.getByRole('link', { name: 'Import' }).click();
    await checkPage(page, problems);
    await field(page, 'CSV file').setInputFiles({
      name: 'journey.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);
    await page.getByRole('button', { name: /^Import \d+ figures$/ }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);

    // The business case and its charts.
    await page.goto('/pilots/browser-journey-chatbot/business-case');
    await checkPage(page, problems);
    const charts = await drawnCharts(page);
    expect(charts.map((c) => c.id)).toEqual([
      'contacts-canvas',
      'waterbed-phone-canvas',
      'waterbed-email-canvas',
      'savings-canvas',
      'cumulative-canvas',
    ]);
    expect(charts.every((c) => c.drawn)).toBe(true);
    // The table behind a chart opens for reading and copying.
    await page.getByText('The figures as a table').first().click();
    await expect(page.locator('details.chart-table[open] tbody tr').count()).resolves.toBe(6);
    await screenshot(page, 'owner-business-case');

    // Move the stage: idea → proof of concept.
    await page.goto('/pilots/browser-journey-chatbot');
    await page.getByRole('button', { name: 'Move to Proof of concept' }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);
    await expect(page.locator('.meta .badge').textContent()).resolves.toBe('Proof of concept');
    await screenshot(page, 'owner-stage-moved');
  });

  it('an owner brings in a running pilot: its history, its months, its real incubation count and gate', async () => {
    const { page, problems } = await newSession(rig);
    await signIn(page, 'owner@test.example');
    const ago = (back: number) => addMonths(todayIso().slice(0, 7), -back);

    // Registered with the month it really started; the app goes on to its history.
    await page.getByRole('link', { name: 'New pilot' }).click();
    await field(page, 'Name').fill('Running WhatsApp pilot');
    await field(page, 'Description').fill(
      'WhatsApp for delivery questions, running since last year.',
    );
    await field(page, 'Channel type').selectOption('messaging');
    await field(page, 'Operational relief').check();
    await field(page, 'Contact types and customer segments').fill('Delivery questions');
    await field(page, 'Scope: which customers get the channel').fill('Customers in the south');
    await field(page, 'Phone').check();
    await field(page, 'Started in (month)').fill(ago(11));
    await page.getByRole('button', { name: 'Register pilot' }).click();
    await page.waitForURL('**/pilots/running-whatsapp-pilot/history');
    await checkPage(page, problems);

    // Its stages, in order, each with its month, who decided and why; one in the wrong order
    // is refused next to the month and keeps what was typed.
    const record = async (stage: string, month: string, decidedBy: string, why: string) => {
      await field(page, 'From its current stage, it moved to').selectOption(stage);
      await field(page, 'In (month)').fill(month);
      await field(page, 'Decided by').fill(decidedBy);
      await field(page, 'Why').fill(why);
      await page.getByRole('button', { name: 'Record this stage change' }).click();
      await page.waitForLoadState('load');
    };
    await record(
      'proof_of_concept',
      ago(10),
      'Head of customer service',
      'The vendor trial went well.',
    );
    await checkPage(page, problems);
    await record('incubation', ago(12), 'Management team', 'Ready for real customers.');
    await visible(page, 'a later change cannot be before that month');
    await expect(field(page, 'Why').inputValue()).resolves.toBe('Ready for real customers.');
    await checkPage(page, problems, /status of 422/);
    await field(page, 'In (month)').fill(ago(8));
    await page.getByRole('button', { name: 'Record this stage change' }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);
    await visible(page, `Recorded: incubation from ${formatMonth(ago(8))}.`);
    await screenshot(page, 'owner-recorded-history');

    // Its plan, starting with the incubation, then its months from the CSV import as it is:
    // three of history before the incubation, eight in it.
    await page.getByRole('link', { name: 'Done: back to the pilot' }).click();
    await page.getByRole('link', { name: 'Plan' }).first().click();
    await field(page, 'Start month').fill(ago(8));
    await field(page, 'Expected monthly contacts in the new channel').fill('1500');
    await field(page, 'Minimum monthly volume').fill('500');
    await field(page, 'Planned one-off investment (€)').fill('0');
    await field(page, 'Monthly fixed cost (€)').fill('2.000');
    await field(page, 'Variable cost per new-channel contact (€)').fill('0,40');
    await page.locator('input[name^="share_"]').nth(0).fill('50');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);
    expect(await page.locator('.form-summary').count()).toBe(0);
    const lines = ['pilot,month,metric,channel,value'];
    for (let back = 11; back >= 1; back -= 1) {
      if (back <= 8)
        lines.push(`running-whatsapp-pilot,${ago(back)},contacts,,${1500 + back * 10}`);
      lines.push(`running-whatsapp-pilot,${ago(back)},volume,phone,${back <= 8 ? 9200 : 10000}`);
    }
    await page.getByRole('link', { name: 'Import' }).click();
    await field(page, 'CSV file').setInputFiles({
      name: 'running.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.waitForLoadState('load');
    await page.getByRole('button', { name: /^Import \d+ figures$/ }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);

    // The pilot page counts the real incubation: eight months, the gate's six met.
    await page.goto('/pilots/running-whatsapp-pilot');
    await checkPage(page, problems);
    const criterion = page.locator('.criterion', { hasText: 'months in incubation' });
    await expect(criterion.textContent()).resolves.toMatch(
      /Met\s+At least 6 months in incubation\s+\(8 months/,
    );
    await expect(
      page.locator('.criterion', { hasText: 'Minimum monthly volume' }).count(),
    ).resolves.toBe(1);
    await visible(page, `${formatMonth(ago(8))}`);
    await screenshot(page, 'owner-running-pilot-gate');
  });

  it('a board member reads the board pack and records a decision, corrected where the form says', async () => {
    const { page, problems } = await newSession(rig);
    await signIn(page, 'board@test.example');
    await page.getByRole('link', { name: 'Board agenda' }).click();
    await checkPage(page, problems);

    await page.goto('/pilots/voicebot-outages/board-pack');
    await checkPage(page, problems);
    expect((await drawnCharts(page)).every((c) => c.drawn)).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);

    await page.getByRole('link', { name: 'Review and decide' }).click();
    await checkPage(page, problems);
    await field(page, 'Outcome').selectOption('extend');
    await field(page, 'Rationale').fill('Readiness is not there yet; three more months.');
    await field(page, 'Board members present').fill('Marieke, Joost, Eva');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.waitForLoadState('load');
    // Refused: the form says what is missing, next to the fields, and keeps what was typed.
    await visible(page, 'An extension comes with at least one condition.');
    await expect(field(page, 'Rationale').inputValue()).resolves.toContain('three more months');
    await checkPage(page, problems, /status of 422/);
    await field(page, 'Conditions, one per line').fill(
      'Routing and hand-over agreed with operations',
    );
    await field(page, 'Next review date').fill('2027-02-15');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);
    await visible(page, 'Routing and hand-over agreed with operations');
    await screenshot(page, 'board-decision');
  });

  it('a board member holds a meeting: schedules it, sets the agenda, prints the pack, decides, reads the minutes', async () => {
    const { page, problems } = await newSession(rig);
    await signIn(page, 'board@test.example');
    await page.getByRole('link', { name: 'Board agenda' }).click();
    await page.getByRole('link', { name: 'Board meetings' }).click();
    await page.waitForURL('**/board/meetings');
    await checkPage(page, problems);
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await field(page, 'Date').fill(date);
    await field(page, 'Members expected').fill('Marieke Smit, Joost de Boer, Eva Bos');
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    await page.waitForURL(/\/board\/meetings\/\d+$/);
    await checkPage(page, problems);

    // The suggestions: the overdue billing chatbot among them; put it on the agenda.
    await visible(page, 'review overdue');
    await page.getByRole('button', { name: 'Put Billing chatbot on the agenda' }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);
    await visible(page, 'Billing chatbot is on the agenda.');

    // The combined pack: one document, charts drawn, printed to PDF.
    await page.getByRole('link', { name: 'Combined board pack' }).click();
    await page.waitForURL(/\/pack$/);
    await checkPage(page, problems);
    await visible(page, 'Billing chatbot: gate checklist');
    expect((await drawnCharts(page)).every((c) => c.drawn)).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'board-meeting-pack');
    await page.goBack();

    // In the meeting: the decision, with the meeting's members filled in.
    await page
      .locator('#agenda-billing-chatbot')
      .getByRole('link', { name: 'Record the decision' })
      .click();
    await page.waitForURL(/review\?meeting=\d+$/);
    await checkPage(page, problems);
    await expect(field(page, 'Board members present').inputValue()).resolves.toBe(
      'Marieke Smit, Joost de Boer, Eva Bos',
    );
    await field(page, 'Outcome').selectOption('pivot');
    await field(page, 'Rationale').fill('Payment arrangements need a person; the bot hands over.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.waitForURL(/\/board\/meetings\/\d+#agenda-billing-chatbot$/);
    await checkPage(page, problems);
    await visible(page, 'Agenda and minutes');
    await visible(page, 'Decided: pivot');
    await screenshot(page, 'board-meeting-minutes');
  });

  it('finance sets a rate, reads the finance dashboard, filters it and exports it', async () => {
    const { page, problems } = await newSession(rig);
    await signIn(page, 'finance@test.example');
    await page.goto('/finance/rates');
    await checkPage(page, problems);
    await page.locator('#f-channelId').selectOption({ label: 'Phone' });
    await page.locator('#f-effectiveFrom').fill('2026-12');
    await field(page, 'Cost per contact (€)').fill('7,25');
    await page.getByRole('button', { name: 'Save rate' }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);
    await visible(page, '€7.25');

    await page.getByRole('link', { name: 'Finance', exact: true }).click();
    await page.waitForURL('**/finance/dashboard');
    await checkPage(page, problems);
    expect((await drawnCharts(page)).map((c) => c.drawn)).toEqual([true]);
    // Every column of the table fits its box on a 1280-pixel screen: none is off to the side.
    const fit = await page.evaluate(() => {
      const table = document.querySelector('.finance-table') as HTMLElement;
      return { table: table.scrollWidth, box: table.closest('.table-wrap')!.clientWidth };
    });
    expect(fit.table).toBeLessThanOrEqual(fit.box);
    await field(page, 'Stage').selectOption('incubation');
    await field(page, 'From month').fill('2026-01');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/stage=incubation/);
    await checkPage(page, problems);
    await page.getByRole('link', { name: /Net benefit/ }).click();
    await page.waitForURL(/sort=net/);
    await checkPage(page, problems);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^finance-dashboard-2026-01-to-\d{4}-\d{2}\.csv$/);
    const file = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^pilot,stage,department/);
    expect(csv.slice(1).every((line) => line.includes(',incubation,'))).toBe(true);
    await screenshot(page, 'finance-dashboard');

    // The organisation's web-form totals from a CSV: five years up to last month.
    const ago = (back: number) => addMonths(todayIso().slice(0, 7), -back);
    const totals = ['pilot,month,metric,channel,value'];
    for (let back = 60; back >= 1; back -= 1)
      totals.push(
        `,${ago(back)},total_volume,web-form,${(back > 24 ? 36000 : 31000) + (back % 4) * 150}`,
      );
    await page.getByRole('link', { name: 'Import' }).click();
    await checkPage(page, problems);
    await field(page, 'CSV file').setInputFiles({
      name: 'web-form-totals.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(totals.join('\n')),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);
    await visible(page, 'The organisation’s channel totals');
    await page.getByRole('button', { name: 'Import 60 figures' }).click();
    await page.waitForLoadState('load');
    await checkPage(page, problems);

    // The ledger: the organisation's web-form volume against its baseline, every chart drawn.
    await page.getByRole('link', { name: 'Ledger', exact: true }).click();
    await page.waitForURL('**/ledger');
    await checkPage(page, problems);
    await visible(page, 'Pilots that count the same contacts');
    const webForm = page.locator('section', { has: page.locator('h2#channel-web-form') });
    await expect(webForm.textContent()).resolves.toContain(
      'Organisation baseline: trend over 36 months',
    );
    const charts = await drawnCharts(page);
    expect(charts.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'ledger-web-form-volume-canvas',
        'ledger-web-form-displacement-canvas',
        'ledger-picture-canvas',
      ]),
    );
    expect(charts.every((c) => c.drawn)).toBe(true);
    await screenshot(page, 'finance-ledger');
  });

  it('works from the keyboard: skip link, menus and the sign-in form', async () => {
    const { page, problems } = await newSession(rig);
    await page.goto('/sign-in');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Skip to content',
    );
    // Past the brand link to the first field.
    for (let i = 0; i < 5; i += 1) {
      if ((await page.evaluate(() => document.activeElement?.id)) === 'email') break;
      await page.keyboard.press('Tab');
    }
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('email');
    await page.keyboard.type('viewer@test.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type('test-password-123');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/dashboard');
    await checkPage(page, problems);
    // From the top: the skip link first, then the main navigation, in order.
    const reached: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(reached.slice(0, 5)).toEqual([
      'Skip to content',
      'Channel pilots',
      'Dashboard',
      'Portfolio',
      'Board agenda',
    ]);
    // The skip link takes focus past the navigation, into the page.
    await page.focus('.skip-link');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#main');
    await page.keyboard.press('Tab');
    await expect(
      page.evaluate(() => Boolean(document.activeElement?.closest('main'))),
    ).resolves.toBe(true);
    await screenshot(page, 'keyboard-dashboard');
  });

  it('the accessibility check itself finds an unlabelled field', async () => {
    const { page } = await newSession(rig);
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><input></main></html>',
    );
    expect((await seriousViolations(page)).join('\n')).toMatch(/label \(critical\)/);
  });

  it('every page of the journeys passed axe without serious or critical violations', () => {
    expect(violations).toEqual([]);
  });
});
