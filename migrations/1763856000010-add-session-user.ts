import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

// Which user a session belongs to, so deactivating an account can end its sessions at once.
export class AddSessionUser1763856000010 implements MigrationInterface {
  name = 'AddSessionUser1763856000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'session',
      new TableColumn({ name: 'user_id', type: 'integer', isNullable: true }),
    );
    await queryRunner.createIndex(
      'session',
      new TableIndex({ name: 'session_user_idx', columnNames: ['user_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('session', 'session_user_idx');
    await queryRunner.dropColumn('session', 'user_id');
  }
}
