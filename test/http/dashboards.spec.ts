import { parse } from 'csv-parse/sync';
import { Pilot } from '../../src/pilots/pilot.entity';
import { pilotFields, setCostRates, WORKED_RATES, workedExamplePilot } from '../support/factories';
import { submit, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html).replace(/\u00a0/g, ' ');
/** The words a reader sees: no tags, one space between. */
const words = (html: string) => text(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const wholeEuros = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
/** An amount as the pages print it (with a plain space, as `text` leaves them). */
const euro = (value: number) => wholeEuros.format(value).replace(/\u00a0/g, ' ');

/** The JSON blocks the charts draw from, by chart id. */
function chartData(html: string): Map<string, { labels: string[]; series: unknown[] }> {
  const blocks = [
    ...html.matchAll(/<script type="application\/json" class="chart-data"[^>]*>(.*?)<\/script>/gs),
  ];
  return new Map(
    blocks.map(([, json]) => {
      const data = JSON.parse(json);
      return [data.id, data];
    }),
  );
}

async function allPilots(t: TestApp): Promise<Pilot[]> {
  return t.dataSource.getRepository(Pilot).find({ relations: { affectedChannels: true } });
}

describe('Dashboards (HTTP) with the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('serves Chart.js itself, from node_modules (no CDN)', async () => {
    const res = await (
      await t.agent('viewer')
    )
      .get('/vendor/chart.js/chart.umd.min.js')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.text).toContain('Chart');
    const page = await (await t.agent('viewer')).get('/dashboard').expect(200);
    expect(page.text).toContain('<script src="/vendor/chart.js/chart.umd.min.js" defer></script>');
    expect(page.text).not.toMatch(/https?:\/\/[^"']*(cdn|jsdelivr|unpkg)/);
  });

  it('shows the portfolio dashboard: funnel, totals, reviews and every pilot', async () => {
    const res = await (await t.agent('viewer')).get('/dashboard').expect(200);
    const page = text(res.text);
    const pilots = await allPilots(t);
    const charts = chartData(res.text);
    const funnel = charts.get('funnel')!;
    expect(funnel.labels).toEqual([
      'Idea',
      'Proof of concept',
      'Incubation',
      'Scale-up review',
      'Scaled',
      'Stopped',
    ]);
    const counts = (funnel.series[0] as { data: number[] }).data;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(pilots.length);
    expect(counts[2]).toBe(pilots.filter((p) => p.stage === 'incubation').length);
    for (const pilot of pilots) expect(page).toContain(pilot.name);
    // The totals' figures are checked against hand-derived ones in the block below.
    expect(words(res.text)).toMatch(/Contacts handled [\d,]+ by the new channels/);
    expect(page).toContain('Reviews coming up');
    expect(page).toMatch(/overdue/);
    expect(charts.get('contacts-trend')).toBeDefined();
  });

  it('draws a pilot business case as charts, each with its table', async () => {
    const res = await (
      await t.agent('viewer')
    )
      .get('/pilots/whatsapp-movers/business-case')
      .expect(200);
    const charts = chartData(res.text);
    expect([...charts.keys()]).toEqual([
      'contacts',
      'waterbed-phone',
      'waterbed-email',
      'savings',
      'cumulative',
      'contact-mix',
    ]);
    // One point per month on every line; the figures are checked by hand in the block below.
    const savings = charts.get('savings') as unknown as {
      labels: string[];
      series: Array<{ label: string; data: number[] }>;
    };
    for (const series of savings.series) expect(series.data).toHaveLength(savings.labels.length);
    // Every chart has its table and an accessible name.
    const page = text(res.text);
    expect(res.text.match(/<canvas [^>]*role="img" aria-label="[^"]+"/g)).toHaveLength(6);
    expect(res.text.match(/The figures as a table/g)).toHaveLength(6);
    expect(page).toContain('Cumulative net benefit against the investment');
  });

  it('shows finance every pilot, with the same figures on the page and in the export', async () => {
    const agent = await t.agent('finance');
    const res = await agent.get('/finance/dashboard').expect(200);
    const pilots = await allPilots(t);
    const page = text(res.text);
    for (const pilot of pilots) expect(page).toContain(pilot.name);

    // The export holds the same figures, to the cent, numbers as numbers.
    const csv = await agent.get('/finance/dashboard.csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="?finance-dashboard-start-to-\d{4}-\d{2}\.csv"?$/,
    );
    const rows = parse(csv.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(pilots.length);
    let claimed = 0;
    let net = 0;
    for (const row of rows) {
      if (row.claimed_savings_eur === '') {
        expect(row.not_computed_because).not.toBe('');
        continue;
      }
      // The page shows each exported figure, rounded to whole euros, and their sums.
      expect(page).toContain(euro(Number(row.claimed_savings_eur)));
      expect(page).toContain(euro(Number(row.net_benefit_eur)));
      expect(['yes', 'no']).toContain(row.proven);
      claimed += Number(row.claimed_savings_eur);
      net += Number(row.net_benefit_eur);
    }
    expect(page).toContain(euro(claimed));
    expect(page).toContain(euro(net));
    expect(chartData(res.text).get('finance-savings')).toBeDefined();

    // The same rows for Dutch Excel, from the link on the page: semicolons, decimal commas, a BOM.
    const excelHref = /href="([^"]*format=excel-nl[^"]*)"/.exec(unescapeHtml(res.text))![1];
    const excel = await agent.get(excelHref).expect(200);
    expect(excel.headers['content-disposition']).toMatch(/-excel\.csv"?$/);
    expect(excel.text.startsWith('\uFEFF')).toBe(true);
    expect(excel.text).toContain('\r\n');
    const excelRows = parse(excel.text.slice(1), { columns: true, delimiter: ';' }) as Array<
      Record<string, string>
    >;
    expect(excelRows).toHaveLength(pilots.length);
    for (const row of rows) {
      const dutch = excelRows.find((r) => r.pilot === row.pilot)!;
      for (const column of ['claimed_savings_eur', 'net_benefit_eur', 'npv_eur', 'waterbed_ratio'])
        expect(dutch[column]).toBe(row[column].replace('.', ','));
    }
  });

  it('filters by stage, department and channel type', async () => {
    const agent = await t.agent('finance');
    const pilots = await allPilots(t);
    const incubation = text(
      (await agent.get('/finance/dashboard?stage=incubation').expect(200)).text,
    );
    for (const pilot of pilots) {
      if (pilot.stage === 'incubation') expect(incubation).toContain(pilot.name);
      else expect(incubation).not.toContain(pilot.name);
    }
    const ops = parse(
      (await agent.get('/finance/dashboard.csv?department=Operations').expect(200)).text,
      {
        columns: true,
      },
    ) as Array<Record<string, string>>;
    expect(ops.map((r) => r.pilot).sort()).toEqual(
      pilots
        .filter((p) => p.ownerDepartment === 'Operations')
        .map((p) => p.name)
        .sort(),
    );
    const bots = parse(
      (await agent.get('/finance/dashboard.csv?channelType=chatbot').expect(200)).text,
      {
        columns: true,
      },
    ) as Array<Record<string, string>>;
    expect(bots.map((r) => r.channel_type)).toEqual(bots.map(() => 'chatbot'));
    expect(bots.length).toBe(pilots.filter((p) => p.channelType === 'chatbot').length);
    // A value outside the lists is no filter at all, never part of a query.
    const odd = await agent
      .get("/finance/dashboard.csv?stage=incubation'--&sort=1;DROP")
      .expect(200);
    expect((parse(odd.text, { columns: true }) as unknown[]).length).toBe(pilots.length);
  });

  it('sums only the months in the range, as the engine does', async () => {
    const agent = await t.agent('finance');
    const pilots = await allPilots(t);
    const csv = async (query: string) =>
      parse((await agent.get(`/finance/dashboard.csv${query}`).expect(200)).text, {
        columns: true,
      }) as Array<Record<string, string>>;
    const all = await csv('');
    const rows = await csv('?from=2026-01&to=2026-03');
    expect(rows).toHaveLength(pilots.length);
    let checked = 0;
    for (const row of rows) {
      expect(row.from_month).toBe('2026-01');
      if (!row.months || Number(row.months) === 0) continue;
      const whole = all.find((r) => r.pilot === row.pilot)!;
      expect(Number(row.months)).toBeLessThanOrEqual(3);
      expect(Number(row.months)).toBeLessThan(Number(whole.months));
      expect(row.claimed_savings_eur).not.toBe(whole.claimed_savings_eur);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0); // the sums themselves are checked by hand below
  });

  it('says next to the field what is wrong with a month range', async () => {
    const agent = await t.agent('finance');
    const bad = await agent.get('/finance/dashboard?from=2026-13&to=soon').expect(400);
    expect(text(bad.text)).toContain('Give the month as YYYY-MM, for example 2026-01.');
    expect(bad.text).toMatch(/id="f-from"[^>]*aria-invalid="true"/);
    const reversed = await agent.get('/finance/dashboard?from=2026-06&to=2026-01').expect(400);
    expect(text(reversed.text)).toContain('The last month cannot come before the first.');
    const csv = await agent.get('/finance/dashboard.csv?from=junk').expect(400);
    expect(csv.body.errors.from).toEqual(['Give the month as YYYY-MM, for example 2026-01.']);
  });

  it('sorts by any column, both ways, with rows without figures last', async () => {
    const agent = await t.agent('finance');
    const read = async (query: string) =>
      (
        parse((await agent.get(`/finance/dashboard.csv?${query}`).expect(200)).text, {
          columns: true,
        }) as Array<Record<string, string>>
      ).map((r) => ({ name: r.pilot, claimed: r.claimed_savings_eur }));
    const desc = await read('sort=claimed&dir=desc');
    const figures = desc.filter((r) => r.claimed !== '').map((r) => Number(r.claimed));
    expect(figures).toEqual([...figures].sort((a, b) => b - a));
    expect(desc.slice(figures.length).every((r) => r.claimed === '')).toBe(true);
    const asc = await read('sort=claimed&dir=asc');
    expect(asc.filter((r) => r.claimed !== '').map((r) => Number(r.claimed))).toEqual(
      [...figures].reverse(),
    );
    const byName = await read('sort=nonsense');
    expect(byName.map((r) => r.name)).toEqual(
      [...byName.map((r) => r.name)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    const page = await agent.get('/finance/dashboard?sort=net&dir=desc').expect(200);
    expect(text(page.text)).toMatch(
      /aria-sort="descending"><a class="sort-link" href="\?sort=net&dir=asc">Net benefit/,
    );
  });

  it('prints a board pack with everything the review needs', async () => {
    const res = await (
      await t.agent('board')
    )
      .get('/pilots/voicebot-outages/board-pack')
      .expect(200);
    const page = text(res.text);
    for (const heading of [
      'Purpose and ownership',
      'Stage history',
      'Gate checklist',
      'Business case',
      'Process readiness',
      'IT commitment',
      'For the decision',
    ])
      expect(page).toContain(heading);
    expect(page).toContain('Print or save as PDF');
    expect(page).toContain('Twelve months of results; ready for the board');
    expect([...chartData(res.text).keys()]).toContain('cumulative');
    // A pilot without a plan still has a pack, saying what is missing.
    const idea = text(
      (await (await t.agent('board')).get('/pilots/in-app-questions/board-pack').expect(200)).text,
    );
    expect(idea).toContain('Not computed yet');
    await (await t.agent('board')).get('/pilots/no-such-pilot/board-pack').expect(404);
  });

  it('keeps every dashboard behind sign-in', async () => {
    const anonymous = await t.agent(null);
    for (const url of [
      '/dashboard',
      '/finance/dashboard',
      '/finance/dashboard.csv',
      '/pilots/whatsapp-movers/board-pack',
    ])
      expect((await anonymous.get(url)).status).toBe(303);
  });
});

describe('Dashboards (HTTP) on an empty database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('renders each dashboard with nothing in it', async () => {
    const agent = await t.agent('viewer');
    const dashboard = text((await agent.get('/dashboard').expect(200)).text);
    expect(dashboard).toContain('No pilots yet.');
    expect(dashboard).toContain('No review is planned in the next 60 days.');
    const finance = await agent.get('/finance/dashboard').expect(200);
    expect(text(finance.text)).toContain('No pilot matches the filter.');
    expect(chartData(finance.text).size).toBe(0);
    const csv = await agent.get('/finance/dashboard.csv').expect(200);
    expect(csv.text.trim().split('\n')).toHaveLength(1);
  });

  it('neutralises formulas in the export and keeps numbers as numbers', async () => {
    const res = await submit(
      await t.agent('owner'),
      '/pilots/new',
      '/pilots',
      pilotFields({ name: '=HYPERLINK("http://evil.example","x")', ownerDepartment: '+31 Sales' }),
    );
    expect(res.status).toBe(303);
    const csv = await (await t.agent('finance')).get('/finance/dashboard.csv').expect(200);
    const [row] = parse(csv.text, { columns: true }) as Array<Record<string, string>>;
    expect(row.pilot).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(row.department).toBe("'+31 Sales");
    expect(csv.text).toMatch(/,0,0,/); // months and contacts: bare numbers
    // The chart data cannot close its script element, whatever a name holds.
    const page = await (await t.agent('viewer')).get('/dashboard').expect(200);
    expect(page.text).not.toContain('</script><script>');
  });
});

describe('Dashboards (HTTP): figures derived by hand', () => {
  // Two pilots of the worked example (business-case.md), whose every month is known by hand:
  // 2 000 contacts, claimed €8 600, realised €4 375 (baselines 10 000 and 3 000, ± €8 177,70),
  // waterbed €4 225, net benefit €375. "One" has January 2026; "Two" January and February.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await setCostRates(t, WORKED_RATES);
    await workedExamplePilot(t, 'Worked example one', ['2026-01']);
    await workedExamplePilot(t, 'Worked example two', ['2026-01', '2026-02'], {
      ownerDepartment: 'Operations',
    });
  });
  afterAll(() => t.close());

  it('adds the pilots up on the portfolio dashboard', async () => {
    const page = words((await (await t.agent('viewer')).get('/dashboard').expect(200)).text);
    expect(page).toMatch(/Contacts handled\s*6,000/); // 3 months × 2 000
    expect(page).toMatch(/Realised savings\s*€13,125/); // 3 × €4 375
    expect(page).toContain('of €25,800 claimed'); // 3 × €8 600
  });

  it('shows finance each pilot’s figures and their totals, on the page and in the export', async () => {
    const agent = await t.agent('finance');
    const page = words((await agent.get('/finance/dashboard').expect(200)).text);
    expect(page).toMatch(/Claimed savings\s*€25,800/);
    expect(page).toMatch(/Realised savings\s*€13,125/);
    expect(page).toMatch(/Net benefit\s*€1,125/); // 3 × €375
    const rows = parse((await agent.get('/finance/dashboard.csv').expect(200)).text, {
      columns: true,
    }) as Array<Record<string, string>>;
    const row = (name: string) => rows.find((r) => r.pilot === name)!;
    expect(row('Worked example one')).toMatchObject({
      claimed_savings_eur: '8600',
      realised_savings_eur: '4375',
      waterbed_eur: '4225',
      net_benefit_eur: '375',
      months: '1',
    });
    expect(row('Worked example two')).toMatchObject({
      claimed_savings_eur: '17200',
      realised_savings_eur: '8750',
      waterbed_eur: '8450',
      net_benefit_eur: '750',
      months: '2',
    });
    // The month range sums only its months: February alone is one worked-example month.
    const february = parse(
      (await agent.get('/finance/dashboard.csv?from=2026-02&to=2026-02').expect(200)).text,
      { columns: true },
    ) as Array<Record<string, string>>;
    expect(february.find((r) => r.pilot === 'Worked example two')).toMatchObject({
      from_month: '2026-02',
      claimed_savings_eur: '8600',
      realised_savings_eur: '4375',
      net_benefit_eur: '375',
      months: '1',
    });
    // Filters: the department holds only the second pilot.
    const operations = parse(
      (await agent.get('/finance/dashboard.csv?department=Operations').expect(200)).text,
      { columns: true },
    ) as Array<Record<string, string>>;
    expect(operations.map((r) => r.pilot)).toEqual(['Worked example two']);
  });

  it('draws the business case from the same figures, the baseline band included', async () => {
    const res = await (
      await t.agent('viewer')
    )
      .get('/pilots/worked-example-one/business-case')
      .expect(200);
    const charts = chartData(res.text);
    const savings = charts.get('savings') as unknown as {
      series: Array<{ label: string; data: number[] }>;
    };
    expect(savings.series[0].data).toEqual([8600]); // claimed
    expect(savings.series[1].data).toEqual([4375]); // realised
    // Phone: baseline 10 000 ± 1 348,68 (mean of three months, t(2) = 2,919986).
    const band = charts.get('waterbed-phone') as unknown as {
      series: Array<{ style: string; data: Array<number | null> }>;
    };
    expect(band.series.find((s) => s.style === 'band-high')!.data.at(-1)).toBeCloseTo(11348.68, 1);
    expect(band.series.find((s) => s.style === 'band-low')!.data.at(-1)).toBeCloseTo(8651.32, 1);
  });
});
