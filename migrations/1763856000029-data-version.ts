import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * One counter that every write of data moves on (the Writer bumps it in the write's own
 * transaction): pages and API answers carry an ETag made from it, and a repeat whose data has
 * not changed is answered 304 without being rendered.
 */
export class DataVersion1763856000029 implements MigrationInterface {
  name = 'DataVersion1763856000029';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'data_version',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'version', type: 'integer', default: 0 },
        ],
      }),
    );
    await queryRunner.query('INSERT INTO data_version (id, version) VALUES (1, 0)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('data_version');
  }
}
