import { DataSource } from 'typeorm';
import { Channel } from '../../src/channels/channel.entity';
import { Pilot } from '../../src/pilots/pilot.entity';
import type { FormFields } from './forms';

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
