import { PilotPlan } from '../../src/business-case/pilot-plan.entity';
import { PlanChannelShare } from '../../src/business-case/plan-channel-share.entity';
import { Decision } from '../../src/lifecycle/decision.entity';
import { PilotStageChange } from '../../src/pilots/pilot-stage-change.entity';
import { PilotReadiness } from '../../src/readiness/pilot-readiness.entity';
import { ReadinessItem } from '../../src/readiness/readiness-item.entity';
import { ChannelResult } from '../../src/results/channel-result.entity';
import { channelIds, findPilot, logMonth, pilotInStage, savePlan } from '../support/factories';
import { fillAndSubmit, renderedForm, submit, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

// "New pilot like this one" (issue 17): a new pilot starts from an earlier one — purposes,
// segments, channels and scopes, plan assumptions, the checklist's applicability — and nothing
// else: not its results, decisions, dates or people.
describe('A new pilot like an earlier one (HTTP)', () => {
  let t: TestApp;
  let phone: number;
  let email: number;
  beforeAll(async () => {
    t = await createTestApp();
    [phone, email] = await channelIds(t.dataSource, 'phone', 'email');
  });
  afterAll(() => t.close());

  it('copies what it should, and nothing else, through the form as rendered', async () => {
    const source = await pilotInStage(t, 'WhatsApp for movers', 'incubation', ['phone', 'email'], {
      channelType: 'messaging',
      purposes: ['revenue', 'operational_relief'],
      targetContactTypes: 'Questions about moving house',
      scope: 'Customers who announce a move',
      controlScope: 'Movers in the north region',
      sponsor: 'Director of service',
      itContact: 'Bas Mulder',
      serviceStrategy: 'platinum',
    });
    await savePlan(
      t,
      source,
      {
        startMonth: '2026-01',
        expectedMonthlyContacts: 4000,
        investmentCents: '25.000',
        monthlyFixedCostCents: '1.500',
        variableCostPerContactCents: '0,40',
        horizonMonths: 24,
      },
      { phone: '35', email: '10' },
    );
    const plan = `/pilots/${source.slug}/plan`;
    await fillAndSubmit(await t.agent(), plan, plan, {
      [`scope_${phone}`]: 'segment',
      [`scopeText_${phone}`]: 'calls from movers',
    });
    await logMonth(t, source, '2026-01', { contacts: 3000 }, { phone: 9000, email: 2000 });
    // Two checklist items do not apply to it; one is done.
    const items = await t.dataSource.getRepository(ReadinessItem).find({ order: { id: 'ASC' } });
    const checklist = `/pilots/${source.slug}/readiness`;
    for (const [item, status] of [
      [items[0], 'not_applicable'],
      [items[1], 'not_applicable'],
      [items[2], 'done'],
    ] as const)
      await submit(await t.agent(), checklist, `${checklist}/${item.id}`, {
        status,
        evidence: 'Settled for this pilot',
        version: 0,
      });

    // The owner opens "New pilot like this one" from the pilot's page.
    const owner = await t.agent('owner');
    const page = await owner.get(`/pilots/${source.slug}`).expect(200);
    const link = /href="(\/pilots\/[^"]+\/copy)"/.exec(page.text)![1];
    const shown = await owner.get(link).expect(200);
    expect(text(shown.text)).toContain('New pilot like WhatsApp for movers');
    const form = renderedForm(shown.text, link);
    expect(form).toMatchObject({
      name: '',
      channelType: 'messaging',
      purposes: ['revenue', 'operational_relief'],
      targetContactTypes: 'Questions about moving house',
      scope: 'Customers who announce a move',
      controlScope: 'Movers in the north region',
      serviceStrategy: 'platinum',
      affectedChannelIds: [String(phone), String(email)],
    });
    // No people are carried over.
    expect([form.sponsor, form.itContact]).toEqual(['', '']);
    const res = await fillAndSubmit(owner, link, link, { name: 'WhatsApp for new customers' });
    expect(res.status).toBe(303);
    const copy = await findPilot(t.dataSource, 'whatsapp-for-new-customers');

    expect(copy).toMatchObject({
      stage: 'idea',
      channelType: 'messaging',
      purposes: expect.arrayContaining(['revenue', 'operational_relief']),
      scope: 'Customers who announce a move',
      sponsor: null,
      itContact: null,
      startMonth: null,
      nextReviewDate: null,
      lessonsLearned: null,
      ownerUserId: t.users.owner.id,
    });
    expect(copy.affectedChannels.map((c) => c.key).sort()).toEqual(['email', 'phone']);
    const [sourcePlan, copiedPlan] = await Promise.all(
      [source.id, copy.id].map((pilotId) =>
        t.dataSource.getRepository(PilotPlan).findOneByOrFail({ pilotId }),
      ),
    );
    expect(copiedPlan).toMatchObject({
      expectedMonthlyContacts: 4000,
      investmentCents: sourcePlan.investmentCents,
      monthlyFixedCostCents: sourcePlan.monthlyFixedCostCents,
      variableCostPerContactCents: sourcePlan.variableCostPerContactCents,
      horizonMonths: 24,
      version: 1,
    });
    const shares = await t.dataSource
      .getRepository(PlanChannelShare)
      .find({ where: { pilotId: copy.id }, order: { channelId: 'ASC' } });
    expect(shares.map((s) => [s.channelId, s.shareBp, s.scope, s.scopeDescription])).toEqual(
      [
        [phone, 3500, 'segment', 'calls from movers'],
        [email, 1000, 'segment', null],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    const readiness = await t.dataSource
      .getRepository(PilotReadiness)
      .find({ where: { pilotId: copy.id }, order: { itemId: 'ASC' } });
    expect(readiness.map((r) => [r.itemId, r.status, r.evidence])).toEqual([
      [items[0].id, 'not_applicable', null],
      [items[1].id, 'not_applicable', null],
    ]);
    // No results, no decisions; the history says where it came from.
    expect(await t.dataSource.getRepository(ChannelResult).countBy({ pilotId: copy.id })).toBe(0);
    expect(await t.dataSource.getRepository(Decision).countBy({ pilotId: copy.id })).toBe(0);
    const history = await t.dataSource.getRepository(PilotStageChange).findBy({ pilotId: copy.id });
    expect(history.map((h) => [h.toStage, h.reason])).toEqual([
      ['idea', `Registered like WhatsApp for movers (${source.slug})`],
    ]);
    expect(text((await owner.get(`/pilots/${copy.slug}`)).text)).toContain(
      'Registered like WhatsApp for movers',
    );
  });

  it('refuses a copy without its own name next to the field, saving nothing; viewers may not copy', async () => {
    const before = await t.dataSource.getRepository(PilotPlan).count();
    const link = '/pilots/whatsapp-for-movers/copy';
    const owner = await t.agent('owner');
    const same = await fillAndSubmit(owner, link, link, { name: 'WhatsApp for movers' });
    expect(same.status).toBe(422);
    expect(renderedForm(same.text, link).targetContactTypes).toBe('Questions about moving house');
    expect(await t.dataSource.getRepository(PilotPlan).count()).toBe(before);
    await (await t.agent('viewer')).get(link).expect(403);
  });
});
