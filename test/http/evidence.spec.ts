import request from 'supertest';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { EvidenceFile } from '../../src/evidence/evidence-file.entity';
import { MAX_EVIDENCE_BYTES } from '../../src/evidence/evidence-rules';
import { Decision } from '../../src/lifecycle/decision.entity';
import { PilotReadiness } from '../../src/readiness/pilot-readiness.entity';
import { ReadinessItem } from '../../src/readiness/readiness-item.entity';
import { pilotFields, pilotInStage } from '../support/factories';
import { attachFile, csrfToken, fillAndSubmit, submit, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const pdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n% routing test report\n'),
  Buffer.alloc(2048, 0x41),
]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49]);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 0x90)]);

// Evidence files (issue 17): attached to readiness items, the IT commitment and decisions; the
// kind checked from the content; kept in the database; downloaded only as an attachment.
describe('Evidence files (HTTP)', () => {
  let t: TestApp;
  let items: ReadinessItem[];
  const checklist = '/pilots/mine/readiness';
  const files = () => t.dataSource.getRepository(EvidenceFile).find({ order: { id: 'ASC' } });

  beforeAll(async () => {
    t = await createTestApp();
    const owner = await t.agent('owner');
    expect(
      (await submit(owner, '/pilots/new', '/pilots', pilotFields({ name: 'Mine' }))).status,
    ).toBe(303);
    items = await t.dataSource.getRepository(ReadinessItem).find({ order: { id: 'ASC' } });
  });
  afterAll(() => t.close());

  it('keeps a file for a checklist item, and downloads it only as an attachment', async () => {
    const owner = await t.agent('owner');
    const action = `${checklist}/${items[0].id}/files`;
    const res = await attachFile(owner, checklist, action, '../Routing "test" report.pdf', pdf);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${checklist}#item-${items[0].id}`);
    const [kept] = await files();
    expect(kept).toMatchObject({
      subject: 'readiness',
      subjectId: items[0].id,
      fileName: 'Routing test report.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    const page = await owner.get(checklist);
    expect(page.text).toContain(`href="/evidence/${kept.id}"`);
    expect(text(page.text)).toContain('Routing test report.pdf');

    // Anyone signed in may read it: as an attachment, with its safe name, never rendered.
    const download = await (await t.agent('viewer')).get(`/evidence/${kept.id}`).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Routing test report.pdf"; filename*=UTF-8''Routing%20test%20report.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    // Not by someone signed out.
    const anonymous = await request(t.app.getHttpServer()).get(`/evidence/${kept.id}`);
    expect([anonymous.status, anonymous.headers.location]).toEqual([
      303,
      `/sign-in?next=${encodeURIComponent(`/evidence/${kept.id}`)}`,
    ]);
    const audit = await t.dataSource.getRepository(AuditEntry).findBy({ entityType: 'evidence' });
    expect(audit.map((a) => a.newValue)).toEqual([
      expect.stringMatching(/^Routing test report\.pdf \(\d+ bytes, sha256 [0-9a-f]{12}…\)$/),
    ]);
  });

  it('lets a "done" item rest on a file instead of a line of text', async () => {
    const owner = await t.agent('owner');
    const withFile = await fillAndSubmit(owner, checklist, `${checklist}/${items[0].id}`, {
      status: 'done',
      evidence: '',
    });
    expect(withFile.status).toBe(303);
    const without = await fillAndSubmit(owner, checklist, `${checklist}/${items[1].id}`, {
      status: 'done',
      evidence: '',
    });
    expect(without.status).toBe(422);
    expect(text(without.text)).toContain(
      'Say what shows it is done (a document, a decision, a link), or attach a file below.',
    );
    const rows = await t.dataSource.getRepository(PilotReadiness).find();
    expect(rows.map((r) => [r.itemId, r.status, r.evidence])).toEqual([
      [items[0].id, 'done', null],
    ]);
  });

  it('refuses a program renamed to .pdf, a name that lies, a file too big, and who may not attach', async () => {
    const owner = await t.agent('owner');
    const action = `${checklist}/${items[1].id}/files`;
    const before = (await files()).length;
    const renamed = await attachFile(owner, checklist, action, 'roadmap.pdf', exe);
    expect(renamed.status).toBe(422);
    expect(text(renamed.text)).toContain(
      'The file is a Windows program, whatever its name (.pdf) says; programs are never kept.',
    );
    const lying = await attachFile(owner, checklist, action, 'photo.pdf', png);
    expect(lying.status).toBe(422);
    expect(text(lying.text)).toContain(
      "The file's content is a PNG image, but its name ends in .pdf.",
    );
    const big = await attachFile(
      owner,
      checklist,
      action,
      'big.pdf',
      Buffer.concat([pdf, Buffer.alloc(MAX_EVIDENCE_BYTES)]),
    );
    expect(big.status).toBe(413);
    expect(text(big.text)).toContain('The file is larger than 10 MB.');
    const none = await owner
      .post(`${action}?_csrf=${encodeURIComponent(csrfToken((await owner.get(checklist)).text))}`)
      .field('x', '1');
    expect(none.status).toBe(422);
    expect(text(none.text)).toContain('Choose a file to attach.');
    // A viewer sees no upload form and is refused; no token, no upload.
    const viewer = await t.agent('viewer');
    expect((await viewer.get(checklist)).text).not.toContain(`action="${action}?_csrf=`);
    const token = csrfToken((await viewer.get('/pilots/mine')).text);
    const refused = await viewer
      .post(`${action}?_csrf=${encodeURIComponent(token)}`)
      .attach('file', pdf, 'x.pdf');
    expect(refused.status).toBe(403);
    const noToken = await owner.post(action).attach('file', pdf, 'x.pdf');
    expect(noToken.status).toBe(403);
    expect((await files()).length).toBe(before);
  });

  it('keeps files for the IT commitment and, by the board, for a decision; removes them audited', async () => {
    const owner = await t.agent('owner');
    expect(
      (await attachFile(owner, '/pilots/mine/it', '/pilots/mine/it/files', 'roadmap.png', png))
        .status,
    ).toBe(303);

    const pilot = await pilotInStage(t, 'Decided pilot', 'incubation', ['phone']);
    const review = `/pilots/${pilot.slug}/review`;
    const board = await t.agent('board');
    await fillAndSubmit(board, review, `/pilots/${pilot.slug}/decisions`, {
      outcome: 'pivot',
      rationale: 'The customers want a person.',
      members: 'Marieke Smit',
      lessonsLearned: 'Hand over at once.',
    });
    const decision = await t.dataSource
      .getRepository(Decision)
      .findOneByOrFail({ pilotId: pilot.id });
    const action = `/pilots/${pilot.slug}/decisions/${decision.id}/files`;
    expect((await attachFile(board, review, action, 'minutes.pdf', pdf)).status).toBe(303);
    // The owner reads the review, without a way to attach to a decision.
    const ownerToken = csrfToken((await owner.get('/pilots/mine')).text);
    expect(
      (
        await owner
          .post(`${action}?_csrf=${encodeURIComponent(ownerToken)}`)
          .attach('file', pdf, 'x.pdf')
      ).status,
    ).toBe(403);
    expect((await files()).map((f) => [f.subject, f.fileName])).toEqual([
      ['readiness', 'Routing test report.pdf'],
      ['it', 'roadmap.png'],
      ['decision', 'minutes.pdf'],
    ]);

    // Removed by who may attach it; the audit trail keeps that it was there.
    const [, it, minutes] = await files();
    const viewer = await t.agent('viewer');
    const viewerToken = csrfToken((await viewer.get('/pilots/mine')).text);
    expect(
      (await viewer.post(`/evidence/${it.id}/delete`).type('form').send({ _csrf: viewerToken }))
        .status,
    ).toBe(403);
    const removed = await fillAndSubmit(owner, '/pilots/mine/it', `/evidence/${it.id}/delete`, {});
    expect(removed.status).toBe(303);
    expect(await t.dataSource.getRepository(EvidenceFile).countBy({ id: it.id })).toBe(0);
    await (await t.agent('viewer')).get(`/evidence/${it.id}`).expect(404);
    const audit = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ entityType: 'evidence', entityId: it.id });
    expect(audit.map((a) => [a.oldValue, a.newValue])).toEqual([
      [null, expect.stringContaining('roadmap.png')],
      ['roadmap.png', null],
    ]);
    expect(text((await board.get(review)).text)).toContain('minutes.pdf');
    expect(minutes.subjectId).toBe(decision.id);
  });
});
