import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { timestampColumn } from './helpers';

// Sessions live in the database so that several app instances share them.
export class CreateSession1763856000004 implements MigrationInterface {
  name = 'CreateSession1763856000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'session',
        columns: [
          { name: 'id', type: 'varchar', length: '128', isPrimary: true },
          timestampColumn(queryRunner, 'expires_at'),
          { name: 'data', type: 'text' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'session',
      new TableIndex({ name: 'session_expires_idx', columnNames: ['expires_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('session');
  }
}
