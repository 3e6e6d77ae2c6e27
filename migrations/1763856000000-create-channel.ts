import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

export class CreateChannel1763856000000 implements MigrationInterface {
  name = 'CreateChannel1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'channel',
        columns: [
          idColumn(),
          { name: 'key', type: 'varchar', length: '40' },
          { name: 'name', type: 'varchar', length: '80' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'active', type: 'boolean' },
          { name: 'position', type: 'integer' },
          { name: 'version', type: 'integer' },
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'channel',
      new TableIndex({ name: 'channel_key_key', columnNames: ['key'], isUnique: true }),
    );
    await queryRunner.createIndex(
      'channel',
      new TableIndex({ name: 'channel_name_key', columnNames: ['name'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('channel');
  }
}
