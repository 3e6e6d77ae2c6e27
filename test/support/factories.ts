import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Writer } from '../../src/database/writer.service';
import { StageMoves } from '../../src/lifecycle/stage-move';
import { type Stage, STAGES } from '../../src/pilots/pilot-fields';
import { PilotsService } from '../../src/pilots/pilots.service';
import { Channel } from '../../src/channels/channel.entity';
import { Pilot } from '../../src/pilots/pilot.entity';
import type { Role } from '../../src/accounts/permissions';
import { addMonths } from '../../src/common/months';
import { todayIso } from '../../src/common/dates';
import { INTEGRATION_ITEMS } from '../../src/readiness/readiness-fields';
import { ReadinessItem } from '../../src/readiness/readiness-item.entity';
import { fillAndSubmit, type FormFields, submit } from './forms';
import type { Agent } from './test-app';

let counter = 0;

/** The fields of a valid pilot form; override only what the test is about. */
export function pilotFields(overrides: FormFields = {}): FormFields {
  counter += 1;
  return {
    name: `Test pilot ${counter}`,
    description: 'A pilot made by a test.',
    channelType: 'chatbot',
    purposes: ['operational_relief'],
    targetContactTypes: 'Billing questions',
    scope: 'Customers in the test region',
    serviceStrategy: 'standard',
    ...overrides,
  };
}

export async function channelIds(dataSource: DataSource, ...keys: string[]): Promise<number[]> {
  const channels = await dataSource.getRepository(Channel).find();
  return keys.map((key) => {
    const channel = channels.find((c) => c.key === key);
    if (!channel) throw new Error(`No channel ${key}`);
    return channel.id;
  });
}

export function findPilot(dataSource: DataSource, slug: string): Promise<Pilot> {
  return dataSource
    .getRepository(Pilot)
    .findOneOrFail({ where: { slug }, relations: { affectedChannels: true } });
}

/** The fields of the edit form for a stored pilot, as the page would fill them. */
export function editFields(pilot: Pilot, overrides: FormFields = {}): FormFields {
  return {
    name: pilot.name,
    slug: pilot.slug,
    description: pilot.description,
    channelType: pilot.channelType,
    purposes: pilot.purposes,
    targetContactTypes: pilot.targetContactTypes,
    scope: pilot.scope,
    controlScope: pilot.controlScope,
    ownerUserId: pilot.ownerUserId,
    ownerDepartment: pilot.ownerDepartment,
    sponsor: pilot.sponsor,
    itContact: pilot.itContact,
    operationsLead: pilot.operationsLead,
    financeController: pilot.financeController,
    serviceStrategy: pilot.serviceStrategy,
    nextReviewDate: pilot.nextReviewDate,
    affectedChannelIds: pilot.affectedChannels?.map((c) => c.id) ?? [],
    version: pilot.version,
    ...overrides,
  };
}

/**
 * Builders that make a pilot's data through its forms, as its users would, so a test states the
 * figures it is about instead of leaning on the demo data.
 */
type App = { dataSource: DataSource; agent(role?: Role | null): Promise<Agent> };

async function posted(res: { status: number; text: string }, what: string): Promise<void> {
  if (res.status !== 303) throw new Error(`${what} was refused (${res.status}): ${res.text}`);
}

/** Registers a pilot (as an admin) relieving the given existing channels. */
export async function registerPilot(
  t: App,
  name: string,
  channels: string[],
  fields: FormFields = {},
): Promise<Pilot> {
  const affectedChannelIds = await channelIds(t.dataSource, ...channels);
  const res = await submit(
    await t.agent(),
    '/pilots/new',
    '/pilots',
    pilotFields({ name, affectedChannelIds, ...fields }),
  );
  await posted(res, `The pilot "${name}"`);
  return findPilot(t.dataSource, res.headers.location.replace('/pilots/', ''));
}

/** Finance's cost per contact of each channel (key → euros as typed), from a month on. */
export async function setCostRates(
  t: App,
  rates: Record<string, string>,
  from = '2025-01',
): Promise<void> {
  for (const [key, amount] of Object.entries(rates)) {
    const [channelId] = await channelIds(t.dataSource, key);
    const res = await submit(await t.agent('finance'), '/finance/rates', '/finance/rates', {
      channelId,
      effectiveFrom: from,
      amount,
    });
    await posted(res, `The cost rate of ${key}`);
  }
}

/** The plan as its form sends it; `shares` by channel key, in percent. */
export async function savePlan(
  t: App,
  pilot: Pilot,
  fields: FormFields,
  shares: Record<string, string>,
): Promise<void> {
  const plan: FormFields = { horizonMonths: 36, version: 0, ...fields };
  for (const [key, share] of Object.entries(shares)) {
    const [id] = await channelIds(t.dataSource, key);
    plan[`share_${id}`] = share;
  }
  const url = `/pilots/${pilot.slug}/plan`;
  await posted(await submit(await t.agent(), url, url, plan), `The plan of ${pilot.slug}`);
}

/** One month's figures: the pilot's own, and each channel's volume by channel key. */
export async function logMonth(
  t: App,
  pilot: Pilot,
  month: string,
  figures: FormFields,
  volumes: Record<string, number>,
): Promise<void> {
  const fields: FormFields = { ...figures };
  for (const [key, volume] of Object.entries(volumes)) {
    const [id] = await channelIds(t.dataSource, key);
    fields[`volume_${id}`] = volume;
  }
  const url = `/pilots/${pilot.slug}/results/${month}`;
  await posted(await submit(await t.agent(), url, url, fields), `${month} of ${pilot.slug}`);
}

/**
 * The worked example of business-case.md as a pilot: phone €6 and e-mail €3,50 a contact;
 * shares 60 % and 20 %; history 10 000 / 10 400 / 9 600 phone and 3 000 / 3 100 / 2 900 e-mail
 * calls (Oct–Dec 2025); then, in each of `months`, 2 000 contacts, €3 000 fixed cost, €0,50 a
 * contact, phone 9 300 and e-mail 2 950. Each such month, derived by hand: claimed €8 600,
 * realised €4 375 ± €8 177,70 (baselines 10 000 and 3 000 by the mean), waterbed €4 225,
 * net benefit €375. The cost rates must be set once per app (`setCostRates(t, WORKED_RATES)`).
 */
export async function workedExamplePilot(
  t: App,
  name: string,
  months: string[] = ['2026-01'],
  fields: FormFields = {},
): Promise<Pilot> {
  const pilot = await registerPilot(t, name, ['phone', 'email'], fields);
  await savePlan(
    t,
    pilot,
    {
      startMonth: '2026-01',
      expectedMonthlyContacts: 2000,
      investmentCents: '0',
      monthlyFixedCostCents: '3.000,00',
      variableCostPerContactCents: '0,50',
      minMonthlyVolume: 500,
    },
    { phone: '60', email: '20' },
  );
  for (const [month, phone, email] of [
    ['2025-10', 10000, 3000],
    ['2025-11', 10400, 3100],
    ['2025-12', 9600, 2900],
  ] as const)
    await logMonth(t, pilot, month, {}, { phone, email });
  for (const month of months)
    await logMonth(
      t,
      pilot,
      month,
      { contacts: 2000, fixed_cost: '3000' },
      { phone: 9300, email: 2950 },
    );
  return findPilot(t.dataSource, pilot.slug);
}

export const WORKED_RATES = { phone: '6,00', email: '3.50' };

/**
 * A registered pilot moved to `stage` through the lifecycle's one door (StageMoves), as the
 * recorded history of a pilot that got there earlier: no gate is asked, every move is audited.
 * The moves are dated `since` when given (so a pilot can have been in incubation for months).
 */
export async function pilotInStage(
  t: App & { app: INestApplication },
  name: string,
  stage: Exclude<Stage, 'idea' | 'scaled' | 'stopped'>,
  channels: string[] = ['phone'],
  fields: FormFields = {},
  since?: Date,
): Promise<Pilot> {
  const registered = await registerPilot(t, name, channels, fields);
  // The lifecycle's stages in order, from the one after idea up to `stage`.
  const moves = STAGES.slice(1, STAGES.indexOf(stage) + 1).map((to) => ({ to, at: since }));
  return moveThrough(t, registered, moves);
}

/** Moves a pilot through the lifecycle's one door (StageMoves), each move dated `at` if given. */
async function moveThrough(
  t: App & { app: INestApplication },
  pilot: Pilot,
  moves: Array<{ to: Stage; at?: Date }>,
): Promise<Pilot> {
  await t.app.get(Writer).write(async (em) => {
    const moving = await t.app.get(PilotsService).get(pilot.slug, em);
    for (const move of moves)
      if (
        !(await t.app
          .get(StageMoves)
          .move(em, moving, { ...move, actor: 'test', reason: 'set up' }))
      )
        throw new Error(`${pilot.slug} changed while it was set up`);
  });
  return findPilot(t.dataSource, pilot.slug);
}

/**
 * Every active item of the pilot's readiness checklist marked done with a line of evidence,
 * through the checklist's forms, except the items titled in `open`, which stay open.
 */
export async function setReadiness(t: App, pilot: Pilot, open: string[] = []): Promise<void> {
  const items = await t.dataSource.getRepository(ReadinessItem).findBy({ active: true });
  const page = `/pilots/${pilot.slug}/readiness`;
  for (const item of items.filter((i) => !open.includes(i.title))) {
    const res = await submit(await t.agent(), page, `${page}/${item.id}`, {
      status: 'done',
      evidence: `${item.title}: signed off by the channel owner`,
      version: 0,
    });
    await posted(res, `The checklist item "${item.title}" of ${pilot.slug}`);
  }
}

/** IT committed (owner, budget, roadmap slot, target date), every integration done. */
export async function commitIt(t: App, pilot: Pilot): Promise<void> {
  const url = `/pilots/${pilot.slug}/it`;
  const res = await fillAndSubmit(await t.agent(), url, url, {
    level: 'committed',
    itOwner: 'Bas Mulder',
    budget: '120.000,00',
    roadmapSlot: 'Platform release 4',
    targetDate: '2027-06-30',
    ...Object.fromEntries(INTEGRATION_ITEMS.map((i) => [`integration_${i}`, 'done'])),
  });
  await posted(res, `The IT commitment of ${pilot.slug}`);
}

/** The cost per contact `provenPilot` counts phone calls at. */
export const PROVEN_RATES = { phone: '6,00' };

/**
 * A pilot that meets every criterion of the scale-up gate, made through its forms: phone only
 * (€6 a call, set once per app with `setCostRates(t, PROVEN_RATES)`), share 100 %; history
 * 10 000 / 10 050 / 9 950 calls; in incubation since the first of the month 8 months ago, and
 * in each of its first 6 months 2 000 contacts, €3 000 fixed cost, €0,50 a contact and 8 200
 * calls. Each such month, by hand: claimed €12 000, realised €10 800, waterbed €1 200 (10 %),
 * net benefit €6 800; over the six, €40 800 with a lower bound far above zero: proven. The
 * checklist is done except the items titled in `openReadiness`; IT is committed. With
 * `stage: 'scale_up_review'` it has also been put before the board, today.
 */
export async function provenPilot(
  t: App & { app: INestApplication },
  name: string,
  {
    stage = 'incubation',
    openReadiness = [],
    fields = {},
    figures = {},
  }: {
    stage?: 'incubation' | 'scale_up_review';
    openReadiness?: string[];
    /** The registration form's fields. */
    fields?: FormFields;
    /** More of each result month's fields (CSAT, a channel's follow-ups as `follow_ups_<id>` …). */
    figures?: FormFields;
  } = {},
): Promise<Pilot> {
  const start = addMonths(todayIso().slice(0, 7), -8);
  const pilot = await registerPilot(t, name, ['phone'], fields);
  await savePlan(
    t,
    pilot,
    {
      startMonth: start,
      expectedMonthlyContacts: 2000,
      investmentCents: '0',
      monthlyFixedCostCents: '3.000,00',
      variableCostPerContactCents: '0,50',
      minMonthlyVolume: 500,
    },
    { phone: '100' },
  );
  for (const [back, phone] of [
    [3, 10000],
    [2, 10050],
    [1, 9950],
  ])
    await logMonth(t, pilot, addMonths(start, -back), {}, { phone });
  for (let i = 0; i < 6; i++)
    await logMonth(
      t,
      pilot,
      addMonths(start, i),
      { contacts: 2000, fixed_cost: '3000', ...figures },
      { phone: 8200 },
    );
  await setReadiness(t, pilot, openReadiness);
  await commitIt(t, pilot);
  const since = new Date(`${start}-01T09:00:00Z`);
  return moveThrough(t, pilot, [
    { to: 'proof_of_concept', at: since },
    { to: 'incubation', at: since },
    ...(stage === 'scale_up_review' ? [{ to: 'scale_up_review' as Stage }] : []),
  ]);
}
