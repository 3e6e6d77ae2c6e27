import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-accounts';
import { BrowserRig, newSession, seriousViolations, signIn, startRig } from './support/browser';
import { urlPattern } from './support/crawl';
import { FormCase, FORMS, StoredChange } from './support/form-catalogue';

// Every form of the app as rendered, in real Chromium, as a role that may use it:
// 1. submitted unchanged, it stores nothing (an edit form saves what it shows; an empty create
//    form is refused next to its fields) and no error page comes back;
// 2. with one valid change, exactly that change is stored.
// Forms that post hand-made bodies cannot see a field the page renders wrongly; this can.

jest.setTimeout(120_000);

/** Tables that change on every request or are derived: sessions, throttling, caches. */
const VOLATILE_TABLES = new Set([
  'session',
  'sign_in_attempt',
  'business_case_cache',
  'business_case_epoch',
  // The counter behind the ETags: any write unit moves it on, a round trip's included.
  'data_version',
  'migrations',
]);
/** Bookkeeping that comes with any change: versions, times, who. */
const BOOKKEEPING = new Set([
  'version',
  'updated_at',
  'updated_by',
  'created_at',
  'changed_at',
  'changed_by',
]);

type Snapshot = Map<string, Map<string, Record<string, unknown>>>;

async function snapshot(rig: BrowserRig): Promise<Snapshot> {
  const tables = (await rig.t.dataSource.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  )) as Array<{ name: string }>;
  const result: Snapshot = new Map();
  for (const { name } of tables) {
    if (VOLATILE_TABLES.has(name)) continue;
    const rows = (await rig.t.dataSource.query(
      `SELECT rowid AS "__rowid", * FROM "${name}"`,
    )) as Array<Record<string, unknown>>;
    result.set(name, new Map(rows.map(({ __rowid, ...row }) => [String(__rowid), row])));
  }
  return result;
}

interface Change {
  table: string;
  op: 'insert' | 'update' | 'delete';
  row: Record<string, unknown>;
  /** update: the columns that changed, with their new values (bookkeeping left out). */
  changed: Record<string, unknown>;
}

function diff(before: Snapshot, after: Snapshot, includeAudit: boolean): Change[] {
  const changes: Change[] = [];
  for (const [table, rows] of after) {
    if (!includeAudit && table === 'audit_entry') continue;
    const old = before.get(table) ?? new Map();
    for (const [key, row] of rows) {
      const was = old.get(key);
      if (!was) {
        changes.push({ table, op: 'insert', row, changed: {} });
        continue;
      }
      const changed: Record<string, unknown> = {};
      let any = false;
      for (const column of Object.keys(row))
        if (String(row[column]) !== String(was[column])) {
          any = true;
          if (!BOOKKEEPING.has(column)) changed[column] = row[column];
        }
      if (any) changes.push({ table, op: 'update', row, changed });
    }
    for (const [key, row] of old)
      if (!rows.has(key)) changes.push({ table, op: 'delete', row, changed: {} });
  }
  return changes;
}

const describeChange = (c: Change) =>
  `${c.op} ${c.table} ${JSON.stringify(c.op === 'update' ? c.changed : c.row)}`;

const matches = (actual: unknown, wanted: string | number | null | RegExp) =>
  wanted instanceof RegExp ? wanted.test(String(actual)) : String(actual) === String(wanted);

/** Whether the stored changes are exactly the expected ones, one change each. */
function unexpected(changes: Change[], expected: StoredChange[]): string[] {
  const left = [...changes];
  const problems: string[] = [];
  for (const want of expected) {
    const index = left.findIndex(
      (c) =>
        c.table === want.table &&
        c.op === want.op &&
        (want.op === 'update'
          ? !want.set ||
            (Object.keys(c.changed).sort().join() === Object.keys(want.set).sort().join() &&
              Object.entries(want.set).every(([k, v]) => matches(c.changed[k], v)))
          : Object.entries(want.set ?? {}).every(([k, v]) => matches(c.row[k], v))),
    );
    if (index === -1)
      problems.push(`missing: ${want.op} ${want.table} ${JSON.stringify(want.set)}`);
    else left.splice(index, 1);
  }
  return [...problems, ...left.map((c) => `unexpected: ${describeChange(c)}`)];
}

/** The page's forms whose action has the case's pattern. */
async function formOf(page: Page, action: string, nth = 0): Promise<Locator> {
  const actions = await page
    .locator('form')
    .evaluateAll((forms) =>
      forms.map((f) => new URL(f.getAttribute('action') ?? '', location.href).pathname),
    );
  const indexes = actions.flatMap((a, i) => (urlPattern(a) === action ? [i] : []));
  if (indexes.length <= nth)
    throw new Error(`${page.url()} shows no form for ${action} (${actions.join(', ')})`);
  const form = page.locator('form').nth(indexes[nth]);
  // A form folded away in <details> is opened as a user opens it, by its summary.
  for (let depth = 0; depth < 3 && !(await form.isVisible()); depth += 1)
    await form.evaluate((f) => f.closest('details:not([open])')?.querySelector('summary')?.click());
  return form;
}

async function fillForm(form: Locator, fill: NonNullable<FormCase['fill']>): Promise<void> {
  for (const [name, value] of Object.entries(fill)) {
    const control = form.locator(`[name="${name}"]`);
    const first = control.first();
    const tag = await first.evaluate((el) => el.tagName.toLowerCase());
    const type = (await first.getAttribute('type')) ?? '';
    if (typeof value === 'object' && !Array.isArray(value))
      await first.setInputFiles({
        name: value.file,
        mimeType: 'text/csv',
        buffer: Buffer.from(value.content),
      });
    else if (tag === 'select') await first.selectOption(value);
    else if (type === 'checkbox' || type === 'radio') {
      const wanted = Array.isArray(value) ? value : [value];
      for (const box of await control.all()) {
        const on = wanted.includes((await box.getAttribute('value')) ?? 'on');
        if (on) await box.check();
        else await box.uncheck();
      }
    } else await first.fill(Array.isArray(value) ? value.join('\n') : value);
  }
}

/** Presses the form's submit button; returns the status the POST answered. */
async function submitForm(page: Page, form: Locator): Promise<number> {
  // The browser itself refuses a form whose required fields are empty: nothing is sent.
  if (!(await form.evaluate((f: HTMLFormElement) => f.noValidate || f.checkValidity()))) return 0;
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
    ),
    form.locator('button[type="submit"], button:not([type])').first().click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

describe('Every form as rendered: a round trip stores nothing, one change stores exactly it', () => {
  let rig: BrowserRig;
  const done = new Set<string>();

  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function open(c: FormCase): Promise<{ page: Page; problems: string[] }> {
    const session = await newSession(rig);
    await signIn(session.page, c.as, DEMO_PASSWORD);
    const response = await session.page.goto(c.page);
    expect(response?.status()).toBe(200);
    if (c.via) {
      const link = session.page.locator(c.via).first();
      await session.page.goto((await link.getAttribute('href')) ?? '(no link)');
    }
    if (c.reach) {
      const first = await formOf(session.page, c.reach.action);
      await fillForm(first, c.reach.fill);
      expect(await submitForm(session.page, first)).toBeLessThan(400);
    }
    return session;
  }

  /** Refusals answer 4xx on purpose; the browser logs those as failed resources. */
  const realProblems = (problems: string[]) => problems.filter((p) => !/status of 422/.test(p));

  it.each(FORMS.map((c) => [c.action, c] as const))('%s', async (_action, c) => {
    if (c.after) expect(done).toContain(c.after);

    if (c.kind !== 'action') {
      const { page, problems } = await open(c);
      const form = await formOf(page, c.action, c.nth);
      const before = await snapshot(rig);
      const status = await submitForm(page, form);
      const changes = diff(before, await snapshot(rig), true);
      expect(changes.map(describeChange)).toEqual([]);
      if (c.kind === 'edit') {
        expect(status).toBe(303);
        await expect(page.locator('.error-page').count()).resolves.toBe(0);
      } else if (status !== 0) {
        // Refused where it was typed: the form again, each message next to its field (or, for
        // a required file, by the browser before anything is sent: status 0).
        expect(status).toBe(422);
        await expect(page.locator('.field-error').count()).resolves.toBeGreaterThan(0);
      }
      expect(realProblems(problems)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }

    const { page, problems } = await open(c);
    const form = await formOf(page, c.action, c.nth);
    if (c.fill) await fillForm(form, c.fill);
    const before = await snapshot(rig);
    const status = await submitForm(page, form);
    const changes = diff(before, await snapshot(rig), false);
    expect({ status, changes: unexpected(changes, c.stores) }).toEqual({
      status: c.answers ?? 303,
      changes: [],
    });
    expect(realProblems(problems)).toEqual([]);
    await page.context().close();
    done.add(c.action);
  });
});
