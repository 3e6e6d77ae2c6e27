import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

export class CreateAuditEntry1763856000003 implements MigrationInterface {
  name = 'CreateAuditEntry1763856000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          idColumn(),
          timestampColumn(queryRunner, 'at'),
          { name: 'actor', type: 'varchar', length: '120' },
          { name: 'entity_type', type: 'varchar', length: '30' },
          { name: 'entity_id', type: 'integer' },
          { name: 'pilot_id', type: 'integer', isNullable: true },
          { name: 'action', type: 'varchar', length: '20' },
          { name: 'field', type: 'varchar', length: '60', isNullable: true },
          { name: 'old_value', type: 'text', isNullable: true },
          { name: 'new_value', type: 'text', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'audit_entry_pilot_fkey',
            columnNames: ['pilot_id'],
            referencedTableName: 'pilot',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'audit_entry',
      new TableIndex({ name: 'audit_entry_pilot_idx', columnNames: ['pilot_id', 'at'] }),
    );
    await queryRunner.createIndex(
      'audit_entry',
      new TableIndex({ name: 'audit_entry_entity_idx', columnNames: ['entity_type', 'entity_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_entry');
  }
}
