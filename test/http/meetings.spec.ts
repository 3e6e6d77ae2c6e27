import { BoardMeeting, BoardMeetingItem } from '../../src/lifecycle/board-meeting.entity';
import { Decision } from '../../src/lifecycle/decision.entity';
import { addDays, todayIso } from '../../src/common/dates';
import { findPilot, pilotInStage } from '../support/factories';
import { csrfToken, fillAndSubmit, renderedForm, unescapeHtml } from '../support/forms';
import { type Agent, createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

// The board's meeting (issue 17): scheduled with a date and members, an agenda (suggested:
// in scale-up review, a review due by the meeting, open conditions), one combined pack, the
// decisions recorded from it with its members, and its page as the minutes.
describe('Board meetings (HTTP)', () => {
  let t: TestApp;
  let board: Agent;
  let meetingUrl: string;
  const inTwoWeeks = addDays(todayIso(), 14);

  beforeAll(async () => {
    t = await createTestApp();
    board = await t.agent('board');
    // In scale-up review; in incubation with its review passed; with an open condition; and one
    // that nothing brings to the board.
    await pilotInStage(t, 'Video for premium', 'scale_up_review', ['phone']);
    await pilotInStage(t, 'Billing chatbot', 'incubation', ['phone'], {
      nextReviewDate: addDays(todayIso(), -3),
    });
    const conditioned = await pilotInStage(t, 'WhatsApp for movers', 'incubation', ['phone']);
    const review = `/pilots/${conditioned.slug}/review`;
    const extended = await fillAndSubmit(board, review, `/pilots/${conditioned.slug}/decisions`, {
      outcome: 'extend',
      rationale: 'Needs a quarter more of results.',
      members: 'Marieke Smit',
      conditions: 'Routing agreed with operations',
      nextReviewDate: addDays(todayIso(), 120),
    });
    expect(extended.status).toBe(303);
    await pilotInStage(t, 'Quiet portal', 'proof_of_concept', ['phone']);
  });
  afterAll(() => t.close());

  it('schedules a meeting on the form as rendered, refusing a bad date next to its field', async () => {
    const bad = await fillAndSubmit(board, '/board/meetings', '/board/meetings', {
      heldOn: '31-12-2026',
      members: 'Marieke Smit, Joost de Boer',
    });
    expect(bad.status).toBe(422);
    expect(text(bad.text)).toContain('Give the meeting’s date as YYYY-MM-DD.');
    expect(renderedForm(bad.text, '/board/meetings').members).toBe('Marieke Smit, Joost de Boer');
    expect(await t.dataSource.getRepository(BoardMeeting).count()).toBe(0);

    const ok = await fillAndSubmit(board, '/board/meetings', '/board/meetings', {
      heldOn: inTwoWeeks,
      members: 'Marieke Smit, Joost de Boer',
    });
    expect(ok.status).toBe(303);
    meetingUrl = ok.headers.location;
    expect(meetingUrl).toMatch(/^\/board\/meetings\/\d+$/);
    expect(text((await board.get('/board/meetings')).text)).toContain('0 pilots on the agenda');
  });

  it('suggests the pilots the board should see, and puts them on the agenda from the page', async () => {
    const page = await board.get(meetingUrl).expect(200);
    const shown = text(page.text);
    expect(shown).toContain('Video for premium · in scale-up review');
    expect(shown).toContain('Billing chatbot · review due · review overdue');
    expect(shown).toContain('WhatsApp for movers · open conditions');
    expect(shown).not.toMatch(/Quiet portal · /);
    for (const slug of ['video-for-premium', 'billing-chatbot', 'whatsapp-for-movers']) {
      const current = await board.get(meetingUrl);
      const form = new RegExp(
        `<form method="post" action="(${meetingUrl}/agenda)" class="inline-form">\\s*<input type="hidden" name="_csrf" value="([^"]+)">\\s*<input type="hidden" name="pilot" value="${slug}">`,
      ).exec(current.text)!;
      const res = await board.post(form[1]).type('form').send({ _csrf: form[2], pilot: slug });
      expect(res.status).toBe(303);
    }
    // Another pilot from the list; an unknown one is refused on the page.
    const added = await fillAndSubmit(board, meetingUrl, `${meetingUrl}/agenda`, {
      pilot: 'quiet-portal',
    });
    expect(added.status).toBe(303);
    const unknown = await board
      .post(`${meetingUrl}/agenda`)
      .type('form')
      .send({ _csrf: csrfToken((await board.get(meetingUrl)).text), pilot: 'no-such-pilot' });
    expect(unknown.status).toBe(422);
    expect(text(unknown.text)).toContain('Choose a pilot from the list.');
    const agenda = text((await board.get(meetingUrl)).text);
    expect(agenda).toMatch(/Video for premium.*Billing chatbot.*WhatsApp for movers.*Quiet portal/);
    expect(agenda).toMatch(/Billing chatbot · Incubation · review [^·]+ overdue/);
    // Taken off again, and back on.
    const off = await fillAndSubmit(board, meetingUrl, `${meetingUrl}/agenda/remove`, {
      pilot: 'quiet-portal',
    });
    expect(off.status).toBe(303);
    expect(await t.dataSource.getRepository(BoardMeetingItem).count()).toBe(3);
  });

  it('sends one combined pack: a cover with the agenda, figures and gates, then each board pack', async () => {
    const res = await (await t.agent('viewer')).get(`${meetingUrl}/pack`).expect(200);
    const shown = text(res.text);
    expect(shown).toContain('Agenda');
    expect(shown).toMatch(/Video for premium: gate checklist.*Billing chatbot: gate checklist/);
    expect(shown).toMatch(
      /Board pack: Video for premium.*Board pack: Billing chatbot.*Board pack: WhatsApp for movers/,
    );
    // Every id once, though three packs are on one page.
    const ids = [...res.text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(res.text).toContain('data-print');
  });

  it('records each decision from the meeting, with its members, and the page becomes the minutes', async () => {
    const page = await board.get(meetingUrl);
    const link = /href="(\/pilots\/billing-chatbot\/review\?meeting=\d+)"/.exec(page.text)![1];
    const review = await board.get(link).expect(200);
    const form = renderedForm(review.text, '/pilots/billing-chatbot/decisions');
    expect(form.members).toBe('Marieke Smit, Joost de Boer');
    expect(form.meetingId).toBe(meetingUrl.split('/').pop());
    const decided = await fillAndSubmit(board, link, '/pilots/billing-chatbot/decisions', {
      outcome: 'pivot',
      rationale: 'Customers want a person for payment arrangements.',
      lessonsLearned: 'Hand over to a person at once for payment arrangements.',
    });
    expect(decided.status).toBe(303);
    expect(decided.headers.location).toBe(`${meetingUrl}#agenda-billing-chatbot`);
    const pilot = await findPilot(t.dataSource, 'billing-chatbot');
    const decision = await t.dataSource
      .getRepository(Decision)
      .findOneByOrFail({ pilotId: pilot.id });
    expect(decision.members).toBe('Marieke Smit, Joost de Boer');
    const line = await t.dataSource
      .getRepository(BoardMeetingItem)
      .findOneByOrFail({ pilotId: pilot.id });
    expect(line.decisionId).toBe(decision.id);

    // A second decision for the pilot in the same meeting is refused next to the form.
    const again = await fillAndSubmit(board, link, '/pilots/billing-chatbot/decisions', {
      outcome: 'stop',
      rationale: 'Changed our minds.',
      lessonsLearned: 'Decide once per meeting.',
    });
    expect(again.status).toBe(422);
    expect(text(again.text)).toContain(
      `Decision #${decision.id} is already recorded for this pilot`,
    );

    // The minutes: the decision with its outcome and rationale; it cannot be taken off.
    const minutes = text((await (await t.agent('viewer')).get(meetingUrl)).text);
    expect(minutes).toContain('Agenda and minutes');
    expect(minutes).toContain(
      `Decided: pivot (Incubation → Proof of concept), decision #${decision.id} — Customers want a person for payment arrangements.`,
    );
    const off = await fillAndSubmit(board, meetingUrl, `${meetingUrl}/agenda/remove`, {
      pilot: 'video-for-premium',
    });
    expect(off.status).toBe(303);
    const token = csrfToken((await board.get(meetingUrl)).text);
    const kept = await board
      .post(`${meetingUrl}/agenda/remove`)
      .type('form')
      .send({ _csrf: token, pilot: 'billing-chatbot' });
    expect(kept.status).toBe(409);
    expect(text(kept.text)).toContain(`stays on the agenda: decision #${decision.id}`);
  });

  it('lets everyone read meetings and only the board plan them', async () => {
    const viewer = await t.agent('viewer');
    const list = await viewer.get('/board/meetings').expect(200);
    expect(list.text).not.toContain('action="/board/meetings"');
    for (const [path, body] of [
      ['/board/meetings', { heldOn: inTwoWeeks, members: 'Someone' }],
      [`${meetingUrl}/agenda`, { pilot: 'quiet-portal' }],
    ] as const) {
      const res = await viewer
        .post(path)
        .type('form')
        .send({ ...body, _csrf: csrfToken((await viewer.get(meetingUrl)).text) });
      expect(res.status).toBe(403);
    }
    await viewer.get('/board/meetings/999999').expect(404);
  });
});
