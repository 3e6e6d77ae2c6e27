import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { Channel } from '../../src/channels/channel.entity';
import { pilotFields } from '../support/factories';
import { csrfToken, encodeForm, submit, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

describe('Existing channels (HTTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const channel = (key: string) => t.dataSource.getRepository(Channel).findOneByOrFail({ key });

  it('lists the standard channels', async () => {
    const res = await (await t.agent()).get('/channels').expect(200);
    for (const name of ['Phone', 'E-mail', 'Chat', 'Web form', 'Social media', 'Shop'])
      expect(res.text).toContain(name);
  });

  it('adds a channel that pilots can then name', async () => {
    const agent = await t.agent();
    const res = await submit(agent, '/channels', '/channels', {
      name: 'Business phone line',
      key: 'phone-business',
      description: 'Calls from business customers',
      position: 7,
      active: true,
    });
    expect(res.status).toBe(303);
    expect((await agent.get('/channels')).text).toContain(
      'Channel &quot;Business phone line&quot; added.',
    );
    const saved = await channel('phone-business');
    expect(saved).toMatchObject({ name: 'Business phone line', active: true, position: 7 });
    expect((await (await t.agent()).get('/pilots/new')).text).toContain(`value="${saved.id}"`);
    expect(
      await t.dataSource
        .getRepository(AuditEntry)
        .countBy({ entityType: 'channel', entityId: saved.id }),
    ).toBe(1);
  });

  it('shows the form again with messages for a bad key, a taken key and a taken name', async () => {
    const bad = await submit(await t.agent(), '/channels', '/channels', {
      name: 'X',
      key: 'Has Spaces',
      position: -1,
    });
    expect(bad.status).toBe(422);
    const html = unescapeHtml(bad.text);
    expect(html).toContain('Name must be 2 to 80 characters.');
    expect(html).toContain('The key may hold only lower-case letters');
    expect(html).toContain('Position must be 0 or more.');
    expect(bad.text).toContain('value="Has Spaces"');

    const taken = await submit(await t.agent(), '/channels', '/channels', {
      name: 'Another phone',
      key: 'phone',
      position: 1,
    });
    expect(taken.status).toBe(422);
    expect(unescapeHtml(taken.text)).toContain('The key "phone" is taken; choose another.');

    const sameName = await submit(await t.agent(), '/channels', '/channels', {
      name: 'phone',
      key: 'phone-2',
      position: 1,
    });
    expect(sameName.status).toBe(422);
    expect(unescapeHtml(sameName.text)).toContain('There is already a channel called "phone".');
  });

  it('edits a channel and deactivates it, so new pilots cannot choose it', async () => {
    const shop = await channel('shop');
    const res = await submit(await t.agent(), '/channels/shop/edit', '/channels/shop', {
      name: 'Shops and service desks',
      description: shop.description,
      position: shop.position,
      version: shop.version,
    });
    expect(res.status).toBe(303);
    expect(await channel('shop')).toMatchObject({
      name: 'Shops and service desks',
      active: false,
      version: 2,
    });
    const form = await (await t.agent()).get('/pilots/new').expect(200);
    expect(form.text).not.toContain(`value="${shop.id}"`);

    const refused = await submit(
      await t.agent(),
      '/pilots/new',
      '/pilots',
      pilotFields({ affectedChannelIds: [shop.id] }),
    );
    expect(refused.status).toBe(422);
  });

  it('refuses a stale channel edit', async () => {
    const chat = await channel('chat');
    const first = await t.agent();
    const second = await t.agent();
    const firstPage = await first.get('/channels/chat/edit');
    const secondPage = await second.get('/channels/chat/edit');
    const fields = {
      description: chat.description,
      position: chat.position,
      active: true,
      version: chat.version,
    };
    await first
      .post('/channels/chat')
      .type('form')
      .send(encodeForm({ ...fields, name: 'Live chat', _csrf: csrfToken(firstPage.text) }))
      .expect(303);
    const res = await second
      .post('/channels/chat')
      .type('form')
      .send(encodeForm({ ...fields, name: 'Web chat', _csrf: csrfToken(secondPage.text) }));
    expect(res.status).toBe(409);
    expect(res.text).toContain('Someone else saved this channel');
    expect((await channel('chat')).name).toBe('Live chat');
  });

  it('answers an unknown channel with 404', async () => {
    await (await t.agent()).get('/channels/nope/edit').expect(404);
  });
});
