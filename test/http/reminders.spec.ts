import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { todayIso } from '../../src/common/dates';
import { addDays } from '../../src/common/dates';
import { lastFullMonth } from '../../src/lifecycle/signals';
import { Notification, ReminderPreference } from '../../src/reminders/notification.entity';
import { User } from '../../src/accounts/user.entity';
import { RemindersService } from '../../src/reminders/reminders.service';
import {
  pilotInStage,
  savePlan,
  setCostRates,
  WORKED_RATES,
  workedExamplePilot,
} from '../support/factories';
import { encodeForm, renderedForm, submit } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

const postgres = Boolean(process.env.TEST_DATABASE_URL);

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** A real SMTP server on a free port, keeping every message it receives. */
async function smtpServer(): Promise<{
  port: number;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const [head, ...rest] = raw.split(/\r?\n\r?\n/);
        const encoded =
          /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head)?.[1].replace(/\r?\n[ \t]/g, ' ') ?? '';
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeWords(encoded),
          text: rest.join('\n\n').replace(/=\r?\n/g, ''),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// Reminders (issue 18): the right people get the right message once, in the app and by e-mail
// through a real SMTP server; none when they opted out; and, on PostgreSQL, two instances
// running the reminders at once send each one once.
describe('Reminders (HTTP)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  // The 10th of this month: last month's results are due.
  const now = new Date(`${todayIso().slice(0, 8)}10T09:00:00Z`);
  const month = lastFullMonth(todayIso(now));
  const run = () => t.app.get(RemindersService).run(now);
  const mailsTo = (who: 'owner' | 'board' | 'finance') =>
    smtp.received.filter((m) => m.to.includes(t.users[who].email));

  beforeAll(async () => {
    smtp = await smtpServer();
    t = await createTestApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'Channel pilots <pilots@test.example>',
        PUBLIC_URL: 'https://pilots.test.example',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('reminds an owner of missing results and the board of a review, once, in the app and by e-mail', async () => {
    const quiet = await pilotInStage(t, 'Quiet chatbot', 'incubation', ['phone'], {
      ownerUserId: t.users.owner.id,
      nextReviewDate: addDays(todayIso(now), 3),
    });
    await savePlan(t, quiet, { startMonth: '2026-01' }, { phone: '50' });

    expect(await run()).toEqual({ made: 2, mailed: 2 });
    const [owner] = mailsTo('owner');
    expect(owner.subject).toBe(`Quiet chatbot: no results for ${formatted(month)} yet`);
    expect(owner.text).toContain(
      `https://pilots.test.example/pilots/${quiet.slug}/results/${month}`,
    );
    expect(mailsTo('board').map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Review of Quiet chatbot on /),
    ]);

    // Again, and on the next run: nothing new.
    expect(await run()).toEqual({ made: 0, mailed: 0 });
    expect(smtp.received).toHaveLength(2);

    // The bell counts it; the page lists it and what was e-mailed; read, the count goes.
    const ownerAgent = await t.agent('owner');
    const page = (await ownerAgent.get('/dashboard').expect(200)).text;
    expect(page).toContain('aria-label="Notifications: 1 unread"');
    const list = (await ownerAgent.get('/notifications').expect(200)).text;
    expect(list).toContain(`href="/pilots/${quiet.slug}/results/${month}"`);
    expect(list).toMatch(/Results missing · .* · e-mailed /);
    const read = await submit(ownerAgent, '/notifications', '/notifications/read', {});
    expect(read.status).toBe(303);
    expect((await ownerAgent.get('/dashboard')).text).toContain('aria-label="Notifications"');

    // Logged, the month asks for nothing more.
    expect(
      (await t.dataSource.getRepository(Notification).findBy({ kind: 'missing_results' })).map(
        (n) => [n.userId, n.period, n.mailState],
      ),
    ).toEqual([[t.users.owner.id, month, 'sent']]);
  });

  it('sends nothing to whom opted out, chosen on the reminders form as rendered', async () => {
    const board = await t.agent('board');
    const form = renderedForm(
      (await board.get('/account/reminders').expect(200)).text,
      '/account/reminders',
    );
    expect(form).toMatchObject({ inApp: 'review_soon', email: 'review_soon' });
    // Keep the bell, not the e-mail.
    const saved = await board
      .post('/account/reminders')
      .type('form')
      .send(encodeForm({ ...form, email: [] }));
    expect(saved.status).toBe(303);
    const shown = renderedForm((await board.get('/account/reminders')).text, '/account/reminders');
    expect([shown.inApp, shown.email]).toEqual(['review_soon', undefined]);

    // The owner wants neither.
    const owner = await t.agent('owner');
    const ownerForm = renderedForm(
      (await owner.get('/account/reminders')).text,
      '/account/reminders',
    );
    expect(
      (
        await owner
          .post('/account/reminders')
          .type('form')
          .send(encodeForm({ _csrf: ownerForm._csrf }))
      ).status,
    ).toBe(303);

    const before = smtp.received.length;
    const next = await pilotInStage(t, 'Next review', 'incubation', ['phone'], {
      ownerUserId: t.users.owner.id,
      nextReviewDate: addDays(todayIso(now), 5),
    });
    await savePlan(t, next, { startMonth: '2026-01' }, { phone: '50' });
    expect(await run()).toEqual({ made: 1, mailed: 0 });
    expect(smtp.received).toHaveLength(before);
    const made = await t.dataSource
      .getRepository(Notification)
      .findBy({ subjectKey: `pilot:${next.id}` });
    expect(made.map((n) => [n.userId, n.kind, n.inApp, n.mailState])).toEqual([
      [t.users.board.id, 'review_soon', true, 'none'],
    ]);

    // A kind the role does not get, or made up, is refused next to the form.
    const bad = await board
      .post('/account/reminders')
      .type('form')
      .send(encodeForm({ ...form, email: ['everything'] }));
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Choose reminders from the list.');
  });

  it('tells finance once when a signed-off month changes', async () => {
    await setCostRates(t, WORKED_RATES);
    const signed = await workedExamplePilot(t, 'Signed pilot', ['2026-01', '2026-02']);
    const finance = await t.agent('finance');
    const url = `/pilots/${signed.slug}/business-case`;
    expect(
      (
        await submit(finance, url, `/pilots/${signed.slug}/sign-offs`, {
          fromMonth: '2026-01',
          toMonth: '2026-02',
        })
      ).status,
    ).toBe(303);
    await run();
    expect(mailsTo('finance')).toEqual([]);
    const results = `/pilots/${signed.slug}/results/2026-02`;
    expect(
      (await submit(await t.agent('admin'), results, results, { contacts: 2100 })).status,
    ).toBe(303);
    await run();
    await run();
    expect(mailsTo('finance').map((m) => m.subject)).toEqual([
      'Signed pilot: the sign-off of January 2026–February 2026 is outdated',
    ]);
  });

  (postgres ? it : it.skip)(
    'sends each reminder once when two instances run them at the same time',
    async () => {
      const other = await t.secondInstance();
      try {
        await pilotInStage(t, 'Twice reviewed', 'incubation', ['phone'], {
          nextReviewDate: addDays(todayIso(now), 2),
        });
        // The board member wants e-mail again.
        const board = await t.agent('board');
        const form = renderedForm(
          (await board.get('/account/reminders')).text,
          '/account/reminders',
        );
        await board
          .post('/account/reminders')
          .type('form')
          .send(encodeForm({ ...form, email: ['review_soon'] }));
        const before = mailsTo('board').length;
        await Promise.all([run(), other.app.get(RemindersService).run(now), run()]);
        expect(mailsTo('board').length - before).toBe(1);
        expect(
          await t.dataSource
            .getRepository(Notification)
            .countBy({ kind: 'review_soon', userId: t.users.board.id }),
        ).toBe(3);
      } finally {
        await other.close();
      }
    },
  );

  it("words a reminder and its e-mail in the recipient's own language", async () => {
    await t.dataSource.getRepository(ReminderPreference).delete({ userId: t.users.board.id });
    await t.dataSource.getRepository(User).update({ id: t.users.board.id }, { language: 'nl' });
    const before = mailsTo('board').length;
    const dutch = await pilotInStage(t, 'Dutch review', 'incubation', ['phone'], {
      ownerUserId: t.users.owner.id,
      nextReviewDate: addDays(todayIso(now), 2),
    });
    await run();
    const mail = mailsTo('board').slice(before);
    expect(mail.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Beoordeling van Dutch review op \d+ \w+ \d{4}$/),
    ]);
    expect(mail[0].text).toContain(
      'U krijgt dit omdat herinneringen van deze soort voor u aanstaan.',
    );
    const stored = await t.dataSource
      .getRepository(Notification)
      .findBy({ subjectKey: `pilot:${dutch.id}` });
    expect(stored.map((n) => n.title)).toEqual([
      expect.stringMatching(/^Beoordeling van Dutch review op /),
    ]);
    await t.dataSource.getRepository(User).update({ id: t.users.board.id }, { language: null });
  });
});

function formatted(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${year}`;
}

/** A header's MIME encoded words (RFC 2047, =?UTF-8?Q?…?=) as text. */
function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, text: string) =>
      Buffer.from(
        text
          .replace(/_/g, ' ')
          .replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8'),
    );
}
