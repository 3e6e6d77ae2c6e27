import { t } from '../i18n/translate';
// What an evidence file may be, told from its content, not its name. Pure.

/** The largest evidence file: a signed process description or a slide deck fits easily. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export interface EvidenceKind {
  mediaType: string;
  /** The extensions a name of this kind may have; the first is used when the name has none. */
  extensions: string[];
  label: string;
}

const KINDS = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'a PDF' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'a PNG image' },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'a JPEG image' },
  gif: { mediaType: 'image/gif', extensions: ['gif'], label: 'a GIF image' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'a Word document',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'an Excel workbook',
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'a PowerPoint presentation',
  },
  odf: {
    mediaType: 'application/vnd.oasis.opendocument',
    extensions: ['odt', 'ods', 'odp'],
    label: 'an OpenDocument file',
  },
  ole: {
    mediaType: 'application/x-ole-storage',
    extensions: ['doc', 'xls', 'ppt'],
    label: 'an older Office document',
  },
} satisfies Record<string, EvidenceKind>;

/** What the accepted kinds are, in words (the upload form's hint, a refusal's message). */
export const acceptedWords = () => t('evidence.accepted');

const startsWith = (content: Buffer, bytes: number[] | string, at = 0) => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return (
    content.length >= at + expected.length &&
    content.subarray(at, at + expected.length).equals(expected)
  );
};

/** What the content is: an accepted kind, a program (never accepted), or unknown. */
export function sniff(content: Buffer): { kind: EvidenceKind } | { program: string } | null {
  if (startsWith(content, 'MZ')) return { program: 'a Windows program' };
  if (startsWith(content, [0x7f, 0x45, 0x4c, 0x46])) return { program: 'a Linux program' };
  if (
    startsWith(content, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(content, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(content, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(content, [0xca, 0xfe, 0xba, 0xbe])
  )
    return { program: 'a macOS program' };
  if (startsWith(content, '#!')) return { program: 'a script' };
  if (startsWith(content, '%PDF-')) return { kind: KINDS.pdf };
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: KINDS.png };
  if (startsWith(content, [0xff, 0xd8, 0xff])) return { kind: KINDS.jpeg };
  if (startsWith(content, 'GIF87a') || startsWith(content, 'GIF89a')) return { kind: KINDS.gif };
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { kind: KINDS.ole };
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    // A zip: an Office Open XML or OpenDocument file names its parts; any other zip is refused.
    const names = content.toString('latin1');
    if (startsWith(content, 'mimetypeapplication/vnd.oasis.opendocument', 30))
      return { kind: KINDS.odf };
    if (names.includes('[Content_Types].xml')) {
      if (names.includes('word/')) return { kind: KINDS.docx };
      if (names.includes('xl/')) return { kind: KINDS.xlsx };
      if (names.includes('ppt/')) return { kind: KINDS.pptx };
    }
    return null;
  }
  return null;
}

/** A name safe to send back in a header and to show: no path, no quotes, at most 100 characters. */
export function safeFileName(name: string, kind: EvidenceKind): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKD')
    .replace(/[^\w.\- ]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  const dot = cleaned.lastIndexOf('.');
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).slice(0, 90).trim() || 'evidence';
  const ext = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  return `${stem}.${kind.extensions.includes(ext) ? ext : kind.extensions[0]}`;
}

/**
 * An upload checked: its kind from the content, the name's extension agreeing with it, within
 * the size limit. The reason in words when refused.
 */
export function checkEvidence(
  name: string,
  content: Buffer,
):
  | { ok: true; mediaType: string; fileName: string }
  | { ok: false; reason: string; tooLarge?: true } {
  if (content.length === 0) return { ok: false, reason: t('evidence.empty') };
  if (content.length > MAX_EVIDENCE_BYTES)
    return {
      ok: false,
      tooLarge: true,
      reason: t('evidence.tooLarge', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 }),
    };
  const found = sniff(content);
  const ext = (name.split('.').pop() ?? '').toLowerCase();
  if (!found)
    return {
      ok: false,
      reason: t('evidence.notAccepted', { accepted: acceptedWords() }),
    };
  if ('program' in found)
    return {
      ok: false,
      reason: ext
        ? t('evidence.programNamed', { program: found.program, ext })
        : t('evidence.program', { program: found.program }),
    };
  if (name.includes('.') && !found.kind.extensions.includes(ext))
    return {
      ok: false,
      reason: t('evidence.wrongName', { kind: found.kind.label, ext }),
    };
  return { ok: true, mediaType: found.kind.mediaType, fileName: safeFileName(name, found.kind) };
}
