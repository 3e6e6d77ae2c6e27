import { Lesson } from '../../src/lifecycle/lesson.entity';
import { Decision } from '../../src/lifecycle/decision.entity';
import { todayIso } from '../../src/common/dates';
import { findPilot, pilotInStage, registerPilot } from '../support/factories';
import { fillAndSubmit, renderedForm, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

// The lessons library (issue 17): every lesson learned, kept with its pilot, stage and decision,
// found by channel type, purpose and words, and shown when a pilot of the same kind is registered.
describe('Lessons library (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const lessons = () =>
    t.dataSource.getRepository(Lesson).find({ order: { id: 'ASC' }, relations: { pilot: true } });

  it('keeps the lessons of a stop and of a board decision, each with its stage and decision', async () => {
    // Its keeper (here the admin who registered it) stops a WhatsApp pilot on its page, with the
    // form as rendered.
    const whatsapp = await registerPilot(t, 'WhatsApp for movers', ['phone'], {
      channelType: 'messaging',
      purposes: ['revenue'],
    });
    const page = `/pilots/${whatsapp.slug}`;
    const stopped = await fillAndSubmit(await t.agent(), page, `${page}/stop`, {
      reason: 'The messaging vendor left the market.',
      lessonsLearned: 'Check that the vendor will outlive the pilot before signing.',
    });
    expect(stopped.status).toBe(303);

    // The board pivots a chatbot in incubation, with a lesson, from the review page.
    const chatbot = await pilotInStage(t, 'Billing chatbot', 'incubation', ['phone'], {
      channelType: 'chatbot',
      purposes: ['operational_relief'],
    });
    const review = `/pilots/${chatbot.slug}/review`;
    const pivoted = await fillAndSubmit(
      await t.agent('board'),
      review,
      `/pilots/${chatbot.slug}/decisions`,
      {
        outcome: 'pivot',
        rationale: 'Customers want a person for payment arrangements.',
        members: 'Marieke Smit, Joost de Boer',
        lessonsLearned: 'Payment arrangements need a person; the bot should hand over at once.',
      },
    );
    expect(pivoted.status).toBe(303);
    const decision = await t.dataSource
      .getRepository(Decision)
      .findOneByOrFail({ pilotId: chatbot.id });

    expect(
      (await lessons()).map((l) => [l.pilot!.slug, l.stage, l.outcome, l.decisionId, l.learnedOn]),
    ).toEqual([
      [whatsapp.slug, 'idea', 'stop', null, todayIso()],
      [chatbot.slug, 'incubation', 'pivot', decision.id, todayIso()],
    ]);

    // The library lists both, newest first, with pilot, type, stage and the decision's link.
    const viewer = await t.agent('viewer');
    const library = await viewer.get('/lessons').expect(200);
    const shown = text(library.text);
    expect(shown.indexOf('Payment arrangements need a person')).toBeLessThan(
      shown.indexOf('Check that the vendor will outlive'),
    );
    expect(shown).toContain(`Billing chatbot · Chatbot · pivoted in Incubation`);
    expect(shown).toContain(`board decision #${decision.id}`);
    const link = new RegExp(`href="(/pilots/${chatbot.slug}/review#decision-${decision.id})"`).exec(
      library.text,
    )![1];
    const target = await viewer.get(link.split('#')[0]).expect(200);
    expect(target.text).toContain(`id="decision-${decision.id}"`);

    // Each pilot's page lists its own lessons and links to those of its kind.
    const own = await viewer.get(`/pilots/${chatbot.slug}`).expect(200);
    expect(text(own.text)).toContain('Payment arrangements need a person');
    expect(own.text).toContain('href="/lessons?channelType=chatbot"');
  });

  it('filters by channel type, purpose and words, and names a filter it cannot read', async () => {
    const viewer = await t.agent('viewer');
    const shown = async (query: string) =>
      text((await viewer.get(`/lessons${query}`).expect(200)).text);
    const chatbot = 'Payment arrangements need a person';
    const whatsapp = 'Check that the vendor will outlive';
    const byType = await shown('?channelType=messaging');
    expect([byType.includes(whatsapp), byType.includes(chatbot)]).toEqual([true, false]);
    const byPurpose = await shown('?purpose=operational_relief');
    expect([byPurpose.includes(whatsapp), byPurpose.includes(chatbot)]).toEqual([false, true]);
    const byWords = await shown('?q=VENDOR');
    expect([byWords.includes(whatsapp), byWords.includes(chatbot)]).toEqual([true, false]);
    // Words with LIKE's wildcards are taken literally.
    expect(await shown('?q=%25')).toContain('No lesson matches the filter.');
    const none = await shown('?channelType=chatbot&purpose=revenue');
    expect(none).toContain('No lesson matches the filter.');
    const bad = await shown('?channelType=fax&purpose=fun');
    expect(bad).toContain('Choose a channel type from the list.');
    expect(bad).toContain('Choose a purpose from the list.');
    // The filter that cannot be read is off: every lesson is listed.
    expect([bad.includes(whatsapp), bad.includes(chatbot)]).toEqual([true, true]);
  });

  it('shows what earlier pilots of the same kind learned on the registration form', async () => {
    const owner = await t.agent('owner');
    const form = await owner.get('/pilots/new').expect(200);
    expect(form.text).toMatch(
      /<details data-lessons-for="chatbot" >[\s\S]*?Payment arrangements need a person[\s\S]*?<\/details>/,
    );
    expect(form.text).toMatch(/<details data-lessons-for="messaging" >/);
    // Sent back with a problem, the form opens the lessons of the type chosen.
    const refused = await fillAndSubmit(owner, '/pilots/new', '/pilots', {
      name: '',
      channelType: 'chatbot',
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toMatch(/<details data-lessons-for="chatbot" open>/);
    expect(refused.text).toMatch(/<details data-lessons-for="messaging" >/);
    expect(renderedForm(refused.text, '/pilots').channelType).toBe('chatbot');
  });

  it('brings a pilot’s lessons learned from before the library into it', async () => {
    // As an existing database is migrated: the pilot's one text becomes its first lesson.
    const old = await registerPilot(t, 'Old video pilot', ['phone'], { channelType: 'video' });
    // Undone back to before the library (and the migrations after it), then migrated again.
    const applied = async () =>
      ((await t.dataSource.query('SELECT name FROM migrations')) as Array<{ name: string }>).map(
        (m) => m.name,
      );
    while ((await applied()).includes('Lessons1763856000023'))
      await t.dataSource.undoLastMigration();
    await t.dataSource.query(
      `UPDATE pilot SET lessons_learned = 'Book video calls, do not queue them.' WHERE id = ${old.id}`,
    );
    await t.dataSource.runMigrations();
    const migrated = (await lessons()).filter((l) => l.pilotId === old.id);
    expect(migrated.map((l) => [l.text, l.stage, l.outcome, l.decisionId])).toEqual([
      ['Book video calls, do not queue them.', 'idea', 'stop', null],
    ]);
    expect((await findPilot(t.dataSource, old.slug)).lessonsLearned).toBe(
      'Book video calls, do not queue them.',
    );
    // The lessons written before the migration ran again are back too, from their pilots' text,
    // with the decision that wrote it.
    expect(
      (await lessons())
        .filter((l) => l.pilotId !== old.id)
        .map((l) => [l.pilot!.name, l.stage, l.outcome, l.decisionId === null]),
    ).toEqual([
      ['WhatsApp for movers', 'idea', 'stop', true],
      ['Billing chatbot', 'incubation', 'pivot', false],
    ]);
  });
});
