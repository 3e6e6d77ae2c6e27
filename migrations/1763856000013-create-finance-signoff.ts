import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

// Finance's sign-off of a pilot's business case for a month range, with a fingerprint of the
// inputs it covered: when an input changes afterwards, the sign-off shows as outdated.
export class CreateFinanceSignoff1763856000013 implements MigrationInterface {
  name = 'CreateFinanceSignoff1763856000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'finance_signoff',
        columns: [
          idColumn(),
          { name: 'pilot_id', type: 'integer' },
          { name: 'from_month', type: 'varchar', length: '7' },
          { name: 'to_month', type: 'varchar', length: '7' },
          { name: 'fingerprint', type: 'varchar', length: '64' },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'signed_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'signed_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'finance_signoff_pilot_fkey',
            columnNames: ['pilot_id'],
            referencedTableName: 'pilot',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'finance_signoff',
      new TableIndex({ name: 'finance_signoff_pilot_idx', columnNames: ['pilot_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('finance_signoff');
  }
}
