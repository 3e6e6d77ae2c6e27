import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Writer } from '../../src/database/writer.service';
import { StageMoves } from '../../src/lifecycle/stage-move';
import type { Stage } from '../../src/pilots/pilot-fields';
import { PilotsService } from '../../src/pilots/pilots.service';
import { Channel } from '../../src/channels/channel.entity';
import { Pilot } from '../../src/pilots/pilot.entity';
import type { Role } from '../../src/accounts/permissions';
import { type FormFields, submit } from './forms';
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

/** The stages an owner's steps pass through, from idea on. */
const PATH: Stage[] = ['idea', 'proof_of_concept', 'incubation', 'scale_up_review'];

/**
 * A registered pilot moved to `stage` through the lifecycle's one door (StageMoves), as the
 * recorded history of a pilot that got there earlier: no gate is asked, every move is audited.
 */
export async function pilotInStage(
  t: App & { app: INestApplication },
  name: string,
  stage: Exclude<Stage, 'idea' | 'scaled' | 'stopped'>,
  channels: string[] = ['phone'],
  fields: FormFields = {},
): Promise<Pilot> {
  const registered = await registerPilot(t, name, channels, fields);
  await t.app.get(Writer).write(async (em) => {
    const pilot = await t.app.get(PilotsService).get(registered.slug, em);
    for (const to of PATH.slice(1, PATH.indexOf(stage) + 1)) {
      if (!(await t.app.get(StageMoves).move(em, pilot, { to, actor: 'test', reason: 'set up' })))
        throw new Error(`${pilot.slug} changed while it was set up`);
    }
  });
  return findPilot(t.dataSource, registered.slug);
}
