import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

/**
 * Evidence files for readiness items, the IT commitment and board decisions, kept in the
 * database (base64 text: one column type on SQLite and PostgreSQL) so backups carry them.
 */
export class EvidenceFiles1763856000026 implements MigrationInterface {
  name = 'EvidenceFiles1763856000026';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'evidence_file',
        columns: [
          idColumn(),
          { name: 'pilot_id', type: 'integer' },
          { name: 'subject', type: 'varchar', length: '20' },
          { name: 'subject_id', type: 'integer', isNullable: true },
          { name: 'file_name', type: 'varchar', length: '120' },
          { name: 'media_type', type: 'varchar', length: '100' },
          { name: 'size_bytes', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'content', type: 'text' },
          { name: 'uploaded_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'uploaded_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'evidence_file_pilot_fkey',
            columnNames: ['pilot_id'],
            referencedTableName: 'pilot',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'evidence_file',
      new TableIndex({
        name: 'evidence_file_subject_idx',
        columnNames: ['pilot_id', 'subject', 'subject_id'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('evidence_file', 'evidence_file_subject_idx');
    await queryRunner.dropTable('evidence_file');
  }
}
