import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { timestampColumn } from './helpers';

// An uploaded CSV between its preview and the user's confirmation; kept in the database so
// that any app instance can confirm it.
export class CreateImportBatch1763856000006 implements MigrationInterface {
  name = 'CreateImportBatch1763856000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'import_batch',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'file_name', type: 'varchar', length: '200' },
          { name: 'content', type: 'text' },
          { name: 'created_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'created_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'import_batch',
      new TableIndex({ name: 'import_batch_created_idx', columnNames: ['created_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('import_batch');
  }
}
