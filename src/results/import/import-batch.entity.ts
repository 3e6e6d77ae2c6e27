import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An uploaded CSV waiting for the user to confirm its preview. */
@Entity('import_batch')
export class ImportBatch {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'created_by', type: 'varchar', length: 120 })
  createdBy: string;

  @Index('import_batch_created_idx')
  @Column({ name: 'created_at' })
  createdAt: Date;
}
