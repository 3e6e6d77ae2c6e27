import {
  checkEvidence,
  MAX_EVIDENCE_BYTES,
  safeFileName,
  sniff,
} from '../../../src/evidence/evidence-rules';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20)]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0x90)]);
const zip = (...names: string[]) =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.alloc(26),
    Buffer.from(names.join('')),
  ]);

describe('evidence files, told from their content', () => {
  it('accepts the kinds kept as evidence when the name agrees', () => {
    expect(checkEvidence('Routing test report.pdf', pdf)).toEqual({
      ok: true,
      mediaType: 'application/pdf',
      fileName: 'Routing test report.pdf',
    });
    expect(checkEvidence('slide.PNG', png)).toMatchObject({
      ok: true,
      mediaType: 'image/png',
      fileName: 'slide.png',
    });
    const docx = zip('[Content_Types].xml', 'word/document.xml');
    expect(checkEvidence('process.docx', docx)).toMatchObject({
      ok: true,
      fileName: 'process.docx',
    });
    expect(sniff(zip('[Content_Types].xml', 'xl/workbook.xml'))).toMatchObject({
      kind: { label: 'an Excel workbook' },
    });
    expect(sniff(zip('[Content_Types].xml', 'ppt/presentation.xml'))).toMatchObject({
      kind: { label: 'a PowerPoint presentation' },
    });
    // A name without an extension gets the one of its content.
    expect(checkEvidence('scan', pdf)).toMatchObject({ ok: true, fileName: 'scan.pdf' });
  });

  it('refuses programs whatever their name, other content, a name that disagrees, and size', () => {
    expect(checkEvidence('roadmap.pdf', exe)).toEqual({
      ok: false,
      reason:
        'The file is a Windows program, whatever its name (.pdf) says; programs are never kept.',
    });
    expect(checkEvidence('x.pdf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toMatchObject({
      reason: expect.stringContaining('a Linux program'),
    });
    expect(checkEvidence('run.pdf', Buffer.from('#!/bin/sh\nrm -rf /\n'))).toMatchObject({
      reason: expect.stringContaining('a script'),
    });
    expect(checkEvidence('photo.pdf', png)).toEqual({
      ok: false,
      reason:
        "The file's content is a PNG image, but its name ends in .pdf. Rename it or choose the right file.",
    });
    expect(checkEvidence('archive.zip', zip('a.txt'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not one of the kinds'),
    });
    expect(checkEvidence('note.txt', Buffer.from('plain text'))).toMatchObject({ ok: false });
    expect(checkEvidence('empty.pdf', Buffer.alloc(0))).toEqual({
      ok: false,
      reason: 'The file is empty.',
    });
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_EVIDENCE_BYTES)]);
    expect(checkEvidence('big.pdf', big)).toMatchObject({ ok: false, tooLarge: true });
  });

  it('makes a name safe for a header: no path, no quotes or control characters, bounded', () => {
    const kind = { mediaType: 'application/pdf', extensions: ['pdf'], label: 'a PDF' };
    expect(safeFileName('C:\\Users\\me\\"evil"\r\nname.pdf', kind)).toBe('evilname.pdf');
    expect(safeFileName('../../etc/passwd', kind)).toBe('passwd.pdf');
    expect(safeFileName('Überprüfung.pdf', kind)).toBe('Uberprufung.pdf');
    expect(safeFileName('.hidden', kind)).toBe('hidden.pdf');
    expect(safeFileName(`${'a'.repeat(300)}.pdf`, kind)).toBe(`${'a'.repeat(90)}.pdf`);
  });
});
