import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

export class CreatePilot1763856000002 implements MigrationInterface {
  name = 'CreatePilot1763856000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const person = (name: string) => ({ name, type: 'varchar', length: '120', isNullable: true });
    await queryRunner.createTable(
      new Table({
        name: 'pilot',
        columns: [
          idColumn(),
          { name: 'slug', type: 'varchar', length: '60' },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'description', type: 'text' },
          { name: 'channel_type', type: 'varchar', length: '30' },
          { name: 'purposes', type: 'varchar', length: '100' },
          { name: 'target_contact_types', type: 'text' },
          { name: 'scope', type: 'text' },
          { name: 'control_scope', type: 'text', isNullable: true },
          person('owner_name'),
          person('owner_department'),
          person('sponsor'),
          person('it_contact'),
          person('operations_lead'),
          person('finance_controller'),
          { name: 'service_strategy', type: 'varchar', length: '20' },
          { name: 'stage', type: 'varchar', length: '30' },
          { name: 'stage_entered_on', type: 'date' },
          { name: 'next_review_date', type: 'date', isNullable: true },
          { name: 'lessons_learned', type: 'text', isNullable: true },
          { name: 'version', type: 'integer' },
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'pilot',
      new TableIndex({ name: 'pilot_slug_key', columnNames: ['slug'], isUnique: true }),
    );
    await queryRunner.createIndex(
      'pilot',
      new TableIndex({ name: 'pilot_stage_idx', columnNames: ['stage'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'pilot_affected_channel',
        columns: [
          { name: 'pilot_id', type: 'integer', isPrimary: true },
          { name: 'channel_id', type: 'integer', isPrimary: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'pilot_affected_channel_pilot_fkey',
            columnNames: ['pilot_id'],
            referencedTableName: 'pilot',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'pilot_affected_channel_channel_fkey',
            columnNames: ['channel_id'],
            referencedTableName: 'channel',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'pilot_affected_channel',
      new TableIndex({ name: 'pilot_affected_channel_channel_idx', columnNames: ['channel_id'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'pilot_stage_change',
        columns: [
          idColumn(),
          { name: 'pilot_id', type: 'integer' },
          { name: 'from_stage', type: 'varchar', length: '30', isNullable: true },
          { name: 'to_stage', type: 'varchar', length: '30' },
          timestampColumn(queryRunner, 'changed_at'),
          { name: 'actor', type: 'varchar', length: '120' },
          { name: 'reason', type: 'text', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'pilot_stage_change_pilot_fkey',
            columnNames: ['pilot_id'],
            referencedTableName: 'pilot',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'pilot_stage_change',
      new TableIndex({
        name: 'pilot_stage_change_pilot_idx',
        columnNames: ['pilot_id', 'changed_at'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('pilot_stage_change');
    await queryRunner.dropTable('pilot_affected_channel');
    await queryRunner.dropTable('pilot');
  }
}
