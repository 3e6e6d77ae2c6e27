import { parse } from 'csv-parse/sync';
import { BusinessCaseService } from '../../src/business-case/business-case.service';
import { Pilot } from '../../src/pilots/pilot.entity';
import { pilotFields } from '../support/factories';
import { submit, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html).replace(/\u00a0/g, ' ');
const wholeEuros = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
/** An amount as the pages print it (with a plain space, as `text` leaves them). */
const euro = (value: number) => wholeEuros.format(value).replace(/\u00a0/g, ' ');
const cents = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(Math.round(value * 100) / 100);

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
    // Contacts handled: every logged month from each pilot's start.
    const reports = await t.app.get(BusinessCaseService).reports(pilots);
    let contacts = 0;
    let realised = 0;
    for (const pilot of pilots) {
      const report = reports.get(pilot.id)!;
      contacts += report.monthly
        .filter((m) => m.contacts !== null && (!pilot.startMonth || m.month >= pilot.startMonth))
        .reduce((s, m) => s + (m.contacts as number), 0);
      realised += report.result?.totals.realisedSavings?.value ?? 0;
    }
    expect(page).toContain(new Intl.NumberFormat('nl-NL').format(contacts));
    expect(page).toContain(euro(realised));
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
    const pilot = (await allPilots(t)).find((p) => p.slug === 'whatsapp-movers')!;
    const report = await t.app.get(BusinessCaseService).report(pilot);
    const months = report.result!.months;
    const savings = charts.get('savings') as unknown as {
      series: Array<{ label: string; data: number[] }>;
    };
    expect(savings.series[1].data).toEqual(
      months.map((m) => Math.round((m.realisedSavings as number) * 100) / 100),
    );
    // The baseline band is the baseline ± its 90 % half-width.
    const band = charts.get('waterbed-phone') as unknown as {
      series: Array<{ style: string; data: Array<number | null> }>;
    };
    const last = months.at(-1)!.channels[0];
    const high = band.series.find((s) => s.style === 'band-high')!.data.at(-1)!;
    expect(high).toBeCloseTo((last.baseline as number) + (last.baselineHalfWidth as number), 1);
    // Every chart has its table and an accessible name.
    const page = text(res.text);
    expect(res.text.match(/<canvas [^>]*role="img" aria-label="[^"]+"/g)).toHaveLength(6);
    expect(res.text.match(/The figures as a table/g)).toHaveLength(6);
    expect(page).toContain('Cumulative net benefit against the investment');
  });

  it('shows finance every pilot with the engine’s own figures and totals', async () => {
    const agent = await t.agent('finance');
    const res = await agent.get('/finance/dashboard').expect(200);
    const pilots = await allPilots(t);
    const reports = await t.app.get(BusinessCaseService).reports(pilots);
    const page = text(res.text);
    let claimed = 0;
    let net = 0;
    for (const report of reports.values()) {
      expect(page).toContain(report.pilot.name);
      const totals = report.result?.totals;
      if (!totals) continue;
      expect(page).toContain(euro(totals.claimedSavings as number));
      expect(page).toContain(euro(totals.netBenefit as number));
      claimed += totals.claimedSavings as number;
      net += totals.netBenefit as number;
    }
    expect(page).toContain(euro(claimed));
    expect(page).toContain(euro(net));

    // The export holds the same figures, to the cent, numbers as numbers.
    const csv = await agent.get('/finance/dashboard.csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="?finance-dashboard-start-to-\d{4}-\d{2}\.csv"?$/,
    );
    const rows = parse(csv.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(pilots.length);
    for (const report of reports.values()) {
      const row = rows.find((r) => r.pilot === report.pilot.name)!;
      const r = report.result;
      expect(row.claimed_savings_eur).toBe(cents(r?.totals.claimedSavings));
      expect(row.realised_savings_eur).toBe(cents(r?.totals.realisedSavings?.value));
      expect(row.waterbed_eur).toBe(cents(r?.totals.waterbed));
      expect(row.net_benefit_eur).toBe(cents(r?.totals.netBenefit));
      expect(row.npv_eur).toBe(cents(r?.npv.value));
      expect(row.proven).toBe(r ? (r.verdict.proven ? 'yes' : 'no') : '');
      if (!r) expect(row.not_computed_because).not.toBe('');
    }
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
    const range = { from: '2026-01', to: '2026-03' };
    const reports = await t.app.get(BusinessCaseService).reports(pilots, { range });
    const rows = parse(
      (await agent.get('/finance/dashboard.csv?from=2026-01&to=2026-03').expect(200)).text,
      { columns: true },
    ) as Array<Record<string, string>>;
    let checked = 0;
    for (const report of reports.values()) {
      const row = rows.find((r) => r.pilot === report.pilot.name)!;
      expect(row.from_month).toBe('2026-01');
      expect(row.claimed_savings_eur).toBe(cents(report.result?.period.claimedSavings));
      expect(row.net_benefit_eur).toBe(cents(report.result?.period.netBenefit));
      if (report.result && report.result.period.months) {
        expect(Number(row.months)).toBeLessThanOrEqual(3);
        expect(report.result.period.claimedSavings).not.toBe(report.result.totals.claimedSavings);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
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
