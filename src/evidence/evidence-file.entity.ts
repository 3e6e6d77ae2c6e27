import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pilot } from '../pilots/pilot.entity';

/** What a file is evidence for: a readiness item, the IT commitment, or a board decision. */
export const EVIDENCE_SUBJECTS = ['readiness', 'it', 'decision'] as const;
export type EvidenceSubject = (typeof EVIDENCE_SUBJECTS)[number];

/**
 * A file kept as evidence: a signed process description, a routing test report, a roadmap
 * slide. Stored in the database, so backups and every PostgreSQL instance carry it; its content
 * as base64 text, one column type on both databases. Its kind is checked from the content.
 */
@Entity('evidence_file')
@Index('evidence_file_subject_idx', ['pilotId', 'subject', 'subjectId'])
export class EvidenceFile {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'pilot_id', type: 'integer' })
  pilotId: number;

  @ManyToOne(() => Pilot)
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'evidence_file_pilot_fkey' })
  pilot?: Pilot;

  @Column({ type: 'varchar', length: 20 })
  subject: EvidenceSubject;

  /** The readiness item's or the decision's id; null for the IT commitment. */
  @Column({ name: 'subject_id', type: 'integer', nullable: true })
  subjectId: number | null;

  /** Made safe when uploaded (no path, no quotes), with the extension of its content. */
  @Column({ name: 'file_name', type: 'varchar', length: 120 })
  fileName: string;

  /** From the content, never from the name or the browser. */
  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** Base64; read only for a download. */
  @Column({ type: 'text', select: false })
  content: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 120 })
  uploadedBy: string;

  @Column({ name: 'uploaded_at' })
  uploadedAt: Date;
}
