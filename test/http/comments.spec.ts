import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { PilotComment } from '../../src/comments/pilot-comment.entity';
import { csrfToken, fillAndSubmit, renderedForm, submit, unescapeHtml } from '../support/forms';
import { pilotFields } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

// Comments on a pilot (issue 17): the discussion around a decision, kept with the pilot, on its
// page and in its board pack. Its owner, the board and finance write them; nobody edits them.
describe('Comments on a pilot (HTTP)', () => {
  let t: TestApp;
  const page = '/pilots/mine';
  const action = '/pilots/mine/comments';
  beforeAll(async () => {
    t = await createTestApp();
    const owner = await t.agent('owner');
    expect(
      (await submit(owner, '/pilots/new', '/pilots', pilotFields({ name: 'Mine' }))).status,
    ).toBe(303);
    const admin = await t.agent('admin');
    expect(
      (await submit(admin, '/pilots/new', '/pilots', pilotFields({ name: 'Theirs' }))).status,
    ).toBe(303);
  });
  afterAll(() => t.close());

  const stored = () => t.dataSource.getRepository(PilotComment).find({ order: { id: 'ASC' } });

  it('keeps the owner’s, the board’s and finance’s comments, in order, on the page and in the board pack', async () => {
    for (const [role, comment] of [
      ['owner', 'The routing test is planned for next week.'],
      ['board', 'Show the control group’s figures at the review, please.'],
      ['finance', '<script>alert("rates")</script> The rates of March are still provisional.'],
    ] as const) {
      const agent = await t.agent(role);
      expect(renderedForm((await agent.get(page).expect(200)).text, action).text).toBe('');
      const res = await fillAndSubmit(agent, page, action, { text: comment });
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/pilots\/mine#comment-\d+$/);
    }
    const rows = await stored();
    expect(rows.map((c) => [c.authorUserId, c.authorLabel.split(',')[1]?.trim()])).toEqual([
      [t.users.owner.id, 'Channel owner'],
      [t.users.board.id, 'Board member'],
      [t.users.finance.id, 'Finance'],
    ]);

    const viewer = await t.agent('viewer');
    const shown = await viewer.get(page).expect(200);
    const words = text(shown.text);
    expect(words.indexOf('The routing test is planned')).toBeLessThan(
      words.indexOf('Show the control group’s figures'),
    );
    // Escaped, never run.
    expect(shown.text).not.toContain('<script>alert("rates")</script>');
    expect(shown.text).toContain('&lt;script&gt;alert(');
    const pack = text((await viewer.get('/pilots/mine/board-pack').expect(200)).text);
    expect(pack).toContain('Discussion');
    expect(pack).toContain('Show the control group’s figures at the review, please.');

    const audit = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ entityType: 'comment', pilotId: rows[0].pilotId });
    expect(audit.map((a) => a.newValue)).toContain('The routing test is planned for next week.');
  });

  it('refuses an empty comment next to its field, and anyone who may not comment', async () => {
    const before = (await stored()).length;
    const board = await t.agent('board');
    const empty = await fillAndSubmit(board, page, action, { text: ' x ' });
    expect(empty.status).toBe(422);
    expect(text(empty.text)).toContain('Write the comment in 2 to 4000 characters.');
    expect(renderedForm(empty.text, action).text).toBe(' x ');

    // A viewer, and a channel owner on a pilot they do not own, see no form and are refused.
    const viewer = await t.agent('viewer');
    expect((await viewer.get(page)).text).not.toContain(`action="${action}"`);
    const owner = await t.agent('owner');
    const theirs = await owner.get('/pilots/theirs').expect(200);
    expect(theirs.text).not.toContain('action="/pilots/theirs/comments"');
    for (const [agent, path] of [
      [viewer, action],
      [owner, '/pilots/theirs/comments'],
    ] as const) {
      const token = csrfToken((await agent.get(page)).text);
      const res = await agent
        .post(path)
        .type('form')
        .send({ _csrf: token, text: 'Not mine to say.' });
      expect(res.status).toBe(403);
    }
    expect((await stored()).length).toBe(before);
  });
});
