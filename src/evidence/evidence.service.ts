import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { Writer } from '../database/writer.service';
import type { Pilot } from '../pilots/pilot.entity';
import { EvidenceFile, type EvidenceSubject } from './evidence-file.entity';
import { checkEvidence } from './evidence-rules';

const SUBJECT_WORDS: Record<EvidenceSubject, string> = {
  readiness: 'readiness item',
  it: 'IT commitment',
  decision: 'decision',
};

/** The audit field of a subject's files: "evidence file of readiness item #3". */
const auditField = (subject: EvidenceSubject, subjectId: number | null) =>
  `evidence file of ${SUBJECT_WORDS[subject]}${subjectId ? ` #${subjectId}` : ''}`;

/** Evidence files: kept after their content is checked, listed, downloaded, deleted; audited. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
  ) {}

  /** A pilot's files (without their content), oldest first. */
  ofPilot(pilotId: number, subject?: EvidenceSubject): Promise<EvidenceFile[]> {
    return this.dataSource.getRepository(EvidenceFile).find({
      where: { pilotId, ...(subject ? { subject } : {}) },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
  }

  /** How many files one subject of a pilot has, inside the caller's transaction. */
  count(
    em: EntityManager,
    pilotId: number,
    subject: EvidenceSubject,
    subjectId: number,
  ): Promise<number> {
    return em.getRepository(EvidenceFile).count({ where: { pilotId, subject, subjectId } });
  }

  /**
   * Keeps a file as evidence for a pilot's subject: refused with the reason (a 422, or 413 when
   * too large) unless its content is a kind kept as evidence and its name agrees.
   */
  add(
    pilot: Pilot,
    subject: EvidenceSubject,
    subjectId: number | null,
    upload: { originalname: string; buffer: Buffer },
    actor: string,
  ): Promise<EvidenceFile> {
    const checked = checkEvidence(upload.originalname, upload.buffer);
    if (!checked.ok)
      throw new DomainError(checked.tooLarge ? 'too_large' : 'validation', checked.reason, {
        file: [checked.reason],
      });
    return this.writer.write(async (em) => {
      const now = new Date();
      const file = await em.save(
        em.create(EvidenceFile, {
          pilotId: pilot.id,
          subject,
          subjectId,
          fileName: checked.fileName,
          mediaType: checked.mediaType,
          sizeBytes: upload.buffer.length,
          sha256: createHash('sha256').update(upload.buffer).digest('hex'),
          content: upload.buffer.toString('base64'),
          uploadedBy: actor,
          uploadedAt: now,
        }),
      );
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'evidence', entityId: file.id, pilotId: pilot.id },
        [
          {
            field: auditField(subject, subjectId),
            oldValue: null,
            newValue: `${file.fileName} (${file.sizeBytes} bytes, sha256 ${file.sha256.slice(0, 12)}…)`,
          },
        ],
        now,
      );
      return file;
    });
  }

  /** A file with its content, for a download. */
  async read(id: number): Promise<EvidenceFile & { bytes: Buffer }> {
    const file = await this.dataSource
      .getRepository(EvidenceFile)
      .createQueryBuilder('f')
      .addSelect('f.content')
      .where('f.id = :id', { id })
      .getOne();
    if (!file) throw DomainError.notFound('file');
    return { ...file, bytes: Buffer.from(file.content, 'base64') };
  }

  async get(id: number): Promise<EvidenceFile> {
    const file = await this.dataSource.getRepository(EvidenceFile).findOneBy({ id });
    if (!file) throw DomainError.notFound('file');
    return file;
  }

  remove(file: EvidenceFile, actor: string): Promise<void> {
    return this.writer.write(async (em) => {
      await em.delete(EvidenceFile, { id: file.id });
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'evidence', entityId: file.id, pilotId: file.pilotId },
        [
          {
            field: auditField(file.subject, file.subjectId),
            oldValue: file.fileName,
            newValue: null,
          },
        ],
      );
    });
  }
}
