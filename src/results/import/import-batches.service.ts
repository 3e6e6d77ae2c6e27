import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { Writer } from '../../database/writer.service';
import { ImportBatch } from './import-batch.entity';
import { packUpload, unpackUpload } from './stored-upload';

/** Uploads held between their preview and the user's confirmation (gzipped, for a day). */
@Injectable()
export class ImportBatches {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
  ) {}

  async hold(fileName: string, content: string, actor: string): Promise<ImportBatch> {
    const packed = await packUpload(content);
    return this.writer.write(async (em) => {
      // Previews nobody confirmed within a day are dropped.
      await em.delete(ImportBatch, { createdAt: LessThan(new Date(Date.now() - 86_400_000)) });
      return em.save(
        em.create(ImportBatch, {
          id: randomUUID(),
          fileName: fileName.slice(0, 200),
          content: packed,
          createdBy: actor,
          createdAt: new Date(),
        }),
      );
    });
  }

  /** The held upload and its text, or null when it was confirmed already or expired. */
  async take(id: string): Promise<{ batch: ImportBatch; content: string } | null> {
    const batch = await this.dataSource.getRepository(ImportBatch).findOneBy({ id });
    return batch ? { batch, content: await unpackUpload(batch.content) } : null;
  }

  async discard(id: string): Promise<void> {
    await this.writer.write((em) => em.delete(ImportBatch, { id }));
  }
}
